"""Events checked as the parser reads them (`bulk.Gathering`): each piece's events become columns
and their dicts go. The timeline, or the messages, are those of the whole document checked."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from chiptui.core import fasttoml, loader
from chiptui.core.bulk import Gathering
from chiptui.core.columns import DEFAULTS
from chiptui.core.loader import DataError

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "timeline.toml"
TEXT = BUNDLED.read_text(encoding="utf-8")
EVENTS = len(tomllib.loads(TEXT)["event"])
SMALL = 3_000  # characters: the bundled file in about a hundred pieces


def whole(text: str) -> object:
    """What checking the whole parsed document gives: the timeline, or every problem."""
    try:
        return loader.build(tomllib.loads(text), "t.toml", loader.lines_of(text))
    except DataError as error:
        return [(p.line, p.record, p.field, p.message) for p in error.problems]


def gathered(text: str, piece: int, monkeypatch: pytest.MonkeyPatch) -> object:
    """What the loader gives, reading the text `piece` characters at a time."""
    monkeypatch.setattr(fasttoml, "PIECE", piece)
    try:
        return loader.load_bytes(text.encode("utf-8"), "t.toml")
    except DataError as error:
        return [(p.line, p.record, p.field, p.message) for p in error.problems]


def in_event(text: str, field: str, value: str, *, last: bool = True) -> str:
    """The text with the last (or first) event's `field` given `value` (a TOML value)."""
    start = text.rindex("[[event]]") if last else text.index("[[event]]")
    end = text.find("\n[[", start)
    end = len(text) if end < 0 else end
    block, line = text[start:end], re.compile(rf"^{field} = .*$", re.MULTILINE)
    if line.search(block):
        block = line.sub(lambda _: f"{field} = {value}", block, count=1)
    else:
        block = block.replace("[[event]]", f"[[event]]\n{field} = {value}", 1)
    return text[:start] + block + text[end:]


@pytest.mark.parametrize("piece", [SMALL, 40_000, 10**9])
def test_events_gathered_piece_by_piece_make_the_timeline_of_the_whole(
    piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    gathering = Gathering("event", DEFAULTS)
    document = fasttoml.read(TEXT, piece, gathering)
    assert document is not None and document["event"] == [] and not gathering.partial
    assert gathering.columns is not None and len(gathering.columns["id"]) == EVENTS
    made = gathered(TEXT, piece, monkeypatch)
    assert not isinstance(made, list) and made == whole(TEXT)


def test_a_date_that_two_pieces_give_is_one_object(monkeypatch: pytest.MonkeyPatch) -> None:
    head = 'schema = 1\n\n[[source]]\nid = "s"\ntitle = "S"\n\n'
    events = "".join(
        f'[[event]]\nid = "e-{n}"\ndate = "{2000 + n % 5}-05"\ntitle = "T {n}"\ntext = "X."\nsources = ["s"]\n\n'
        for n in range(300)
    )
    made = gathered(head + events, 1_000, monkeypatch)
    assert not isinstance(made, list) and len(made.events) == 300  # type: ignore[attr-defined]
    assert len({id(event.date) for event in made.events}) == 5  # type: ignore[attr-defined]


FAULTS = [
    ("title", '""'),  # a doubt in a late piece: the events before it gathered, the rest one by one
    ("date", '"2019-02-30"'),
    ("id", '"kilby-first-ic"'),  # the first event's id: two pieces give it
    ("sources", '["no-such-source"]'),  # passes the column checks; the cross-record checks find it
    ("end", '"1900"'),  # so does this
]


@pytest.mark.parametrize(("field", "value"), FAULTS)
def test_a_fault_in_the_last_event_is_worded_as_in_the_whole(
    field: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = in_event(TEXT, field, value)
    expected = whole(text)
    assert isinstance(expected, list) and expected
    for piece in (SMALL, 10**9):
        assert gathered(text, piece, monkeypatch) == expected


def test_an_events_id_that_a_source_has_is_worded_as_in_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A source's id given to an event: the sources are checked after the events are read, so the
    clash is found when the events' ids are claimed, and worded as record by record."""
    source = re.search(r'\[\[source\]\]\nid = "([^"]+)"', TEXT)
    assert source is not None
    text = in_event(TEXT, "id", f'"{source[1]}"')
    expected = whole(text)
    assert isinstance(expected, list) and any("duplicate id" in message for *_, message in expected)
    assert gathered(text, SMALL, monkeypatch) == expected


def test_a_doubt_in_the_first_piece_leaves_the_document_whole() -> None:
    gathering = Gathering("event", DEFAULTS)
    document = fasttoml.read(in_event(TEXT, "title", '""', last=False), SMALL, gathering)
    assert document is not None and len(document["event"]) == EVENTS
    assert gathering.columns is None and not gathering.partial


def test_a_late_doubt_keeps_the_events_before_its_piece_and_leaves_the_rest_as_parsed() -> None:
    gathering = Gathering("event", DEFAULTS)
    document = fasttoml.read(in_event(TEXT, "title", '""'), SMALL, gathering)
    assert document is not None and gathering.partial and gathering.columns is not None
    kept, rest = gathering.columns["id"], [event["id"] for event in document["event"]]
    assert 0 < len(rest) < EVENTS and kept + rest == [event["id"] for event in tomllib.loads(TEXT)["event"]]


@pytest.mark.parametrize("at", [0.3, 0.6])
def test_a_fault_in_a_middle_piece_is_worded_as_in_the_whole(at: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events gathered before the piece in doubt, those from it on (two faults among them, one
    a duplicate of a gathered id) checked one by one, with their places in the whole table."""
    starts = [match.start() for match in re.finditer(r"^\[\[event\]\]$", TEXT, re.MULTILINE)]
    cut = starts[int(len(starts) * at)]
    first = re.search(r'\[\[event\]\]\nid = "([^"]+)"', TEXT)
    assert first is not None
    text = TEXT[:cut] + in_event(in_event(TEXT[cut:], "date", '"2019-02-30"', last=False), "id", f'"{first[1]}"')
    expected = whole(text)
    assert isinstance(expected, list) and len(expected) == 2
    assert gathered(text, SMALL, monkeypatch) == expected


def test_a_doubt_that_was_no_fault_gives_the_timeline_of_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A piece the column checks doubt but every record of which is good (made so here): its
    events and those after it are made one by one, beside the gathered ones, in date order."""
    from chiptui.core import bulk

    columns, calls = bulk.columns, []

    def doubting_the_fifth(*args: object) -> object:
        calls.append(1)
        return None if len(calls) == 5 else columns(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk, "columns", doubting_the_fifth)
    made = gathered(TEXT, SMALL, monkeypatch)
    assert len(calls) == 5 and not isinstance(made, list) and made == whole(TEXT)


def test_a_late_piece_rtoml_refuses_is_read_by_tomllib_with_nothing_gathered(monkeypatch: pytest.MonkeyPatch) -> None:
    """rtoml refuses a float past 1.8e308 that `tomllib` reads (as inf): the events gathered from
    the pieces before it do not count, and the whole text is checked as `tomllib` read it."""
    text = in_event(TEXT, "value", "1e400")  # (not an event's field: a problem)
    gathering = Gathering("event", DEFAULTS)
    assert fasttoml.read(text, SMALL, gathering) is None and gathering.columns is not None
    expected = whole(text)
    assert isinstance(expected, list) and [field for _, _, field, _ in expected] == ["value"]
    assert gathered(text, SMALL, monkeypatch) == expected
