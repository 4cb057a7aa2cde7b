"""The App: small on purpose. It registers the theme and the quit key and opens the main screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType

from chiptui.core.model import Timeline
from chiptui.core.problems import Problem
from chiptui.tui.messages import Reloaded, ReloadFailed, Remember
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.session import Places, Source, collect_from_now_on, read_again
from chiptui.tui.theme import THEME, start_in
from chiptui.tui.widgets.text import cells, say


class ChipApp(App[None]):
    """Explore a timeline; `start_year` puts the cursor on that year (or the nearest). With a
    `source`, `r` reloads it (the cursor stays on its event; a broken file keeps the timeline
    shown and lists its problems until it is fixed), and the reader's place, bookmarks and chosen
    theme are kept for next time (`remember=False` turns that off)."""

    CSS_PATH = "app.tcss"
    # Ctrl+C quits, as in any terminal program; with text selected, the screen's copy comes first.
    # q quits from the main screen only (screens/main.py): elsewhere it closes what is open.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "quit", "Quit (with text selected, it copies the text instead)", show=False, id="app.quit")
    ]

    def __init__(
        self,
        timeline: Timeline,
        *,
        start_year: int | None = None,
        theme: str | None = None,
        source: Source | None = None,
        remember: bool = True,
        after_start: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.after_start = after_start
        self.timeline = timeline
        self.start_year = start_year
        self.source = source
        self.places = Places(self, source[0] if remember and source is not None else None)
        self.register_theme(THEME)
        saved = self.places.saved.theme
        start_in(self, theme or (saved if saved in self.available_themes else THEME.name))
        self.title = cells(timeline.title)

    async def on_event(self, event: events.Event) -> None:
        """A paste is text for whatever has focus (ours or Textual's own inputs): no control
        character in it ever reaches a widget, so none can be drawn."""
        if isinstance(event, events.Paste):
            event.text = cells(event.text, lines=True)
        await super().on_event(event)

    def get_default_screen(self) -> MainScreen:
        saved = self.places.saved
        start_event = saved.event if self.start_year is None else None  # --year wins
        return MainScreen(self.timeline, self.start_year, start_event=start_event, bookmarks=saved.bookmarks)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda theme: self.places.remember_theme(theme.name))
        self.call_after_refresh(self._started)
        if self.places.notice:
            say(self, self.places.notice, title="Your place", severity="warning", timeout=8)

    def _started(self) -> None:
        """After the first frame: the collector, and `after_start` (caching a fresh load) in a thread."""
        collect_from_now_on()
        if self.after_start is not None:
            self.run_worker(self.after_start, thread=True, group="after-start", exit_on_error=False)

    def on_remember(self, message: Remember) -> None:
        self.places.remember(message.event, message.bookmarks)

    async def action_quit(self) -> None:
        self.places.save()
        self.exit()

    def action_reload(self) -> None:
        """Read the data file again, off the UI thread."""
        if self.source is None:
            say(self, "This timeline was not read from a file, so there is nothing to reload.", severity="warning")
            return
        self.run_worker(self._read, thread=True, exclusive=True, group="reload", exit_on_error=False)

    def _read(self) -> None:
        assert self.source is not None
        read = read_again(self.source)
        if isinstance(read, Timeline):
            self.call_from_thread(self._reloaded, read)
        else:
            self.call_from_thread(self._broken, read)

    def _reloaded(self, timeline: Timeline) -> None:
        main = self.get_screen_stack_main()
        if main is None:
            return
        self.timeline = timeline
        self.title = cells(timeline.title)
        main.post_message(Reloaded(timeline))
        from chiptui.core.report import summary  # loaded on the first reload, not at start

        say(self, f"Reloaded: {summary(timeline)}.", title="Reload")

    def get_screen_stack_main(self) -> MainScreen | None:
        """The main screen, under any dialog open on top of it."""
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def _broken(self, problems: list[Problem]) -> None:
        main = self.get_screen_stack_main()
        if main is not None:
            main.post_message(ReloadFailed(problems))
        if main is None or self.screen is not main:  # on the main screen its problem list says it
            count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
            say(
                self,
                f"The file has {count}; the timeline shown is the last good one.",
                title="Reload",
                severity="error",
            )


def make_app(
    timeline: Timeline,
    *,
    start_year: int | None = None,
    theme: str | None = None,
    source: Source | None = None,
    remember: bool = True,
    after_start: Callable[[], None] | None = None,
) -> ChipApp:
    """The one way the command line, the tests and any other front end build the app; `after_start`
    runs in a thread after the first frame. `theme`: this run's (else the one chosen last time)."""
    return ChipApp(
        timeline, start_year=start_year, theme=theme, source=source, remember=remember, after_start=after_start
    )
