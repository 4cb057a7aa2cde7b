"""Numbers for the figures panel: bar lengths in eighths of a cell, changes and shares. No Textual."""

from __future__ import annotations

from collections.abc import Iterable

from chiptui.model import Figure

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


def number(value: float) -> str:
    """A value as the data gives it: no trailing `.0`, thousands separated."""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text


def scales(series: Iterable[tuple[Figure, ...]]) -> dict[str, float]:
    """The largest value per unit: series in one unit share a scale, so their bars compare honestly."""
    largest: dict[str, float] = {}
    for figures in series:
        for figure in figures:
            largest[figure.unit] = max(largest.get(figure.unit, 0.0), figure.value)
    return largest


def years_of(figures: tuple[Figure, ...]) -> list[tuple[int, Figure | None]]:
    """Every year from the series' first to its last, with its figure or None where it has none."""
    if not figures:
        return []
    by_year = {figure.year: figure for figure in figures}
    return [(year, by_year.get(year)) for year in range(figures[0].year, figures[-1].year + 1)]
