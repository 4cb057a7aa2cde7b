"""Pilot tests: the keys move the cursor and every panel follows it."""

from __future__ import annotations

from textual.widgets import Static

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load, parse
from chiptui.core.model import Timeline
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.timeline_list import TimelineList
from tests.conftest import DATA, VALID


def header_text(app: ChipApp) -> str:
    """What the header's title shows (the timeline's title — the year and the place)."""
    return str(app.screen.query_one("HeaderTitle", Static).content)


def panel_text(app: ChipApp, panel: type[EventPanel | FiguresPanel | QuotesPanel]) -> str:
    """The panel's text with its wrapping undone: runs of spaces and line breaks become one space."""
    return " ".join(str(app.screen.query_one(panel).body.render()).split())


def selected_id(app: ChipApp) -> str:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert screen.selected is not None
    return screen.selected.id


async def test_keys_move_the_cursor(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert selected_id(app) == "ev-1958"
        steps = [
            ("down", "ev-1965"),
            ("j", "ev-1978"),
            ("up", "ev-1965"),
            ("k", "ev-1958"),
            ("k", "ev-1958"),
            ("end", "ev-2019"),
            ("down", "ev-2019"),
            ("home", "ev-1958"),
            ("G", "ev-2019"),
            ("g", "ev-1958"),
            ("pagedown", "ev-2019"),
            ("pageup", "ev-1958"),
        ]
        for key, expected in steps:
            await pilot.press(key)
            await pilot.pause()
            assert (key, selected_id(app)) == (key, expected)


async def test_clicking_an_event_selects_it(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        row = timeline.view.row_of[3]
        await pilot.click(TimelineList, offset=(5, row))
        await pilot.pause()
        assert selected_id(app) == small.events[3].id
        await pilot.click(TimelineList, offset=(5, timeline.view.rows.index(small.eras[1])))
        await pilot.pause()
        assert selected_id(app) == small.events[3].id


async def test_page_moves_by_a_screenful(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 10)) as pilot:
        timeline = app.screen.query_one(TimelineList)
        await pilot.pause()
        page = timeline.page
        assert 1 <= page < len(small.events) - 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert timeline.cursor == page
        assert selected_id(app) == small.events[page].id


async def test_panels_follow_the_cursor(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "12 Sep 1958" in panel_text(app, EventPanel)
        assert "No figures for 1958." in panel_text(app, FiguresPanel)
        assert "The nearest year with figures: 2013" in panel_text(app, FiguresPanel)
        assert "No quotes about this event." in panel_text(app, QuotesPanel)
        await pilot.press("down", "down")
        await pilot.pause()
        event = panel_text(app, EventPanel)
        assert "Dec 1978" in event and "Third event" in event
        assert "The article said: “Wrong Name”" in event
        assert "Correction: The right name is Right Name." in event
        assert "Source A — Publisher A, 12 Sep 2019" in event and "Source B" in event
        quotes = panel_text(app, QuotesPanel)
        assert "Reform opened a new period." in quotes
        assert "Speaker One 一号 — Director, Test Institute" in quotes
        assert "The article said: “Chairman of the Test Institute”" in quotes
        await pilot.press("down", "down")
        await pilot.pause()
        figures = panel_text(app, FiguresPanel)
        assert "Figures for 2018" in figures
        assert "Imports 312.06 USD bn" in figures and "A fund ≈138.7 CNY bn" in figures
        assert "The article said: “more than $312 billion”" in figures
        assert "2018 · event 5 of 7" in header_text(app)


async def test_direct_words_and_paraphrase_look_different(small: Timeline) -> None:
    app = make_app(small, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = panel_text(app, QuotesPanel)
        assert "“We said this ourselves.”" in text
        assert "in their words" in text
        assert "≈ Speaker One believes the imports matter." in text
        assert "reported (paraphrase)" in text
        await pilot.press("down")
        await pilot.pause()
        text = panel_text(app, QuotesPanel)
        assert "No quotes about this event." in text
        assert "About 2018" in text and "We said this ourselves." in text


async def test_start_year_2018_on_the_bundled_timeline() -> None:
    app = make_app(load(bundled_timeline()), start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.selected is not None
        assert screen.selected.year == 2018
        assert screen.timeline.events[screen.query_one(TimelineList).cursor] == screen.selected
        figures = panel_text(app, FiguresPanel)
        assert "China IC imports" in figures and "312.06 USD bn" in figures
        quotes = panel_text(app, QuotesPanel)
        assert "Wei Shaojun" in quotes and "China imported 312 billion US dollars" in quotes


async def test_start_year_without_events_goes_to_the_nearest(small: Timeline) -> None:
    app = make_app(small, start_year=1970)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert selected_id(app) == "ev-1965"


async def test_q_quits_with_status_0(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_hostile_text_is_shown_literally_and_does_nothing() -> None:
    app = make_app(load(DATA / "hostile.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        event = panel_text(app, EventPanel)
        assert "A title with [/] in it" in event
        assert "[bold]markup[/bold]" in event
        assert "[@click=app.bell]ring[/]" in event
        assert "\x1b" not in event
        await pilot.press("down")
        await pilot.pause()
        assert "[@click=app.quit]x[/] quits?" in panel_text(app, EventPanel)
        await pilot.click(EventPanel, offset=(5, 2))
        await pilot.pause()
        assert app.is_running
        quotes = panel_text(app, QuotesPanel)
        assert "No quotes about this event." in quotes


async def test_empty_timeline_opens() -> None:
    text = VALID.split("[[era]]")[0].replace('tour = ["first-ic", "imports-2018"]\n', "")
    app = make_app(parse(text, "empty.toml"))
    async with app.run_test() as pilot:
        await pilot.press("down", "end", "pagedown")
        await pilot.pause()
        assert "This timeline has no events." in panel_text(app, EventPanel)
        assert header_text(app).endswith("no events")
