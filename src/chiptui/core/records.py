"""The timeline's records: plain frozen values (a date at its precision, a source, a speaker, an
era, an event, a figure, a quote, a comparison). Nothing here imports Textual."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal, cast

import attrs

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

QuoteKind = Literal["direct", "paraphrase"]


def strings(items: Iterable[str]) -> tuple[str, ...]:
    """A field's converter: the strings given, kept as a tuple (typed, as `tuple` is not to mypy)."""
    return tuple(items)


def years(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


ScaleKind = Literal["shared", "own"]


class Record:
    """The base of chiptui's values (attrs classes made with `repr=False`): attrs' own repr,
    `Event(id='x', ...)`, written once here, where attrs would write and compile one for each
    class as the module loads (a quarter of the time it takes to make one)."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = attrs.fields(cast(Any, type(self)))
        shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in fields if field.repr)
        return f"{type(self).__qualname__}({shown})"


@attrs.frozen(repr=False)
class PartialDate(Record):
    """A date known to the year, the month or the day: its precision is part of it."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ValueError says what is wrong."""
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if not 1000 <= year <= 9999:
            raise ValueError(f"year {year} is outside 1000-9999")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month:02d} does not exist")
        if month is not None and day is not None:
            # the Gregorian calendar's last day (the calendar module costs a millisecond at start)
            leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            last = _DAYS[month - 1] + leap
            if not 1 <= day <= last:
                raise ValueError(f"{MONTHS[month - 1]} {year} has no day {day:02d}")
        return cls(year, month, day)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def key(self) -> tuple[int, int, int]:
        """Sort key: a year-only date sorts before the dated events of that year."""
        return (self.year, self.month or 0, self.day or 0)

    def label(self) -> str:
        """The date at its real precision: "1965", "Jul 2013", "12 Sep 1958"."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@attrs.frozen(kw_only=True, repr=False)
class Source(Record):
    id: str
    title: str
    publisher: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    note: str | None = None
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Speaker(Record):
    id: str
    name: str
    name_zh: str | None = None
    role: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings)
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Era(Record):
    id: str
    title: str
    start: int
    end: int
    summary: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings)
    seed_says: str | None = None
    correction: str | None = None

    def covers(self, year: int) -> bool:
        return self.start <= year <= self.end


@attrs.frozen(kw_only=True, repr=False)
class Event(Record):
    id: str
    date: PartialDate
    title: str
    text: str
    sources: tuple[str, ...] = attrs.field(converter=strings)
    end: PartialDate | None = None
    circa: bool = False
    region: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=strings)
    seed_says: str | None = None
    correction: str | None = None

    @property
    def year(self) -> int:
        return self.date.year

    def when(self) -> str:
        """The date (and end) as shown: "c. 1965", "12 Jul 2013 – 23 Dec 2013"."""
        text = self.date.label()
        if self.end is not None:
            text = f"{text} – {self.end.label()}"
        return f"c. {text}" if self.circa else text


def number_text(value: float) -> str:
    """A value as the data gives it: thousands separated, no trailing zeros; a value past a
    thousand trillion in powers of ten (1e308 is not 309 digits on screen)."""
    if abs(value) >= 1e15:
        return f"{value:.6g}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


@attrs.frozen(kw_only=True, repr=False)
class Figure(Record):
    id: str
    label: str
    year: int
    value: float
    unit: str
    sources: tuple[str, ...] = attrs.field(converter=strings)
    series: str | None = None
    approx: bool = False
    change: float | None = None  # the source's stated change on the year before, in percent
    seed_says: str | None = None
    note: str | None = None
    correction: str | None = None

    def amount(self) -> str:
        """The value with its unit, "about" where it is approximate."""
        return f"{'about ' if self.approx else ''}{number_text(self.value)} {self.unit}"


@attrs.frozen(kw_only=True, repr=False)
class Quote(Record):
    id: str
    speaker: str
    date: PartialDate
    kind: QuoteKind
    text: str
    sources: tuple[str, ...] = attrs.field(converter=strings)
    events: tuple[str, ...] = attrs.field(default=(), converter=strings)
    years: tuple[int, ...] = attrs.field(default=(), converter=years)
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Comparison(Record):
    """Figures of one unit drawn side by side on one scale; `whole` (a figure id) is the 100% that
    the others are shown as a share of."""

    id: str
    title: str
    figures: tuple[str, ...] = attrs.field(converter=strings)
    whole: str | None = None
    note: str | None = None
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Series(Record):
    """What a series of figures is: its name as a reader sees it, its unit, and whether its bars
    share the scale of every series of that unit (`shared`) or are drawn on their own (`own`)."""

    id: str
    label: str
    unit: str
    scale: ScaleKind = "shared"
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings)
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Chart(Record):
    """Two or more series of one unit over the years, on one axis; `gap` names the first series
    minus the second (e.g. a trade deficit); `start`/`end` bound the years drawn."""

    id: str
    title: str
    series: tuple[str, ...] = attrs.field(converter=strings)
    gap: str | None = None
    start: int | None = None
    end: int | None = None
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings)
    seed_says: str | None = None
    correction: str | None = None


# The timeline's converters: its tuples of records, typed (as `strings` and `years` above).
def tuple_of_figure(items: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(items)  # one typed converter per field: mypy cannot type `converter=tuple`


def tuple_of_quote(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def tuple_of_comparison(items: Iterable[Comparison]) -> tuple[Comparison, ...]:
    return tuple(items)


def tuple_of_series(items: Iterable[Series]) -> tuple[Series, ...]:
    return tuple(items)


def tuple_of_chart(items: Iterable[Chart]) -> tuple[Chart, ...]:
    return tuple(items)
