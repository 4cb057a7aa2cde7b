"""Events as columns, for the load cache: a slice of events as one list per field, their dates as
places in one list of the timeline's distinct dates; and back, as `EventColumns`, a sequence of
the events that makes each one when it is first asked for. A million events open without making
a million records (a second); the screens ask for a few, and a column (every title) is there
without making any. A loader's checked columns become `EventColumns` the same way (`loaded`).
No Textual here.

The events made here skip `Event.__init__` (its converters): their values are those of events
the loader made after every check, kept in a cache file chiptui signed (see `cache`), or the
checked values themselves, as `Event.__init__` would keep them (see `bulk.columns`). Each value
is set in its field's slot, as `object.__setattr__` (which attrs uses for a frozen record's own)
would set it, without looking the name up again for each event.
"""

from __future__ import annotations

import bisect
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice, repeat
from operator import attrgetter, eq, le
from typing import Any, TypeVar, overload

import attrs

from chiptui.core.records import Event, PartialDate

T = TypeVar("T")
FIELDS = tuple(field.name for field in attrs.fields(Event))
DATED = ("date", "end")  # the fields that hold a date (or None), kept as places in the dates
SHARED = ("sources", "tags")  # the fields whose tuples many events repeat
_SLOTS: dict[str, Any] = {name: vars(Event)[name] for name in FIELDS}  # each field's slot in an Event
DEFAULTS = {field.name: field.default for field in attrs.fields(Event) if field.default is not attrs.NOTHING}
Columns = dict[str, list[Any]]


def each_once(items: list[T]) -> list[T]:
    """Each object once, in the order first held (a date is shared by its events: the same
    object, not only an equal one), in C-speed passes."""
    return list(dict(zip(map(id, items), items, strict=True)).values())


def distinct_dates(events: Sequence[Event]) -> list[PartialDate | None]:
    """Each date object that the events' dates and ends hold, once (None too, for no end)."""
    return each_once([*column(events, "date"), *column(events, "end")])


def columns_of(events: Sequence[Event], dates: Sequence[PartialDate | None], part: slice = slice(None)) -> Columns:
    """The fields of `events[part]`, a list each (`EventColumns`' own, sliced: no event made); a
    date as its place in `dates` (from `distinct_dates`)."""
    place = dict(zip(map(id, dates), range(len(dates)), strict=True))
    if type(events) is EventColumns:
        columns = {name: events.column(name)[part] for name in FIELDS}
    else:
        columns = {name: list(map(attrgetter(name), events[part])) for name in FIELDS}
    for name in SHARED:  # equal tuples as one object: the cache holds each once, and reads it once
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        columns[name] = list(map(shared.setdefault, columns[name], columns[name]))
    for name in DATED:
        columns[name] = list(map(place.__getitem__, map(id, columns[name])))
    return columns


def id_order(events: Sequence[Event]) -> bytes:
    """The events' places sorted by id, as the bytes of an array of "I" (see `SortedIds`)."""
    ids = column(events, "id")
    return array("I", sorted(range(len(ids)), key=ids.__getitem__)).tobytes()


class SortedIds(Mapping[str, int]):
    """Each event's place by its id, found by bisection in the places sorted by id (a load cache
    holds them): no dict of a million ids to build as a cached timeline opens (a quarter of a
    second), a few microseconds a lookup."""

    __slots__ = ("_ids", "_order")

    def __init__(self, ids: list[str], order: Sequence[int]) -> None:
        self._ids, self._order = ids, order

    def __getitem__(self, event_id: str) -> int:
        order, ids = self._order, self._ids
        at = bisect.bisect_left(order, event_id, key=ids.__getitem__)
        if at < len(order) and ids[order[at]] == event_id:
            return order[at]
        raise KeyError(event_id)

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)


class EventColumns(Sequence[Event]):
    """The events that `columns_of` took apart, slice after slice, in the order they were written
    (a cache chiptui signed holds them in the timeline's order), or a loader's checked columns in
    date order (`of`). An event is made when it is first asked for, and kept: asked again, it is
    the same object. Read in turn, all are made at once."""

    __slots__ = ("_columns", "_every", "_made", "_order", "_starts")

    def __init__(self, parts: Iterable[object], dates: Sequence[PartialDate | None], order: bytes) -> None:
        """ValueError if a part is not the columns of events, names a date `dates` has not, or
        if `order` (from `id_order`) is not a place for each event."""
        columns: Columns = {name: [] for name in FIELDS}
        for part in parts:
            if type(part) is not dict or tuple(part) != FIELDS:
                raise ValueError("not the columns of events")
            count = len(part["id"])
            if not all(type(column) is list and len(column) == count for column in part.values()):
                raise ValueError("not the columns of events")
            for name, column in part.items():
                columns[name] += column
        starts = map(dates.__getitem__, set(columns["date"]))  # an IndexError if not there
        self._starts = [date for date in starts if date is not None]
        for name in DATED:  # a place outside `dates` is an IndexError
            columns[name] = list(map(dates.__getitem__, columns[name]))
        self._columns = columns
        self._order: array[int] | None = array("I")
        self._order.frombytes(order)
        if len(self._order) != len(columns["id"]):
            raise ValueError("not the order of the events")
        self._made: dict[int, Event] = {}
        self._every: list[Event] | None = None

    def __len__(self) -> int:
        return len(self._columns["id"])

    def column(self, name: str) -> list[Any]:
        """One field of every event, in their order (the list held: not to be changed)."""
        return self._columns[name]

    @classmethod
    def of(cls, columns: Mapping[str, list[Any]]) -> EventColumns:
        """Events a loader checked, as columns (every field: an event's own values, as for
        `events_of`), in date order: none is made before it is asked for."""
        made = cls.__new__(cls)
        made._columns = {name: columns[name] for name in FIELDS}
        made._starts = each_once(made._columns["date"])
        made._order, made._made, made._every = None, {}, None
        return made

    def places(self) -> Mapping[str, int]:
        """Each event's place by its id (by bisection in a cache's order, else a dict)."""
        if self._order is None:
            return dict(zip(self._columns["id"], range(len(self)), strict=True))
        return SortedIds(self._columns["id"], self._order)

    def start_dates(self) -> list[PartialDate]:
        """Each date object the events start on, once."""
        return self._starts

    @overload
    def __getitem__(self, at: int) -> Event: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Event]: ...

    def __getitem__(self, at: int | slice) -> Event | Sequence[Event]:
        if self._every is not None:
            return tuple(self._every[at]) if isinstance(at, slice) else self._every[at]
        places = range(len(self))[at]  # an IndexError as a tuple's, a negative place from the end
        if isinstance(places, range):
            return tuple(map(self._one, places))  # a slice is a tuple, as a timeline's events were
        return self._one(places)

    def _one(self, place: int) -> Event:
        made = self._made.get(place)
        if made is None:
            made = object.__new__(Event)
            for name, column in self._columns.items():
                _SLOTS[name].__set__(made, column[place])
            self._made[place] = made
        return made

    def every(self) -> list[Event]:
        """All the events, made once in a C-speed pass a field at a time (those asked for before
        stay the objects they were)."""
        if self._every is None:
            made = events_of(self._columns)
            for place, event in self._made.items():
                made[place] = event
            self._every, self._made = made, {}
        return self._every

    def __iter__(self) -> Iterator[Event]:
        return iter(self.every())

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same events (a timeline's tuple of them)."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(map(eq, self, other))

    def __repr__(self) -> str:
        return f"EventColumns({len(self)} events)"


def events_of(columns: Mapping[str, list[Any]]) -> list[Event]:
    """The events whose fields `columns` holds (every field, a value for each event), made in a
    C-speed pass a field at a time, each value set in its field's slot: the values must be an
    event's own, as `Event.__init__` would keep them (a tuple for a list of ids or tags)."""
    made = list(map(object.__new__, repeat(Event, len(columns["id"]))))
    for name in FIELDS:
        deque(map(_SLOTS[name].__set__, made, columns[name]), maxlen=0)  # the field's slot, set
    return made


def date_order(dates: list[PartialDate]) -> list[int] | None:
    """The places of events with these dates in date order (a year-only date before the dated
    days of its year; file order on ties), or None if they are in it. Each distinct date object's
    key is found once (a date is shared by its events), the rest in C-speed passes."""
    known = {id(date): date.key for date in each_once(dates)}
    keys = list(map(known.__getitem__, map(id, dates)))
    if all(map(le, keys, islice(keys, 1, None))):
        return None
    return sorted(range(len(keys)), key=keys.__getitem__)


def loaded(columns: Mapping[str, list[Any]]) -> EventColumns:
    """A loader's checked events in date order, as a timeline holds them, and as `EventColumns`:
    none made yet. Columns out of order are put in order a column at a time."""
    order = date_order(columns["date"])
    if order is not None:
        columns = {name: list(map(columns[name].__getitem__, order)) for name in FIELDS}
    return EventColumns.of(columns)


def column(events: Sequence[Event], name: str) -> list[Any]:
    """One field of every event, in their order: the column itself if they are `EventColumns`."""
    if type(events) is EventColumns:
        return events.column(name)
    return list(map(attrgetter(name), events))


def start_dates(events: Sequence[Event], dates: list[PartialDate]) -> list[PartialDate]:
    """Each date object that `events` start on (`dates`: their dates, in order), once."""
    return events.start_dates() if type(events) is EventColumns else each_once(dates)


def places(events: Sequence[Event], ids: list[str]) -> Mapping[str, int]:
    """Each event's place by its id (`ids`: their ids, in order)."""
    if type(events) is EventColumns:
        return events.places()
    return dict(zip(ids, range(len(events)), strict=True))
