"""The trade figures for the selected event's year (or the nearest year's, labelled so): each with
its change on the year before and its sources; the year's comparisons; a chart of every series."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from rich.cells import cell_len
from textual.content import Content

from chiptui.core.charts import change, number, scales
from chiptui.core.model import Event, Figure, Timeline
from chiptui.tui.widgets.chart import comparison_chart, series_chart, value_text
from chiptui.tui.widgets.panel import Block, Item, Panel
from chiptui.tui.widgets.render import LABEL, MUTED, corrected, heading, source_line
from chiptui.tui.widgets.text import plain


class FiguresPanel(Panel):
    PANEL_TITLE = "Figures"

    def describe(self) -> Callable[[int], Sequence[Block]]:
        return partial(figure_blocks, self.timeline, self.selected)


def figure_blocks(timeline: Timeline, event: Event | None, width: int) -> list[Block]:
    """The year's figures (or the nearest year's), its comparisons, every series' chart, the sources."""
    if event is None:
        return [Content("No event selected.")]
    year = event.year
    figures = timeline.figures_for_year(year)
    blocks: list[Block] = []
    shown_year = year
    if figures:
        blocks.append(heading(f"Figures for {year}"))
    else:
        nearest = timeline.nearest_figure_year(year)
        blocks.append(Content.styled(f"No figures for {year}.", "bold"))
        if nearest is not None:
            figures = timeline.figures_for_year(nearest)
            shown_year = nearest
            blocks.append(heading(f"The nearest year with figures: {nearest}"))
    numbers: dict[str, int] = {}
    for figure in figures:
        for source in figure.sources:
            numbers.setdefault(source, len(numbers) + 1)
        blocks.append(Item(_figure(timeline, figure, numbers), figure))
    for comparison in timeline.comparisons_for_year(shown_year):
        blocks.append(Content(""))
        blocks.append(Content("\n").join(comparison_chart(timeline, comparison, width)))
    blocks.extend(_charts(timeline, year, width))
    if numbers:
        blocks += [Content(""), heading("Sources")]
        for source_id, n in numbers.items():
            if source_id in timeline.sources:
                blocks.append(
                    Content.assemble((f"[{n}] ", LABEL), source_line(timeline.sources[source_id], brief=True))
                )
    return blocks


def _figure(timeline: Timeline, figure: Figure, numbers: dict[str, int]) -> Content:
    """Label; value and unit (≈ when approximate), change on the series' previous year, sources."""
    facts: list[Content | tuple[str, str]] = [(value_text(figure), "bold $text-accent"), plain(f" {figure.unit}")]
    previous = timeline.previous_in_series(figure)
    if previous is not None and previous.unit == figure.unit:
        delta = change(figure.value, previous.value)
        if delta:
            facts.append((f"  {delta} on {previous.year} ({number(previous.value)})", MUTED))
    markers = "".join(f"[{numbers[s]}]" for s in figure.sources)
    lines = [
        plain(figure.label, "bold"),
        Content.assemble(*facts, (f"  {markers}", LABEL)),
        *corrected(figure.seed_says, figure.correction),
    ]
    if figure.note:
        lines.append(Content.assemble(("Note: ", LABEL), plain(figure.note, MUTED)))
    return Content("\n").join(lines)


def _charts(timeline: Timeline, year: int, width: int) -> list[Block]:
    """Every series over its years, `year` marked; series of one unit share a scale."""
    series = timeline.series()
    if not series:
        return []
    scale = scales(series.values())
    # The file's order, with the series that cover `year` first.
    order = sorted(series, key=lambda name: not series[name][0].year <= year <= series[name][-1].year)
    values = max(cell_len(value_text(f)) for figures in series.values() for f in figures)
    blocks: list[Block] = [Content(""), heading("Series")]
    for name in order:
        figures = series[name]
        chart = series_chart(figures, year, scale[figures[0].unit], width, values)
        blocks += [Content(""), Content("\n").join(chart)]
    return blocks
