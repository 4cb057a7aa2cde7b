"""Pilot tests for finding a moment: years, eras, a typed year, search, filter, detail, palette,
help, focus and every terminal size. Keys in, state out."""

from __future__ import annotations

from textual import events
from textual.widgets import SelectionList, Static

from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.detail import DetailScreen
from chiptui.tui.screens.filter import FilterScreen
from chiptui.tui.screens.help import HelpScreen
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.prompts import SearchBar, YearPrompt
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.ruler import YearRuler
from chiptui.tui.widgets.status import StatusLine
from chiptui.tui.widgets.timeline_list import TimelineList
from tests.conftest import DATA
from tests.settle import settle


def main(app: ChipApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def selected(app: ChipApp) -> str:
    event = main(app).selected
    assert event is not None
    return event.id


def text_of(widget: Static | PanelBody) -> str:
    return str(widget.render())


def status(app: ChipApp) -> str:
    line = app.screen.query_one(StatusLine)
    return text_of(line) if line.display else ""


async def test_left_right_and_vim_keys_step_through_years(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        steps = [
            ("right", "ev-1965"),
            ("l", "ev-1978"),
            ("right", "ev-2013"),
            ("right", "ev-2018a"),
            ("right", "ev-2019"),
            ("right", "ev-2019"),
            ("left", "ev-2018a"),
            ("down", "ev-2018b"),
            ("h", "ev-2013"),
        ]
        for key, expected in steps:
            await pilot.press(key)
            assert (key, selected(app)) == (key, expected)


async def test_brackets_step_through_eras(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        for key, expected in [
            ("right_square_bracket", "ev-2013"),
            ("right_square_bracket", "ev-2013"),
            ("left_square_bracket", "ev-1958"),
            ("end", "ev-2019"),
            ("left_square_bracket", "ev-2013"),
        ]:
            await pilot.press(key)
            assert (key, selected(app)) == (key, expected)
        timeline = app.screen.query_one(TimelineList)
        heading = timeline.view.row_of[timeline.cursor] - 1
        assert timeline.scroll_offset.y <= heading  # the era's heading is in sight


async def test_typing_a_year_jumps_there(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        prompt = app.screen.query_one(YearPrompt)
        await pilot.press("1", "9", "7")
        assert prompt.display and app.focused is prompt
        assert "197_" in text_of(prompt)
        await pilot.press("backspace")
        assert "19__" in text_of(prompt)
        await pilot.press("7", "8")
        await pilot.pause()
        assert selected(app) == "ev-1978"
        assert not prompt.display
        assert isinstance(app.focused, TimelineList)


async def test_a_year_without_events_goes_to_the_nearest_and_says_so(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"1990")
        await pilot.pause()
        assert selected(app) == "ev-1978"
        messages = [n.message for n in app._notifications]
        assert any("No events in 1990" in m and "1978" in m for m in messages), messages


async def test_escape_cancels_a_typed_year(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "2", "0", "escape")
        assert selected(app) == "ev-1965"
        assert not app.screen.query_one(YearPrompt).display
        await pilot.press("2", "backspace")  # backspace on the last digit closes it too
        assert not app.screen.query_one(YearPrompt).display
        assert isinstance(app.focused, TimelineList)


async def test_search_jumps_counts_wraps_and_clears(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"dated to")  # typed at once: none of it is lost
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "dated to"
        assert "1 of 3" in status(app)  # the cursor is on the first match
        timeline = app.screen.query_one(TimelineList)
        assert timeline.search is not None and list(timeline.search.positions) == [0, 1, 2]
        marked = [timeline.render_line(y).text for y in range(len(timeline.view.rows))]
        assert [line[0] for line in marked if "event" in line] == ["•", "•", "•", " ", " ", " ", " "]
        await pilot.press("enter")
        assert selected(app) == "ev-1965"  # the first match after the cursor
        assert "2 of 3" in status(app)
        assert not bar.display and app.focused is timeline
        await pilot.press("n")
        assert selected(app) == "ev-1978"
        await pilot.press("n")
        assert selected(app) == "ev-1958"  # wrapped
        assert "1 of 3" in status(app)
        await pilot.press("N")
        assert selected(app) == "ev-1978"
        await pilot.press("escape")
        assert timeline.search is None and status(app) == ""
        await pilot.press("n")
        assert selected(app) == "ev-1978"  # no search: n does nothing


async def test_search_finds_quotes_and_escape_in_the_bar_clears(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"imports matter", "enter")
        assert selected(app) == "ev-2018a"
        await pilot.press("slash")
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "imports matter"  # reopening keeps the query
        await pilot.press("escape")
        assert not bar.display and bar.value == ""
        assert app.screen.query_one(TimelineList).search is None
        await pilot.press("slash", *"zzz", "enter")
        assert "no matches" in status(app)
        assert selected(app) == "ev-2018a"


async def test_filter_dialog_narrows_the_timeline_and_escape_clears(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "right")  # ev-1978
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        speakers = app.screen.query_one("#speakers", SelectionList)
        speakers.select("speaker-one")
        await pilot.pause()
        assert "2 of 7 events match" in text_of(app.screen.query_one("#filter-count", Static))
        await pilot.press("enter")
        timeline = main(app).query_one(TimelineList)
        assert [timeline.view.event(p).id for p in range(len(timeline.view))] == ["ev-1978", "ev-2018a"]
        assert selected(app) == "ev-1978"  # the cursor stayed on its event
        assert "speaker: Speaker One" in status(app) and "2 of 7" in status(app)
        assert timeline.border_subtitle == "2 of 7"
        quotes = main(app).query_one(QuotesPanel)
        assert "Speaker One" in str(quotes.border_title)
        await pilot.press("right")
        assert "We said this ourselves" not in text_of(quotes.body)  # speaker two is filtered out
        assert "imports matter" in " ".join(text_of(quotes.body).split())  # at any wrapping
        await pilot.press("escape")
        assert len(timeline.view) == 7 and status(app) == ""
        assert selected(app) == "ev-2018a"
        assert "We said this ourselves" in text_of(quotes.body)


async def test_filter_dialog_by_keys_cancel_and_clear(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", "space")  # the first region (china: most events, then by name)
        await pilot.press("escape")
        assert len(main(app).view) == 7  # cancelled
        await pilot.press("f", "space", "enter")
        assert [e.id for e in map(main(app).view.event, range(len(main(app).view)))] == ["ev-1965"]
        await pilot.press("f", "c", "enter")
        assert len(main(app).view) == 7
        await pilot.press("f", "tab", "space", "tab", "tab", "tab", "enter")  # Enter on "Clear all"
        assert isinstance(app.screen, FilterScreen)
        assert not app.screen.chosen.active


async def test_the_ruler_counts_only_the_filtered_events(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        ruler = app.screen.query_one(YearRuler)
        width = ruler.content_region.width

        def marked_years() -> set[int]:
            strip = ruler.render_line(0).text
            return {ruler.year_at(x, width) for x, cell in enumerate(strip[:width]) if cell.strip()}

        assert marked_years() == {1958, 1965, 1978, 2013, 2018, 2019}
        await pilot.press("f", "space", "enter")  # china: the 1965 event only
        await settle(pilot, lambda: marked_years() == {1965})
        assert marked_years() == {1965}


async def test_keys_typed_faster_than_the_screen_lands_them_in_the_prompts(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        for key, char in [("slash", "/"), ("t", "t"), ("h", "h"), ("i", "i")]:
            app.post_message(events.Key(key, char))  # queued together, as a terminal delivers them
        await settle(pilot, lambda: app.screen.query_one(SearchBar).value == "thi")
        assert app.screen.query_one(SearchBar).value == "thi"
        await pilot.press("escape")
        for key in "1978":
            app.post_message(events.Key(key, key))
        await settle(pilot, lambda: selected(app) == "ev-1978")
        assert selected(app) == "ev-1978"


async def test_a_filter_that_matches_nothing_says_so(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", "space", "tab", "space", "enter")  # china and "invention": nothing
        await pilot.pause()
        assert main(app).selected is None
        assert "0 of 7" in status(app)
        lines = [app.screen.query_one(TimelineList).render_line(0).text]
        assert "No events match the filter" in lines[0]
        for key in ["down", "end", "right", "right_square_bracket", "n", "enter", *"2018"]:
            await pilot.press(key)
        assert main(app).selected is None and isinstance(app.screen, MainScreen)


async def test_enter_opens_the_event_in_full_and_escape_returns(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "right", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = text_of(app.screen.query_one("#detail-text", PanelBody))
        for expected in [
            "Third event",
            "Dated to the month.",
            "https://example.org/a",
            "Source B",
            "The article said",
            "The right name is Right Name.",
            "Reform opened a new period.",
            "No figures for 1978",
        ]:
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and selected(app) == "ev-1978"
        assert isinstance(app.focused, TimelineList)


async def test_help_lists_every_binding_from_the_bindings(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = text_of(app.screen.query_one("#help-text", PanelBody))
        for owner in (MainScreen, TimelineList):
            for binding in owner.BINDINGS:
                assert not isinstance(binding, tuple)
                assert binding.description in text, binding
        assert "0 … 9" in text and "Ctrl+P" in text.replace("^p", "Ctrl+P") and "Go to year" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_palette_jumps_to_an_event_a_year_an_era_and_a_speaker(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        for query, expected in [
            ("Third event", "ev-1978"),
            ("Year 2013", "ev-2013"),
            ("Era: Late era", "ev-2013"),
            ("Speaker: Speaker Two", "ev-2018a"),
            ("Quote: Speaker One: Reform", "ev-1978"),
        ]:
            await pilot.press("ctrl+p")
            await pilot.press(*query)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert (query, selected(app)) == (query, expected)


async def test_palette_clears_a_filter_that_hides_the_target(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", "space", "enter")  # china only
        await pilot.press("ctrl+p", *"Seventh event")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert selected(app) == "ev-2019" and not main(app).filter.active


async def test_clicking_the_ruler_jumps_to_that_year(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        ruler = app.screen.query_one(YearRuler)
        width = ruler.content_region.width
        await pilot.click(YearRuler, offset=(1 + ruler.column(2013, width), 0))
        assert selected(app) == "ev-2013"
        assert ruler.year == 2013
        await pilot.press("right")
        assert ruler.year == 2018


async def test_tab_moves_focus_and_keys_still_find_years_from_a_panel(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        order = []
        for _ in range(4):
            order.append(type(app.focused).__name__)
            await pilot.press("tab")
        assert order == ["TimelineList", "EventPanel", "FiguresPanel", "QuotesPanel"]
        assert isinstance(app.focused, TimelineList)
        await pilot.press("shift+tab")
        quotes = app.screen.query_one(QuotesPanel)
        assert quotes.has_focus
        assert quotes.styles.border_top[0] == "heavy"
        assert app.screen.query_one(FiguresPanel).styles.border_top[0] == "round"
        await pilot.press("right", "right_square_bracket", *"2018")
        await pilot.pause()
        assert selected(app) == "ev-2018a" and quotes.has_focus


async def test_hostile_text_stays_text_in_the_palette_and_filter() -> None:
    app = make_app(load(DATA / "hostile.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"click")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, MainScreen)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("escape", "slash", *"[bold]", "enter")
        assert app.return_code is None
