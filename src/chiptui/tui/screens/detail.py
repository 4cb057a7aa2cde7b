"""One record in full. An event: all its text, every source with its address, what the article said
and the correction, the quotes about it and the figures for its year. A figure: its value, its
series charted, its comparisons, corrections and sources. Esc goes back to the same place."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from chiptui.core.charts import figure_change, scales
from chiptui.core.model import Event, Figure, Timeline
from chiptui.tui.widgets.chart import comparison_chart, series_chart
from chiptui.tui.widgets.render import (
    LABEL,
    MUTED,
    citations,
    corrected,
    event_content,
    figure_lines,
    heading,
    quote_lines,
    stack,
)
from chiptui.tui.widgets.text import cells, plain


def figure_content(timeline: Timeline, figure: Figure, width: int) -> Content:
    blocks: list[Content | None] = [
        plain(f"{figure.year}" + (f" · {timeline.series_label(figure.series)}" if figure.series else ""), LABEL),
        heading(figure.label),
        Content.assemble(("≈ " if figure.approx else "", "bold"), plain(figure.amount(), "bold $text-accent")),
    ]
    if (delta := figure_change(timeline, figure)) is not None:
        blocks.append(plain(delta.text(), MUTED))
    fixes = corrected(figure.seed_says, figure.correction)
    if fixes or figure.note:
        blocks.append(Content(""))
        blocks.extend(fixes)
    if figure.note:
        blocks.append(Content.assemble(("Note: ", LABEL), plain(figure.note)))
    series = timeline.series().get(figure.series or "")
    if series:
        label = timeline.series_label(figure.series or "")
        blocks += [Content(""), *series_chart(series, label, figure.year, scales(timeline)[figure.series or ""], width)]
    for comparison in timeline.comparisons:
        if figure.id in comparison.figures or figure.id == comparison.whole:
            blocks += [Content(""), *comparison_chart(timeline, comparison, width)]
    blocks += [Content(""), heading("Sources"), *citations(timeline, figure.sources)]
    return stack(blocks)


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

    def __init__(self, title: str, sub_title: str, content: Content) -> None:
        super().__init__()
        self.heading = title
        self.sub_title = cells(sub_title)
        self.content = content

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with VerticalScroll(id="detail-body") as body:
            body.border_title = plain(self.heading)
            yield Static(self.content, markup=False, id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()
