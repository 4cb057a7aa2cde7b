"""Wrapping never splits a number or a CJK figure, in the panels and the full views."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import make_app
from chiptui.tui.screens.detail import DetailScreen
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.wrapping import wrap_line
from tests.settle import settle

BUNDLED = load(bundled_timeline())
TITLE = "2018年中国集成电路产业销售额6532亿元"  # a source of 2018's figures
FIGURE = re.compile(r"[0-9][0-9.,]*[亿万元美]*")


def wrapped(text: str, width: int) -> list[str]:
    return [line.plain for line in wrap_line(Content(text), width)]


def test_a_cjk_figure_is_kept_whole_at_every_width() -> None:
    for width in range(8, 30):
        lines = wrapped(f"[12] {TITLE} — China News Service repost", width)
        assert any("6532亿元" in line for line in lines), (width, lines)
        assert all(cell_len(line) <= width for line in lines)


def test_cjk_text_breaks_between_characters_but_not_inside_figures_or_before_closing_marks() -> None:
    text = "2017年中国集成电路进口额为2601.4亿美元，出口668.8亿美元。全年进口6532亿元，同比增长"
    for width in range(14, 40):
        lines = wrapped(text, width)
        assert "".join(lines) == text
        assert not any(line.startswith(("，", "。")) for line in lines)
        for figure in ("2601.4亿美元", "668.8亿美元", "6532亿元"):
            assert any(figure in line for line in lines), (width, lines)


def test_latin_text_is_wrapped_as_textual_wraps_it() -> None:
    line = Content("Wei Shaojun said 468.8 billion US dollars last year, and China imported 312 billion")
    assert wrap_line(line, 17) == line.wrap(17)


@given(
    text=st.lists(
        st.sampled_from(["a", "bc", "312.06", " ", "  ", "é", "\u0301", "—", "€", "(", ")", "\u00a0"]), max_size=40
    ).map("".join),
    style_at=st.integers(min_value=0, max_value=60),
    width=st.integers(min_value=1, max_value=30),
)
def test_text_with_no_cjk_in_it_wraps_exactly_as_textuals_own_wrapping(text: str, style_at: int, width: int) -> None:
    # chiptui wraps such a line itself (Textual formats every piece again): the same lines, styles and all
    line = Content(text).stylize("bold", min(style_at, len(text)), len(text))
    assert [(piece.plain, piece.spans) for piece in wrap_line(line, width)] == [
        (piece.plain, piece.spans) for piece in (line.wrap(width) or [line])
    ]


@given(
    words=st.lists(
        st.sampled_from(["6532亿元", "312.06", "半导体", "产业", "US$300", "bn", "，", "。", "集成电路", "é\u0301"]),
        max_size=20,
    ),
    spaces=st.lists(st.booleans(), min_size=20, max_size=20),
    width=st.integers(min_value=9, max_value=40),
)
def test_no_line_splits_a_number_and_every_line_fits(words: list[str], spaces: list[bool], width: int) -> None:
    # Latin words (and their numbers) have spaces around them, as in the data; CJK words may not.
    joined = "".join(
        f" {word} " if word.isascii() else word + (" " if space else "")
        for word, space in zip(words, spaces, strict=False)
    )
    text = " ".join(joined.split())
    lines = wrapped(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for figure in FIGURE.findall(text):
        if cell_len(figure) <= width:
            assert any(figure in line for line in lines), (figure, lines)
    assert not any(line.startswith("\u0301") for line in lines)  # an accent stays on its letter


async def test_the_figures_panel_and_the_figure_in_full_keep_the_figure_whole() -> None:
    """At several sizes the 2018 figures panel lists the source whose title carries 6532亿元."""
    for size in [(120, 40), (100, 30), (80, 24)]:
        app = make_app(BUNDLED, start_year=2018, theme="chiptui")
        async with app.run_test(size=size):
            panel = app.screen.query_one(FiguresPanel)
            shown = [line.plain for line, _, _ in panel.body.lines]
            if any("6532" in line for line in shown):
                assert any("6532亿元" in line for line in shown), (size, [s for s in shown if "653" in s])
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("enter")  # the event in full: its references include that source
        await settle(pilot, lambda: isinstance(app.screen, DetailScreen))
        body = app.screen.query_one(PanelBody)
        shown = [line.plain for line, _, _ in body.lines]
        assert any("6532亿元" in line for line in shown)
        assert all(cell_len(line) <= body.size.width for line in shown)


def test_a_long_key_description_in_the_help_hangs_beside_its_keys() -> None:
    from chiptui.tui.screens.help import KEY_WIDTH, key_lines

    description = "Quit (with text selected, it copies the text instead)"
    lines = [line.plain for line in key_lines("^c", description, 40)]
    assert len(lines) > 1 and lines[0].startswith("^c" + " " * (KEY_WIDTH - 2) + "Quit")
    assert all(line.startswith(" " * KEY_WIDTH) and line[KEY_WIDTH] != " " for line in lines[1:])
    assert all(cell_len(line) <= 40 for line in lines)
    assert (
        " ".join(line.split(maxsplit=1)[-1].strip() if i == 0 else line.strip() for i, line in enumerate(lines))
        == description
    )
    # too narrow for a column beside the keys: one line, for the body to wrap
    assert [line.plain for line in key_lines("^c", description, 24)] == ["^c".ljust(KEY_WIDTH) + description]
