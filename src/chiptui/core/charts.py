"""Numbers for the figures panel: bar lengths in eighths of a cell, changes and shares. No Textual."""

from __future__ import annotations

from collections.abc import Iterable

from chiptui.core.model import Figure, number_text

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


def change(current: float, previous: float) -> str:
    """`+19.8%` / `−2.6%` (a true minus sign), or an empty string when there is nothing to compare."""
    if previous == 0:
        return ""
    percent = (current - previous) / previous * 100
    sign = "+" if percent >= 0 else "−"
    return f"{sign}{abs(percent):.1f}%"


def share(part: float, whole: float) -> str:
    """`51%` of the whole."""
    return f"{part / whole * 100:.0f}%" if whole else ""


number = number_text  # a value as the data gives it


def scales(series: Iterable[tuple[Figure, ...]]) -> dict[str, float]:
    """The largest value per unit: series in one unit share a scale, so their bars compare honestly."""
    largest: dict[str, float] = {}
    for figures in series:
        for figure in figures:
            largest[figure.unit] = max(largest.get(figure.unit, 0.0), figure.value)
    return largest


GAP = 5  # a run of more missing years than this is one row, not a row per year


def years_of(figures: tuple[Figure, ...]) -> list[tuple[int, int, Figure | None]]:
    """The series' rows, first year to last: each year with its figure, each year without one as
    (year, year, None), and a run of more than GAP years without one as one (first, last, None)
    row, so a series' rows grow with its figures, not with the span of its years."""
    by_year = {figure.year: figure for figure in figures}
    rows: list[tuple[int, int, Figure | None]] = []
    previous: int | None = None
    for year in sorted(by_year):
        if previous is not None and year - previous - 1 > GAP:
            rows.append((previous + 1, year - 1, None))
        elif previous is not None:
            rows.extend((missing, missing, None) for missing in range(previous + 1, year))
        rows.append((year, year, by_year[year]))
        previous = year
    return rows
