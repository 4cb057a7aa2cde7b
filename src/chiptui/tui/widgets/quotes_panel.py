"""What the speakers said about the selected event, then about its year (or the nearest year with
quotes, labelled so); a speaker filter narrows it. Enter on a quote opens it in full; `e` goes to
the event it is about (pressed again, to its next event)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from chiptui.core.model import Event, Quote, Timeline
from chiptui.core.view import Filter
from chiptui.tui.widgets.panel import Block, Item, Panel
from chiptui.tui.widgets.render import heading, quote_lines, speaker_lines
from chiptui.tui.widgets.sheet import made_once
from chiptui.tui.widgets.text import plain


class QuotesPanel(Panel):
    PANEL_TITLE = "Quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "follow", "Its event", id="quotes.event"),
    ]

    class Follow(Message):
        """`e` on a quote: go to the event it speaks about."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    filter: reactive[Filter] = reactive(Filter)

    def watch_filter(self, filter: Filter) -> None:
        names = [self.timeline.speakers[s].name for s in sorted(filter.speakers) if s in self.timeline.speakers]
        self.border_title = plain(f"{self.PANEL_TITLE} · {', '.join(names)}" if names else self.PANEL_TITLE)
        self.watch_selected()

    def shown_for(self) -> tuple[object, ...]:
        """The event's own quotes and its year: events without quotes of one year show the same."""
        event = self.selected
        about = (self.timeline.quotes_for_event(event.id), event.year) if event is not None else None
        return (about, self.filter)

    def describe(self) -> Callable[[int], Iterable[Block]]:
        return made_once(partial(quote_blocks, self.timeline, self.filter, self.selected))

    def action_follow(self) -> None:
        if self.items and isinstance(quote := self.items[self.highlighted].target, Quote):
            self.post_message(self.Follow(quote))


def _admitted(filter: Filter, quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if not filter.speakers or q.speaker in filter.speakers]


def quote_blocks(timeline: Timeline, filter: Filter, event: Event | None, width: int) -> Iterator[Block]:
    """The quotes about the event, then about its year (or the nearest year's), then the speakers'
    corrections; only the speakers `filter` admits. Each is made as it is read."""
    if event is None:
        yield Content("No event selected.")
        return
    linked = _admitted(filter, timeline.quotes_for_event(event.id))
    same_year = [q for q in _admitted(filter, timeline.quotes_about_year(event.year)) if q not in linked]
    whose = " from the chosen speakers" if filter.speakers else ""
    shown: list[Quote] = []

    def add(title: str, quotes: list[Quote]) -> Iterator[Block]:
        yield heading(title)
        for quote in quotes:
            shown.append(quote)
            yield from (Content(""), Item(Content("\n").join(quote_lines(timeline, quote)), quote))

    if linked:
        yield from add("About this event", linked)
    else:
        yield Content.styled(f"No quotes{whose} about this event.", "bold")
    if same_year:
        yield Content("")
        yield from add(f"About {event.year}", same_year)
    elif not linked:
        yield Content.styled(f"None about {event.year} either.", "bold")
        nearest = _nearest_year(timeline, filter, event.year)
        if nearest is not None:
            yield Content("")
            yield from add(
                f"The nearest year with quotes: {nearest}", _admitted(filter, timeline.quotes_about_year(nearest))
            )
    speakers = [timeline.speakers[s] for s in dict.fromkeys(q.speaker for q in shown)]
    notes = [s for s in speakers if s.seed_says or s.correction]
    if notes:
        yield from (Content(""), heading("How the article named them"))
        yield from (Content("\n").join(speaker_lines(speaker, timeline)) for speaker in notes)


def _nearest_year(timeline: Timeline, filter: Filter, year: int) -> int | None:
    """The nearest year some admitted quote speaks about (the earlier one on a tie)."""
    years = [y for y in timeline.quote_years() if _admitted(filter, timeline.quotes_about_year(y))]
    return min(years, key=lambda y: (abs(y - year), y)) if years else None
