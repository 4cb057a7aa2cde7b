"""The keys people expect: Ctrl+C and q quit (q only from the main screen), footer hints only for
keys that do something, toasts clear of the panels, the theme kept with the place."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Footer

from chiptui.core.loader import load
from chiptui.core.state import State, load_state, save_state, state_file
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from tests.conftest import DATA
from tests.settle import settle


def footer(app: ChipApp) -> str:
    return " ".join(" ".join(str(key.render()).split()) for key in app.screen.query_one(Footer).query("FooterKey"))


def copy_small(folder: Path) -> Path:
    path = folder / "small.toml"
    path.write_text((DATA / "small.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


async def test_ctrl_c_quits_from_the_timeline_and_from_an_empty_search() -> None:
    for keys in (["ctrl+c"], ["slash", "a", "ctrl+c"]):
        app = make_app(load(DATA / "small.toml"), theme="chiptui")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
        assert app.return_code == 0, keys


async def test_ctrl_c_with_text_selected_in_the_search_copies_it() -> None:
    app = make_app(load(DATA / "small.toml"), theme="chiptui")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"chip", "shift+left", "shift+left", "ctrl+c")
        await pilot.pause()
        assert app.return_code is None and app.clipboard == "ip"


async def test_q_quits_from_the_main_screen_only() -> None:
    app = make_app(load(DATA / "small.toml"), theme="chiptui")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code is None  # the filter dialog's (it may close it; it never quits)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_footer_hints_come_and_go_with_what_their_keys_can_do() -> None:
    app = make_app(load(DATA / "small.toml"), theme="chiptui")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Esc Clear" not in footer(app) and "n Next match" not in footer(app)
        assert "t Next panel" not in footer(app)  # every panel is shown at this size
        await pilot.press("slash", *"chip", "enter")
        await settle(pilot, lambda: "Esc Clear" in footer(app))
        assert "n Next match" in footer(app)  # N is in help: the footer has room for one
        await pilot.press("escape")
        await settle(pilot, lambda: "Esc Clear" not in footer(app))
        assert "n Next match" not in footer(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, lambda: "t Next panel" in footer(app))
        await pilot.resize_terminal(120, 40)
        await settle(pilot, lambda: "t Next panel" not in footer(app))


async def test_toasts_do_not_cover_the_quotes_panel() -> None:
    app = make_app(load(DATA / "small.toml"), start_year=2018, theme="chiptui")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.notify("A notice long enough to be as wide as a toast gets, and then some more words.")
        await settle(pilot, lambda: bool(app.screen.query("Toast")))
        quotes = app.screen.query_one(QuotesPanel).region
        toasts = [toast.region for toast in app.screen.query("Toast")]
        assert toasts and all(not toast.overlaps(quotes) for toast in toasts), (toasts, quotes)


async def test_a_chosen_theme_is_kept_with_the_place(tmp_path: Path) -> None:
    path = copy_small(tmp_path)
    app = make_app(load(path), source=(path, path.name))
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "chiptui"
        app.theme = "nord"  # as the palette's "Change theme" does
        await pilot.pause()
        await pilot.press("ctrl+c")  # quitting saves
    assert load_state(path)[0].theme == "nord"
    again = make_app(load(path), source=(path, path.name))
    async with again.run_test(size=(100, 30)):
        assert again.theme == "nord"
    given = make_app(load(path), theme="dracula", source=(path, path.name))  # --theme: for this run
    async with given.run_test(size=(100, 30)) as pilot:
        assert given.theme == "dracula"
        await pilot.press("ctrl+c")
    assert load_state(path)[0].theme == "nord"


async def test_a_saved_theme_that_is_no_longer_there_falls_back_to_chiptui(tmp_path: Path) -> None:
    path = copy_small(tmp_path)
    assert save_state(path, State("ev-2013", (), "gone-theme")) is None
    app = make_app(load(path), source=(path, path.name))
    async with app.run_test(size=(100, 30)):
        assert app.theme == "chiptui"
    for bad in ['{"theme": 5}', '{"theme": "Not A Name!"}']:
        state_file(path).write_text(bad, encoding="utf-8")
        state, notice = load_state(path)
        assert state == State() and notice is not None, bad
    assert save_state(path, State(None, (), "textual-light")) is None
    assert json.loads(state_file(path).read_text(encoding="utf-8"))["theme"] == "textual-light"
