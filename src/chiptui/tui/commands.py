"""The command palette's provider: find an event, era, year, speaker or quote by name and jump there.

Titles and quotes come from a data file, so hits are built as `Content` (text, never markup).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from chiptui.core.model import Timeline
from chiptui.tui.messages import GoToEvent, GoToYear
from chiptui.tui.widgets.text import cells

Candidate = tuple[str, str, Callable[[], None]]  # label, help, what choosing it does
QUOTE_CHARS = 90


def _highlight(matcher: Matcher, text: str, style: str) -> Content:
    """`text` as plain text with the fuzzy match's letters styled (Matcher.highlight parses markup)."""
    content = Content(text)  # `text` is already `cells(...)`: see candidates
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize(style, offset, offset + 1)
    return content


class TimelineCommands(Provider):
    """Events by title, eras, years, speakers and quotes."""

    async def startup(self) -> None:
        from chiptui.tui.screens.main import MainScreen  # the screen that opened the palette

        assert isinstance(self.screen, MainScreen)
        self.timeline: Timeline = self.screen.timeline

    def _go_event(self, index: int | None, *, focus: str | None = None) -> Callable[[], None]:
        def go() -> None:
            if index is not None:
                self.screen.post_message(GoToEvent(index, focus))

        return go

    def _go_year(self, year: int) -> Callable[[], None]:
        def go() -> None:
            self.screen.post_message(GoToYear(year))

        return go

    def candidates(self) -> Iterator[Candidate]:
        timeline = self.timeline
        for era in timeline.eras:
            first = timeline.index_for_year(era.start)
            if first is not None and not era.covers(timeline.events[first].year):
                first = None
            yield f"Era: {era.title} ({era.start}–{era.end})", "Jump to the era's first event", self._go_event(first)
        for year in sorted({event.year for event in timeline.events}):
            yield f"Year {year}", "Jump to the first event of the year", self._go_year(year)
        quoted: dict[str, int] = {}
        for quote in timeline.quotes:
            index = next((i for i in map(timeline.event_index, quote.events) if i is not None), None)
            if index is not None:
                quoted.setdefault(quote.speaker, index)
            text = quote.text if len(quote.text) <= QUOTE_CHARS else quote.text[: QUOTE_CHARS - 1] + "…"
            name = timeline.speakers[quote.speaker].name if quote.speaker in timeline.speakers else quote.speaker
            if index is not None:
                go = self._go_event(index, focus="#quotes")
            elif quote.years:
                go = self._go_year(quote.years[0])
            else:
                continue
            yield f"Quote: {name}: {text}", "Jump to what this quote speaks about", go
        for key, speaker in timeline.speakers.items():
            name = f"{speaker.name} {speaker.name_zh}" if speaker.name_zh else speaker.name
            help = "Jump to the first event they are quoted on"
            yield f"Speaker: {name}", help, self._go_event(quoted.get(key), focus="#quotes")
        for index, event in enumerate(timeline.events):
            yield f"{event.date.label()}  {event.title}", "Event", self._go_event(index)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        letters = set(query.casefold().replace(" ", ""))
        for count, (raw, help, go) in enumerate(self.candidates()):
            label = cells(raw)
            if count % 500 == 499:
                await asyncio.sleep(0)  # let the palette breathe on a large timeline
            if not letters.issubset(label.casefold()):
                continue  # cheaper than the fuzzy match, and it would score 0 anyway
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label, "bold underline"), go, text=label, help=help)

    async def discover(self) -> Hits:
        for raw, help, go in self.candidates():
            if raw.startswith(("Era: ", "Speaker: ")):
                label = cells(raw)
                yield DiscoveryHit(Content(label), go, text=label, help=help)
