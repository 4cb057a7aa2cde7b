"""The command palette's provider: find an event, era, year, speaker, quote or correction and jump
there, or open the corrections.

It matches as search (`/`) does, with chiptui.core.matching: every word typed, anywhere in a
record's text (an event's text, quotes and corrections, not only its title), never by scattered
letters; so the palette lists every event that `/` finds, and more kinds of record besides.
Titles and quotes come from a data file, so hits are built as `Content` (text, never markup).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import attrs
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from chiptui.core.corrections import corrections
from chiptui.core.matching import Query, quote_text, speaker_name
from chiptui.core.model import Timeline
from chiptui.tui.messages import GoToEvent, GoToYear
from chiptui.tui.widgets.text import cells

QUOTE_CHARS = 90
MATCH = "bold underline"
CORRECTIONS = "Corrections: every place the article was wrong"
CORRECTIONS_WORDS = "corrections mistakes errors errata what the article got wrong"


@attrs.frozen
class Candidate:
    """One thing the palette can offer: what it shows, the text it matches (casefolded, the
    label's words among it), and what choosing it does."""

    label: str
    help: str
    go: Callable[[], None]
    text: str


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class TimelineCommands(Provider):
    """The corrections, then eras, years, quotes, speakers, corrections and events."""

    async def startup(self) -> None:
        from chiptui.tui.screens.main import MainScreen  # the screen that opened the palette

        assert isinstance(self.screen, MainScreen)
        self.main = self.screen
        self.timeline: Timeline = self.screen.timeline
        self.all = list(self.candidates())

    def _go_event(self, index: int | None, *, focus: str | None = None) -> Callable[[], None]:
        def go() -> None:
            if index is not None:
                self.screen.post_message(GoToEvent(index, focus))

        return go

    def _go_year(self, year: int) -> Callable[[], None]:
        def go() -> None:
            self.screen.post_message(GoToYear(year))

        return go

    def _corrections_view(self) -> None:
        self.main.action_corrections()

    def candidates(self) -> Iterator[Candidate]:
        timeline = self.timeline
        found = corrections(timeline)
        if found:
            help = f"List the {len(found)} corrections; each goes to its record"
            yield Candidate(CORRECTIONS, help, self._corrections_view, f"{CORRECTIONS}\n{CORRECTIONS_WORDS}".casefold())
        for era in timeline.eras:
            first = timeline.index_for_year(era.start)
            if first is not None and not era.covers(timeline.events[first].year):
                first = None
            label = f"Era: {era.title} ({era.start}–{era.end})"
            text = f"{label}\n{era.summary or ''}".casefold()
            yield Candidate(label, "Jump to the era's first event", self._go_event(first), text)
        for year in sorted({event.year for event in timeline.events}):
            label = f"Year {year}"
            yield Candidate(label, "Jump to the first event of the year", self._go_year(year), label.casefold())
        yield from self._quotes_and_speakers()
        for fix in found:
            focus = f"#{fix.panel}" if fix.panel else None
            label = f"Correction: {fix.subject} — {_cut(fix.correction, QUOTE_CHARS)}"
            yield Candidate(
                label,
                "Jump to the corrected record",
                self._go_event(fix.index, focus=focus),
                f"{label}\n{fix.text()}".casefold(),
            )
        texts = timeline.search_texts()
        for index, event in enumerate(timeline.events):
            label = f"{event.date.label()}  {event.title}"
            yield Candidate(label, "Event", self._go_event(index), f"{label.casefold()}\n{texts[index]}")

    def _quotes_and_speakers(self) -> Iterator[Candidate]:
        timeline = self.timeline
        quoted: dict[str, int] = {}
        for quote in timeline.quotes:
            index = next((i for i in map(timeline.event_index, quote.events) if i is not None), None)
            if index is not None:
                quoted.setdefault(quote.speaker, index)
                go = self._go_event(index, focus="#quotes")
            elif quote.years:
                go = self._go_year(quote.years[0])
            else:
                continue
            speaker = timeline.speakers.get(quote.speaker)
            label = f"Quote: {speaker.name if speaker else quote.speaker}: {_cut(quote.text, QUOTE_CHARS)}"
            text = f"{label}\n{quote_text(quote, timeline.speakers)}".casefold()
            yield Candidate(label, "Jump to what this quote speaks about", go, text)
        for key, speaker in timeline.speakers.items():
            label = f"Speaker: {speaker_name(timeline.speakers, key)}"
            text = f"{label}\n{speaker.role or ''}".casefold()
            help = "Jump to the first event they are quoted on"
            yield Candidate(label, help, self._go_event(quoted.get(key), focus="#quotes"), text)

    async def search(self, query: str) -> Hits:
        words = Query(query)
        if not words:
            return
        for count, candidate in enumerate(self.all):
            if count % 500 == 499:
                await asyncio.sleep(0)  # let the palette breathe on a large timeline
            if not words.matches(candidate.text):
                continue
            label = cells(candidate.label)
            shown = Content(label)
            for start, end in words.spans(label):
                shown = shown.stylize(MATCH, start, end)
            yield Hit(words.score(label, candidate.text), shown, candidate.go, text=label, help=candidate.help)

    async def discover(self) -> Hits:
        for candidate in self.all:
            if candidate.label.startswith(("Era: ", "Speaker: ", CORRECTIONS)):
                label = cells(candidate.label)
                yield DiscoveryHit(Content(label), candidate.go, text=label, help=candidate.help)
