"""One record in full, on a screen of its own. An event: all its text, the quotes about it, the
figures for its year and, once each, every source they cite, numbered (a reference list). A figure:
its value, its series charted, its comparisons, corrections and sources.

Every full view scrolls with the conventional keys (↑ ↓ j k, PgUp PgDn Space, Ctrl+D Ctrl+U,
Home End g G), has `?` (its keys), `o` / `y` (open a source, copy a citation), and closes with
q or Esc. The event in full also steps to the previous / next event in place (J K, ← →) in the
timeline's order, and `/` closes it and opens the search; the main screen's cursor follows (the
screen's result, `Closed`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import ClassVar

import attrs
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header

from chiptui.core.charts import figure_change, scales
from chiptui.core.model import Event, Figure, Quote, Source, Timeline
from chiptui.tui.screens.layout import FULL_VIEW
from chiptui.tui.widgets.chart import comparison_chart, series_chart
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.render import (
    LABEL,
    MUTED,
    References,
    corrected,
    event_content,
    figure_lines,
    heading,
    quote_lines,
    stack,
)
from chiptui.tui.widgets.sheet import Sheet
from chiptui.tui.widgets.text import cells, plain

Blocks = Callable[[int], Sequence[Content]]
WIDEST_CHART = 100


@attrs.frozen
class Closed:
    """How a full view was closed: the event it showed last (the main screen's cursor goes there),
    a quote whose event to go to, and whether the search was asked for."""

    event: int | None = None
    quote: Quote | None = None
    search: bool = False


def figure_content(timeline: Timeline, figure: Figure, width: int) -> Content:
    width = min(width, WIDEST_CHART)
    refs = References(timeline)
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
    refs.cite(figure.sources)
    blocks += [Content(""), *refs.listed(width)]
    return stack(blocks)


def detail_content(timeline: Timeline, event: Event, width: int = 200) -> Content:
    """The event, the quotes about it, its year's figures, then the reference list."""
    refs = References(timeline)
    blocks: list[Content | None] = [event_content(timeline, event, refs)]
    quotes = timeline.quotes_for_event(event.id)
    blocks += [Content(""), heading("What the speakers said about it")]
    if not quotes:
        blocks.append(Content.styled("No quotes are linked to this event.", "dim"))
    for quote in quotes:
        blocks.append(Content(""))
        blocks.extend(quote_lines(timeline, quote, refs=refs))
    figures = timeline.figures_for_year(event.year)
    blocks += [Content(""), heading(f"Figures for {event.year}")]
    if not figures:
        blocks.append(Content.styled(f"No figures for {event.year}.", "dim"))
    for figure in figures:
        blocks.append(Content(""))
        blocks.extend(figure_lines(timeline, figure, refs=refs))
    blocks += [Content(""), *refs.listed(width)]
    return stack(blocks)


class Reader(VerticalScroll):
    """The full view's text: the container's own keys (↑ ↓ PgUp PgDn Home End) and the others."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="full.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="full.up"),
        Binding("pagedown,space", "page_down", "A page down", show=False, id="full.page-down"),
        Binding("pageup", "page_up", "A page up", key_display="PgUp", show=False, id="full.page-up"),
        Binding("ctrl+d", "half(1)", "Half a page down", show=False, id="full.half-down"),
        Binding("ctrl+u", "half(-1)", "Half a page up", show=False, id="full.half-up"),
        Binding("home,g", "ends(-1)", "The top", show=False, id="full.top"),
        Binding("end,G", "ends(1)", "The end", show=False, id="full.end"),
    ]

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.scroll_relative(y=self.page, animate=False, immediate=True)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-self.page, animate=False, immediate=True)

    def action_half(self, step: int) -> None:
        self.scroll_relative(y=step * max(1, self.page // 2), animate=False, immediate=True)

    def action_ends(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end > 0 else 0, animate=False, immediate=True)

    @property
    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # a line of the page before stays in sight


class DetailScreen(Screen[Closed]):
    """A record in full; `sources` are what o / y offer."""

    HORIZONTAL_BREAKPOINTS = FULL_VIEW

    DEFAULT_CSS = """
    DetailScreen #detail-body {
        border: heavy $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-secondary;
        padding: 0 2;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", key_display="Esc", id="detail.back"),
        Binding("q", "close", "Back", show=False, id="detail.back-q"),
        Binding("o", "source('open')", "Open source", id="detail.open-source"),
        Binding("y", "source('copy')", "Copy citation", id="detail.copy-citation"),
        Binding("slash", "search", "Search (back to the timeline)", key_display="/", show=False, id="detail.search"),
        Binding("question_mark", "help", "Help", key_display="?", id="detail.help"),
    ]
    HINT = "↑↓ PgUp PgDn scroll · o open a source · y copy · q back"

    def __init__(self, title: str, sub_title: str, blocks: Blocks, sources: Sequence[Source] = ()) -> None:
        super().__init__()
        self.heading = title
        self.sub_title = cells(sub_title)
        self.blocks = blocks
        self.sources = tuple(sources)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Reader(id="detail-body") as body:
            body.border_title = plain(self.heading)
            body.border_subtitle = self.HINT
            yield PanelBody(id="detail-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PanelBody).show(Sheet(self.blocks))
        self.query_one(Reader).focus()

    def show(self, title: str, sub_title: str, blocks: Blocks, sources: Sequence[Source]) -> None:
        """Show another record in place, from its top."""
        self.heading, self.sub_title, self.blocks, self.sources = title, cells(sub_title), blocks, tuple(sources)
        self.query_one(Reader).border_title = plain(title)
        self.query_one(PanelBody).show(Sheet(blocks))
        self.query_one(Reader).scroll_home(animate=False, immediate=True)

    @property
    def text(self) -> str:
        """The text shown, unwrapped (for tests and for reading)."""
        return self.query_one(PanelBody).text.plain

    def result(self, *, search: bool = False) -> Closed:
        return Closed(search=search)

    def action_close(self) -> None:
        self.dismiss(self.result())

    def action_search(self) -> None:
        self.dismiss(self.result(search=True))

    def action_help(self) -> None:
        from chiptui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_source(self, verb: str) -> None:
        from chiptui.tui.sources import on_sources

        on_sources(self, verb, self.sources)


def figure_blocks(timeline: Timeline, figure: Figure, width: int) -> list[Content]:
    return [figure_content(timeline, figure, width)]


def figure_screen(timeline: Timeline, figure: Figure) -> DetailScreen:
    sources = [timeline.sources[s] for s in figure.sources if s in timeline.sources]
    blocks = partial(figure_blocks, timeline, figure)
    return DetailScreen("Figure in full", f"{figure.label} · {figure.year}", blocks, sources)
