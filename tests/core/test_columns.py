"""A load cache's events as columns (chiptui.core.columns.EventColumns): the same events as the
timeline they were cached from, each made when it is first asked for and the same object after;
a timeline opened from the cache answers the first screen's questions without making them all."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core import cache
from chiptui.core.cache import load_cached
from chiptui.core.columns import EventColumns, columns_of, distinct_dates, id_order
from chiptui.core.loader import load
from chiptui.core.model import Event, PartialDate, Timeline

LOADED = load(bundled_timeline())
EVENTS = LOADED.events


def as_columns(events: Sequence[Event], at: int) -> EventColumns:
    """`events` as a cache holds them: two slices of columns, cut at `at`."""
    dates = distinct_dates(events)
    parts = [columns_of(events[:at], dates), columns_of(events[at:], dates)]
    return EventColumns(parts, dates, id_order(events))


def test_columns_are_the_events_they_were_made_from() -> None:
    events = as_columns(EVENTS, 40)
    assert len(events) == len(EVENTS) and events == EVENTS and events == EVENTS
    assert events[0] == EVENTS[0] and events[-1] == EVENTS[-1] and events[39:42] == EVENTS[39:42]
    assert events[::-7] == EVENTS[::-7]
    assert events.column("title") == [event.title for event in EVENTS]
    assert events != EVENTS[:-1] and events != "not events"
    with pytest.raises(IndexError):
        events[len(EVENTS)]


def test_an_event_asked_for_again_is_the_same_object_before_and_after_all_are_made() -> None:
    events = as_columns(EVENTS, 3)
    first, last = events[5], events[-1]
    assert events[5] is first and events[len(EVENTS) - 1] is last
    every = list(events)
    assert every == list(EVENTS)
    assert every[5] is first and every[-1] is last and events[6] is every[6]
    assert every[9].date is every[9].date and every[9].date == EVENTS[9].date


def test_a_timeline_takes_columns_in_the_order_they_were_written() -> None:
    # A signed cache holds its events in order: the timeline does not look at it again.
    later = Event(id="later", date=PartialDate(2001), title="t", text="x", sources=["s"])
    earlier = Event(id="earlier", date=PartialDate(1999), title="t", text="x", sources=["s"])
    kept = Timeline(
        title="t", sources={}, speakers={}, eras=(), events=as_columns([later, earlier], 1), figures=(), quotes=()
    )
    sorted_ = Timeline(title="t", sources={}, speakers={}, eras=(), events=(later, earlier), figures=(), quotes=())
    assert [e.id for e in kept.events] == ["later", "earlier"] and type(kept.events) is EventColumns
    assert [e.id for e in sorted_.events] == ["earlier", "later"]


def test_a_cached_timeline_opens_without_making_every_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "timeline.toml"
    path.write_bytes(bundled_timeline().read_bytes())
    with monkeypatch.context() as patch:  # loaded and cached (the columns written) without making one
        patch.setattr(EventColumns, "_one", lambda self, place: pytest.fail("an event made"))
        patch.setattr(EventColumns, "every", lambda self: pytest.fail("every event made"))
        fresh = load_cached(path, "timeline.toml")
    assert cache.cache_file(path).is_file()

    def every(self: EventColumns) -> list[Event]:
        raise AssertionError("made every event")

    monkeypatch.setattr(EventColumns, "every", every)
    monkeypatch.setattr(cache, "load_bytes", lambda data, shown: pytest.fail("loaded the file, expected the cache"))
    cached = load_cached(path, "timeline.toml")
    assert type(cached.events) is EventColumns
    assert cached.titles() == fresh.titles() and cached.event_years() == fresh.event_years()
    assert cached.date_width() == fresh.date_width() and cached.quote_years() == fresh.quote_years()
    last = fresh.events[-1]
    assert cached.event_by_id(last.id) == last and cached.index_for_year(last.year) == fresh.index_for_year(last.year)
    assert cached.search_texts() == fresh.search_texts()  # the first search, too, makes no event
    assert cached.regions() == fresh.regions() and cached.tags() == fresh.tags()  # the filter's choices


def test_a_cached_timeline_measures_its_dates_by_the_dates_events_start_on() -> None:
    # An end is shown after its start, not in the date column: a wide end does not widen it.
    ends_wide = Event(id="a", date=PartialDate(1999), title="t", text="x", sources=["s"], end=PartialDate(2001, 9, 12))
    circa = Event(id="b", date=PartialDate(2003, 5), title="t", text="x", sources=["s"], circa=True)
    for events, width in (([ends_wide], 4), ([ends_wide, circa], 10)):
        fresh = Timeline(title="t", sources={}, speakers={}, eras=(), events=events, figures=(), quotes=())
        cached = Timeline(
            title="t", sources={}, speakers={}, eras=(), events=as_columns(events, 1), figures=(), quotes=()
        )
        assert cached.date_width() == fresh.date_width() == width


def test_a_cached_timeline_finds_each_event_by_its_id_and_no_other() -> None:
    events = as_columns(EVENTS, 60)
    fresh = LOADED
    cached = Timeline(
        title="t", sources={}, speakers={}, eras=(), events=events, figures=fresh.figures, quotes=fresh.quotes
    )
    for place, event in enumerate(EVENTS):
        assert cached.event_index(event.id) == place and cached.event_by_id(event.id) == event
    for missing in ("", "a", "zzzz", EVENTS[0].id + "-", EVENTS[-1].id[:-1], "0"):
        assert cached.event_index(missing) is None and cached.event_by_id(missing) is None
    assert cached.quotes_about_year(2018) == fresh.quotes_about_year(2018) != ()
    assert cached.quote_years() == fresh.quote_years()


def test_the_filters_choices_count_each_region_and_tag_of_every_event() -> None:
    from collections import Counter

    assert LOADED.regions() == Counter(event.region for event in EVENTS if event.region) != Counter()
    assert LOADED.tags() == Counter(tag for event in EVENTS for tag in event.tags) != Counter()


def in_order(text: str) -> str:
    """`text`'s events written again in date order (as a generated or exported file has them)."""
    from chiptui.core.export import export

    return export(load_text(text), "json")


def load_text(text: str) -> Timeline:
    from chiptui.core.loader import load_bytes

    return load_bytes(text.encode("utf-8"), "t")


def test_a_files_events_load_as_columns_in_date_order_and_check_makes_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its events are `EventColumns` from the checked columns, put in date order (file order on
    ties) when the file is not in it: `chiptui check`'s summary and warnings make none; asked
    for, they are the events the record-by-record checks make, in the timeline's order."""
    from chiptui.core import bulk, columns, report

    text = bundled_timeline().read_text(encoding="utf-8")
    ordered = load_text(in_order(text))
    with monkeypatch.context() as patch:
        patch.setattr(bulk, "checked", lambda *args: None)  # record by record: events made, then sorted
        one_by_one = load_text(text)
    in_file = [event["id"] for event in tomllib.loads(text)["event"]]
    in_order_ids = [event.id for event in one_by_one.events]
    assert type(one_by_one.events) is tuple and in_order_ids != in_file  # the bundled file is not in order
    assert [event.id for event in LOADED.events] == in_order_ids
    for timeline in (LOADED, ordered):
        assert type(timeline.events) is EventColumns
        with monkeypatch.context() as patch:
            patch.setattr(EventColumns, "_one", lambda self, place: pytest.fail("an event made"))
            patch.setattr(columns, "events_of", lambda made: pytest.fail("every event made"))
            assert report.summary(timeline) == report.summary(one_by_one)
            assert report.warnings(timeline) == report.warnings(one_by_one)
            assert timeline.event_index("kilby-first-ic") == one_by_one.event_index("kilby-first-ic")
        assert timeline.events == one_by_one.events and timeline == one_by_one
