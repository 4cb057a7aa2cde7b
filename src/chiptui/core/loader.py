"""Read a timeline file: every check of the data format, every problem reported at once.

`load(path)` returns a `Timeline` or raises `DataError` listing each problem with the
file, the line of the record's table header, the record, the field and what is wrong.
Nothing half-loaded is ever returned.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, compress, repeat
from operator import is_not
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chiptui.core import parsing
from chiptui.core.columns import DEFAULTS, events_of, loaded
from chiptui.core.files import MAX_BYTES, Unreadable, read_regular
from chiptui.core.model import (
    Chart,
    Comparison,
    Era,
    Event,
    Figure,
    PartialDate,
    Quote,
    Series,
    Source,
    Speaker,
    Timeline,
)
from chiptui.core.parsing import lines_of
from chiptui.core.problems import DataError, Problem, did_you_mean

if TYPE_CHECKING:
    from chiptui.core.bulk import Gathering
    from chiptui.core.checks import Where
    from chiptui.core.locate import Lines

# The checker is imported where it is used, not here: the explorer's cache hit (chiptui.core.cache)
# reads the file's bytes and needs none of it.

__all__ = ["DataError", "Problem", "build", "did_you_mean", "lines_of", "load", "load_bytes", "parse"]

_RECORD_TYPES: dict[str, type[Any]] = {
    "source": Source,
    "speaker": Speaker,
    "era": Era,
    "event": Event,
    "figure": Figure,
    "series": Series,
    "chart": Chart,
    "quote": Quote,
    "comparison": Comparison,
}


def read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes, or DataError saying why it cannot be read (only a regular file is read,
    at most MAX_BYTES, and never by waiting on a pipe or a device)."""
    try:
        return read_regular(path, MAX_BYTES)
    except Unreadable as error:
        message = str(error)
        if message.startswith("is a folder"):
            message = "is a folder, not a timeline file"
        raise DataError([Problem(shown, message)]) from None


def decode(data: bytes, shown: str) -> str:
    """The file's text, or DataError saying why it is not UTF-8."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        message = f"is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"
        raise DataError([Problem(shown, message, line=line)]) from None


def _before(end: PartialDate, start: PartialDate) -> bool:
    """Whether `end` is earlier than `start`, compared at the coarser of the two precisions."""
    size = min(len(end.iso()), len(start.iso()))
    return end.iso()[:size] < start.iso()[:size]


def parse(text: str, shown: str) -> Timeline:
    """Check and build a Timeline from TOML (or exported JSON) text; `shown` names the file in messages."""
    document, lines = parsing.document(text, shown)
    return build(document, shown, lines)


def build(
    document: dict[str, Any],
    shown: str,
    lines: Callable[[], Lines],
    *,
    spend: bool = False,
    gathered: Gathering | None = None,
) -> Timeline:
    """Check a parsed document (plain dicts, lists, strings and numbers) and build its Timeline;
    `lines` finds where its records are, for the messages. Every check of the format is here, so
    every document is checked the same way, wherever it was parsed from. With `spend`,
    the document is no one else's and a good one is used up (its records take their values).
    `gathered`: its events checked as it was read (`bulk.Gathering`), if it holds none of them
    (or only those from a piece in doubt on, checked here one by one after the gathered ones)."""
    from chiptui.core.checks import Checker, series_and_charts
    from chiptui.core.tables import TABLES

    checker = Checker(shown, lines, in_place=spend)
    title, tour = checker.top_level(document)
    tables: dict[str, list[Any]] = {}
    at_once = None  # the events as checked columns, when all passed at once
    after = 0  # the events from this place on are checked one by one (see `bulk.Gathering.partial`)
    for name in TABLES:  # in the format's order (an id is its first record's)
        if name == "event":
            if gathered is None or gathered.columns is None:
                at_once = checker.columns(document, name, DEFAULTS)
            else:
                at_once = checker.given(name, gathered.columns, gathered.ids)
                if gathered.partial:  # the records from a piece in doubt on: one by one, after those
                    after = len(at_once["id"])
        if name == "event" and at_once is not None and not after:
            tables[name] = []
            if spend:  # a dict an event, let go before the events are made
                document.pop(name, None)
        else:
            tables[name] = checker.table(document, name, after if name == "event" else 0)

    units: dict[str, tuple[str, str, Where]] = {}
    events = tables["event"]
    if at_once is not None:  # only the events the checks below look at one by one become rows
        places: Iterable[int] = range(len(at_once["id"]))
        if checker.knows("source", chain.from_iterable(set(at_once["sources"]))):  # (each distinct list once)
            places = compress(places, map(is_not, at_once["end"], repeat(None)))
        events = [*checker.rows("event", at_once, ("id", "date", "end", "sources"), places), *events]
    elif checker.all_known(events, "sources", "source"):  # the common case: only the ends to look at
        events = [row for row in events if "end" in row.values]
    for row in events:
        values, label, line = row.values, row.label, row.where
        checker.references(values.get("sources", ()), "source", line, label, "sources")
        if "end" in values and "date" in values and _before(values["end"], values["date"]):
            message = (
                f"{values['end'].iso()} is before the date {values['date'].iso()}; expected an end on or after the date"
            )
            checker.problem(message, line, label, "end")
    for row in (*tables["speaker"], *tables["era"]):
        checker.references(row.values.get("sources", ()), "source", row.where, row.label, "sources")
    for row in tables["era"]:
        values = row.values
        if "end" in values and "start" in values and values["end"] < values["start"]:
            message = f"{values['end']} is before the start {values['start']}; expected end >= start"
            checker.problem(message, row.where, row.label, "end")
    for row in tables["figure"]:
        values, label, line = row.values, row.label, row.where
        checker.references(values.get("sources", ()), "source", line, label, "sources")
        series, unit = values.get("series"), values.get("unit")
        if series is None or unit is None:
            continue
        first = units.setdefault(series, (unit, label, line))
        if first[0] != unit:
            message = (
                f'unit "{unit}" differs from "{first[0]}" of {first[1]} (line {checker.line(first[2])}) '
                f'in series "{series}"; expected one unit per series'
            )
            checker.problem(message, line, label, "unit")
    for row in tables["quote"]:
        values, label, line = row.values, row.label, row.where
        checker.references(values.get("sources", ()), "source", line, label, "sources")
        if "speaker" in values:
            checker.references([values["speaker"]], "speaker", line, label, "speaker")
        checker.references(values.get("events", ()), "event", line, label, "events")
    checker.references(tour, "event", "tour", None, "tour")
    figure_units: dict[str, str] = {
        row.values["id"]: row.values["unit"] for row in tables["figure"] if "id" in row.values and "unit" in row.values
    }
    for row in tables["comparison"]:
        values, label, line = row.values, row.label, row.where
        ids = list(values.get("figures", ()))
        checker.references(ids, "figure", line, label, "figures")
        if "figures" in values and len(ids) < 2:
            checker.problem("has one figure; expected two or more to compare", line, label, "figures")
        if "whole" in values:
            checker.references([values["whole"]], "figure", line, label, "whole")
        comparison_units = {figure_units[i] for i in [*ids, values.get("whole", "")] if i in figure_units}
        if len(comparison_units) > 1:
            shown = ", ".join(f'"{u}"' for u in sorted(comparison_units))
            checker.problem(f"the figures have different units ({shown}); expected one unit", line, label, "figures")
    series_and_charts(checker, tables)

    if checker.problems:
        raise DataError(sorted(checker.problems, key=lambda p: p.line or 0))
    built: dict[str, Sequence[Any]] = {
        name: [_RECORD_TYPES[name](**r.values) for r in rows] for name, rows in tables.items()
    }
    if at_once is not None:
        built["event"] = loaded(at_once) if not after else [*events_of(at_once), *built["event"]]
    return Timeline(
        title=title,
        sources={s.id: s for s in built["source"]},
        speakers={s.id: s for s in built["speaker"]},
        eras=built["era"],
        events=built["event"],
        figures=built["figure"],
        quotes=built["quote"],
        tour=tour,
        comparisons=built["comparison"],
        series_records=built["series"],
        charts=built["chart"],
    )


def load(path: Path | str, shown: str | None = None) -> Timeline:
    """Load and check a timeline file; raise DataError with every problem found."""
    path = Path(path)
    shown = shown or str(path)
    return load_bytes(read_bytes(path, shown), shown)


def load_bytes(data: bytes, shown: str) -> Timeline:
    """Check a timeline file's bytes (as `load` does once it has read them). No one keeps the
    parsed document, so its records take their checked values instead of being copied, and the
    events are checked as they are read (see `bulk.Gathering`)."""
    from chiptui.core.bulk import Gathering

    text = decode(data, shown)
    with _no_collection():
        events = Gathering("event", DEFAULTS)
        document, _ = parsing.document(text, shown, events)
        del text  # a copy of the file as large as it: the lines are found again from the bytes if need be
        return build(document, shown, lambda: lines_of(decode(data, shown))(), spend=True, gathered=events)


@contextmanager
def _no_collection() -> Iterator[None]:
    """A load makes many objects and frees none: cycle collection would only rescan them. They
    live as long as their timeline, in no cycle, so they are then left out of collections for
    good (`gc.freeze`): else the first collection after it would scan them all (a second at a
    million events)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
