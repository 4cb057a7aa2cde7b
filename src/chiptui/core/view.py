"""What the timeline shows: the events a filter lets through, a search over them, and the indexes
the keys need (by year, by era, events per year). Built in one pass; no Textual here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import compress

import attrs

from chiptui.core.matching import Query
from chiptui.core.model import Era, Event, Timeline, counts_in_order, first_of_nearest_year
from chiptui.core.records import Record


def _frozen(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


@attrs.frozen(repr=False)
class Filter(Record):
    """Events of any of these regions, with any of these tags, quoted by any of these speakers;
    with `corrected`, only events that carry a correction (or a quote about them does); with
    `text`, only events a search for it matches (`&` turns a search into this).

    An empty set lets everything through; the parts are combined with "and".
    """

    regions: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    speakers: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    corrected: bool = False
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.regions or self.tags or self.speakers or self.corrected or Query(self.text))

    def describe(self, timeline: Timeline) -> str:
        """`region: china, us · tag: policy · speaker: Wei Shaojun · corrected · matching “fund”`
        (empty when nothing is on)."""
        names = [timeline.speakers[s].name if s in timeline.speakers else s for s in sorted(self.speakers)]
        parts = [
            f"{label}: {', '.join(values)}"
            for label, values in (("region", sorted(self.regions)), ("tag", sorted(self.tags)), ("speaker", names))
            if values
        ]
        if self.corrected:
            parts.append("has a correction")
        if Query(self.text):
            parts.append(f"matching “{self.text}”")
        return " · ".join(parts)

    def admits(self, event: Event, speakers: frozenset[str], *, corrected: bool = False, text: str = "") -> bool:
        """Does `event` (quoted by `speakers`; `corrected` or not; its search text `text`) pass?"""
        if self.regions and event.region not in self.regions:
            return False
        if self.tags and self.tags.isdisjoint(event.tags):
            return False
        if self.corrected and not corrected:
            return False
        if self.text and (query := Query(self.text)) and not query.matches(text):
            return False
        return not (self.speakers and self.speakers.isdisjoint(speakers))


class View:
    """The visible events as positions 0…n-1 (each maps to an index in `timeline.events`) and the
    rows of the list: an era's header just before its first visible event, then the events.
    """

    @classmethod
    def empty(cls) -> View:
        """The view of a timeline with nothing in it (what a widget shows before it is given one)."""
        return cls(Timeline(title="", sources={}, speakers={}, eras=(), events=(), figures=(), quotes=()))

    def __init__(self, timeline: Timeline, filter: Filter | None = None) -> None:
        self.timeline = timeline
        self.filter = filter or Filter()
        chosen = self.filter
        speakers_of = timeline.speakers_by_event() if chosen.speakers else {}
        corrected: frozenset[str] = frozenset()
        if chosen.corrected:  # the corrections are worked out for this filter only, not at start-up
            from chiptui.core.corrections import corrected_events

            corrected = corrected_events(timeline)
        texts = timeline.search_texts() if chosen.text else None
        empty: frozenset[str] = frozenset()
        if chosen.active:
            self.indices: Sequence[int] = [
                i
                for i, event in enumerate(timeline.events)
                if chosen.admits(
                    event,
                    speakers_of.get(event.id, empty),
                    corrected=event.id in corrected,
                    text=texts[i] if texts is not None else "",
                )
            ]
        else:
            self.indices = range(len(timeline.events))
        all_years = timeline.event_years()
        self.years = all_years if not self.filter.active else [all_years[i] for i in self.indices]
        self.counts = counts_in_order(self.years)
        # Each era's heading goes before the first visible event of its years (none if it has none);
        # the rows are built slice by slice, so 100,000 events cost a few list operations.
        headings: list[tuple[int, Era]] = []
        for era in timeline.eras:
            at = bisect.bisect_left(self.years, era.start)
            if at < len(self.years) and self.years[at] <= era.end:
                headings.append((at, era))
        headings.sort(key=lambda heading: heading[0])  # stable: eras keep their order at one place
        if self.filter.active:
            headings = self._without_empty(headings)
        self.rows: list[Era | int] = []
        self.row_of: list[int] = []
        self.era_rows: list[int] = []
        done = 0
        for at, era in headings:
            self.row_of.extend(range(done + len(self.era_rows), at + len(self.era_rows)))
            self.rows.extend(range(done, at))
            self.era_rows.append(len(self.rows))
            self.rows.append(era)
            done = at
        self.row_of.extend(range(done + len(self.era_rows), len(self.years) + len(self.era_rows)))
        self.rows.extend(range(done, len(self.years)))

    def _without_empty(self, headings: list[tuple[int, Era]]) -> list[tuple[int, Era]]:
        """Under a filter, eras whose headings stack at one place (their first visible events are
        the same) without one of them having events of its own: an era whose visible events all
        sit under a later heading of the stack too would head no event, so it goes (the last of a
        stack always stays)."""
        kept: list[tuple[int, Era]] = []
        for number, (at, era) in enumerate(headings):
            end = bisect.bisect_right(self.years, era.end)
            later = [e for a, e in headings[number + 1 :] if a == at]
            if not any(bisect.bisect_right(self.years, e.end) >= end for e in later):
                kept.append((at, era))
        return kept

    def __len__(self) -> int:
        return len(self.indices)

    @property
    def eras(self) -> tuple[Era, ...]:
        """The eras that have visible events (all of them without a filter), in the timeline's order."""
        shown = {id(row) for row in self.rows if isinstance(row, Era)}
        return tuple(era for era in self.timeline.eras if id(era) in shown)

    def event(self, position: int) -> Event:
        return self.timeline.events[self.indices[position]]

    def position_of(self, index: int) -> int | None:
        """The position of event `index`, or None when the filter hides it."""
        at = bisect.bisect_left(self.indices, index)
        return at if at < len(self.indices) and self.indices[at] == index else None

    def nearest_position(self, index: int) -> int:
        """The position of event `index`, or of the visible event closest to it in date order."""
        at = bisect.bisect_left(self.indices, index)
        if at == len(self.indices):
            return max(0, at - 1)
        if at == 0 or self.indices[at] == index:
            return at
        return at - 1 if index - self.indices[at - 1] <= self.indices[at] - index else at

    def position_for_year(self, year: int) -> int | None:
        """The first event of `year`, or of the nearest year that has events (the earlier on a tie)."""
        return first_of_nearest_year(self.years, year)

    def next_year(self, position: int, step: int) -> int | None:
        """The first event of the next (step 1) or previous (step -1) year that has events."""
        if not self.years:
            return None
        year = self.years[position]
        if step > 0:
            at = bisect.bisect_right(self.years, year)
            return at if at < len(self.years) else None
        at = bisect.bisect_left(self.years, year)
        return bisect.bisect_left(self.years, self.years[at - 1]) if at > 0 else None

    def next_era(self, position: int, step: int) -> int | None:
        """The first event under the next (step 1) or previous (step -1) era heading.

        Backwards from inside an era goes to its own first event, as "previous" does in a document.
        """
        if not self.years:
            return None
        row = self.row_of[position]
        at = bisect.bisect_left(self.era_rows, row)  # era headings before the cursor's row
        if step > 0:
            return self._first_event_after(self.era_rows[at]) if at < len(self.era_rows) else None
        for heading in reversed(self.era_rows[:at]):
            first = self._first_event_after(heading)
            if first < position:
                return first
        return None

    def _first_event_after(self, row: int) -> int:
        while not isinstance(item := self.rows[row], int):
            row += 1
        return item

    def tour(self, cursor: int) -> list[int]:
        """The positions `p` (play the tour) visits: the file's `tour` when it has one and no
        filter is on, else the visible events of the cursor's era, from the cursor on."""
        if self.timeline.tour and not self.filter.active:
            indexes = [self.timeline.event_index(event_id) for event_id in self.timeline.tour]
            return [p for p in (self.position_of(i) for i in indexes if i is not None) if p is not None]
        era = self.era_at(cursor) if self else None
        end = self.next_era(cursor, 1) if era is not None else None
        return list(range(cursor, end if end is not None else len(self)))

    def era_at(self, position: int) -> Era | None:
        """The heading the event at `position` sits under."""
        at = bisect.bisect_right(self.era_rows, self.row_of[position]) - 1
        if at < 0:
            return None
        era = self.rows[self.era_rows[at]]
        return era if isinstance(era, Era) else None


KEPT_BACK = 8  # the searches before the newest that a Backspace finds again (each holds its matches:
# a million events, a list of up to 8 MB)


class Search:
    """The visible events whose text (chiptui.core.matching.event_text: title, text, corrections,
    what the article said, quotes) holds every word of `query`, in any case."""

    def __init__(self, view: View, query: str, previous: Search | None = None) -> None:
        self.view = view
        self.query = query
        self.words = Query(query)
        # The searches typed before this one in the same view, newest first: a Backspace back to
        # one of them finds its matches again instead of searching every text (a third of a
        # second at a million events). Only the last KEPT_BACK are kept: each holds its matches.
        self.before = previous if previous is not None and previous.view is view else None
        self.positions: list[int] = []
        if (again := self._typed_before()) is not None:
            self.positions = again.positions
            return
        texts = view.timeline.search_texts()
        candidates: Iterable[int]
        if self.before is not None and self.words.narrows(self.before.words):
            candidates = self.before.positions  # a longer query only narrows the last one's matches
        else:
            candidates = range(len(view))
        if self.words:
            chosen = list(candidates)
            folded = list(map(texts.__getitem__, map(view.indices.__getitem__, chosen)))
            self.positions = list(compress(chosen, self.words.which(folded)))

    def _typed_before(self) -> Search | None:
        """The search of these same words among the last KEPT_BACK before this one, if any; the
        ones before those are let go."""
        found, earlier = None, self.before
        for depth in range(KEPT_BACK):
            if earlier is None:
                break
            if found is None and earlier.words.words == self.words.words:
                found = earlier
            if depth == KEPT_BACK - 1:
                earlier.before = None
            earlier = earlier.before
        return found

    def __len__(self) -> int:
        return len(self.positions)

    def __contains__(self, position: object) -> bool:
        if not isinstance(position, int):
            return False
        at = bisect.bisect_left(self.positions, position)
        return at < len(self.positions) and self.positions[at] == position

    def next(self, position: int, step: int) -> int | None:
        """The next match after `position` (or before it, step -1), wrapping round."""
        matches = self.positions
        if not matches:
            return None
        if step > 0:
            at = bisect.bisect_right(matches, position)
            return matches[at % len(matches)]
        at = bisect.bisect_left(matches, position) - 1
        return matches[at]  # -1 wraps to the last

    def rank(self, position: int) -> int | None:
        """1-based number of the match at `position`, or None if it is not a match."""
        at = bisect.bisect_left(self.positions, position)
        return at + 1 if at < len(self.positions) and self.positions[at] == position else None

    def spans(self, text: str) -> Sequence[tuple[int, int]]:
        """Where the query's words occur in `text`, as (start, end) pairs, for highlighting."""
        return self.words.spans(text)
