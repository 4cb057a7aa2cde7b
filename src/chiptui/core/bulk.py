"""A table's records checked a column at a time, for speed: each field's values of every record
at once, in C-speed passes (`str.isprintable` over the joined text, one set of the types, the
distinct dates parsed once). No Textual.

`checked` gives a table's checked values only when it has proved that the record-by-record
checks (`Checker.table`) would find no problem and give the same values; at the first doubt it
says None and the table is checked record by record, which writes every message. `values` gives
them as each record's values, `columns` as a list for each field. So a good file is
fast and a bad one is reported exactly as before. A converter this module does not know is
called value by value (still without the per-record work), and any FieldError is a doubt.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from itertools import chain, repeat
from operator import is_not, itemgetter, setitem
from typing import Any

from chiptui.core import schema, tables

Column = list[Any]


class _Doubt(Exception):
    """The column may hold a problem: check its table record by record."""


def _types(values: Column, *allowed: type) -> None:
    if not set(map(type, values)) <= set(allowed):
        raise _Doubt


def _texts(values: Column, limit: int) -> Column:
    """Strings `_string` would return unchanged: non-empty, at most `limit` long, every character
    printable (so the only space is " ") and no space at either end."""
    if not values:
        return values
    _types(values, str)
    lengths = list(map(len, values))
    if min(lengths) == 0 or max(lengths) > limit or not "".join(values).isprintable():
        raise _Doubt
    joined = "\n".join(values)  # "\n" is not printable: it is only ever a separator here
    if joined[0] == " " or joined[-1] == " " or "\n " in joined or " \n" in joined:
        raise _Doubt
    return values


_SLUG_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-"  # what schema.SLUG_RE allows, "-" not first


def _slugs(values: Column) -> Column:
    """Ids as `schema.slug` takes them, checked all at once, a line each: none holds a line break
    of its own (the count says so), none is empty or starts with "-", and once those lines are
    left out, nothing but a slug's characters remains."""
    if not values:
        return values
    _types(values, str)
    joined = "\n".join(values)
    if (
        not joined
        or joined[0] in "-\n"
        or joined[-1] == "\n"
        or "\n\n" in joined
        or "\n-" in joined
        or joined.count("\n") != len(values) - 1
        or not joined.isascii()
        or joined.encode("ascii").translate(None, _SLUG_BYTES + b"\n")
    ):
        raise _Doubt
    return values


def _dates(values: Column) -> Column:
    _types(values, str)
    parsed = {}
    for text in set(values):
        try:
            parsed[text] = schema.date(text)
        except schema.FieldError:
            raise _Doubt from None
    return list(map(parsed.__getitem__, values))


def _years(values: Column) -> Column:
    if values:
        _types(values, int)  # not bool: its type is not int
        if min(values) < 1000 or max(values) > 9999:
            raise _Doubt
    return values


def _booleans(values: Column) -> Column:
    _types(values, bool)
    return values


def _kinds(values: Column) -> Column:
    _types(values, str)
    if not set(values) <= {"direct", "paraphrase"}:
        raise _Doubt
    return values


def _lists(item: Callable[[Column], Column], at_least_one: bool, texts: bool = True) -> Callable[[Column], Column]:
    """Lists as tuples, equal ones as one tuple and (of `texts`) each distinct text one string,
    as `_shared` makes a column's texts; each different list checked once (a million events
    tagged with a few dozen lists of tags: a few dozen checked)."""

    def check(values: Column) -> Column:
        _types(values, list)
        distinct: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        try:  # an item that is not text (a number, a list, a table) is not what a list of texts holds
            tuples = list(map(tuple, map(map, repeat(sys.intern), values))) if texts else list(map(tuple, values))
            shared = list(map(distinct.setdefault, tuples, tuples))
        except TypeError:
            raise _Doubt from None
        if at_least_one and distinct and min(map(len, distinct)) == 0:
            raise _Doubt
        item(list(chain.from_iterable(distinct)))  # every item as its converter would return it
        return shared

    return check


_BULK: dict[Callable[[object], object], Callable[[Column], Column]] = {
    schema.slug: _slugs,
    schema.line_text: lambda values: _texts(values, schema.LINE_MAX),
    schema.long_text: lambda values: _texts(values, schema.TEXT_MAX),
    schema.date: _dates,
    schema.year: _years,
    schema.boolean: _booleans,
    schema.quote_kind: _kinds,
    schema.source_ids: _lists(_slugs, at_least_one=True),
    schema.event_ids: _lists(_slugs, at_least_one=False),
    schema.figure_ids: _lists(_slugs, at_least_one=False),
    schema.tags: _lists(lambda values: _texts(values, schema.LINE_MAX), at_least_one=False),
    schema.years: _lists(_years, at_least_one=False, texts=False),
}


SHARED = frozenset(("region", "sources", "tags", "speaker", "unit", "series"))  # few values, many records


def _shared(values: Column) -> Column:
    """The same texts, each distinct one one object: a million events in a few regions then hold a
    few strings, not a million (and so does their load cache). A column of lists is so already
    (see `_lists`)."""
    if values and type(values[0]) is tuple:
        return values
    return list(map(sys.intern, values))


def _each(convert: Callable[[object], object]) -> Callable[[Column], Column]:
    def check(values: Column) -> Column:
        try:
            return list(map(convert, values))
        except schema.FieldError:
            raise _Doubt from None

    return check


def checked(raw: list[Any], name: str, taken: AbstractSet[str]) -> list[tuple[str, Column, Column, Column]] | None:
    """Each field some record has: the records that have it, its values and its checked ones, as
    `Checker.table` would make them; None at any doubt, and when an id is given twice or is one
    of `taken` (the record-by-record checks say where). The records are not changed."""
    spec = tables.TABLES[name]
    if not raw:
        return []
    try:
        _types(raw, dict)
        required, allowed = {field for field, (_, needed) in spec.items() if needed}, frozenset(spec)
        shapes = [frozenset(shape) for shape in set(map(tuple, raw))]  # each record's keys
        if not all(required <= shape <= allowed for shape in shapes):
            raise _Doubt
        found, ids = [], []
        for field, (convert, _) in spec.items():
            having = sum(field in shape for shape in shapes)
            if not having:
                continue
            present = raw if having == len(shapes) else [record for record in raw if field in record]
            column = list(map(itemgetter(field), present))
            good = _BULK.get(convert, _each(convert))(column)
            found.append((field, present, column, _shared(good) if field in SHARED else good))
            if field == "id":
                ids = good  # every record has one (it is required), a valid id by now
        if len(set(ids)) != len(ids) or not taken.isdisjoint(ids):
            raise _Doubt
    except _Doubt:
        return None
    return found


def values(
    raw: list[Any], name: str, taken: AbstractSet[str] = frozenset(), *, in_place: bool = False
) -> list[dict[str, Any]] | None:
    """Each record's checked values, as `Checker.table` would make them; None at any doubt (see
    `checked`). With `in_place`, the records themselves are given the checked values (a
    document no one keeps), and only once every column has passed."""
    found = checked(raw, name, taken)
    if found is None:
        return None
    made = raw if in_place else [dict(record) for record in raw]  # else the document stays as parsed
    for field, present, column, good in found:
        if not any(map(is_not, good, column)):
            continue  # the values as parsed are the checked ones
        if not in_place:  # the same records, copied
            present = made if present is raw else [record for record in made if field in record]
        deque(map(setitem, present, repeat(field), good), maxlen=0)  # record[field] = value, at C speed
    return made


def columns(
    raw: list[Any], name: str, defaults: Mapping[str, object], taken: AbstractSet[str] = frozenset()
) -> dict[str, Column] | None:
    """The table's checked values as columns: each field of the table, a value for each record
    (its default where the record has none); None at any doubt (see `checked`). No record is
    made or changed: a table of a million records is checked and built without a dict each."""
    found = checked(raw, name, taken)
    if found is None:
        return None
    made = {field: [defaults.get(field)] * len(raw) for field in tables.TABLES[name]}  # (a required one: replaced)
    for field, present, _, good in found:
        if present is raw:
            made[field] = good
        else:  # the checked values in turn, where the records have the field
            given = iter(good)
            made[field] = [next(given) if field in record else defaults[field] for record in raw]
    return made


class Gathering:
    """The table `name` checked at once a piece at a time as the parser reads it (see
    `fasttoml.read`): each piece's records become columns and their dicts are let go, so a
    million events never live as a million dicts (the peak of reading them: 2.3 -> 1.4 GB). An id
    given in two pieces is a doubt; a date given in two is one object (`schema.date` keeps them).

    `columns` is what was gathered before any doubt, or None: no piece held the table before one
    was in doubt. From a doubt on, pieces are left as parsed. `partial` says whether pieces were
    gathered before a doubt: the document's table then holds only the records from the piece in
    doubt on, and `columns` those before them (all good: `Checker.table` checks the rest)."""

    def __init__(self, name: str, defaults: Mapping[str, object]) -> None:
        self.name, self.defaults = name, defaults
        self.columns: dict[str, Column] | None = None
        self.partial = False
        self._doubt = False
        self.ids: set[str] = set()  # the ids gathered

    def __call__(self, part: dict[str, Any]) -> dict[str, Any]:
        records = part.get(self.name)
        if self._doubt or type(records) is not list or not records:
            return part
        made = columns(records, self.name, self.defaults, self.ids)
        if made is None:
            self._doubt, self.partial = True, self.columns is not None
            return part
        if self.columns is None:
            self.columns = made
        else:
            for field, column in made.items():
                self.columns[field] += column
        self.ids.update(made["id"])
        records.clear()  # its dicts let go
        return part

    def discard(self) -> None:
        """The parser's document is not the one used (`tomllib` reads the text): nothing gathered counts."""
        self.columns, self.partial = None, False
