"""The search bar under fast typing: keys that arrive in one terminal read (tmux, a paste, a fast
typist) act in the order they were typed, and a search without matches is still a search."""

from __future__ import annotations

from textual import events

from chiptui.core.model import Timeline
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.widgets.prompts import SearchBar
from chiptui.tui.widgets.timeline_list import TimelineList
from tests.settle import settle
from tests.tui.test_finding import selected, status

Burst = list[tuple[str, str | None] | events.Paste]


def typed(text: str) -> Burst:
    return [("space" if c == " " else c, c) for c in text]


def send(app: ChipApp, burst: Burst) -> None:
    """Queue every key (and paste) at once, as a terminal delivers one read."""
    for item in burst:
        app.post_message(item if isinstance(item, events.Paste) else events.Key(*item))


async def test_a_query_typed_in_one_write_with_enter_or_escape_is_whole(small: Timeline) -> None:
    """Enter and Esc act on the query typed before them; a key behind them goes to the timeline."""
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        send(app, [("slash", "/"), *typed("dated to"), ("enter", "\r"), ("n", "n")])
        await settle(pilot, lambda: selected(app) == "ev-1978")
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "dated to" and not bar.display  # n was not typed into the bar
        assert selected(app) == "ev-1978" and "3 of 3" in status(app)  # Enter to match 2, n to 3
        send(app, [("slash", "/"), *typed("dated to"), ("escape", "\x1b"), ("n", "n")])
        await settle(pilot, lambda: not app.screen.query_one(SearchBar).display and status(app) == "")
        assert app.screen.query_one(TimelineList).search is None and status(app) == ""
        assert selected(app) == "ev-1978" and bar.value == "" and not bar.display


async def test_editing_keys_and_pastes_in_one_write_keep_their_place(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        send(app, [("slash", "/"), *typed("dated tox"), ("backspace", None), ("enter", "\r"), events.Paste("xyz")])
        await settle(pilot, lambda: "2 of 3" in status(app))
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "dated to" and "2 of 3" in status(app)  # Backspace before Enter; no paste after it
        send(app, [("slash", "/"), ("home", None), ("left", None), *typed("x"), ("escape", "\x1b")])
        await settle(pilot, lambda: status(app) == "")
        assert selected(app) == "ev-1965" and status(app) == ""  # ← edited the bar, it moved no year


async def test_escape_and_backspace_clear_a_search_without_matches(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"zzz")
        assert "no matches" in status(app)
        await pilot.press("escape")
        assert app.screen.query_one(TimelineList).search is None and status(app) == ""
        await pilot.press("slash", "z", "backspace", "enter")
        assert app.screen.query_one(TimelineList).search is None and status(app) == ""
