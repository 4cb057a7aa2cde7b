"""Dates at their precision and the Timeline's queries."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiptui.core.model import Event, PartialDate, Timeline


@pytest.mark.parametrize(
    ("text", "label", "precision"),
    [("1965", "1965", "year"), ("2013-07", "Jul 2013", "month"), ("1958-09-12", "12 Sep 1958", "day")],
)
def test_dates_show_at_their_precision(text: str, label: str, precision: str) -> None:
    date = PartialDate.parse(text)
    assert (date.label(), date.precision, date.iso()) == (label, precision, text)


@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_every_real_day_parses_and_round_trips(day: datetime.date) -> None:
    date = PartialDate.parse(day.isoformat())
    assert (date.year, date.month, date.day) == (day.year, day.month, day.day)
    assert date.iso() == day.isoformat()


@given(st.integers(1000, 9999), st.integers(1, 12), st.integers(29, 31))
def test_a_day_past_the_month_end_is_refused(year: int, month: int, day: int) -> None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        with pytest.raises(ValueError, match="has no day"):
            PartialDate.parse(f"{year:04d}-{month:02d}-{day:02d}")
    else:
        assert PartialDate.parse(f"{year:04d}-{month:02d}-{day:02d}").day == day


def test_events_are_in_date_order_year_only_first(small: Timeline) -> None:
    keys = [e.date.key for e in small.events]
    assert keys == sorted(keys)
    assert [e.id for e in small.events if e.year == 2018] == ["ev-2018a", "ev-2018b"]


DATES = st.builds(
    PartialDate,
    st.integers(1958, 1962),
    st.one_of(st.none(), st.integers(1, 2)),
    st.none(),
)


@settings(max_examples=200)
@given(st.lists(DATES, max_size=12), st.booleans())
def test_events_are_in_date_order_file_order_on_ties_sorted_or_not(dates: list[PartialDate], presorted: bool) -> None:
    """Date order (a year-only date before the year's dated events), file order on a tie; the
    same whether the events came in order already (as from the load cache) or not."""
    if presorted:
        dates = sorted(dates, key=lambda d: d.key)
    events = [Event(id=f"e{n}", date=d, title="t", text="x", sources=["s"]) for n, d in enumerate(dates)]
    expected = sorted(range(len(events)), key=lambda n: (dates[n].key, n))
    timeline = Timeline(title="T", sources={}, speakers={}, eras=(), events=events, figures=(), quotes=())
    assert [event.id for event in timeline.events] == [f"e{n}" for n in expected]


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1958, "ev-1958"), (1900, "ev-1958"), (1970, "ev-1965"), (1972, "ev-1978"), (2018, "ev-2018a"), (2100, "ev-2019")],
)
def test_index_for_year_is_the_first_event_of_the_nearest_year(small: Timeline, year: int, expected: str) -> None:
    index = small.index_for_year(year)
    assert index is not None
    assert small.events[index].id == expected


@given(st.integers(1000, 9999))
def test_index_for_year_is_never_farther_than_any_other_event(year: int) -> None:
    from chiptui.core.loader import load
    from tests.conftest import DATA

    timeline = load(DATA / "small.toml")
    index = timeline.index_for_year(year)
    assert index is not None
    chosen = timeline.events[index]
    assert all(abs(chosen.year - year) <= abs(e.year - year) for e in timeline.events)
    assert index == 0 or timeline.events[index - 1].year != chosen.year


def test_figures_and_nearest_year(small: Timeline) -> None:
    assert [f.id for f in small.figures_for_year(2018)] == ["imports-2018", "fund-2018"]
    assert small.figures_for_year(1965) == ()
    assert small.nearest_figure_year(1965) == 2013
    assert small.nearest_figure_year(2016) == 2018
    assert small.nearest_figure_year(2015) == 2013


def test_quotes_for_event_and_year(small: Timeline) -> None:
    assert [q.id for q in small.quotes_for_event("ev-2018a")] == ["q-direct", "q-paraphrase"]
    assert [q.id for q in small.quotes_about_year(2018)] == ["q-direct", "q-paraphrase"]  # named, or via its event
    assert [q.id for q in small.quotes_about_year(1978)] == ["q-1978"]
    assert small.quotes_about_year(2013) == ()
    assert small.nearest_quote_year(2013) == 2018 and small.nearest_quote_year(1990) == 1978
    assert small.quotes_for_event("ev-2019") == ()


def test_amounts_say_about_when_approximate(small: Timeline) -> None:
    amounts = {f.id: f.amount() for f in small.figures}
    assert amounts == {
        "imports-2013": "232.2 USD bn",
        "imports-2018": "312.06 USD bn",
        "fund-2018": "about 138.7 CNY bn",
    }


def test_when_shows_circa_and_end(small: Timeline) -> None:
    by_id = {e.id: e for e in small.events}
    assert by_id["ev-1965"].when() == "c. 1965"
    assert by_id["ev-2013"].when() == "12 Jul 2013 – 23 Dec 2013"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.dates(min_value=datetime.date(1000, 1, 1)), st.integers(0, 2), st.booleans()), min_size=1))
def test_the_date_width_is_that_of_the_widest_date_shown(dates: list[tuple[datetime.date, int, bool]]) -> None:
    events = []
    for n, (day, precision, circa) in enumerate(dates):
        text = day.isoformat()[: (4, 7, 10)[precision]]
        fields: dict[str, Any] = {"id": f"e{n}", "title": "t", "text": "t", "sources": ["s"], "circa": circa}
        events.append(Event(date=PartialDate.parse(text), **fields))
    timeline = Timeline(title="t", sources={}, speakers={}, eras=(), events=events, figures=(), quotes=())
    shown = [("c." if e.circa else "") + e.date.label() for e in timeline.events]
    assert timeline.date_width() == max(4, *(len(label) for label in shown))


def test_every_record_shows_as_attrs_would_show_it() -> None:
    # The records share one repr (attrs would make one per class as they load): it must be attrs' own.
    import attrs

    from chiptui.cli import bundled_timeline
    from chiptui.core.loader import load
    from chiptui.core.problems import Problem
    from chiptui.core.view import Filter

    timeline = load(bundled_timeline())
    values: list[Any] = [
        timeline.events[0],
        timeline.events[0].date,
        next(iter(timeline.sources.values())),
        timeline.figures[0],
        timeline.quotes[0],
        timeline.eras[0],
        Problem("f.toml", "it's 'wrong'", 3),
        Filter(regions=frozenset({"cn"})),
    ]
    for value in values:
        fields = attrs.fields(type(value))
        twin = attrs.make_class(type(value).__name__, {f.name: attrs.field(repr=f.repr) for f in fields})
        expected = repr(twin(*(getattr(value, f.name) for f in fields)))
        assert repr(value) == expected
        assert "=" in expected and repr(value).startswith(type(value).__name__ + "(")
