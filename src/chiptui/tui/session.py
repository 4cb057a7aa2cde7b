"""What the app does for one run besides showing the screen: the reader's place (and the theme
they chose) kept between runs, reading the data file again, and the cycle collector turned on
after the first frame."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from chiptui.core.model import Timeline
from chiptui.core.problems import DataError, Problem
from chiptui.core.state import State, load_state, save_state
from chiptui.tui.widgets.text import say

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

Source = tuple[Path, str]  # the data file and the name messages give it


def collect_from_now_on() -> None:
    """After the first frame: if start-up ran without the cycle collector (the command line turns
    it off), turn it on, with the objects made so far (Textual's, the timeline) left out of it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def read_again(source: Source) -> Timeline | list[Problem]:
    """The data file read again (through the load cache), or what is wrong with it."""
    path, shown = source
    from chiptui.core.cache import load_cached  # loaded on the first reload, not at start

    try:
        return load_cached(path, shown)
    except DataError as error:
        return list(error.problems)
    except Exception as error:  # noqa: BLE001 - a fault in reading must not end the session
        return [Problem(shown, f"internal error: {type(error).__name__}")]


class Places:
    """The reader's place, bookmarks and theme in the data file `data`, read now (None: not kept).
    A place is saved a moment after the reader stops moving, and always on `save()` (quitting)."""

    def __init__(self, app: App[None], data: Path | None) -> None:
        self.app = app
        self.data = data
        self.saved, self.notice = load_state(data) if data is not None else (State(), None)
        self.now = self.saved  # what the next save writes
        self.to_save: State | None = None
        self.save_timer: Timer | None = None

    def remember(self, event: str | None, bookmarks: tuple[str, ...]) -> None:
        self._keep(attrs.evolve(self.now, event=event, bookmarks=bookmarks))

    def remember_theme(self, theme: str) -> None:
        self._keep(attrs.evolve(self.now, theme=theme))

    def _keep(self, state: State) -> None:
        if self.data is None or state == self.now:
            return
        self.now = self.to_save = state
        if self.save_timer is None:
            self.save_timer = self.app.set_timer(0.5, self.save, name="save-place")
        else:
            self.save_timer.reset()  # a held key moves the save on, it does not stack up writes

    def save(self) -> None:
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        if self.to_save is None or self.data is None:
            return
        problem = save_state(self.data, self.to_save)
        self.to_save = None
        if problem:
            say(self.app, problem, severity="warning")
