"""Bar charts drawn as text: a series over its years, and a comparison of figures of one unit.

Bars are horizontal, to an eighth of a cell. A series' bars share the scale of every series of its
unit, so they can be set against another's, unless the series has its own scale, which its axis
says. Under the bars an axis runs from 0 to the bars' full length, its largest value named and
said what it is. The year being looked at is marked ▶ (and in colour where there is colour).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from chiptui.core.charts import Scale, bar, number, share, years_of
from chiptui.core.model import Comparison, Figure, Timeline
from chiptui.tui.widgets import sheet
from chiptui.tui.widgets.text import cells, plain

BAR = "$primary"
HERE = "bold $text-accent"
MUTED = "dim"
YEAR_WIDTH = 6  # "▶2018 "
WIDEST = 64  # the longest bar: wider, a value sits too far from its bar


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis where it was cut, padded to `width`."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def folded(lines: list[Content], width: int) -> list[Content]:
    """`lines` with each one wider than `width` wrapped there (done once where the lines are kept,
    so a panel showing them finds every line already fits), as a panel wraps its lines: with
    `sheet.fit`, whose wrapped lines are kept (a chart's title, notes and sources recur in every
    year's figures)."""
    return [piece for line in lines for piece in sheet.fit(line, width)]


def value_text(figure: Figure) -> str:
    return f"{'≈' if figure.approx else ''}{number(figure.value)}"


def largest_text(figure: Figure | None, label: str) -> str:
    return f"{label}, {figure.year}" if figure is not None else label


def axis(top: float, indent: int, bar_width: int) -> Content:
    """The bars' axis on one line: 0 under the first cell of a bar and `top` ending under the last
    cell a bar of `top` fills, joined by a rule, so a bar's end is read against the scale."""
    end = number(top)
    rule = "─" * max(1, bar_width - 2 - len(end))
    return Content.styled(" " * indent + "0" + rule + " " + end, MUTED)


def scale_note(scale: Scale, label: str) -> Content:
    """What the axis' largest value is, and whether the scale is shared or the series' own."""
    top = f"{number(scale.top)} {scale.unit}"
    what = largest_text(scale.largest, label)
    if scale.own:
        text = f"Own scale: {top} = {what}, this series' largest. Not comparable with other {scale.unit} bars."
    elif scale.shared > 1:
        text = f"{scale.unit} series share one scale: {top} = {what}, the largest value in any of them."
    else:
        text = f"{top} = {what}, the largest value on this scale."
    return plain(text, "italic" if scale.own else MUTED)


def series_chart(
    figures: tuple[Figure, ...],
    label: str,
    year: int,
    scale: Scale,
    width: int,
    value_width: int = 0,
    largest_label: str = "",
    say_scale: bool = True,
) -> list[Content]:
    """One series, a row per year from its first to its last, `year` marked. Charts drawn with the
    same scale, `width` and `value_width` have bars of the same length for the same value. Under
    the axis, what its largest value is (`largest_label` names the series that has it, else
    `label`): always for a series' own scale, for a shared one unless `say_scale` is false (the
    panel says it once for all the series that share it)."""
    first, last = figures[0].year, figures[-1].year
    span = f"{first}–{last}" if first != last else str(first)
    own = " · own scale" if scale.own else ""
    lines = [Content.assemble(plain(label, "bold"), plain(f" · {figures[0].unit} · {span}{own}", MUTED))]
    if not first <= year <= last:
        lines.append(Content.styled(f"{year} is outside this series ({span}).", "italic"))
    value_width = max(value_width, *(cell_len(value_text(f)) for f in figures))
    bar_width = max(4, min(WIDEST, width - YEAR_WIDTH - value_width - 1))
    for row_year, last_year, figure in years_of(figures):
        here = row_year <= year <= last_year
        marker = (("▶" if here else " ") + f"{row_year} ", HERE if here else MUTED)
        if figure is None:
            gap = f"· no figures to {last_year} ({last_year - row_year + 1:,} years)"
            lines.append(Content.assemble(marker, (gap if last_year > row_year else "· no figure", MUTED)))
            continue
        drawn = bar(figure.value, scale.top, bar_width)
        lines.append(
            Content.assemble(
                marker,
                (drawn, HERE if here else BAR),
                " " * (bar_width - cell_len(drawn) + 1),
                (value_text(figure).rjust(value_width), "bold" if here else ""),
            )
        )
    lines.append(axis(scale.top, YEAR_WIDTH, bar_width))
    if say_scale or scale.own:
        lines.append(scale_note(scale, largest_label or label))
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
