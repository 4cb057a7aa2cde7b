"""A panel's body scrolls itself (issue 20): its scrollbar, the wheel over the whole panel, what
the palette offers for a focused panel, and its text wrapped top first (the rest after the frame)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import islice

import pytest
from textual import events
from textual.content import Content

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets import figures_panel, panel_body
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel, figure_blocks
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.sheet import Block, Kept, Sheet, Wrapped, made_once, wrap_sheet
from tests.settle import settle

BUNDLED = load(bundled_timeline())


async def test_the_scrollbar_shows_only_while_the_text_is_taller_than_the_body() -> None:
    """A text exactly as tall as the body after a taller one left the taller one's scrollbar."""
    app = make_app(BUNDLED, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(EventPanel).body
        fits = taller = 0
        for _ in range(60):
            await pilot.press("down")
            await pilot.pause()
            needed = body.virtual_size.height > body.scrollable_content_region.height
            fits, taller = fits + (not needed), taller + needed
            assert body.show_vertical_scrollbar == needed, body.virtual_size
        assert fits and taller  # both kinds of text were met


async def test_the_wheel_over_a_panels_border_scrolls_its_text() -> None:
    app = make_app(BUNDLED, theme="chiptui", remember=False, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(EventPanel)
        assert panel.body.max_scroll_y > 0
        x, y = panel.region.x, panel.region.y + 3  # the left border
        assert not panel.body.region.contains(x, y)
        panel.post_message(events.MouseScrollDown(panel, 0, 3, 0, 1, 0, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
        assert panel.body.scroll_y > 0
        panel.post_message(events.MouseScrollUp(panel, 0, 3, 0, -1, 0, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
        assert panel.body.scroll_y == 0


async def test_a_focused_panel_is_not_offered_to_maximize() -> None:
    app = make_app(BUNDLED, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and isinstance(screen.focused, Panel)
        assert not screen.focused.allow_maximize
        assert "Maximize" not in [command.title for command in app.get_system_commands(screen)]


def _drawn(wrapped: Wrapped) -> list[tuple[str, int, int]]:
    return [(line.plain, x, y) for line, x, y in wrapped.lines]


def test_a_sheet_wrapped_for_its_first_rows_begins_as_the_whole_does() -> None:
    for year, width, rows in ((1958, 28, 5), (1990, 28, 16), (2018, 40, 1), (2018, 61, 30), (2019, 20, 200)):
        event = next(e for e in BUNDLED.events if e.year == year)
        sheet = Sheet(partial(figure_blocks, BUNDLED, event), marked=0)
        whole, top = wrap_sheet(sheet, width), wrap_sheet(sheet, width, rows)
        assert whole.whole and (top.whole or len(top.lines) >= rows)
        assert top.whole == (len(top.lines) == len(whole.lines)), (year, width, rows)
        assert _drawn(top) == _drawn(whole)[: len(top.lines)]
        assert top.items == whole.items[: len(top.items)] and top.item_lines == whole.item_lines[: len(top.items)]


def test_the_top_of_a_years_figures_is_made_without_its_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[object] = []

    def chart(*args: object) -> list[Content]:
        drawn.append(args)
        return [Content("chart")]

    monkeypatch.setattr(figures_panel, "years_chart", chart)
    event = next(e for e in BUNDLED.events if e.year == 1971)
    sheet = Sheet(lambda w: figure_blocks(BUNDLED, event, w))
    assert not wrap_sheet(sheet, 33, rows=3).whole and drawn == []  # the charts are further down
    wrap_sheet(sheet, 33)
    assert len(drawn) == len(BUNDLED.charts) > 0
    wrap_sheet(sheet, 33)
    assert len(drawn) == len(BUNDLED.charts)  # made once for the year, then read where they are kept


def test_kept_blocks_are_made_once_and_as_they_are_read() -> None:
    made: list[int] = []

    def blocks() -> Iterator[Block]:
        for n in range(5):
            made.append(n)
            yield Content(str(n))

    kept = Kept(blocks())
    assert [str(b) for b in islice(kept, 2)] == ["0", "1"] and made == [0, 1]
    assert [str(b) for b in kept] == ["0", "1", "2", "3", "4"] and made == [0, 1, 2, 3, 4]
    assert [str(b) for b in kept] == ["0", "1", "2", "3", "4"] and made == [0, 1, 2, 3, 4]  # kept, not made again
    widths: list[int] = []

    def at_width(width: int) -> Iterator[Block]:
        widths.append(width)
        return blocks()

    at = made_once(at_width)
    assert list(map(str, islice(at(30), 1))) == ["0"] and list(map(str, at(30))) == [str(n) for n in range(5)]
    assert widths == [30] and list(map(str, at(20))) == [str(n) for n in range(5)] and widths == [30, 20]


async def test_a_panel_shows_its_top_first_and_its_whole_length_after_the_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first layout wraps only the figures and quotes on screen; by the next frame each body
    is whole and its scrollbar says its whole length, and so after every move to another year."""
    wraps: list[bool] = []
    real = wrap_sheet

    def counted(sheet: Sheet, width: int, rows: int | None = None) -> Wrapped:
        wrapped = real(sheet, width, rows)
        wraps.append(wrapped.whole)
        return wrapped

    monkeypatch.setattr(panel_body, "wrap_sheet", counted)
    app = make_app(BUNDLED, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert False in wraps  # some panel was wrapped in part first
        for press in range(8):
            for kind in (FiguresPanel, QuotesPanel):
                body = app.screen.query_one(kind).body

                def whole_length(body: PanelBody = body) -> bool:
                    return body.virtual_size.height == len(real(body.sheet, body.wrapped.width).lines)

                await settle(pilot, whole_length)
                whole = real(body.sheet, body.wrapped.width)
                assert body.virtual_size.height == len(whole.lines), (press, kind)
                if body.show_vertical_scrollbar:
                    assert body.vertical_scrollbar.window_virtual_size == len(whole.lines)
                assert body.items == whole.items
            await pilot.press("right")
        figures = app.screen.query_one(FiguresPanel)
        figures.focus()
        await pilot.press("end")  # the last line of the whole text is there to be read
        await settle(pilot, lambda: figures.body.scroll_y == figures.body.max_scroll_y > 0)
        last = figures.body.wrapped.lines[-1][0].plain
        assert last.strip() and last in figures.body.render_line(figures.body.size.height - 1).text


async def test_a_text_shown_while_hidden_keeps_the_place_it_is_scrolled_to() -> None:
    """A hidden panel's new text is wrapped by the layout that shows it, down to where the body
    is scrolled (not only its top), so the reader's place survives the layout."""
    app = make_app(BUNDLED, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        figures = app.screen.query_one(FiguresPanel)
        body = figures.body
        body.scroll_to(y=body.max_scroll_y, animate=False, immediate=True)
        bottom = body.scroll_y
        assert bottom > 10
        figures.display = False
        body.show(Sheet(body.sheet.blocks, marked=None))  # the same text, as a new sheet
        figures.display = True
        await settle(pilot, lambda: body.wrapped.whole and body.virtual_size.height == len(body.wrapped.lines))
        assert body.scroll_y == bottom
        last = body.wrapped.lines[-1][0].plain
        assert last in body.render_line(body.size.height - 1).text
