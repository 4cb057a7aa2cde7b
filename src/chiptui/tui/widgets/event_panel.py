"""The selected event in full: date at its precision, text, tags, eras, corrections, sources."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.content import Content
from textual.reactive import reactive

from chiptui.core.model import Event, Timeline
from chiptui.core.view import Search
from chiptui.tui.widgets.highlight import marked
from chiptui.tui.widgets.panel import Block, Panel
from chiptui.tui.widgets.render import event_content


def event_blocks(timeline: Timeline, event: Event | None, search: Search | None, width: int) -> list[Block]:
    """The panel's text, in one function: the event, its sources' addresses fitted to `width`,
    the search's matches marked."""
    if event is None:
        return [Content("No event selected." if timeline.events else "This timeline has no events.")]
    return [marked(event_content(timeline, event, width=width), search)]


class EventPanel(Panel):
    PANEL_TITLE = "Event"

    search: reactive[Search | None] = reactive(None, init=False)  # its matches are highlighted

    def watch_search(self) -> None:
        self._show(keep_place=True)

    def shown_for(self) -> tuple[object, ...]:
        return (self.selected, self.search)

    def describe(self) -> Callable[[int], Iterable[Block]]:
        return partial(event_blocks, self.timeline, self.selected, self.search)
