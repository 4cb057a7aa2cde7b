"""The App: small on purpose. It registers the theme and the quit key and opens the main screen."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme
from textual.timer import Timer

from chiptui.loader import DataError, Problem
from chiptui.messages import Reloaded, ReloadFailed, Remember
from chiptui.model import Timeline
from chiptui.screens.main import MainScreen
from chiptui.state import State, load_state, save_state
from chiptui.widgets.text import cells, say

THEME = Theme(
    name="chiptui",
    primary="#3FB68B",
    secondary="#E8B04B",
    accent="#F2C14E",
    foreground="#DDE6E3",
    background="#0F1714",
    surface="#16211D",
    panel="#1E2C27",
    success="#3FB68B",
    warning="#E8B04B",
    error="#E5534B",
    dark=True,
)


def collect_from_now_on() -> None:
    """After the first frame: if start-up ran without the cycle collector (the command line turns
    it off), turn it on, with the objects made so far (Textual's, the timeline) left out of it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


Source = tuple[Path, str]  # the data file and the name messages give it


class ChipApp(App[None]):
    """Explore a timeline; `start_year` puts the cursor on that year (or the nearest). With a
    `source`, `r` reloads it (the cursor stays on its event; a broken file keeps the timeline
    shown and lists its problems until it is fixed), and the reader's place and bookmarks are
    kept for next time (`remember=False` turns that off)."""

    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(
        self,
        timeline: Timeline,
        *,
        start_year: int | None = None,
        theme: str = "chiptui",
        source: Source | None = None,
        remember: bool = True,
        after_start: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.after_start = after_start
        self.timeline = timeline
        self.start_year = start_year
        self.source = source
        self.remembering = remember and source is not None
        self.saved = State()
        self.notice: str | None = None
        if self.remembering and source is not None:
            self.saved, self.notice = load_state(source[0])
        self.to_save: State | None = None
        self.save_timer: Timer | None = None
        self.register_theme(THEME)
        self._start_with_theme(theme)
        self.title = cells(timeline.title)

    def _start_with_theme(self, name: str) -> None:
        """Start in theme `name` as `self.theme = name` does, but without the re-parse of every
        style sheet that setting the theme schedules (before the first frame it parses them twice).
        Only for a dark theme: the default is dark, so the colour filter Textual made fits it."""
        chosen = self.get_theme(name)
        if chosen is None or not chosen.dark or not self.current_theme.dark:
            self.theme = name  # Textual's own way (and its error for an unknown name)
            return
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.update_classes({f"-theme-{name}": True, "-dark-mode": True, "-light-mode": False}, update=False)

    async def on_event(self, event: events.Event) -> None:
        """A paste is text for whatever has focus (ours or Textual's own inputs): no control
        character in it ever reaches a widget, so none can be drawn."""
        if isinstance(event, events.Paste):
            event.text = cells(event.text, lines=True)
        await super().on_event(event)

    def get_default_screen(self) -> MainScreen:
        start_event = self.saved.event if self.start_year is None else None  # --year wins
        return MainScreen(self.timeline, self.start_year, start_event=start_event, bookmarks=self.saved.bookmarks)

    def on_mount(self) -> None:
        self.call_after_refresh(self._started)
        if self.notice:
            say(self, self.notice, title="Your place", severity="warning", timeout=8)

    def _started(self) -> None:
        """After the first frame: the collector, and `after_start` (caching a fresh load) in a thread."""
        collect_from_now_on()
        if self.after_start is not None:
            self.run_worker(self.after_start, thread=True, group="after-start", exit_on_error=False)

    def on_remember(self, message: Remember) -> None:
        """Save the place a moment after the reader stops moving, and always on quitting."""
        if not self.remembering:
            return
        self.to_save = State(message.event, message.bookmarks)
        if self.save_timer is None:
            self.save_timer = self.set_timer(0.5, self.save_place, name="save-place")
        else:
            self.save_timer.reset()  # a held key moves the save on, it does not stack up writes

    def save_place(self) -> None:
        if self.save_timer is not None:
            self.save_timer.stop()
            self.save_timer = None
        if self.to_save is None or self.source is None:
            return
        problem = save_state(self.source[0], self.to_save)
        self.to_save = None
        if problem:
            say(self, problem, severity="warning")

    async def action_quit(self) -> None:
        self.save_place()
        self.exit()

    def action_reload(self) -> None:
        """Read the data file again, off the UI thread."""
        if self.source is None:
            say(self, "This timeline was not read from a file, so there is nothing to reload.", severity="warning")
            return
        self.run_worker(self._read, thread=True, exclusive=True, group="reload", exit_on_error=False)

    def _read(self) -> None:
        assert self.source is not None
        path, shown = self.source
        from chiptui.cache import load_cached

        try:
            timeline = load_cached(path, shown)
        except DataError as error:
            self.call_from_thread(self._broken, list(error.problems))
        except Exception as error:  # noqa: BLE001 - a fault in reading must not end the session
            self.call_from_thread(self._broken, [Problem(shown, f"internal error: {type(error).__name__}")])
        else:
            self.call_from_thread(self._reloaded, timeline)

    def _reloaded(self, timeline: Timeline) -> None:
        main = self.get_screen_stack_main()
        if main is None:
            return
        self.timeline = timeline
        self.title = cells(timeline.title)
        main.post_message(Reloaded(timeline))
        from chiptui.report import summary  # loaded on the first reload, not at start

        say(self, f"Reloaded: {summary(timeline)}.", title="Reload")

    def get_screen_stack_main(self) -> MainScreen | None:
        """The main screen, under any dialog open on top of it."""
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def _broken(self, problems: list[Problem]) -> None:
        main = self.get_screen_stack_main()
        if main is not None:
            main.post_message(ReloadFailed(problems))
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        say(self, f"The file has {count}; the timeline shown is the last good one.", title="Reload", severity="error")


def make_app(
    timeline: Timeline,
    *,
    start_year: int | None = None,
    theme: str = "chiptui",
    source: Source | None = None,
    remember: bool = True,
    after_start: Callable[[], None] | None = None,
) -> ChipApp:
    """The one way the command line, the tests and any other front end build the app; `after_start`
    runs in a thread after the first frame."""
    return ChipApp(
        timeline, start_year=start_year, theme=theme, source=source, remember=remember, after_start=after_start
    )
