"""A comparison over the years, drawn as text: two or more series of one unit on one axis, a row
per series in each year, each series in its own glyph (█ ▒ ░ ▞), so the chart reads without colour.

Every year of the chart's span is labelled; a year a series has no figure for says so ("· no
figure") and a long run of years with none is one row; ≈ marks an approximate value; the cursor's
year is marked ▶. With a `gap` (the first series less the second, e.g. a trade deficit), the second
series' row ends with Δ and the gap, computed and labelled so.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from chiptui.core.charts import Drawn, bar, cells_of, gap_of, number
from chiptui.core.model import Figure, Timeline
from chiptui.tui.widgets.chart import HERE, MUTED, WIDEST, YEAR_WIDTH, axis, folded, largest_text, value_text
from chiptui.tui.widgets.text import plain

GLYPHS = ("█", "▒", "░", "▞")
STYLES = ("$primary", "$secondary", "$warning", "$success")


def glyph(index: int) -> tuple[str, str]:
    return GLYPHS[index % len(GLYPHS)], STYLES[index % len(STYLES)]


def _bar(index: int, value: float, top: float, width: int) -> str:
    """The first series' bar to an eighth of a cell; the others in whole cells of their glyph."""
    if index == 0:
        return bar(value, top, width)
    return glyph(index)[0] * cells_of(value, top, width)


def gap_text(value: float, approx: bool = False) -> str:
    return f"Δ{'≈' if approx else ''}{number(round(value, 1))}"


Rows = list[tuple[int, int, list[Content]]]  # each row's first and last year, and its lines
_DRAWN: dict[tuple[int, str, int], tuple[Timeline, list[Content], Rows, list[Content], Layout]] = {}
Layout = tuple[float, int, int, int]  # the scale's top, the bars', the values' and the gaps' widths


def years_chart(timeline: Timeline, drawn: Drawn, year: int, width: int) -> list[Content]:
    """The chart at `width` cells, `year` marked. Its lines with no year marked are made once per
    chart and width (kept for the timeline), and only the marked year's rows are made again."""
    key = (id(timeline), drawn.chart.id, width)
    kept = _DRAWN.get(key)
    if kept is None or kept[0] is not timeline:
        if len(_DRAWN) > 64:
            _DRAWN.clear()
        kept = _DRAWN[key] = (timeline, *_unmarked(timeline, drawn, width))
    _, head, rows, tail, layout = kept
    lines = list(head)
    if not drawn.start <= year <= drawn.end:
        lines.append(Content.styled(f"{year} is outside this chart ({drawn.start}–{drawn.end}).", "italic"))
    for (first, last, shown), (_, _, found) in zip(rows, drawn.rows, strict=True):
        lines += _year_rows(first, last, found, True, layout) if first <= year <= last else shown
    return lines + tail


def _unmarked(timeline: Timeline, drawn: Drawn, width: int) -> tuple[list[Content], Rows, list[Content], Layout]:
    chart, top = drawn.chart, drawn.largest.value if drawn.largest else 0.0
    labels = [timeline.series_label(name) for name in chart.series]
    unit = drawn.series[0][0].unit
    head = [
        Content.assemble(
            plain(chart.title, "bold $text-primary"), plain(f" · {unit} · {drawn.start}–{drawn.end}", MUTED)
        )
    ]
    for index, label in enumerate(labels):
        mark, style = glyph(index)
        head.append(Content.assemble((mark * 2, style), " ", plain(label)))
    if chart.gap:
        head.append(
            Content.assemble(("Δ  ", "bold"), plain(f"{chart.gap}: {labels[0]} less {labels[1]}, computed", MUTED))
        )
    figures = [f for found in (r[2] for r in drawn.rows) for f in found if f is not None]
    value_width = max((cell_len(value_text(f)) for f in figures), default=1)
    gaps = [g for g in (gap_of(r[2]) for r in drawn.rows) if g is not None] if chart.gap else []
    gap_width = max((cell_len(gap_text(g, True)) + 1 for g in gaps), default=0)
    bar_width = max(4, min(WIDEST, width - YEAR_WIDTH - value_width - 1 - gap_width))
    layout = (top, bar_width, value_width, gap_width)
    rows = [(first, last, _year_rows(first, last, found, False, layout)) for first, last, found in drawn.rows]
    tail = [axis(top, YEAR_WIDTH, bar_width)]
    largest = drawn.largest
    if largest is not None:
        what = largest_text(largest, timeline.series_label(largest.series or ""))
        tail.append(plain(f"{number(top)} {unit} = {what}, the largest value on this chart.", MUTED))
    tail.append(Content.styled("≈ approximate · (█) no figure: none found for that year", MUTED))
    if chart.note:
        tail.append(plain(chart.note, "italic"))
    return [head[0], *folded(head[1:], width)], rows, folded(tail, width), layout  # the title: an item's


def _year_rows(first: int, last: int, found: tuple[Figure | None, ...], here: bool, layout: Layout) -> list[Content]:
    """A year's rows (a row per series), or one row for a year or a run of years with no figures."""
    label = (("▶" if here else " ") + f"{first} ", HERE if here else MUTED)
    if last > first:
        return [Content.assemble(label, (f"· no figures to {last} ({last - first + 1} years)", MUTED))]
    if not any(found):
        return [Content.assemble(label, ("· no figures", MUTED))]
    top, bar_width, value_width, gap_width = layout
    return [
        _row(
            index,
            figure,
            found,
            label if index == 0 else " " * YEAR_WIDTH,
            here,
            top,
            bar_width,
            value_width,
            gap_width,
        )
        for index, figure in enumerate(found)
    ]


def _row(
    index: int,
    figure: Figure | None,
    found: tuple[Figure | None, ...],
    label: tuple[str, str] | str,
    here: bool,
    top: float,
    bar_width: int,
    value_width: int,
    gap_width: int,
) -> Content:
    mark, style = glyph(index)
    if figure is None:
        return Content.assemble(label, (f"({mark}) no figure", MUTED))
    drawn = _bar(index, figure.value, top, bar_width)
    parts: list[tuple[str, str] | str] = [
        label,
        (drawn, HERE if here else style),
        " " * (bar_width - cell_len(drawn) + 1),
        (value_text(figure).rjust(value_width), "bold" if here else ""),
    ]
    gap = gap_of(found) if index == 1 and gap_width else None
    if gap is not None:
        approx = any(f is not None and f.approx for f in found[:2])
        parts.append((" " + gap_text(gap, approx).rjust(gap_width - 1), MUTED))
    return Content.assemble(*parts)
