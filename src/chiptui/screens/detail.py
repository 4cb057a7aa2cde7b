"""One event in full: all its text, every source with its address, what the article said and the
correction, the quotes about it and the figures for its year. Esc goes back to the same place."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from chiptui.model import Event, Timeline
from chiptui.widgets.render import event_content, figure_lines, heading, quote_lines, stack


def detail_content(timeline: Timeline, event: Event) -> Content:
    blocks: list[Content | None] = [event_content(timeline, event)]
    quotes = timeline.quotes_for_event(event.id)
    blocks += [Content(""), heading("What the speakers said about it")]
    if not quotes:
        blocks.append(Content.styled("No quotes are linked to this event.", "dim"))
    for quote in quotes:
        blocks.extend(quote_lines(timeline, quote, full_sources=True))
    figures = timeline.figures_for_year(event.year)
    blocks += [Content(""), heading(f"Figures for {event.year}")]
    if not figures:
        blocks.append(Content.styled(f"No figures for {event.year}.", "dim"))
    for figure in figures:
        blocks.append(Content(""))
        blocks.extend(figure_lines(timeline, figure, full_sources=True))
    return stack(blocks)


class DetailScreen(Screen[None]):
    DEFAULT_CSS = """
    DetailScreen #detail-body {
        border: heavy $primary;
        border-title-color: $text-primary;
        padding: 0 2;
        scrollbar-size-vertical: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", key_display="Esc", id="detail.back"),
    ]

    def __init__(self, timeline: Timeline, event: Event) -> None:
        super().__init__()
        self.timeline = timeline
        self.event = event
        self.sub_title = f"{event.when()} · in full"

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with VerticalScroll(id="detail-body") as body:
            body.border_title = "Event in full"
            yield Static(detail_content(self.timeline, self.event), markup=False, id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()
