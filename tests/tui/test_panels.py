"""The figures and quotes panels: numbers, changes, charts, comparisons and speakers per year."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.detail import DetailScreen
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.sheet import fit
from tests.settle import settle

BUNDLED = load(bundled_timeline())


def text(app: ChipApp, panel: type[Panel]) -> str:
    """The panel's text with its wrapping undone."""
    return " ".join(str(app.screen.query_one(panel).body.render()).split())


def lines(app: ChipApp, panel: type[Panel]) -> list[str]:
    return str(app.screen.query_one(panel).body.render()).splitlines()


def figure(figure_id: str) -> str:
    found = BUNDLED.figure(figure_id)
    assert found is not None
    return found.label


async def test_figures_and_speakers_through_the_years() -> None:
    expected = {
        2013: (["232.2 USD bn", "+20% on 2012, as reported", "88 USD bn"], ["Zhao Weiguo"]),
        2016: (["227.1 USD bn", "338.9 USD bn", "+1.1% on 2015, as reported"], ["Zhao Weiguo"]),
        2018: (["312.06 USD bn", "468.8 USD bn", "≈158 USD bn", "≈160 USD bn", "≈37 USD bn"], ["Wei Shaojun"]),
        2019: (["≈304 USD bn", "412.1 USD bn", "−12.1% on 2018, as reported"], []),
    }
    app = make_app(BUNDLED, start_year=2013)
    async with app.run_test(size=(160, 50)) as pilot:
        for year, (numbers, speakers) in expected.items():
            await pilot.press(*str(year))
            await pilot.pause()
            figures, quotes = text(app, FiguresPanel), text(app, QuotesPanel)
            assert f"Figures for {year}" in figures
            for number in numbers:
                assert number in figures, (year, number)
            for speaker in speakers:
                assert speaker in quotes, (year, speaker)


async def test_a_year_without_figures_or_quotes_offers_the_nearest() -> None:
    app = make_app(BUNDLED, start_year=1958)
    async with app.run_test(size=(160, 50)):
        figures, quotes = text(app, FiguresPanel), text(app, QuotesPanel)
        assert "No figures for 1958. The nearest year with figures: 1990" in figures
        assert "50.5 USD bn" in figures
        assert "No quotes about this event. None about 1958 either." in quotes
        assert "The nearest year with quotes: 2000" in quotes
        assert "1958 is outside this chart (2004–2019)" in figures


async def test_the_interview_numbers_compare_on_one_scale_with_shares() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(160, 50)):
        shown = lines(app, FiguresPanel)
        assert "The article said: “more than 158 billion US dollars (1/3 of the total imports)”" in text(
            app, FiguresPanel
        )
        start = next(i for i, line in enumerate(shown) if "chips went" in line or "where China's" in line)
        bars = [line for line in shown[start:] if line.startswith("  █")][:4]  # imports, used, re-exported, own
        assert [bar.split()[-1] for bar in bars] == ["100%", "51%", "51%", "12%"]
        whole = cell_len(bars[0].split()[0])
        for bar in bars[1:3]:
            assert abs(cell_len(bar.split()[0]) / whole - 0.51) < 0.05, bars  # about half


async def test_series_in_one_unit_share_a_scale() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(160, 50)):
        shown = lines(app, FiguresPanel)
        start = next(i for i, line in enumerate(shown) if "China's IC imports against world" in line)
        at = next(i for i in range(start, len(shown)) if shown[i].startswith("▶2018"))
        imports, world = shown[at], shown[at + 1]  # the chart's rows for 2018: imports, then world sales

        def length(row: str) -> float:
            drawn = next(part for part in row.split() if part[0] in "█▒")
            eighths = " ▏▎▍▌▋▊▉"
            whole = drawn.count("█") + drawn.count("▒")
            return whole + (eighths.index(drawn[-1]) / 8 if drawn[-1] in eighths[1:] else 0)

        assert abs(length(imports) / length(world) - 312.06 / 468.8) < 0.03
        assert "(█) no figure" in "\n".join(shown[start:at])  # 2014 and 2015 stay missing
        assert "USD bn series share one scale: 468.8 USD bn = World semiconductor sales, 2018" in text(
            app, FiguresPanel
        )


async def test_enter_on_a_figure_opens_it_in_full() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(160, 50)) as pilot:
        app.screen.query_one(FiguresPanel).focus()
        await pilot.pause()
        assert lines(app, FiguresPanel)[1].startswith("▶ China IC imports")
        panel = app.screen.query_one(FiguresPanel)
        for _ in range(10):  # ↓ scrolls through a figure taller than the panel before moving on
            if panel.highlighted < 3:
                await pilot.press("down")
        await pilot.press("enter")  # the fourth figure
        assert isinstance(app.screen, DetailScreen)
        body = app.screen.query_one("#detail-text", PanelBody)
        full = " ".join(str(body.render()).split())
        fourth = BUNDLED.figures_for_year(2018)[3]
        assert fourth.label in full
        links = {span.style.link for span in body.text.spans if not isinstance(span.style, str)}
        for source in fourth.sources:
            url = BUNDLED.sources[source].url
            assert url is None or url in links
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_e_on_a_quote_goes_to_the_event_it_speaks_about() -> None:
    app = make_app(BUNDLED, start_year=1958)
    async with app.run_test(size=(160, 50)) as pilot:
        quotes = app.screen.query_one(QuotesPanel)
        quotes.focus()
        await pilot.press("e")  # the nearest year's quote (2000): SMIC, then Document 18
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await settle(pilot, lambda: screen.selected is not None and screen.selected.id != "kilby-first-ic")
        assert screen.selected is not None and screen.selected.id == "smic-founded"
        assert quotes.has_focus
        await pilot.press("e")  # the same quote's next event
        await settle(pilot, lambda: screen.selected is not None and screen.selected.id != "smic-founded")
        assert screen.selected.id == "document-18"


async def test_arrows_move_between_quotes_and_long_quotes_are_whole(small: Timeline) -> None:
    app = make_app(small, start_year=2018)
    async with app.run_test(size=(100, 30)) as pilot:
        quotes = app.screen.query_one(QuotesPanel)
        quotes.focus()
        await pilot.pause()
        marked = [line for line in lines(app, QuotesPanel) if line.startswith("▶")]
        assert marked == ["▶ Speaker Two"]
        for _ in range(20):  # ↓ scrolls through the first quote, then marks the next
            if quotes.highlighted == 0:
                await pilot.press("down")
        marked = [line for line in lines(app, QuotesPanel) if line.startswith("▶")]
        assert marked[0].startswith("▶ Speaker One")
        await pilot.press(*["down"] * 40)  # stays on the last
        assert quotes.highlighted == 1
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(80, 24)):
        shown = text(app, QuotesPanel)
        for quote in BUNDLED.quotes_for_event("cn-ic-imports-300bn"):
            assert " ".join(quote.text.split()) in shown
        assert "…" not in shown


async def test_the_event_panel_has_no_items_so_enter_is_the_screens() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert "Event in full" in str(app.screen.query_one("#detail-body").border_title)


@given(
    text=st.text(alphabet=st.sampled_from("ab c\t半导体 ·–é█“\u0301\u0308\u200d"), max_size=60),
    width=st.integers(min_value=1, max_value=40),
    bold=st.integers(min_value=0, max_value=60),
)
def test_a_line_is_fitted_as_textual_wraps_it(text: str, width: int, bold: int) -> None:
    """`fit` skips wrapping a line that fits; a line with no CJK in it is wrapped as Textual wraps
    it (CJK text may break between characters too: tests/tui/test_wrapping.py)."""
    line = Content(text).stylize("bold", 0, bold)
    if "\t" in text or not {"半", "导", "体"} & set(text):
        assert fit(line, width) == (line.wrap(width) or [line])
    else:
        assert "".join("".join(piece.plain for piece in fit(line, width)).split()) == "".join(text.split())


def looks(strip: Strip) -> list[tuple[str, str]]:
    """What a strip shows: its text and styles (its selection offsets left out)."""
    return [(segment.text, str(segment.style)) for segment in strip]


def drawn(body: PanelBody) -> list[Strip]:
    """Each line the body wrapped, as Textual draws the whole text made of them, with each line's
    selection offsets (its column and line in the unwrapped text, which it must match)."""
    source = body.text.plain.split("\n")
    strips = []
    for line, x, y in body.lines:
        assert source[y][x : x + len(line.plain)] == line.plain
        selection = body.text_selection
        span = selection.get_span(y) if selection is not None else None
        if span is not None:
            start, end = span
            end = len(source[y]) if end == -1 else end
            start, end = max(start, x) - x, min(end, x + len(line.plain)) - x
            if start < end:
                line = line.stylize(body._selection_style(), start, end)
        strip = Visual.to_strips(body, line, body.size.width, 1, body.visual_style, apply_selection=False)[0]
        strips.append(strip.apply_offsets(x, y))
    return strips


@pytest.mark.parametrize(("size", "year"), [((120, 40), 2018), ((110, 30), 1971)])
async def test_a_panel_draws_each_line_as_the_whole_text_would_be_drawn(size: tuple[int, int], year: int) -> None:
    """The body renders only the lines on screen, from the panel's own wrapping: each must be
    the line (text, styles, selection offsets) that rendering the whole text gives, and the whole
    text drawn is its lines as the body wrapped them (which never split a number or CJK figure)."""
    app = make_app(BUNDLED, start_year=year, theme="chiptui")
    async with app.run_test(size=size) as pilot:
        app.screen.query_one(FiguresPanel).focus()  # items marked ▶ too
        for _ in range(3):
            await pilot.pause()
            for panel in app.screen.query(Panel):
                body = panel.body
                width = body.scrollable_content_region.width
                whole = drawn(body)
                top = round(body.scroll_offset.y)  # render_line counts from the body's first row on screen
                assert [body.render_line(y - top) for y in range(len(body.lines))] == whole
                assert body.get_content_height(body.size, body.size, body.size.width) == len(whole)
                joined = Content("\n").join(line for line, _, _ in body.lines)
                textual = Visual.to_strips(body, joined, width, None, body.visual_style)
                assert list(map(looks, whole)) == list(map(looks, textual))
            await pilot.press("down")


async def test_a_mouse_selection_is_drawn_and_copied_as_the_whole_text_would_be() -> None:
    """With text selected, each line the body draws is the line of the whole text drawn with that
    selection, and the selected text is the text's own."""
    from textual.geometry import Offset
    from textual.selection import Selection

    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for panel in app.screen.query(Panel):
            body = panel.body
            selection = Selection(Offset(3, 1), Offset(7, 4))
            app.screen.selections = {body: selection}
            await pilot.pause()
            whole = drawn(body)
            assert [body.render_line(y) for y in range(len(body.lines))] == whole
            assert body.get_selection(selection) == (selection.extract(body.text.plain), "\n")
            app.screen.selections = {}
            await pilot.pause()
            plain = drawn(body)
            assert plain != whole  # the selection was drawn, and now it is gone
            assert [body.render_line(y) for y in range(len(body.lines))] == plain
