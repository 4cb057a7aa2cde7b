"""Read a timeline file: every check of the data format, every problem reported at once.

`load(path)` returns a `Timeline` or raises `DataError` listing each problem with the
file, the line of the record's table header, the record, the field and what is wrong.
Nothing half-loaded is ever returned.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from chiptui import fasttoml, schema
from chiptui.files import MAX_BYTES, Unreadable, read_regular
from chiptui.locate import Lines, json_duplicate, json_lines, long_number, toml_lines
from chiptui.model import Comparison, Era, Event, Figure, PartialDate, Quote, Source, Speaker, Timeline
from chiptui.problems import DataError as DataError
from chiptui.problems import Problem as Problem
from chiptui.problems import did_you_mean, shown_key, unknown_key

_JSON_START = re.compile(r"\s*\{")  # matched in place: no copy of a large file
_TOML_AT_RE = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$")
_RECORD_TYPES: dict[str, type[Any]] = {
    "source": Source,
    "speaker": Speaker,
    "era": Era,
    "event": Event,
    "figure": Figure,
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


# Where a problem is: a top-level key's name, a record as (table, index), or nowhere. Lines are
# only worked out when there is a problem to report, so a good file never pays for them.
Where = str | tuple[str, int] | None


class _Row(NamedTuple):  # one per record: a tuple is the cheapest to make
    values: dict[str, Any]
    label: str
    where: Where
    ok: bool


class _Checker:
    def __init__(self, shown: str, find_lines: Callable[[], Lines]) -> None:
        self.shown = shown
        self._find_lines = find_lines
        self._lines: Lines | None = None
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[str, Where]] = {}

    def line(self, where: Where) -> int | None:
        """The line of a record's [[table]] header, or of a top-level key (else its first table)."""
        if where is None:
            return None
        if self._lines is None:
            self._lines = self._find_lines()
        headers, keys = self._lines
        if isinstance(where, tuple):
            name, index = where
            found = headers.get(name, [])
            return found[index] if index < len(found) else keys.get(name)
        first = headers.get(where)
        return keys.get(where) or (first[0] if first else None)

    def problem(self, message: str, where: Where, record: str | None = None, field: str | None = None) -> None:
        self.problems.append(Problem(self.shown, message, self.line(where), record, field))

    def top_level(self, document: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        for key in document:
            if not isinstance(key, str):
                self.problem(f"a key that is not text ({shown_key(key)})", None)
            elif key not in schema.TOP_LEVEL:
                self.problem(f'unknown key "{key}"{did_you_mean(key, schema.TOP_LEVEL)}', key)
        version = document.get("schema")
        if version is None:
            self.problem(f"missing 'schema'; expected schema = {schema.SCHEMA_VERSION} at the top", None)
        elif isinstance(version, bool) or not isinstance(version, int):
            self.problem(f"'schema' must be a whole number, got {version!r}", "schema")
        elif version > schema.SCHEMA_VERSION:
            self.problem(
                f"schema {version} is newer than this chiptui understands (up to "
                f"{schema.SCHEMA_VERSION}); upgrade chiptui to read this file",
                "schema",
            )
        elif version < 1:
            self.problem(f"schema {version} does not exist; expected schema = {schema.SCHEMA_VERSION}", "schema")
        title = "chiptui"
        if "title" in document:
            try:
                title = schema.line_text(document["title"])
            except schema.FieldError as error:
                self.problem(str(error), "title", field="title")
        tour: tuple[str, ...] = ()
        if "tour" in document:
            try:
                tour = tuple(str(i) for i in schema.event_ids(document["tour"]))
            except schema.FieldError as error:
                self.problem(str(error), "tour", field="tour")
        return title, tour

    def table(self, document: dict[str, Any], name: str) -> list[_Row]:
        """Check each record of `[[name]]`; return each with the fields that passed."""
        raw = document.get(name, [])
        if not isinstance(raw, list):
            self.problem(f"expected an array of tables, written [[{name}]]", name)
            return []
        good = []
        spec = schema.TABLES[name]
        required = [field for field, (_, needed) in spec.items() if needed]
        converters = {field: convert for field, (convert, _) in spec.items()}
        for index, record in enumerate(raw):
            line: Where = (name, index)
            if not isinstance(record, dict):
                self.problem(
                    f"expected a table, written [[{name}]], got {type(record).__name__}", line, f"{name} #{index + 1}"
                )
                continue
            record_id = record.get("id")
            ok_id = isinstance(record_id, str) and schema.SLUG_RE.fullmatch(record_id)
            label = f'{name} "{record_id}"' if ok_id else f"{name} #{index + 1}"
            if ok_id:
                self._claim(str(record_id), label, line)
            values: dict[str, Any] = {}
            ok = True
            for field, value in record.items():
                convert = converters.get(field) if isinstance(field, str) else None
                if convert is None:
                    field = field if isinstance(field, str) else shown_key(field)
                    ok = False
                    self.problem(unknown_key(field, list(spec)), line, label, field)
                    continue
                try:
                    values[field] = convert(value)
                except schema.FieldError as error:
                    ok = False
                    self.problem(str(error), line, label, field)
            for field in required:
                if field not in record:
                    ok = False
                    self.problem("is missing; this field is required", line, label, field)
            good.append(_Row(values, label, line, ok))
        return good

    def _claim(self, record_id: str, label: str, line: Where) -> None:
        if record_id in self.ids:
            first, first_where = self.ids[record_id]
            first_line = self.line(first_where)
            where = f" (line {first_line})" if first_line else ""
            self.problem(
                f'duplicate id "{record_id}": already used by {first}{where}; ids must be unique in the file',
                line,
                label,
                "id",
            )
        else:
            self.ids[record_id] = (label, line)

    def references(self, refs: Iterable[str], kind: str, line: Where, label: str | None, field: str) -> None:
        prefix = f"{kind} "
        for ref in refs:
            owner = self.ids.get(ref, ("", None))[0]
            if not owner.startswith(prefix):  # only now list the ids of that kind, for "did you mean"
                known = [i for i, (other, _) in self.ids.items() if other.startswith(prefix)]
                self.problem(f'no {kind} has the id "{ref}"{did_you_mean(ref, known)}', line, label, field)


def _before(end: PartialDate, start: PartialDate) -> bool:
    """Whether `end` is earlier than `start`, compared at the coarser of the two precisions."""
    size = min(len(end.iso()), len(start.iso()))
    return end.iso()[:size] < start.iso()[:size]


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key is given twice (json.loads would keep only the last)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        raise _DuplicateKey()
    return document


def _too_long_number(text: str, shown: str) -> DataError:
    """A number too long for Python to read (over 4,300 digits): no figure could hold it."""
    found = long_number(text)
    line, key = found if found else (None, None)
    message = "a number of more than 4,300 digits; no figure can hold it (the largest is about 1.8e308)"
    return DataError([Problem(shown, message, line, field=key)])


def _document(text: str, shown: str) -> tuple[dict[str, Any], Callable[[], Lines]]:
    """The parsed document and where its records are; a JSON file is one that starts with `{`.
    TOML is read by rtoml where `fasttoml` is sure it gives tomllib's document, else by tomllib,
    whose errors (with line and column) are the messages. The parsers are imported here, not at
    the top: the explorer's cache hit (chiptui.cache) needs none."""
    if _JSON_START.match(text):
        import json  # only for a JSON file

        try:
            document = json.loads(text, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as error:
            message = f"JSON syntax error at column {error.colno}: {error.msg}"
            raise DataError([Problem(shown, message, error.lineno)]) from None
        except _DuplicateKey:
            key, line = json_duplicate(text) or ("?", None)
            message = f'the key "{key}" is given twice in one object; JSON keys must be unique'
            raise DataError([Problem(shown, message, line, field=key)]) from None
        except RecursionError:
            raise DataError([Problem(shown, "JSON nested too deeply")]) from None
        except ValueError:  # the digits limit of int()
            raise _too_long_number(text, shown) from None
        if not isinstance(document, dict):
            raise DataError([Problem(shown, "expected a JSON object at the top")])
        return document, lambda: json_lines(text)
    fast = fasttoml.read(text)  # None: tomllib decides
    if fast is not None:
        return fast, lambda: toml_lines(text)
    import tomllib

    try:
        return tomllib.loads(text), lambda: toml_lines(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_AT_RE.match(str(error))
        if match:
            message = f"TOML syntax error at column {match[3]}: {match[1]}"
            raise DataError([Problem(shown, message, int(match[2]))]) from None
        raise DataError([Problem(shown, f"TOML syntax error: {error}")]) from None
    except RecursionError:
        raise DataError([Problem(shown, "TOML nested too deeply")]) from None
    except ValueError:  # the digits limit of int()
        raise _too_long_number(text, shown) from None


def lines_of(text: str) -> Callable[[], Lines]:
    """What finds the records' lines in `text` (JSON or TOML), for a document parsed from it."""
    return (lambda: json_lines(text)) if _JSON_START.match(text) else (lambda: toml_lines(text))


def parse(text: str, shown: str) -> Timeline:
    """Check and build a Timeline from TOML (or exported JSON) text; `shown` names the file in messages."""
    document, lines = _document(text, shown)
    return build(document, shown, lines)


def build(document: dict[str, Any], shown: str, lines: Callable[[], Lines]) -> Timeline:
    """Check a parsed document (plain dicts, lists, strings and numbers) and build its Timeline;
    `lines` finds where its records are, for the messages. Every check of the format is here, so
    a document from anywhere (the file, the load cache) is checked the same way."""
    checker = _Checker(shown, lines)
    title, tour = checker.top_level(document)
    tables = {name: checker.table(document, name) for name in schema.TABLES}

    units: dict[str, tuple[str, str, Where]] = {}
    for row in tables["event"]:
        values, label, line = row.values, row.label, row.where
        checker.references(values.get("sources", ()), "source", line, label, "sources")
        if "end" in values and "date" in values and _before(values["end"], values["date"]):
            message = (
                f"{values['end'].iso()} is before the date {values['date'].iso()}; expected an end on or after the date"
            )
            checker.problem(message, line, label, "end")
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

    if checker.problems:
        raise DataError(sorted(checker.problems, key=lambda p: p.line or 0))
    built = {name: [_RECORD_TYPES[name](**row.values) for row in rows] for name, rows in tables.items()}
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
    )


def load(path: Path | str, shown: str | None = None) -> Timeline:
    """Load and check a timeline file; raise DataError with every problem found."""
    path = Path(path)
    shown = shown or str(path)
    return load_bytes(read_bytes(path, shown), shown)


def load_bytes(data: bytes, shown: str) -> Timeline:
    """Check a timeline file's bytes (as `load` does once it has read them)."""
    return load_document(data, shown)[0]


@contextmanager
def _no_collection() -> Iterator[None]:
    """A load makes many objects and frees none: cycle collection would only rescan them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def load_document(data: bytes, shown: str) -> tuple[Timeline, dict[str, Any]]:
    """As `load_bytes`, with the parsed document the timeline was built from (for the cache)."""
    text = decode(data, shown)
    with _no_collection():
        document, lines = _document(text, shown)
        return build(document, shown, lines), document


def rebuild(document: dict[str, Any], data: bytes, shown: str) -> Timeline:
    """A document kept from an earlier load of `data`, checked again exactly as a fresh one is."""
    with _no_collection():
        return build(document, shown, lambda: lines_of(decode(data, shown))())
