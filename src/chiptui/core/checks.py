"""The checks of one parsed document, record by record: every problem of a file is collected, with
the line of its record's table header, its record, its field. No Textual."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from chiptui.core import bulk, schema, tables
from chiptui.core.ids import Ids
from chiptui.core.locate import Lines
from chiptui.core.problems import Problem, did_you_mean


def _shown_key(key: object) -> str:
    return schema.strip_controls(repr(key))[:40]


def _unknown_key(key: str, known: list[str]) -> str:
    hint = did_you_mean(key, known)
    return f"unknown key{hint}" if hint else f"unknown key; expected one of: {', '.join(known)}"


# Where a problem is: a top-level key's name, a record as (table, index), or nowhere. Lines are
# only worked out when there is a problem to report, so a good file never pays for them.
Where = str | tuple[str, int] | None


class _Row(NamedTuple):  # one per record: a tuple is the cheapest to make
    values: dict[str, Any]
    where: tuple[str, int]  # its table and place in it
    ok: bool

    @property
    def label(self) -> str:
        """How messages name the record: by its id, or by its place when it has no good one."""
        return _label(self.where, self.values.get("id"))


def _label(where: tuple[str, int], record_id: str | None) -> str:
    name, index = where
    return f'{name} "{record_id}"' if record_id is not None else f"{name} #{index + 1}"


class Checker:
    def __init__(self, shown: str, find_lines: Callable[[], Lines], *, in_place: bool = False) -> None:
        self.shown = shown
        self._in_place = in_place  # the document is no one else's: its records may take their values
        self._find_lines = find_lines
        self._lines: Lines | None = None
        self.problems: list[Problem] = []
        self.ids = Ids()  # each good id: its record's table and place

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
                self.problem(f"a key that is not text ({_shown_key(key)})", None)
            elif key not in tables.TOP_LEVEL:
                self.problem(f'unknown key "{key}"{did_you_mean(key, tables.TOP_LEVEL)}', key)
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

    def table(self, document: dict[str, Any], name: str, start: int = 0) -> list[_Row]:
        """Check each record of `[[name]]`; return each with the fields that passed. `start`: the
        place of its first record in the file's table (the ones before it gathered, see
        `bulk.Gathering`); the rest are then checked record by record."""
        raw = document.get(name, [])
        if not isinstance(raw, list):
            self.problem(f"expected an array of tables, written [[{name}]]", name)
            return []
        fast = self._table_at_once(raw, name) if not start else None
        if fast is not None:
            return fast
        good = []
        spec = tables.TABLES[name]
        required = [field for field, (_, needed) in spec.items() if needed]
        converters = {field: convert for field, (convert, _) in spec.items()}
        for index, record in enumerate(raw, start):
            line = (name, index)
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
                    field = field if isinstance(field, str) else _shown_key(field)
                    ok = False
                    self.problem(_unknown_key(field, list(spec)), line, label, field)
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
            good.append(_Row(values, line, ok))
        return good

    def _table_at_once(self, raw: list[Any], name: str) -> list[_Row] | None:
        """The table's rows when `bulk` proves every record good and every id new; else None."""
        made = bulk.values(raw, name, self.ids, in_place=self._in_place)
        if made is None:
            return None
        self.ids.give(name, list(map(itemgetter("id"), made)))
        return list(map(_Row, made, zip(repeat(name), range(len(made))), repeat(True)))

    def columns(
        self, document: dict[str, Any], name: str, defaults: Mapping[str, object]
    ) -> dict[str, list[Any]] | None:
        """The table `[[name]]` as checked columns (see `bulk.columns`), its ids claimed as `given`
        claims them, when `bulk` proves every record good; else None, and nothing is claimed:
        `table` then checks it record by record."""
        raw = document.get(name, [])
        made = bulk.columns(raw, name, defaults) if type(raw) is list and raw else None
        return None if made is None else self.given(name, made)

    def given(self, name: str, columns: dict[str, list[Any]], known: set[str] | None = None) -> dict[str, list[Any]]:
        """The table `[[name]]` checked at once as it was read (`bulk.Gathering`), its ids claimed
        (`known`: a set of them, if one was made): one an earlier table has is a problem, worded as
        `table` words it."""
        ids = columns["id"]
        if self.ids.isdisjoint(ids if known is None else known):
            self.ids.give(name, ids, known)
        else:
            for index, record_id in enumerate(ids):
                self._claim(record_id, _label((name, index), record_id), (name, index))
        return columns

    def _claim(self, record_id: str, label: str, line: tuple[str, int]) -> None:
        first_where = self.ids.claim(record_id, line)
        if first_where is not None:
            first, first_line = _label(first_where, record_id), self.line(first_where)
            where = f" (line {first_line})" if first_line else ""
            self.problem(
                f'duplicate id "{record_id}": already used by {first}{where}; ids must be unique in the file',
                line,
                label,
                "id",
            )

    def knows(self, kind: str, ids: Iterable[str]) -> bool:
        """Whether each of `ids` names a record of `kind` (a good file's references checked in one
        pass; `references` says what is wrong with a bad one)."""
        return self.ids.known(kind).issuperset(ids)

    def all_known(self, rows: list[_Row], field: str, kind: str) -> bool:
        """Whether every id in the `field` of every row names a record of `kind`."""
        return self.knows(kind, chain.from_iterable(row.values.get(field, ()) for row in rows))

    def rows(
        self, name: str, columns: Mapping[str, list[Any]], fields: Iterable[str], places: Iterable[int]
    ) -> list[_Row]:
        """The records at `places` of a table checked at once (see `columns`) as rows holding
        `fields` (those the record has: not None), for the checks that look at records one by one."""
        return [
            _Row({field: columns[field][at] for field in fields if columns[field][at] is not None}, (name, at), True)
            for at in places
        ]

    def references(self, refs: Iterable[str], kind: str, line: Where, label: str | None, field: str) -> None:
        known = self.ids.known(kind)
        if known.issuperset(refs):
            return
        for ref in refs:
            if ref not in known:  # only now list the ids of that kind in file order, for "did you mean"
                self.problem(
                    f'no {kind} has the id "{ref}"{did_you_mean(ref, self.ids.in_order(kind))}', line, label, field
                )


def _series_labels(checker: Checker, figures: list[_Row], named: set[str]) -> dict[str, tuple[str, str]]:
    """Each series' unit and the label of its first figure; a series without a [[series]] record
    takes its figures' label as its name, so they must share one."""
    first: dict[str, tuple[str, str, str]] = {}
    for row in figures:
        values = row.values
        series, label = values.get("series"), values.get("label")
        if series is None or label is None:
            continue
        _, first_label, first_record = first.setdefault(series, (values.get("unit", ""), label, row.label))
        if label != first_label and series not in named:
            checker.problem(
                f'label "{label}" differs from "{first_label}" of {first_record} in series "{series}"; '
                f"give the series a name with a [[series]] table (id, label, unit), or one label to its figures",
                row.where,
                row.label,
                "label",
            )
    return {series: (unit, label) for series, (unit, label, _) in first.items()}


def series_and_charts(checker: Checker, rows: dict[str, list[_Row]]) -> None:
    """The [[series]] and [[chart]] tables against the figures: a series names figures of its unit;
    a chart draws two or more different series of one unit; a stated change is a possible one."""
    named = {str(row.values["id"]) for row in rows["series"] if "id" in row.values}
    found = _series_labels(checker, rows["figure"], named)
    for row in rows["figure"]:
        change = row.values.get("change")
        if change is not None and change <= -100:
            checker.problem(
                f"{change}% would leave nothing; expected a change above -100%", row.where, row.label, "change"
            )
    for row in rows["series"]:
        values = row.values
        checker.references(values.get("sources", ()), "source", row.where, row.label, "sources")
        if "id" not in values:
            continue
        if values["id"] not in found:
            message = f'no figure is in series "{values["id"]}"; expected figures with series = "{values["id"]}"'
            checker.problem(message, row.where, row.label, "id")
        elif "unit" in values and values["unit"] != found[values["id"]][0]:
            message = (
                f'unit "{values["unit"]}" differs from its figures\' "{found[values["id"]][0]}"; expected one unit'
            )
            checker.problem(message, row.where, row.label, "unit")
    for row in rows["chart"]:
        values, label, where = row.values, row.label, row.where
        checker.references(values.get("sources", ()), "source", where, label, "sources")
        ids = list(values.get("series", ()))
        for ref in ids:
            if ref not in found:
                checker.problem(
                    f'no figures are in a series "{ref}"{did_you_mean(ref, list(found))}', where, label, "series"
                )
        if "series" in values and len(set(ids)) < 2:
            checker.problem(
                "has fewer than two different series; expected two or more to compare", where, label, "series"
            )
        units = sorted({found[ref][0] for ref in ids if ref in found})
        if len(units) > 1:
            shown = ", ".join(f'"{unit}"' for unit in units)
            checker.problem(f"the series have different units ({shown}); expected one unit", where, label, "series")
        if "start" in values and "end" in values and values["end"] < values["start"]:
            message = f"{values['end']} is before the start {values['start']}; expected end >= start"
            checker.problem(message, where, label, "end")
