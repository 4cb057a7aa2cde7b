"""Bar charts drawn as text: a series over its years, and a comparison of figures of one unit.

Bars are horizontal, to an eighth of a cell, on a scale shared by every figure of the same unit,
so a series' bars can be set against another's. The year being looked at is marked ▶ (and in
colour where there is colour).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from chiptui.core.charts import bar, number, share, years_of
from chiptui.core.model import Comparison, Figure, Timeline
from chiptui.tui.widgets.text import cells, plain

BAR = "$primary"
HERE = "bold $text-accent"
MUTED = "dim"


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis where it was cut, padded to `width`."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def value_text(figure: Figure) -> str:
    return f"{'≈' if figure.approx else ''}{number(figure.value)}"


def axis(scale: float, unit: str, indent: int, width: int) -> Content:
    """`0 ──── 468.8 USD bn` under bars that start at column `indent` and span `width` cells with
    their values: the scale starts at 0 and its largest value is named at the right."""
    end = cells(f" {number(scale)} {unit}")
    rule = "─" * max(1, width - cell_len(end) - 1)
    return Content.styled(" " * indent + "0" + rule + end, MUTED)


def series_title(figures: tuple[Figure, ...]) -> str:
    """The series' label when its figures share one, else the series id."""
    labels = {figure.label for figure in figures}
    return labels.pop() if len(labels) == 1 else (figures[0].series or figures[0].label)


def series_chart(
    figures: tuple[Figure, ...], year: int, scale: float, width: int, value_width: int = 0
) -> list[Content]:
    """One series, a row per year from its first to its last, `year` marked. Charts drawn with the
    same `scale`, `width` and `value_width` have bars of the same length for the same value."""
    first, last = figures[0].year, figures[-1].year
    label = series_title(figures)
    span = f"{first}–{last}" if first != last else str(first)
    lines = [Content.assemble(plain(label, "bold"), plain(f" · {figures[0].unit} · {span}", MUTED))]
    if not first <= year <= last:
        lines.append(Content.styled(f"{year} is outside this series ({span}).", "italic"))
    value_width = max(value_width, *(cell_len(value_text(f)) for f in figures))
    bar_width = max(4, width - 7 - value_width - 1)
    for row_year, last_year, figure in years_of(figures):
        here = row_year <= year <= last_year
        marker = (("▶" if here else " ") + f"{row_year} ", HERE if here else MUTED)
        if figure is None:
            gap = f"· no figures to {last_year} ({last_year - row_year + 1:,} years)"
            lines.append(Content.assemble(marker, (gap if last_year > row_year else "· no figure", MUTED)))
            continue
        drawn = bar(figure.value, scale, bar_width)
        lines.append(
            Content.assemble(
                marker,
                (drawn, HERE if here else BAR),
                " " * (bar_width - cell_len(drawn) + 1),
                (value_text(figure).rjust(value_width), "bold" if here else ""),
            )
        )
    lines.append(axis(scale, figures[0].unit, 6, bar_width + 1 + value_width))
    return lines


def comparison_chart(timeline: Timeline, comparison: Comparison, width: int) -> list[Content]:
    """The comparison's figures on one scale, each with its share of the whole where there is one."""
    figures = [f for f in map(timeline.figure, comparison.figures) if f is not None]
    if not figures:
        return []
    whole = timeline.figure(comparison.whole) if comparison.whole else None
    scale = max(f.value for f in figures)
    value_width = max(cell_len(value_text(f)) for f in figures)
    share_width = 5 if whole else 0
    label_width = max(cell_len(cells(f.label)) for f in figures)
    stacked = label_width > width // 3  # long labels go on their own line, above their bars
    bar_width = max(4, width - value_width - share_width - 1 - (2 if stacked else label_width + 1))
    lines = [Content.assemble(plain(comparison.title, "bold $text-primary"), plain(f" · {figures[0].unit}", MUTED))]
    for figure in figures:
        drawn = bar(figure.value, scale, bar_width)
        parts: list[str | tuple[str, str]] = [
            "  " if stacked else (fit(cells(figure.label), label_width) + " ", "bold"),
            (drawn, BAR),
            " " * (bar_width - cell_len(drawn) + 1),
            value_text(figure).rjust(value_width),
        ]
        if whole is not None:
            parts.append((share(figure.value, whole.value).rjust(share_width), HERE))
        if stacked:
            lines.append(plain(figure.label, "bold"))
        lines.append(Content.assemble(*parts))
    if whole is not None:
        lines.append(plain(f"Shares are of {whole.label} ({value_text(whole)} {whole.unit}).", MUTED))
    if comparison.note:
        lines.append(plain(comparison.note, "italic"))
    return lines
