"""The trade figures for the selected event's year (or the nearest year's, labelled so): each with
its change on the year before (the source's, or computed and said to be) and its sources; the
year's comparisons; the comparisons over the years; a chart of every series. Each chart is an
item: Enter opens it full-screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from rich.cells import cell_len
from textual.content import Content

from chiptui.core.charts import chart_years, figure_change, scales
from chiptui.core.model import Event, Figure, Timeline
from chiptui.tui.widgets.chart import comparison_chart, folded, scale_note, series_chart, value_text
from chiptui.tui.widgets.panel import Block, Item, Panel
from chiptui.tui.widgets.render import LABEL, MUTED, corrected, heading, source_line
from chiptui.tui.widgets.sheet import MARK, Kept
from chiptui.tui.widgets.text import plain
from chiptui.tui.widgets.years_chart import years_chart


class FiguresPanel(Panel):
    PANEL_TITLE = "Figures"

    def shown_for(self) -> tuple[object, ...]:
        return (self.selected.year if self.selected else None,)  # a year's figures, whichever event

    def describe(self) -> Callable[[int], Iterable[Block]]:
        return partial(figure_blocks, self.timeline, self.selected)


_KEPT: dict[tuple[int, int, int], tuple[Timeline, Kept]] = {}


def figure_blocks(timeline: Timeline, event: Event | None, width: int) -> Iterable[Block]:
    """The year's figures (or the nearest year's), its comparisons, the charts over the years,
    the chart of every series no chart over the years draws, the sources. They depend only on the
    event's year and the width, so they are kept per year and width for the timeline, each made
    when it is first read: a panel that shows the top of a year's figures makes only the top."""
    if event is None:
        return [Content("No event selected.")]
    key = (id(timeline), event.year, width)
    kept = _KEPT.get(key)
    if kept is None or kept[0] is not timeline:
        if len(_KEPT) > 256:
            _KEPT.clear()
        kept = _KEPT[key] = (timeline, Kept(fitted(year_blocks(timeline, event.year, width), width)))
    return kept[1]


def fitted(blocks: Iterable[Block], width: int) -> Iterator[Block]:
    """The blocks with every line wider than `width` (an item's: than its width right of the ▶
    gutter) wrapped once here, where they are kept, so the panel's body finds that each line fits."""
    for block in blocks:
        if isinstance(block, Item):
            lines = block.content.split(allow_blank=True)
            yield Item(Content("\n").join(folded(lines, width - len(MARK))), block.target)
        elif block is not None and block.cell_length > width and "\n" not in block.plain:
            yield from folded([block], width)
        else:
            yield block


def year_blocks(timeline: Timeline, year: int, width: int) -> Iterator[Block]:
    """The blocks in reading order, each made as it is read (the charts come after the figures)."""
    figures = timeline.figures_for_year(year)
    shown_year = year
    if figures:
        yield heading(f"Figures for {year}")
    else:
        nearest = timeline.nearest_figure_year(year)
        yield Content.styled(f"No figures for {year}.", "bold")
        if nearest is not None:
            figures = timeline.figures_for_year(nearest)
            shown_year = nearest
            yield heading(f"The nearest year with figures: {nearest}")
    numbers: dict[str, int] = {}
    for figure in figures:
        for source in figure.sources:
            numbers.setdefault(source, len(numbers) + 1)
        yield Item(figure_text(timeline, figure, numbers), figure)
    for comparison in timeline.comparisons_for_year(shown_year):
        yield from [Content(""), *chart_item(comparison_chart(timeline, comparison, width), comparison)]
    yield from _over_the_years(timeline, year, width)
    yield from _series(timeline, year, width)
    if numbers:
        yield from [Content(""), heading("Sources")]
        for source_id, n in numbers.items():
            if source_id in timeline.sources:
                yield Content.assemble((f"[{n}] ", LABEL), source_line(timeline.sources[source_id], brief=True))


def chart_item(lines: list[Content], target: object) -> list[Block]:
    """A chart as blocks: its title is the item (marked ▶, Enter opens the chart full-screen) and
    each of its other lines a block of its own (a line apiece wraps far faster than one block)."""
    if not lines:
        return []
    return [Item(lines[0], target), *lines[1:]]


def change_line(timeline: Timeline, figure: Figure) -> Content | None:
    """The figure's change on the year before: the source's (as reported) or computed (so labelled)."""
    found = figure_change(timeline, figure)
    return None if found is None else plain(found.text(), MUTED)


def figure_text(timeline: Timeline, figure: Figure, numbers: dict[str, int]) -> Content:
    """Label; value and unit (≈ when approximate) and sources; the change; corrections; the note."""
    markers = "".join(f"[{numbers[s]}]" for s in figure.sources if s in numbers)
    lines = [
        plain(figure.label, "bold"),
        Content.assemble(
            (value_text(figure), "bold $text-accent"),
            plain(f" {figure.unit}"),
            (f"  {markers}" if markers else "", LABEL),
        ),
    ]
    delta = change_line(timeline, figure)
    if delta is not None:
        lines.append(delta)
    lines.extend(corrected(figure.seed_says, figure.correction))
    if figure.note:
        lines.append(Content.assemble(("Note: ", LABEL), plain(figure.note, MUTED)))
    return Content("\n").join(lines)


def _over_the_years(timeline: Timeline, year: int, width: int) -> Iterator[Block]:
    """The file's comparisons over the years, those that span `year` first; each chart is drawn
    when it is read."""
    drawn = [d for d in map(partial(chart_years, timeline), timeline.charts) if d is not None]
    if not drawn:
        return
    drawn.sort(key=lambda d: not d.start <= year <= d.end)
    yield from [Content(""), heading("Over the years")]
    for chart in drawn:
        yield from [Content(""), *chart_item(years_chart(timeline, chart, year, width), chart.chart)]


def _series(timeline: Timeline, year: int, width: int) -> list[Block]:
    """Every series that no chart over the years draws, over its years, `year` marked; series of
    one unit share a scale unless a series has its own."""
    charted = {name for chart in timeline.charts for name in chart.series}
    series = {name: figures for name, figures in timeline.series().items() if name not in charted}
    if not series:
        return []
    scale = scales(timeline)
    # The file's order, with the series that cover `year` first.
    order = sorted(series, key=lambda name: not series[name][0].year <= year <= series[name][-1].year)
    values = max(cell_len(value_text(f)) for figures in series.values() for f in figures)
    blocks: list[Block] = [Content(""), heading("Series")]
    said: set[str] = set()  # a shared scale's largest value is said once, under the heading
    for name in order:
        on = scale[name]
        if not on.own and on.unit not in said and on.largest is not None:
            said.add(on.unit)
            blocks.append(scale_note(on, timeline.series_label(on.largest.series or "")))
    for name in order:
        figures, on = series[name], scale[name]
        largest = timeline.series_label(on.largest.series or "") if on.largest else ""
        chart = series_chart(figures, timeline.series_label(name), year, on, width, values, largest, False)
        blocks += [Content(""), *chart_item(chart, timeline.series_record(name))]
    return blocks
