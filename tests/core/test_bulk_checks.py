"""The column-at-a-time checks (chiptui.core.bulk) change nothing but the speed: on the bundled
timeline with random faults put in, the loader gives the timeline the record-by-record checks
give, or the same messages, line for line."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chiptui.core import bulk, loader
from chiptui.core.columns import DEFAULTS
from chiptui.core.loader import DataError
from chiptui.core.records import Event

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "timeline.toml"
TEXT = BUNDLED.read_text(encoding="utf-8")
DOCUMENT = tomllib.loads(TEXT)
TABLES = [name for name in ("source", "speaker", "era", "event", "figure", "quote", "comparison") if DOCUMENT.get(name)]
FIELDS = sorted({field for name in TABLES for record in DOCUMENT[name] for field in record} | {"unknown", "id"})
WRONG: list[Any] = [
    *(1, 1.5, True, 0, 10**400, float("nan"), float("inf"), 1e308, 999, 1999, 10_000),
    *("", " x", "x ", "a\x01b", "a\u202eb", "x\ny", "a\tb", "Bad Id", "ok-id", "\u00a0x", "x" * 2_001),
    *("2019-02-30", "2019-13", "1999", "2019-05-04", "direct", "paraphrase", "nope", "\ud800"),
    *([], ["x"], ["a b"], [1], ["ok", "ok"], [""], [" t"], ["src-none"], [2019], [True]),
    {},
]


def outcome(document: dict[str, Any]) -> object:
    try:
        return loader.build(copy.deepcopy(document), "t.toml", loader.lines_of(TEXT))
    except DataError as error:
        return [(p.line, p.record, p.field, p.message) for p in error.problems]


def one_by_one(document: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        patch.setattr(bulk, "checked", lambda *args: None)  # what `values`, `columns` and `Gathering` use
        return outcome(document)


@st.composite
def faulty(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(TABLES))
        records = document[name]
        record = records[draw(st.integers(0, len(records) - 1))]
        field = draw(st.sampled_from(sorted(record))) if draw(st.booleans()) else draw(st.sampled_from(FIELDS))
        action = draw(st.sampled_from(["set", "set", "set", "delete", "copy id"]))
        if action == "delete":
            record.pop(field, None)
        elif action == "copy id":
            other = draw(st.sampled_from(TABLES))
            taken = document[other][draw(st.integers(0, len(document[other]) - 1))]
            record["id"] = taken.get("id", "no-such-id")  # an earlier fault may have deleted it
        else:
            record[field] = draw(st.sampled_from(WRONG))
    return document


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(faulty())
def test_a_fault_is_found_and_worded_as_record_by_record(
    monkeypatch: pytest.MonkeyPatch, document: dict[str, Any]
) -> None:
    assert outcome(document) == one_by_one(document, monkeypatch)


def test_a_good_file_is_checked_at_once_and_gives_the_same_timeline(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in TABLES:
        assert bulk.values(DOCUMENT[name], name) is not None
    assert bulk.columns(DOCUMENT["event"], "event", DEFAULTS) is not None
    at_once = outcome(DOCUMENT)
    assert not isinstance(at_once, list)
    assert at_once == one_by_one(DOCUMENT, monkeypatch)


def test_the_parsed_document_is_left_as_it_was_unless_it_is_spent() -> None:
    document = copy.deepcopy(DOCUMENT)
    kept = loader.build(document, "t.toml", loader.lines_of(TEXT))
    assert document == DOCUMENT
    assert loader.build(document, "t.toml", loader.lines_of(TEXT), spend=True) == kept
    assert document != DOCUMENT  # its records hold the timeline's values now


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faulty())
def test_a_spent_document_that_fails_is_worded_as_one_kept(document: dict[str, Any]) -> None:
    kept = outcome(document)
    spent: object
    try:
        spent = loader.build(copy.deepcopy(document), "t.toml", loader.lines_of(TEXT), spend=True)
    except DataError as error:
        spent = [(p.line, p.record, p.field, p.message) for p in error.problems]
    assert spent == kept


def test_texts_that_many_records_repeat_are_one_object_each_and_stay_so_in_the_cache(tmp_path: Path) -> None:
    """A source, region, tag, unit or speaker named by many records is held once, not once a
    record (a million events citing 200 sources), in a fresh load and in one from the cache."""
    from chiptui.core.cache import load_cached

    events = "".join(
        f'[[event]]\nid = "e-{n}"\ndate = "{2000 + n}"\ntitle = "Event {n}"\ntext = "Text {n}."\n'
        f'sources = ["src-{n % 2}"]\nregion = "{"china" if n % 2 else "world"}"\ntags = ["memory", "policy"]\n\n'
        for n in range(6)
    )
    text = 'schema = 1\ntitle = "Shared"\n\n[[source]]\nid = "src-0"\ntitle = "Zero"\n\n'
    text += '[[source]]\nid = "src-1"\ntitle = "One"\n\n' + events
    path = tmp_path / "shared.toml"
    path.write_text(text, encoding="utf-8")
    fresh, cached = load_cached(path, "shared.toml"), load_cached(path, "shared.toml")
    assert cached == fresh and cached is not fresh
    for timeline in (fresh, cached):
        first, _, third = timeline.events[:3]
        assert first.sources[0] == third.sources[0] and first.sources[0] is third.sources[0]
        assert first.region == third.region and first.region is third.region
        assert all(a is b for event in timeline.events for a, b in zip(event.tags, first.tags, strict=True))
        assert len({id(event.date) for event in timeline.events}) == len(timeline.events)  # (dates all differ)


@pytest.mark.parametrize("fault", [{"end": "1900"}, {"sources": ["src-none"]}, {"end": "2100-01"}])
def test_events_checked_at_once_are_still_looked_at_one_by_one(
    monkeypatch: pytest.MonkeyPatch, fault: dict[str, object]
) -> None:
    """An end before its date and a source no record has pass the column checks; the checks of
    one record against another find them, worded as ever (and a good end is kept)."""
    document = copy.deepcopy(DOCUMENT)
    document["event"][5].update(fault)
    assert bulk.columns(document["event"], "event", DEFAULTS) is not None
    found = outcome(document)
    assert found == one_by_one(document, monkeypatch)
    if fault == {"end": "2100-01"}:
        assert not isinstance(found, list)
    else:
        assert isinstance(found, list) and [(record, field) for _, record, field, _ in found] == [
            (f'event "{document["event"][5]["id"]}"', next(iter(fault)))
        ]


def test_a_good_files_events_are_made_from_its_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No event of a good file is made one by one (a million `Event(**values)`: seconds), and
    the timeline is the one the record-by-record checks build."""
    expected = one_by_one(DOCUMENT, monkeypatch)

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("an event made from its values")

    monkeypatch.setattr(Event, "__init__", refused)
    assert outcome(DOCUMENT) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(range(len(DOCUMENT["event"]))), st.integers(1, 6))
def test_events_in_any_order_are_put_in_the_timelines_order_as_record_by_record(
    monkeypatch: pytest.MonkeyPatch, order: list[int], ties: int
) -> None:
    """The checked columns are sorted as the timeline sorts its events: by date, a year-only
    date before the dated days of its year, file order on ties (the first `ties` events given
    one date, so that many tie)."""
    document = copy.deepcopy(DOCUMENT)
    events = [document["event"][at] for at in order]
    for event in events[:ties]:
        event.pop("end", None)
        event["date"] = events[0]["date"]
    document["event"] = events
    at_once = outcome(document)
    assert not isinstance(at_once, list)
    assert at_once == one_by_one(document, monkeypatch)
