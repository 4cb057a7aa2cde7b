"""A chart full-screen: a comparison over the years, a series or a comparison of one year, drawn at
the screen's width with the cursor's year marked, and beneath it a table of every value it draws
(year, series, value, change, sources) with each value's notes and corrections, then the series
and the sources in full. Esc goes back to the same place.

The text is a `Sheet` shown by a `PanelBody`, so it is made again at the screen's width when the
screen is resized, and drawn line by line."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header

from chiptui.core.charts import chart_years, figure_change, scales
from chiptui.core.model import Chart, Comparison, Figure, Series, Timeline
from chiptui.tui.screens.layout import FULL_VIEW
from chiptui.tui.widgets.chart import MUTED, comparison_chart, fit, series_chart, value_text
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.render import LABEL, corrected, heading, source_line
from chiptui.tui.widgets.sheet import Block, Sheet
from chiptui.tui.widgets.text import cells, plain
from chiptui.tui.widgets.years_chart import glyph, years_chart

Target = Chart | Series | Comparison
Row = tuple[int, str, Figure | None]  # year, series (or figure) label, the figure (None: missing)


def title_of(timeline: Timeline, target: Target) -> str:
    return target.label if isinstance(target, Series) else target.title


def chart_blocks(timeline: Timeline, target: Target, year: int, width: int) -> list[Block]:
    """The chart at `width`, then the table of its values, its series and its sources."""
    if isinstance(target, Chart):
        drawn = chart_years(timeline, target)
        chart = years_chart(timeline, drawn, year, width) if drawn else [Content("This chart has nothing to draw.")]
        rows: list[Row] = []
        for first, last, found in drawn.rows if drawn else []:
            for name, figure in zip(target.series, found, strict=True):
                label = timeline.series_label(name)
                rows += [(first, label, figure)] if figure or first == last else [(first, f"{label} to {last}", None)]
        series = [timeline.series_record(name) for name in target.series]
    elif isinstance(target, Series):
        figures = timeline.series().get(target.id, ())
        scale = scales(timeline).get(target.id)
        largest = timeline.series_label(scale.largest.series or "") if scale and scale.largest else ""
        chart = series_chart(figures, target.label, year, scale, width, 0, largest) if figures and scale else []
        rows = [(f.year, target.label, f) for f in figures]
        series = [target]
    else:
        chart = comparison_chart(timeline, target, width)
        figures = tuple(f for f in map(timeline.figure, target.figures) if f is not None)
        rows = [(f.year, f.label, f) for f in figures]
        series = []
    numbers: dict[str, int] = {}
    blocks: list[Block] = [Content("\n").join(chart), Content(""), heading("Values")]
    blocks += table(timeline, rows, numbers, width)
    known = [s for s in series if s is not None]
    if known:
        blocks += [Content(""), heading("Series")]
        blocks += [_series_line(timeline, i, s, numbers) for i, s in enumerate(known)]
    for note in (target.note,) if not isinstance(target, Series) and target.note else ():
        blocks += [Content(""), Content.assemble(("Note: ", LABEL), plain(note))]
    blocks += corrected(target.seed_says, target.correction)
    for source in getattr(target, "sources", ()):
        numbers.setdefault(source, len(numbers) + 1)
    if numbers:
        blocks += [Content(""), heading("Sources")]
        blocks += [
            Content.assemble((f"[{n}] ", LABEL), source_line(timeline.sources[s]))
            for s, n in numbers.items()
            if s in timeline.sources
        ]
    return blocks


def table(timeline: Timeline, rows: list[Row], numbers: dict[str, int], width: int) -> list[Block]:
    """A row per value: year, series, value and unit, its change on the year before (the source's,
    or computed), its sources' numbers; its notes and corrections beneath."""
    values = [cells(f"{value_text(f)} {f.unit}") if f else "no figure" for _, _, f in rows]
    changes = [(c.brief() if (c := figure_change(timeline, f)) else "") if f else "" for _, _, f in rows]
    marks = ["".join(f"[{numbers.setdefault(s, len(numbers) + 1)}]" for s in f.sources) if f else "" for *_, f in rows]
    value_width = max((cell_len(v) for v in values), default=5)
    change_width = max(6, *(cell_len(c) for c in changes))
    marks_width = max(7, *(cell_len(m) for m in marks))
    room = width - 5 - 1 - value_width - 2 - change_width - 2 - marks_width
    label_width = max(8, min(max((cell_len(cells(r[1])) for r in rows), default=8), room))
    head = f"{'Year':<5}{fit('Series', label_width)} {'Value':>{value_width}}  {fit('Change', change_width)}  Sources"
    lines: list[Block] = [Content.styled(head, "bold"), Content.styled("─" * min(width, cell_len(head)), MUTED)]
    for (year, label, figure), value, delta, mark in zip(rows, values, changes, marks, strict=True):
        if figure is None:
            lines.append(
                Content.assemble(f"{year:<5}", plain(fit(label, label_width)), (f" {value:>{value_width}}", MUTED))
            )
            continue
        lines.append(
            Content.assemble(
                f"{year:<5}",
                plain(fit(label, label_width)),
                (f" {value:>{value_width}}", "bold"),
                (f"  {fit(delta, change_width)}", MUTED),
                (f"  {mark}", LABEL),
            )
        )
        notes = corrected(figure.seed_says, figure.correction)
        if figure.note:
            notes.append(Content.assemble(("Note: ", LABEL), plain(figure.note, MUTED)))
        lines += [Content("     ") + note for note in notes]
    lines.append(
        Content.styled(
            "Change: on the year before, as the source reports it or computed here from the two values.", MUTED
        )
    )
    return lines


def _series_line(timeline: Timeline, index: int, series: Series, numbers: dict[str, int]) -> Content:
    mark, style = glyph(index)
    scale = "its own scale" if series.scale == "own" else f"the shared {series.unit} scale"
    marks = "".join(f"[{numbers.setdefault(s, len(numbers) + 1)}]" for s in series.sources)
    parts: list[Content | tuple[str, str]] = [
        (mark * 2 + " ", style),
        plain(series.label, "bold"),
        plain(f" · {series.unit} · {scale}", MUTED),
    ]
    if series.note:
        parts += [(" · ", MUTED), plain(series.note)]
    if marks:
        parts.append((f" {marks}", LABEL))
    return Content.assemble(*parts)


class ChartScreen(Screen[None]):
    """One chart full-screen; `year` (the cursor's) is marked."""

    HORIZONTAL_BREAKPOINTS = FULL_VIEW

    DEFAULT_CSS = """
    ChartScreen #chart-body {
        border: heavy $primary;
        border-title-color: $text-primary;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", key_display="Esc", id="chart.back"),
    ]

    def __init__(self, timeline: Timeline, target: Target, year: int) -> None:
        super().__init__()
        self.timeline = timeline
        self.target = target
        self.year = year
        self.sub_title = cells(f"{title_of(timeline, target)} · {year} marked")
        self.body = PanelBody()
        self.body.show(Sheet(partial(chart_blocks, timeline, target, year)))

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with VerticalScroll(id="chart-body") as body:
            body.border_title = plain("Chart in full")
            yield self.body
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#chart-body").focus()

    @property
    def lines(self) -> Sequence[str]:
        """The text as wrapped on screen, line by line (for tests and readers)."""
        return [line.plain for line, _, _ in self.body.lines]
