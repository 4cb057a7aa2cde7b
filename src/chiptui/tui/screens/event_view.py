"""The event in full, stepping through the timeline in place: J / K (as in tig) or ← / → show the
next / previous event in the timeline's order (the filter's view), from its top. Closing it
(q, Esc, or `/` for the search) leaves the main screen's cursor on the event shown last."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from chiptui.core.model import Event, Source, Timeline
from chiptui.core.view import View
from chiptui.tui.screens.detail import Blocks, Closed, DetailScreen, detail_content


def event_blocks(timeline: Timeline, event: Event, width: int) -> list[Content]:
    return [detail_content(timeline, event, width)]


class EventScreen(DetailScreen):
    """The event at `position` of `view`, in full."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("J", "step(1)", "Next event", id="event.next"),
        Binding("K", "step(-1)", "Previous event", show=False, id="event.previous"),
        Binding("right", "step(1)", "Next event", key_display="→", show=False, id="event.next-arrow"),
        Binding("left", "step(-1)", "Previous event", key_display="←", show=False, id="event.previous-arrow"),
    ]
    HINT = "J K or ← → events · o open a source · y copy · q back"

    def __init__(self, timeline: Timeline, view: View, position: int) -> None:
        self.timeline, self.view, self.position = timeline, view, position
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
        position = self.position + step
        if not 0 <= position < len(self.view):
            self.app.bell()
            return
        self.position = position
        self.show(*self._record(position))

    def result(self, *, search: bool = False) -> Closed:
        return Closed(event=self.view.indices[self.position], search=search)
