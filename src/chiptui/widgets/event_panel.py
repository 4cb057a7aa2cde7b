"""The selected event in full: date at its precision, text, tags, eras, corrections, sources."""

from __future__ import annotations

from textual.content import Content

from chiptui.model import Event
from chiptui.widgets.panel import Block, Panel
from chiptui.widgets.render import event_content


class EventPanel(Panel):
    PANEL_TITLE = "Event"

    def blocks(self, event: Event | None, width: int) -> list[Block]:
        if event is None:
            return [Content("No event selected." if self.timeline.events else "This timeline has no events.")]
        return [event_content(self.timeline, event)]
