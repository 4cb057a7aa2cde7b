"""Events as columns, for the load cache: a slice of events as one list per field, their dates as
places in one list of the timeline's distinct dates; and back into events. Both ways are C-speed
passes over each column, with no Python call per event: a million events are made again in
under a second, where unpickling a million records calls their `__setstate__` a million times.

The events made here skip `Event.__init__` (its converters): their values are those of events
the loader made after every check, kept in a cache file chiptui signed (see `cache`). Each value
is set in its field's slot, as `object.__setattr__` (which attrs uses for a frozen record's own)
would set it, without looking the name up again for each event. No Textual here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter
from typing import Any

import attrs

from chiptui.core.model import each_once
from chiptui.core.records import Event, PartialDate

FIELDS = tuple(field.name for field in attrs.fields(Event))
DATED = ("date", "end")  # the fields that hold a date (or None), kept as places in the dates
Columns = dict[str, list[Any]]


def distinct_dates(events: Sequence[Event]) -> list[PartialDate | None]:
    """Each date object that the events' dates and ends hold, once (None too, for no end)."""
    return each_once([*map(attrgetter("date"), events), *map(attrgetter("end"), events)])


def columns_of(events: Sequence[Event], dates: Sequence[PartialDate | None]) -> Columns:
    """The events' fields, a list each; a date as its place in `dates` (from `distinct_dates`)."""
    place = dict(zip(map(id, dates), range(len(dates)), strict=True))
    columns = {name: list(map(attrgetter(name), events)) for name in FIELDS}
    for name in DATED:
        columns[name] = list(map(place.__getitem__, map(id, columns[name])))
    return columns


def events_of(columns: object, dates: Sequence[PartialDate | None]) -> list[Event]:
    """The events that `columns_of` took apart; ValueError if these are not such columns."""
    if type(columns) is not dict or tuple(columns) != FIELDS:
        raise ValueError("not the columns of events")
    count = len(columns["id"])
    if not all(type(column) is list and len(column) == count for column in columns.values()):
        raise ValueError("not the columns of events")
    for name in DATED:  # a place outside `dates` is an IndexError
        columns[name] = list(map(dates.__getitem__, columns[name]))
    made = list(map(object.__new__, repeat(Event, count)))
    for name, column in columns.items():
        deque(map(vars(Event)[name].__set__, made, column), maxlen=0)  # the field's slot, set
    return made
