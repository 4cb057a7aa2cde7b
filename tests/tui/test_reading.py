"""Resume where the reader left off, bookmarks, and the guided tour (with a short pause)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.cells import cell_len
from textual import events
from textual.widgets import OptionList, Static

from chiptui.core.loader import load
from chiptui.core.state import State, load_state, save_state, state_file
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.bookmarks import BookmarksScreen
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.screens.tour import TourScreen
from chiptui.tui.widgets.ruler import YearRuler
from chiptui.tui.widgets.timeline_list import TimelineList
from tests.conftest import DATA, VALID
from tests.settle import settle


def copy_small(folder: Path) -> Path:
    path = folder / "small.toml"
    path.write_text((DATA / "small.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def app_for(path: Path, start_year: int | None = None) -> ChipApp:
    return make_app(load(path), start_year=start_year, source=(path, path.name))


def selected(app: ChipApp) -> str | None:
    screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
    return screen.selected.id if screen.selected else None


async def test_reopening_returns_to_the_event_and_year_overrides(tmp_path: Path) -> None:
    path = copy_small(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down")  # ev-2013
        await pilot.press("q")
    assert load_state(path)[0].event == "ev-2013"
    again = app_for(path)
    async with again.run_test(size=(120, 40)):
        assert selected(again) == "ev-2013"
    overridden = app_for(path, start_year=1965)
    async with overridden.run_test(size=(120, 40)):
        assert selected(overridden) == "ev-1965"


async def test_a_damaged_state_file_is_set_aside_with_a_notice(tmp_path: Path, state_folder: Path) -> None:
    path = copy_small(tmp_path)
    state_folder.mkdir(parents=True)
    state_file(path).write_text('{"event": [1, 2', encoding="utf-8")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: bool(app._notifications))  # the notice comes once the app has started
        assert selected(app) == "ev-1958"
        messages = [n.message for n in app._notifications]
        assert any("could not be read" in m for m in messages), messages
    aside = [p.name for p in state_folder.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1
    assert not state_file(path).exists() or json.loads(state_file(path).read_text())


def test_state_round_trip_and_shapes_that_are_refused(tmp_path: Path, state_folder: Path) -> None:
    data = tmp_path / "t.toml"
    data.write_text(VALID, encoding="utf-8")
    assert save_state(data, State("first-ic", ("imports-2018", "first-ic"))) is None
    assert load_state(data) == (State("first-ic", ("imports-2018", "first-ic")), None)
    for bad in ["[]", '{"event": 5}', '{"bookmarks": "x"}', '{"event": "Not A Slug"}', "\udcff"]:
        state_file(data).write_text(bad, encoding="utf-8", errors="surrogateescape")
        state, notice = load_state(data)
        assert state == State() and notice is not None, bad
    assert [p for p in state_folder.iterdir() if p.suffix == ".tmp"] == []


async def test_bookmarks_toggle_show_in_the_list_and_ruler_and_list_to_jump(tmp_path: Path) -> None:
    path = copy_small(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "b", "end", "b", "b", "b")  # ev-1978 on; ev-2019 on, off, on
        timeline = app.screen.query_one(TimelineList)
        lines = [timeline.render_line(y).text for y in range(len(timeline.view.rows))]
        marked = [line for line in lines if "◆" in line]
        assert len(marked) == 2 and "Third event" in marked[0] and "Seventh event" in marked[1]
        ruler = app.screen.query_one(YearRuler)
        assert ruler.render_line(0).text.count("◆") == 2
        await pilot.press("B")
        assert isinstance(app.screen, BookmarksScreen)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("enter")  # the first: 1978
        assert selected(app) == "ev-1978"
        await pilot.press("b", "q")
    assert load_state(path)[0].bookmarks == ("ev-2019",)
    again = app_for(path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("B")
        assert again.screen.query_one(OptionList).option_count == 1
        await pilot.press("escape")
        assert isinstance(again.screen, MainScreen)


async def test_the_tour_follows_the_files_order_and_any_key_stops_it(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(VALID, encoding="utf-8")  # tour = ["first-ic", "imports-2018"]
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # Not shorter: the tour's timer is stopped only when its screen unmounts, and a busy machine
        # took longer than 0.05 s from the last step's dismiss to the unmount, so the timer fired
        # again and dismissed a second time (ScreenStackError; reported as a bug in screens/tour.py)
        screen.tour_pause = 0.5
        await pilot.press("p")
        for _ in range(200):  # it moves on and ends by itself
            if isinstance(app.screen, MainScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, MainScreen) and selected(app) == "imports-2018"
    small = copy_small(tmp_path)
    app = app_for(small)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.tour_pause = 1000  # the test steps it by hand
        await pilot.press("p")  # no tour in the file: the events of the cursor's era
        tour = app.screen
        assert isinstance(tour, TourScreen) and len(tour.positions) == 3  # 1958, 1965, 1978
        assert selected(app) == "ev-1958"
        tour._next()
        await pilot.pause()
        assert selected(app) == "ev-1965"
        await pilot.press("x")  # any key
        assert isinstance(app.screen, MainScreen)
        assert selected(app) == "ev-1965"  # it stopped where it was
        assert isinstance(app.focused, TimelineList)


async def test_a_bookmark_right_after_a_move_marks_the_new_event(tmp_path: Path) -> None:
    from textual import events

    app = app_for(copy_small(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        for key, char in [("end", None), ("b", "b")]:  # queued together, as a terminal sends them
            app.post_message(events.Key(key, char))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.bookmarks == {"ev-2019"}


async def test_the_place_is_saved_soon_after_the_cursor_stops(tmp_path: Path) -> None:
    path = copy_small(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down")
        for _ in range(40):  # a moment later, without quitting
            if load_state(path)[0].event == "ev-2013":
                break
            await pilot.pause(0.1)
        assert load_state(path)[0].event == "ev-2013"


async def test_at_80x24_the_bookmarks_say_how_to_use_them_whole_and_no_toast_covers_them(tmp_path: Path) -> None:
    app = app_for(copy_small(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "down", "b", "B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        dialog = app.screen.query_one("#bookmarks-dialog")
        title = str(dialog.border_subtitle)
        assert cell_len(title) + 4 <= dialog.outer_size.width  # the subtitle is not cut
        hint = app.screen.query_one("#bookmarks-hint", Static)
        assert "b on an event" in str(hint.render()) and hint.region.width >= cell_len(str(hint.render()))
        assert not list(app._notifications)  # the "Bookmarked" toasts are gone (Textual has no public view of them)


async def test_keys_typed_in_one_burst_leave_no_toast_over_the_bookmarks(tmp_path: Path) -> None:
    # A terminal delivers "bjbB" typed fast as one read: the toasts of the b's came after the list opened.
    app = app_for(copy_small(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in "bjbB":
            app.post_message(events.Key(key, key))
        await pilot.pause(0.3)
        assert isinstance(app.screen, BookmarksScreen)
        assert not list(app._notifications)
