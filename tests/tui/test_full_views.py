"""Reading long text by keyboard: a tall quote scrolls before the next, the quote in full, the event
in full with one reference list, stepping through events in place, and q / Esc closing sub-views."""

from __future__ import annotations

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.core.view import Filter
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.bookmarks import BookmarksScreen
from chiptui.tui.screens.detail import DetailScreen
from chiptui.tui.screens.event_view import EventScreen
from chiptui.tui.screens.help import HelpScreen
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.screens.quote import QuoteScreen
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.prompts import SearchBar
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from tests.settle import settle

BUNDLED = load(bundled_timeline())
SEED = BUNDLED.sources["s01"]
WEI = BUNDLED.quotes_for_event("cn-ic-imports-300bn")[0]


def main(app: ChipApp) -> MainScreen:
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def selected_id(app: ChipApp) -> str | None:
    chosen = main(app).selected
    return chosen.id if chosen is not None else None


def words(text: str) -> str:
    """The text with its wrapping (and indents) undone."""
    return " ".join(text.split())


async def test_down_reads_a_tall_quote_to_its_end_before_the_next_and_up_reads_back() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        quotes = app.screen.query_one(QuotesPanel)
        quotes.focus()
        await pilot.pause()
        top, height = quotes.item_lines[0]
        assert quotes.items[0].target == WEI and height > quotes.view_height
        presses = 0
        while quotes.highlighted == 0 and presses < 100:
            await pilot.press("down")
            presses += 1
            if quotes.highlighted == 0:
                assert top + height > quotes.body.scroll_y  # still within the quote
        assert quotes.highlighted == 1 and presses == top + height - quotes.view_height + 1
        await pilot.press("k")  # back onto Wei's quote, its end in sight
        assert quotes.highlighted == 0
        assert quotes.body.scroll_y + quotes.view_height == top + height
        for _ in range(height - quotes.view_height):
            await pilot.press("up")
        assert quotes.highlighted == 0 and quotes.body.scroll_y <= top  # read back to its first line


async def test_paging_keys_scroll_a_panel_and_the_mark_follows_into_sight() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        quotes = app.screen.query_one(QuotesPanel)
        quotes.focus()
        await pilot.pause()
        view = quotes.view_height
        await pilot.press("space")
        assert quotes.body.scroll_y == view
        await pilot.press("pagedown", "pageup")
        assert quotes.body.scroll_y == view
        await pilot.press("ctrl+d")
        assert quotes.body.scroll_y == view + round(view / 2)
        await pilot.press("ctrl+u", "ctrl+u", "ctrl+u")
        assert quotes.body.scroll_y == 0
        await pilot.press("end")
        assert quotes.body.scroll_y == quotes.body.max_scroll_y and quotes.highlighted == len(quotes.items) - 1
        await pilot.press("home")
        assert quotes.body.scroll_y == 0 and quotes.highlighted == 0
        for _ in range(4):
            await pilot.press("pagedown")
        top, height = quotes.item_lines[quotes.highlighted]
        assert top < quotes.body.scroll_y + view and top + height > quotes.body.scroll_y  # the mark is in sight


async def test_enter_opens_the_quote_in_full_and_e_goes_to_its_event() -> None:
    app = make_app(BUNDLED, start_year=1958)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(QuotesPanel).focus()
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, QuoteScreen)
        quote = screen.quote
        text = " ".join(screen.text.split())
        speaker = BUNDLED.speakers[quote.speaker]
        for expected in [speaker.name, speaker.role or "", quote.date.label(), " ".join(quote.text.split())]:
            assert expected in text
        assert "Reported (a paraphrase" in text or "In their words" in text
        for event_id in quote.events:
            event = BUNDLED.event_by_id(event_id)
            assert event is not None and event.title in text
        assert "References" in text and BUNDLED.sources[quote.sources[0]].title in text
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and selected_id(app) == "smic-founded")
        assert selected_id(app) == "smic-founded"


async def test_the_event_in_full_cites_each_source_once_in_a_numbered_reference_list() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, EventScreen)
        text = screen.text
        assert words(text).count(words(SEED.title)) == 1 and text.count(SEED.url or "") == 1
        references = text[text.index("References (") :]
        numbers = [line.split("]")[0] + "]" for line in references.splitlines()[1:] if line.startswith("[")]
        assert numbers == [f"[{n}]" for n in range(1, len(numbers) + 1)] and len(numbers) >= 10
        body = text[: text.index("References (")]
        assert "Era sources: [1] [2]" in body and "Sources: [5]" in body  # numbers, not the sources again
        for n in range(1, len(numbers) + 1):
            assert f"[{n}]" in body


async def test_every_conventional_key_scrolls_the_event_in_full() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        reader = app.screen.query_one("#detail-body")
        page = reader.scrollable_content_region.height - 1
        for key, expected in [
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("space", page),
            ("pageup", 0),
            ("pagedown", page),
            ("ctrl+u", page - page // 2),
            ("ctrl+d", page - page // 2 + page // 2),
            ("home", 0),
            ("G", reader.max_scroll_y),
            ("g", 0),
            ("end", reader.max_scroll_y),
        ]:
            await pilot.press(key)
            assert reader.scroll_y == expected, key


async def test_j_k_and_arrows_step_through_the_events_in_the_views_order_and_the_cursor_follows() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        screen.filter = Filter(regions=frozenset({"china"}))
        await settle(pilot, lambda: screen.view.filter.regions == {"china"})
        start = screen.cursor
        await pilot.press("enter", "end", "J")
        full = app.screen
        assert isinstance(full, EventScreen)
        assert full.event == screen.view.event(start + 1) and full.event.region == "china"
        assert full.query_one("#detail-body").scroll_y == 0  # the next event from its top
        assert full.event.title in full.text
        await pilot.press("right", "K", "left", "left")
        assert full.event == screen.view.event(start - 1)
        await pilot.press("q")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert screen.cursor == start - 1 and screen.selected == screen.view.event(start - 1)


async def test_n_and_shift_n_step_through_the_searchs_matches_in_the_event_in_full() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("enter")  # no search yet: n is not a key of the view
        full = app.screen
        assert isinstance(full, EventScreen) and full.check_action("match", (1,)) is False
        await pilot.press("q", "slash", *"tsmc", "enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and screen.search is not None)
        search = screen.search
        assert search is not None and len(search) >= 3
        await pilot.press("enter")
        full = app.screen
        assert isinstance(full, EventScreen)
        first = full.position
        await pilot.press("n")
        assert full.position == search.next(first, 1) != first
        assert "tsmc" in full.text.casefold()
        await pilot.press("N", "N")
        assert full.position == search.next(first, -1)
        await pilot.press("q")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert screen.cursor == search.next(first, -1)  # the cursor follows, as with J / K


async def test_help_and_search_work_in_the_event_in_full() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text").render())
        for expected in ["Next event", "Previous event", "Open source", "Copy citation", "A page down", "Back"]:
            assert expected in help_text
        await pilot.press("q")
        assert isinstance(app.screen, EventScreen)
        await pilot.press("J", "slash")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.query_one(SearchBar).display)
        assert isinstance(app.focused, SearchBar)
        chosen = main(app).selected
        assert chosen is not None and chosen.year >= 2018


async def test_q_and_escape_close_every_sub_view_and_q_quits_only_the_main_screen(small: Timeline) -> None:
    app = make_app(small, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        for opening in [["enter"], ["question_mark"], ["B"], ["tab", "tab", "enter"], ["tab", "tab", "tab", "enter"]]:
            for closing in ["q", "escape"]:
                await pilot.press(*opening)
                opened = app.screen
                assert isinstance(opened, DetailScreen | HelpScreen | BookmarksScreen), opening
                await pilot.press(closing)
                await settle(pilot, lambda: isinstance(app.screen, MainScreen))
                assert isinstance(app.screen, MainScreen) and app.is_running, (opening, closing)
                app.screen.query_one("#timeline").focus()
        await pilot.press("q")
        await settle(pilot, lambda: not app.is_running)
        assert not app.is_running


async def test_the_figure_in_full_lists_its_sources_once_with_their_links() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "tab", "enter")
        screen = app.screen
        assert isinstance(screen, DetailScreen) and "Figure in full" in str(
            screen.query_one("#detail-body").border_title
        )
        body = screen.query_one(PanelBody)
        links = {span.style.link for span in body.text.spans if not isinstance(span.style, str)}
        for source in screen.sources:
            assert words(screen.text).count(words(source.title)) == 1
            assert source.url is None or source.url in links
