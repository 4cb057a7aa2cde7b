"""A property of the figures panel: every change it shows is the source's stated change where the
data gives one, and otherwise is labelled computed; a figure never shows two."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chiptui.core.charts import signed
from chiptui.core.model import Figure, Source, Timeline
from chiptui.tui.widgets.figures_panel import figure_text

CHANGE = re.compile(r"(≈ )?([+−][\d,.]+%) on (\d{4}), (as reported|computed)")

values = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
stated = st.none() | st.floats(min_value=-99.9, max_value=1e4, allow_nan=False).map(lambda v: round(v, 1))
series = st.dictionaries(st.integers(2000, 2030), st.tuples(values, stated, st.booleans()), min_size=1, max_size=12)


def timeline_of(rows: dict[int, tuple[float, float | None, bool]]) -> Timeline:
    cited: dict[str, Any] = {"sources": ("s",)}  # (attrs' tuple converter is untyped)
    figures = [
        Figure(id=f"f-{y}", label="Imports", year=y, value=v, unit="USD bn", series="s", change=c, approx=a, **cited)
        for y, (v, c, a) in rows.items()
    ]
    records: dict[str, Any] = {"eras": (), "events": (), "figures": figures, "quotes": ()}
    return Timeline(title="T", sources={"s": Source(id="s", title="A source")}, speakers={}, **records)


@settings(max_examples=150, deadline=None)
@given(series)
def test_a_change_shown_is_the_sources_or_labelled_computed(rows: dict[int, tuple[float, float | None, bool]]) -> None:
    timeline = timeline_of(rows)
    for figure in timeline.figures:
        shown = CHANGE.findall(figure_text(timeline, figure, {"s": 1}).plain)
        assert len(shown) <= 1, shown  # never two growth figures for one value
        before = rows.get(figure.year - 1)
        if figure.change is not None:
            assert shown == [("", signed(figure.change, None), str(figure.year - 1), "as reported")]
        elif before is not None:
            percent = (figure.value - before[0]) / before[0] * 100
            approx = "≈ " if before[2] or figure.approx else ""
            assert shown == [(approx, signed(percent), str(figure.year - 1), "computed")]
        else:
            assert shown == []  # no year before: no change, rather than one across missing years
