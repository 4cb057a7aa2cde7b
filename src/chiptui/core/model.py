"""The timeline: one immutable collection of the records (chiptui.core.records) and the queries
the screens need. Plain frozen values and one immutable collection; nothing here imports Textual.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter

import attrs

from chiptui.core.columns import EventColumns, column, date_order, each_once, places, start_dates
from chiptui.core.matching import event_text
from chiptui.core.records import (
    MONTHS,
    Chart,
    Comparison,
    Era,
    Event,
    Figure,
    PartialDate,
    Quote,
    QuoteKind,
    Record,
    ScaleKind,
    Series,
    Source,
    Speaker,
    number_text,
    strings,
    tuple_of_chart,
    tuple_of_comparison,
    tuple_of_figure,
    tuple_of_quote,
    tuple_of_series,
)

__all__ = [
    "MONTHS",
    "Chart",
    "Comparison",
    "Era",
    "Event",
    "Figure",
    "PartialDate",
    "Quote",
    "QuoteKind",
    "ScaleKind",
    "Series",
    "Source",
    "Speaker",
    "Timeline",
    "first_of_nearest_year",
    "number_text",
]


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


_SEARCHED = ("title", "text", "region", "tags", "seed_says", "correction")  # event_text's, in order


def counts_in_order(years: Sequence[int]) -> dict[int, int]:
    """In sorted `years`, how many are each year: a bisection a year, not a look at each one
    (a million events in microseconds, where Counter took 0.09 s)."""
    counts, at = {}, 0
    while at < len(years):
        end = bisect.bisect_right(years, years[at], at)
        counts[years[at]] = end - at
        at = end
    return counts


def _date_label_width(date: PartialDate) -> int:
    """The width of a date as the timeline shows it: "12 Sep 1958" 11, "Sep 1958" 8, "1958" 4."""
    return (11 if date.day >= 10 else 10) if date.day is not None else 8 if date.month is not None else 4


def _sorted_eras(eras: Iterable[Era]) -> tuple[Era, ...]:
    return tuple(sorted(eras, key=lambda era: (era.start, era.end)))


def _sorted_events(events: Iterable[Event]) -> Sequence[Event]:
    """Date order; a year-only date before the dated events of its year; file order on ties.
    Sorted by place, each event's key looked up among the distinct dates (C-speed passes). A
    load cache's `EventColumns` are in order (chiptui wrote and signed them so), and a loader's
    are put in order as columns (`columns.loaded`): taken as they are."""
    if type(events) is EventColumns:
        return events
    events = list(events)
    order = date_order(list(map(attrgetter("date"), events)))
    return tuple(events) if order is None else tuple(map(events.__getitem__, order))


@attrs.frozen(repr=False)
class Timeline(Record):
    """Everything one data file holds, events in date order, with the queries screens use."""

    title: str
    sources: dict[str, Source]
    speakers: dict[str, Speaker]
    eras: tuple[Era, ...] = attrs.field(converter=_sorted_eras)
    events: Sequence[Event] = attrs.field(converter=_sorted_events)
    figures: tuple[Figure, ...] = attrs.field(converter=tuple_of_figure)
    quotes: tuple[Quote, ...] = attrs.field(converter=tuple_of_quote)
    tour: tuple[str, ...] = attrs.field(default=(), converter=strings)
    comparisons: tuple[Comparison, ...] = attrs.field(default=(), converter=tuple_of_comparison)
    series_records: tuple[Series, ...] = attrs.field(default=(), converter=tuple_of_series)
    charts: tuple[Chart, ...] = attrs.field(default=(), converter=tuple_of_chart)
    _event_years: tuple[int, ...] = attrs.field(init=False, repr=False)
    _date_width: int = attrs.field(init=False, repr=False)
    _figure_years: tuple[int, ...] = attrs.field(init=False, repr=False)
    _figures_by_year: dict[int, tuple[Figure, ...]] = attrs.field(init=False, repr=False)
    _quotes_by_event: dict[str, tuple[Quote, ...]] = attrs.field(init=False, repr=False)
    _series: dict[str, tuple[Figure, ...]] = attrs.field(init=False, repr=False)
    _figures_by_id: dict[str, Figure] = attrs.field(init=False, repr=False)
    _series_by_id: dict[str, Series] = attrs.field(init=False, repr=False)
    _quote_years: tuple[int, ...] = attrs.field(init=False, repr=False)
    _quotes_about_year: dict[int, tuple[Quote, ...]] = attrs.field(init=False, repr=False)
    _event_index: Mapping[str, int] = attrs.field(init=False, eq=False, repr=False)
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
        events = self.events  # each field of every event at once (a million events: C-speed passes)
        dates = column(events, "date")
        in_order = list(map(attrgetter("year"), dates))
        index = places(events, column(events, "id"))
        about: dict[int, list[Quote]] = {}
        for quote in self.quotes:
            found = (index.get(e) for e in quote.events)
            years = {*quote.years, *(in_order[place] for place in found if place is not None)}
            for year in sorted(years):
                about.setdefault(year, []).append(quote)
        object.__setattr__(self, "_quotes_about_year", {k: tuple(v) for k, v in about.items()})
        object.__setattr__(self, "_event_index", index)
        object.__setattr__(self, "_series", {k: tuple(sorted(v, key=lambda f: f.year)) for k, v in series.items()})
        object.__setattr__(self, "_figures_by_id", {figure.id: figure for figure in self.figures})
        named = {record.id: record for record in self.series_records}
        for name, members in self._series.items():  # a series without a [[series]]: its figures' label
            named.setdefault(name, Series(id=name, label=members[0].label, unit=members[0].unit))
        object.__setattr__(self, "_series_by_id", named)
        object.__setattr__(self, "_quote_years", tuple(sorted(about)))
        circa = list(compress(dates, column(events, "circa")))  # "c.12 Sep 1958": two more
        widths = [
            4,
            *map(_date_label_width, start_dates(events, dates)),
            *(2 + w for w in map(_date_label_width, each_once(circa))),
        ]
        widest = max(widths)
        object.__setattr__(self, "_event_years", tuple(in_order))
        object.__setattr__(self, "_date_width", widest)
        object.__setattr__(self, "_figure_years", tuple(sorted(figures)))
        object.__setattr__(self, "_figures_by_year", {y: tuple(f) for y, f in figures.items()})
        object.__setattr__(self, "_quotes_by_event", {k: tuple(v) for k, v in by_event.items()})

    def date_width(self) -> int:
        """The width of the widest event date as the timeline shows it ("c.12 Sep 1958": 13)."""
        return self._date_width

    def titles(self) -> list[str]:
        """Each event's title, in the events' order (the list held: not to be changed)."""
        return column(self.events, "title")

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

    def series_record(self, series_id: str) -> Series | None:
        """What a series is (its [[series]] table, or its figures' label and unit where it has none)."""
        return self._series_by_id.get(series_id)

    def series_label(self, series_id: str) -> str:
        """A series' name as a reader sees it (never its id while it has figures or a table)."""
        record = self._series_by_id.get(series_id)
        return record.label if record is not None else series_id

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
        """Per event, casefolded, what search matches (chiptui.core.matching.event_text): title,
        text, tags, what the article said, the correction and the quotes about it. Built on first
        use, then kept."""
        if len(self._search_texts) != len(self.events):
            texts = self._search_texts
            texts.clear()
            ids, *fields = (column(self.events, name) for name in ("id", *_SEARCHED))  # no event made
            about = map(self._quotes_by_event.get, ids, repeat(()))
            texts.extend(map(event_text, *fields, about, repeat(self.speakers)))
        return self._search_texts

    def span(self) -> tuple[int, int] | None:
        """The first and last year of the events and eras."""
        years = [y for era in self.eras for y in (era.start, era.end)]
        if self._event_years:
            years.extend((self._event_years[0], self._event_years[-1]))  # in date order
        return (min(years), max(years)) if years else None

    def regions(self) -> Counter[str]:
        """How many events each region has."""
        return Counter(filter(None, column(self.events, "region")))

    def tags(self) -> Counter[str]:
        """How many events carry each tag."""
        return Counter(chain.from_iterable(column(self.events, "tags")))

    def eras_for_year(self, year: int) -> tuple[Era, ...]:
        return tuple(era for era in self.eras if era.covers(year))
