"""The chart numbers: a change is the source's or computed (never both), rows keep missing years."""

from __future__ import annotations

from typing import Any

from chiptui.cli import bundled_timeline
from chiptui.core.charts import Change, change_of, chart_years, figure_change, gap_of, rows_of
from chiptui.core.loader import load
from chiptui.core.model import Chart, Figure

BUNDLED = load(bundled_timeline())


def fig(year: int, value: float, change: float | None = None, approx: bool = False) -> Figure:
    fields: dict[str, Any] = {"sources": ("s",)}  # (attrs' tuple converter is untyped)
    return Figure(
        id=f"f{year}", label="F", year=year, value=value, unit="u", series="s", change=change, approx=approx, **fields
    )


def chart(**fields: Any) -> Chart:
    return Chart(id="c", title="T", **fields)


def test_the_stated_change_is_shown_not_the_computed_one() -> None:
    imports = BUNDLED.figure("cn-ic-imports-2018")
    assert imports is not None
    shown = figure_change(BUNDLED, imports)
    assert shown == Change(19.8, 2017, stated=True)
    assert shown.text() == "+19.8% on 2017, as reported"  # not the +20.0% that 260.143 → 312.06 gives
    for figure_id, text in [("cn-ic-imports-2013", "+20% on 2012"), ("cn-ic-exports-2013", "+63% on 2012")]:
        found = BUNDLED.figure(figure_id)
        assert found is not None and (change := figure_change(BUNDLED, found)) is not None
        assert change.text() == f"{text}, as reported"


def test_a_computed_change_says_so_and_is_approximate_from_an_approximate_value() -> None:
    assert change_of(fig(2018, 110), fig(2017, 100)) == Change(10.0, 2017, stated=False)
    assert (found := change_of(fig(2018, 90), fig(2017, 100, approx=True))) is not None
    assert found.text() == "≈ −10.0% on 2017, computed"


def test_no_change_across_missing_years_or_from_nothing() -> None:
    assert change_of(fig(2016, 227.1), fig(2013, 232.2)) is None  # 2014 and 2015 missing: not a year's change
    assert change_of(fig(2018, 1), fig(2017, 0)) is None
    assert change_of(fig(2018, 1), None) is None
    assert change_of(fig(2018, 1, change=5.0), None) == Change(5.0, 2017, stated=True)


def test_rows_keep_every_year_and_fold_long_empty_runs() -> None:
    a = (fig(2000, 1), fig(2002, 2), fig(2010, 3))
    b = (fig(2001, 4),)
    rows = rows_of([a, b], 2000, 2010)
    assert [(first, last) for first, last, _ in rows] == [
        (2000, 2000),
        (2001, 2001),
        (2002, 2002),
        (2003, 2009),
        (2010, 2010),
    ]
    assert rows[1][2] == (None, b[0])  # a year one series lacks: None in its place
    assert rows[3][2] == (None, None)


def test_a_chart_spans_the_years_its_series_share() -> None:
    declared = next(c for c in BUNDLED.charts if c.id == "imports-against-exports")
    drawn = chart_years(BUNDLED, declared)
    assert drawn is not None and (drawn.start, drawn.end) == (2004, 2018)  # exports end in 2018
    assert drawn.largest is not None and drawn.largest.id == "cn-ic-imports-2018"
    row = next(r for r in drawn.rows if r[0] == 2018)
    deficit = gap_of(row[2])
    assert deficit is not None and abs(deficit - 227.424) < 1e-9  # the source's deficit: 227.42
    narrowed = chart_years(BUNDLED, chart(series=declared.series, start=2010, end=2013))
    assert narrowed is not None and [r[0] for r in narrowed.rows] == [2010, 2011, 2012, 2013]
    assert chart_years(BUNDLED, chart(series=declared.series, start=2019, end=2004)) is None
