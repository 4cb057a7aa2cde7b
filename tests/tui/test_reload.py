"""`r` reloads the data file: the cursor keeps its event; a broken file keeps the last good timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from chiptui.core.loader import load
from chiptui.core.view import Filter
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.status import StatusLine
from chiptui.tui.widgets.timeline_list import TimelineList
from tests.conftest import DATA


def main_screen(app: object) -> MainScreen:
    screen = getattr(app, "screen", None)
    assert isinstance(screen, MainScreen), screen
    return screen


async def reload(pilot: Pilot[None], app: ChipApp) -> MainScreen:
    """`r`, and the main screen once the file is read again and shown."""
    await pilot.press("r")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return main_screen(app)


def reloadable(folder: Path) -> tuple[Path, str, ChipApp]:
    """A copy of the small timeline in `folder`, its text, and an app that reloads it."""
    path = folder / "timeline.toml"
    text = (DATA / "small.toml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path, text, make_app(load(path), source=(path, "timeline.toml"))


async def test_reload_keeps_the_cursor_on_its_event_and_shows_the_new_text(tmp_path: Path) -> None:
    path, text, app = reloadable(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down")  # ev-1978
        path.write_text(text.replace('title = "Third event"', 'title = "Third event, edited"'), encoding="utf-8")
        screen = await reload(pilot, app)
        assert screen.selected is not None and screen.selected.id == "ev-1978"
        assert screen.selected.title == "Third event, edited"
        assert isinstance(app.focused, TimelineList)
        path.write_text(text + '\n[[event]]\nid = "broken"\ndate = "2019-13-01"\n', encoding="utf-8")
        screen = await reload(pilot, app)
        problems = screen.query_one("#problems", Static)
        assert problems.display
        shown = str(problems.render())
        assert "last good timeline" in shown and 'event "broken"' in shown and "'date'" in shown
        assert screen.selected is not None and screen.selected.title == "Third event, edited"
        await pilot.press("down")
        assert screen.selected.id == "ev-2013"  # still usable
        path.write_text(text, encoding="utf-8")
        screen = await reload(pilot, app)
        assert not screen.query_one("#problems", Static).display
        assert screen.selected is not None and screen.selected.id == "ev-2013"
        assert screen.selected.title == "Fourth event"


async def test_reload_of_a_deleted_file_says_so(tmp_path: Path) -> None:
    path, _, app = reloadable(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        path.unlink()
        await reload(pilot, app)
        assert "no such file" in str(main_screen(app).query_one("#problems", Static).render())
        assert app.return_code is None


async def test_a_broken_reload_is_said_once_in_the_problem_list_and_in_a_notice_only_off_the_main_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 a notice covered the start of the problem list that says the same."""
    said: list[str] = []
    monkeypatch.setattr("chiptui.tui.app.say", lambda _node, text, **_options: said.append(text))
    path, text, app = reloadable(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        path.write_text(text + '\n[[event]]\nid = "broken"\ndate = "2019-13-01"\n', encoding="utf-8")
        await reload(pilot, app)
        assert main_screen(app).query_one("#problems", Static).display
        assert not [line for line in said if "last good" in line]
        await pilot.press("enter")  # the event in full: the problem list is out of sight
        await pilot.pause()
        assert not isinstance(app.screen, MainScreen)
        app.action_reload()  # as a reload that ends after a view was opened
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [line for line in said if "last good" in line]


async def test_after_a_reload_the_status_line_still_says_the_filter(tmp_path: Path) -> None:
    path, text, app = reloadable(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        main_screen(app).filter = Filter(regions=frozenset({"china"}))
        await pilot.pause()
        path.write_text(text.replace('title = "Third event"', 'title = "Third event, edited"'), encoding="utf-8")
        screen = await reload(pilot, app)
        status = screen.query_one(StatusLine)
        assert screen.filter.active and status.display and "Filter" in str(status.render())
        assert str(screen.timeline_list.border_subtitle).startswith(f"{len(screen.view)} of ")


async def test_reload_keeps_the_search_and_finds_it_in_the_new_text(tmp_path: Path) -> None:
    path, text, app = reloadable(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"event", "enter")
        screen = main_screen(app)
        assert screen.search is not None and len(screen.search) == 7
        path.write_text(text.replace('title = "Third event"', 'title = "Third one"'), encoding="utf-8")
        screen = await reload(pilot, app)
        assert screen.search is not None and screen.search.query == "event"
        assert screen.search.view is screen.view and len(screen.search) == 6  # the edited title no longer says it
        assert "Search “event”" in str(screen.query_one(StatusLine).render())
        await pilot.press("n")
        assert screen.selected is not None and screen.selected.title != "Third one"


@pytest.mark.parametrize(
    ("size", "long", "expected"),
    [((80, 24), False, [1]), ((120, 40), False, [1, 2, 3]), ((200, 50), False, [1, 2, 3, 4]), ((80, 24), True, [1])],
)
async def test_the_problem_list_shows_what_fits_and_says_how_many_more(
    tmp_path: Path, size: tuple[int, int], long: bool, expected: list[int]
) -> None:
    path, text, app = reloadable(tmp_path)
    name = "_that_no_record_has_and_that_makes_the_problem_long" if long else ""
    unknown = "".join(f"\nkey_{n}{name} = {n}" for n in range(1, 5))
    async with app.run_test(size=size) as pilot:
        path.write_text(text + unknown, encoding="utf-8")  # four unknown keys in the file's last record
        problems = (await reload(pilot, app)).query_one("#problems", Static)
        shown = str(problems.render())
        assert shown.startswith("4 problems in the file; this is the last good timeline")
        assert [n for n in range(1, 5) if f"key_{n}" in shown] == expected
        if len(expected) < 4:
            assert shown.endswith(f"… and {4 - len(expected)} more: chiptui check FILE lists them all")
        await pilot.pause()
        rows = problems.content_region
        assert sum(len(Content(line).wrap(rows.width)) for line in shown.splitlines()) <= rows.height
