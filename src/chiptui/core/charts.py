"""Numbers for the figures panel and its charts: bar lengths in eighths of a cell, a figure's change
on the year before (the source's, or computed and said to be), the scale each series is drawn on,
and the rows of a chart over the years. Its values are named tuples: made at every start, attrs
classes here cost a millisecond each. No Textual."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from chiptui.core.model import Chart, Figure, Timeline, number_text

EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, scale: float, width: int) -> str:
    """A bar of `value` on a scale where `scale` fills `width` cells, to an eighth of a cell.

    A positive value too small to see still gets the thinnest sliver, so it is not taken for zero.
    """
    if scale <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, round(min(value, scale) / scale * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def cells_of(value: float, scale: float, width: int) -> int:
    """A bar's length in whole cells (for a glyph with no eighths): at least one for a positive value."""
    if scale <= 0 or width <= 0 or value <= 0:
        return 0
    return max(1, round(min(value, scale) / scale * width))


def percent(current: float, previous: float) -> float | None:
    return None if previous == 0 else (current - previous) / previous * 100


def signed(value: float, digits: int | None = 1) -> str:
    """`+19.8%` / `−2.6%` (a true minus sign); `digits=None` keeps the value's own digits."""
    shown = number_text(abs(value)) if digits is None else f"{abs(value):.{digits}f}"
    return f"{'+' if value >= 0 else '−'}{shown}%"


def change(current: float, previous: float) -> str:
    """`+19.8%` / `−2.6%`, or an empty string when there is nothing to compare."""
    delta = percent(current, previous)
    return "" if delta is None else signed(delta)


class Change(NamedTuple):
    """A figure's change on the year before (`on`): the source's stated figure (`stated`), or one
    computed here from the two years' values; `approx` where that is from an approximate value."""

    percent: float
    on: int
    stated: bool
    approx: bool = False

    def text(self) -> str:
        """`+19.8% on 2017, as reported` or `≈ +20.9% on 2012, computed`."""
        if self.stated:
            return f"{signed(self.percent, None)} on {self.on}, as reported"
        return f"{'≈ ' if self.approx else ''}{signed(self.percent)} on {self.on}, computed"

    def brief(self) -> str:
        """`+19.8% reported` or `≈ +20.9% computed` (in a table whose column says "on the year before")."""
        if self.stated:
            return f"{signed(self.percent, None)} reported"
        return f"{'≈ ' if self.approx else ''}{signed(self.percent)} computed"


def change_of(figure: Figure, previous: Figure | None) -> Change | None:
    """The change to show for `figure` on the year before: the source's when the data gives one,
    else computed from the series' figure of the year before (of the same unit), else none (a
    change across missing years is not a year's change). Never both."""
    if figure.change is not None:
        return Change(figure.change, figure.year - 1, stated=True)
    if previous is None or previous.unit != figure.unit or previous.year != figure.year - 1:
        return None
    delta = percent(figure.value, previous.value)
    if delta is None:
        return None
    return Change(delta, previous.year, stated=False, approx=previous.approx or figure.approx)


def figure_change(timeline: Timeline, figure: Figure) -> Change | None:
    return change_of(figure, timeline.previous_in_series(figure))


def share(part: float, whole: float) -> str:
    """`51%` of the whole."""
    return f"{part / whole * 100:.0f}%" if whole else ""


number = number_text  # a value as the data gives it


class Scale(NamedTuple):
    """What fills a bar: `top`, the largest value on the scale (`largest`, the figure that has it),
    shared by `shared` series of `unit`, or a series' own (`own`), not comparable with the rest."""

    top: float
    unit: str
    largest: Figure | None = None
    own: bool = False
    shared: int = 1


def _largest(figures: Iterable[Figure]) -> Figure | None:
    return max(figures, key=lambda figure: figure.value, default=None)


def scales(timeline: Timeline) -> dict[str, Scale]:
    """Each series' scale: series of one unit share one, so their bars compare honestly; a series
    with `scale = "own"` has its own (its largest value)."""
    series = timeline.series()
    shared: dict[str, list[str]] = {}
    out: dict[str, Scale] = {}
    for name, figures in series.items():
        record = timeline.series_record(name)
        if record is not None and record.scale == "own":
            top = _largest(figures)
            out[name] = Scale(top.value if top else 0.0, figures[0].unit, top, own=True)
        else:
            shared.setdefault(figures[0].unit, []).append(name)
    for unit, names in shared.items():
        top = _largest(f for name in names for f in series[name])
        scale = Scale(top.value if top else 0.0, unit, top, shared=len(names))
        out.update(dict.fromkeys(names, scale))
    return out


GAP = 5  # a run of more years without figures than this is one row, not a row per year

Row = tuple[int, int, tuple[Figure | None, ...]]  # first year, last year, each series' figure


def rows_of(series: Sequence[tuple[Figure, ...]], start: int, end: int) -> list[Row]:
    """Rows from `start` to `end`, a year each with each series' figure (None: missing); a run of
    more than GAP years in which no series has a figure is one (first, last, all None) row, so
    the rows grow with the figures, not with the span of the years."""
    by_year = [{figure.year: figure for figure in figures} for figures in series]
    rows: list[Row] = []
    empty = tuple(None for _ in series)
    run: int | None = None  # the first year of the current run of empty years
    for year in range(start, end + 1):
        found = tuple(years.get(year) for years in by_year)
        if found == empty:
            run = year if run is None else run
            continue
        if run is not None:
            rows.extend(_empty_run(run, year - 1, empty))
            run = None
        rows.append((year, year, found))
    if run is not None:
        rows.extend(_empty_run(run, end, empty))
    return rows


def _empty_run(first: int, last: int, empty: tuple[None, ...]) -> list[Row]:
    if last - first + 1 > GAP:
        return [(first, last, empty)]
    return [(year, year, empty) for year in range(first, last + 1)]


def years_of(figures: tuple[Figure, ...]) -> list[tuple[int, int, Figure | None]]:
    """One series' rows, first year to last (see rows_of)."""
    rows = rows_of([figures], figures[0].year, figures[-1].year) if figures else []
    return [(first, last, found[0]) for first, last, found in rows]


class Drawn(NamedTuple):
    """A chart over the years as drawn: its series' figures, its years, the rows, its scale."""

    chart: Chart
    series: tuple[tuple[Figure, ...], ...]
    start: int
    end: int
    rows: list[Row]
    largest: Figure | None


def chart_years(timeline: Timeline, chart: Chart) -> Drawn | None:
    """The chart's rows: from `start` (else the year every series has begun) to `end` (else the
    year the first series to end ends), on one scale, the largest value it draws; None when its
    series have no figures or no years in common."""
    series = tuple(timeline.series().get(name, ()) for name in chart.series)
    if not all(series):
        return None
    start = chart.start if chart.start is not None else max(figures[0].year for figures in series)
    end = chart.end if chart.end is not None else min(figures[-1].year for figures in series)
    if start > end:
        return None
    largest = _largest(f for figures in series for f in figures if start <= f.year <= end)
    return Drawn(chart, series, start, end, rows_of(series, start, end), largest)


def gap_of(found: tuple[Figure | None, ...]) -> float | None:
    """The first series' value less the second's, where the year has both."""
    if len(found) < 2 or found[0] is None or found[1] is None:
        return None
    return found[0].value - found[1].value
