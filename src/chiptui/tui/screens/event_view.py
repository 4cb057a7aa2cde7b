"""The event in full, stepping through the timeline in place: J / K (as in tig) or ← / → show the
next / previous event in the timeline's order (the filter's view), from its top, and with a
search on, n / N the next / previous match (as on the main screen). Closing it (q, Esc, or `/`
for the search) leaves the main screen's cursor on the event shown last."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from chiptui.core.model import Event, Source, Timeline
from chiptui.core.view import Search, View
from chiptui.tui.screens.detail import Blocks, Closed, DetailScreen, detail_content
from chiptui.tui.widgets.text import say


def event_blocks(timeline: Timeline, event: Event, width: int) -> list[Content]:
    return [detail_content(timeline, event, width)]


class EventScreen(DetailScreen):
    """The event at `position` of `view`, in full."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("J", "step(1)", "Next event", id="event.next"),
        Binding("K", "step(-1)", "Previous event", show=False, id="event.previous"),
        Binding("right", "step(1)", "Next event", key_display="→", show=False, id="event.next-arrow"),
        Binding("left", "step(-1)", "Previous event", key_display="←", show=False, id="event.previous-arrow"),
        Binding("n", "match(1)", "Next match", id="event.next-match"),
        Binding("N", "match(-1)", "Previous match", show=False, id="event.previous-match"),
    ]
    HINT = "J K or ← → events · o open a source · y copy · q back"

    def __init__(self, timeline: Timeline, view: View, position: int, search: Search | None = None) -> None:
        self.timeline, self.view, self.position, self.search = timeline, view, position, search
        super().__init__(*self._record(position))

    def _record(self, position: int) -> tuple[str, str, Blocks, list[Source]]:
        event = self.view.event(position)
        sub_title = f"{event.when()} · event {position + 1} of {len(self.view)}"
        sources = [self.timeline.sources[s] for s in event.sources if s in self.timeline.sources]
        return "Event in full", sub_title, partial(event_blocks, self.timeline, event), sources

    @property
    def event(self) -> Event:
        return self.view.event(self.position)

    def action_step(self, step: int) -> None:
        self._go(self.position + step)

    def action_match(self, step: int) -> None:
        """The search's next (or previous) match, wrapping round as on the main screen."""
        if self.search is not None and not self.search:
            say(self, f"No matches for “{self.search.query}”.", title="Search", severity="warning")
            return
        self._go(self.search.next(self.position, step) if self.search else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "match":
            return self.search is not None  # n / N only while there is a search
        return super().check_action(action, parameters)

    def _go(self, position: int | None) -> None:
        if position is None or not 0 <= position < len(self.view):
            self.app.bell()
            return
        self.position = position
        self.show(*self._record(position))

    def result(self, *, search: bool = False) -> Closed:
        return Closed(event=self.view.indices[self.position], search=search)
