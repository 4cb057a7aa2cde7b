"""The timeline's records and the queries the screens need.

Plain frozen values and one immutable collection; nothing here imports Textual.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

QuoteKind = Literal["direct", "paraphrase"]


@attrs.frozen
class PartialDate:
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
            last = calendar.monthrange(year, month)[1]
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


@attrs.frozen(kw_only=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    note: str | None = None
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True)
class Speaker:
    id: str
    name: str
    name_zh: str | None = None
    role: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True)
class Era:
    id: str
    title: str
    start: int
    end: int
    summary: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    seed_says: str | None = None
    correction: str | None = None

    def covers(self, year: int) -> bool:
        return self.start <= year <= self.end


@attrs.frozen(kw_only=True)
class Event:
    id: str
    date: PartialDate
    title: str
    text: str
    sources: tuple[str, ...] = attrs.field(converter=tuple)
    end: PartialDate | None = None
    circa: bool = False
    region: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=tuple)
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


@attrs.frozen(kw_only=True)
class Figure:
    id: str
    label: str
    year: int
    value: float
    unit: str
    sources: tuple[str, ...] = attrs.field(converter=tuple)
    series: str | None = None
    approx: bool = False
    seed_says: str | None = None
    note: str | None = None
    correction: str | None = None

    def amount(self) -> str:
        """The value with its unit, "about" where it is approximate."""
        return f"{'about ' if self.approx else ''}{number_text(self.value)} {self.unit}"


@attrs.frozen(kw_only=True)
class Quote:
    id: str
    speaker: str
    date: PartialDate
    kind: QuoteKind
    text: str
    sources: tuple[str, ...] = attrs.field(converter=tuple)
    events: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    years: tuple[int, ...] = attrs.field(default=(), converter=tuple)
    seed_says: str | None = None
    correction: str | None = None


@attrs.frozen(kw_only=True)
class Comparison:
    """Figures of one unit drawn side by side on one scale; `whole` (a figure id) is the 100% that
    the others are shown as a share of."""

    id: str
    title: str
    figures: tuple[str, ...] = attrs.field(converter=tuple)
    whole: str | None = None
    note: str | None = None
    seed_says: str | None = None
    correction: str | None = None


def first_of_nearest_year(years: Sequence[int], year: int) -> int | None:
    """In sorted `years`, the first place of `year`, or of the nearest year there (earlier on a tie)."""
    if not years:
        return None
    at = bisect.bisect_left(years, year)
    if at < len(years) and years[at] == year:
        return at
    if at == len(years):
        return bisect.bisect_left(years, years[-1])
    if at == 0:
        return 0
    before, after = years[at - 1], years[at]
    return bisect.bisect_left(years, before if year - before <= after - year else after)


def _sorted_eras(eras: Iterable[Era]) -> tuple[Era, ...]:
    return tuple(sorted(eras, key=lambda era: (era.start, era.end)))


def _sorted_events(events: Iterable[Event]) -> tuple[Event, ...]:
    """Date order; a year-only date before the dated events of its year; file order on ties."""
    return tuple(sorted(events, key=lambda event: event.date.key))


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class Timeline:
    """Everything one data file holds, events in date order, with the queries screens use."""

    title: str
    sources: dict[str, Source]
    speakers: dict[str, Speaker]
    eras: tuple[Era, ...] = attrs.field(converter=_sorted_eras)
    events: tuple[Event, ...] = attrs.field(converter=_sorted_events)
    figures: tuple[Figure, ...] = attrs.field(converter=tuple)
    quotes: tuple[Quote, ...] = attrs.field(converter=tuple)
    tour: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    comparisons: tuple[Comparison, ...] = attrs.field(default=(), converter=tuple)
    _event_years: tuple[int, ...] = attrs.field(init=False, repr=False)
    _date_width: int = attrs.field(init=False, repr=False)
    _figure_years: tuple[int, ...] = attrs.field(init=False, repr=False)
    _figures_by_year: dict[int, tuple[Figure, ...]] = attrs.field(init=False, repr=False)
    _quotes_by_event: dict[str, tuple[Quote, ...]] = attrs.field(init=False, repr=False)
    _series: dict[str, tuple[Figure, ...]] = attrs.field(init=False, repr=False)
    _figures_by_id: dict[str, Figure] = attrs.field(init=False, repr=False)
    _quote_years: tuple[int, ...] = attrs.field(init=False, repr=False)
    _quotes_about_year: dict[int, tuple[Quote, ...]] = attrs.field(init=False, repr=False)
    _event_index: dict[str, int] = attrs.field(init=False, repr=False)
    _search_texts: list[str] = attrs.field(init=False, factory=list, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_event: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            for event_id in quote.events:
                by_event.setdefault(event_id, []).append(quote)
        figures: dict[int, list[Figure]] = {}
        for figure in self.figures:
            figures.setdefault(figure.year, []).append(figure)
        series: dict[str, list[Figure]] = {}
        for figure in self.figures:
            if figure.series:
                series.setdefault(figure.series, []).append(figure)
        event_years = {event.id: event.year for event in self.events}
        about: dict[int, list[Quote]] = {}
        for quote in self.quotes:
            years = {*quote.years, *(event_years[e] for e in quote.events if e in event_years)}
            for year in sorted(years):
                about.setdefault(year, []).append(quote)
        object.__setattr__(self, "_quotes_about_year", {k: tuple(v) for k, v in about.items()})
        object.__setattr__(self, "_event_index", {event.id: i for i, event in enumerate(self.events)})
        object.__setattr__(self, "_series", {k: tuple(sorted(v, key=lambda f: f.year)) for k, v in series.items()})
        object.__setattr__(self, "_figures_by_id", {figure.id: figure for figure in self.figures})
        object.__setattr__(self, "_quote_years", tuple(sorted(about)))
        in_order: list[int] = []
        widest = 4
        for event in self.events:  # one plain loop: years in order, and the widest date label
            date = event.date
            in_order.append(date.year)
            width = (11 if date.day >= 10 else 10) if date.day is not None else 8 if date.month is not None else 4
            widest = max(widest, width + 2 if event.circa else width)  # "c.12 Sep 1958"
        object.__setattr__(self, "_event_years", tuple(in_order))
        object.__setattr__(self, "_date_width", widest)
        object.__setattr__(self, "_figure_years", tuple(sorted(figures)))
        object.__setattr__(self, "_figures_by_year", {y: tuple(f) for y, f in figures.items()})
        object.__setattr__(self, "_quotes_by_event", {k: tuple(v) for k, v in by_event.items()})

    def date_width(self) -> int:
        """The width of the widest event date as the timeline shows it ("c.12 Sep 1958": 13)."""
        return self._date_width

    def event_years(self) -> tuple[int, ...]:
        """Each event's year, in the events' order."""
        return self._event_years

    def index_for_year(self, year: int) -> int | None:
        """The first event of `year`, or of the nearest year that has events (earlier on a tie)."""
        return first_of_nearest_year(self._event_years, year)

    def figures_for_year(self, year: int) -> tuple[Figure, ...]:
        return self._figures_by_year.get(year, ())

    def nearest_figure_year(self, year: int) -> int | None:
        """The year nearest `year` that has figures (the earlier one on a tie)."""
        years = self._figure_years
        if not years:
            return None
        return min(years, key=lambda y: (abs(y - year), y))

    def series(self) -> dict[str, tuple[Figure, ...]]:
        """Each series' figures in year order (figures without a series are in none)."""
        return self._series

    def figure(self, figure_id: str) -> Figure | None:
        return self._figures_by_id.get(figure_id)

    def previous_in_series(self, figure: Figure) -> Figure | None:
        """The figure of the same series for the nearest earlier year, if any."""
        earlier = [f for f in self._series.get(figure.series or "", ()) if f.year < figure.year]
        return earlier[-1] if earlier else None

    def comparisons_for_year(self, year: int) -> tuple[Comparison, ...]:
        """Comparisons with a figure from `year`."""
        return tuple(
            c for c in self.comparisons if any((f := self.figure(i)) is not None and f.year == year for i in c.figures)
        )

    def event_index(self, event_id: str) -> int | None:
        return self._event_index.get(event_id)

    def event_by_id(self, event_id: str) -> Event | None:
        index = self._event_index.get(event_id)
        return None if index is None else self.events[index]

    def quotes_about_year(self, year: int) -> tuple[Quote, ...]:
        """Quotes that name `year` or speak about an event of that year."""
        return self._quotes_about_year.get(year, ())

    def quote_years(self) -> tuple[int, ...]:
        """The years quotes speak about, in order."""
        return self._quote_years

    def nearest_quote_year(self, year: int) -> int | None:
        """The year nearest `year` that some quote speaks about (the earlier one on a tie)."""
        years = self._quote_years
        return min(years, key=lambda y: (abs(y - year), y)) if years else None

    def quotes_for_event(self, event_id: str) -> tuple[Quote, ...]:
        return self._quotes_by_event.get(event_id, ())

    def speakers_by_event(self) -> dict[str, frozenset[str]]:
        """Who is quoted about each event."""
        by_event: dict[str, set[str]] = {}
        for quote in self.quotes:
            for event_id in quote.events:
                by_event.setdefault(event_id, set()).add(quote.speaker)
        return {event_id: frozenset(speakers) for event_id, speakers in by_event.items()}

    def search_texts(self) -> list[str]:
        """Per event, casefolded: title, text, tags, what the article said, the correction and the
        quotes about it. Built on first use, then kept."""
        if len(self._search_texts) != len(self.events):
            texts = self._search_texts
            texts.clear()
            for event in self.events:
                parts = [event.title, event.text, *event.tags, event.seed_says or "", event.correction or ""]
                for quote in self._quotes_by_event.get(event.id, ()):
                    parts.extend((quote.text, quote.seed_says or "", quote.correction or ""))
                texts.append("\n".join(parts).casefold())
        return self._search_texts

    def span(self) -> tuple[int, int] | None:
        """The first and last year of the events and eras."""
        years = [y for era in self.eras for y in (era.start, era.end)]
        if self._event_years:
            years.extend((self._event_years[0], max(self._event_years)))
        return (min(years), max(years)) if years else None

    def regions(self) -> Counter[str]:
        """How many events each region has."""
        return Counter(event.region for event in self.events if event.region)

    def tags(self) -> Counter[str]:
        """How many events carry each tag."""
        return Counter(tag for event in self.events for tag in event.tags)

    def eras_for_year(self, year: int) -> tuple[Era, ...]:
        return tuple(era for era in self.eras if era.covers(year))
