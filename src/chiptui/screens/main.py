"""The main screen: timeline on the left; the event, its figures and its quotes on the right.

The screen owns the selection: the timeline reports its cursor with `Moved`, the screen
sets `selected`, and every panel is bound to it.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header

from chiptui.model import Event, Timeline
from chiptui.widgets.event_panel import EventPanel
from chiptui.widgets.figures_panel import FiguresPanel
from chiptui.widgets.quotes_panel import QuotesPanel
from chiptui.widgets.timeline_list import TimelineList

WIDE = 110


class MainScreen(Screen[None]):
    """Everything moves with the timeline's cursor."""

    selected: var[Event | None] = var(None)

    def __init__(self, timeline: Timeline, start_year: int | None = None) -> None:
        super().__init__()
        self.timeline = timeline
        start = timeline.index_for_year(start_year) if start_year is not None else 0
        self.start = start or 0
        self.title = timeline.title
        if timeline.events:  # the first paint shows the start event; the timeline's Moved confirms it
            self.set_reactive(MainScreen.selected, timeline.events[self.start])

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Horizontal(id="body"):
            timeline = TimelineList(self.timeline, self.start, id="timeline")
            timeline.border_title = "Timeline"
            yield timeline
            with Vertical(id="detail"):
                yield EventPanel(self.timeline, id="event").data_bind(MainScreen.selected)
                with Horizontal(id="side"):
                    yield FiguresPanel(self.timeline, id="figures").data_bind(MainScreen.selected)
                    yield QuotesPanel(self.timeline, id="quotes").data_bind(MainScreen.selected)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TimelineList).focus()
        if not self.timeline.events:
            self.sub_title = "no events"

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < WIDE, "-narrow")

    @on(TimelineList.Moved)
    def _moved(self, message: TimelineList.Moved) -> None:
        event = self.timeline.events[message.index]
        self.selected = event
        self.sub_title = f"{event.year} · event {message.index + 1} of {len(self.timeline.events)}"
