"""What the speakers said about the selected event, then about its year (or the nearest year with
quotes, labelled so); a speaker filter narrows it. Enter on a quote goes to the event it is about."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive

from chiptui.model import Event, Quote
from chiptui.view import Filter
from chiptui.widgets.panel import Block, Item, Panel
from chiptui.widgets.render import heading, quote_lines, speaker_lines
from chiptui.widgets.text import plain


class QuotesPanel(Panel):
    PANEL_TITLE = "Quotes"

    filter: reactive[Filter] = reactive(Filter)

    def watch_filter(self, filter: Filter) -> None:
        names = [self.timeline.speakers[s].name for s in sorted(filter.speakers) if s in self.timeline.speakers]
        self.border_title = plain(f"{self.PANEL_TITLE} · {', '.join(names)}" if names else self.PANEL_TITLE)
        self.watch_selected()

    def _admitted(self, quotes: tuple[Quote, ...]) -> list[Quote]:
        return [q for q in quotes if not self.filter.speakers or q.speaker in self.filter.speakers]

    def blocks(self, event: Event | None, width: int) -> list[Block]:
        if event is None:
            return [Content("No event selected.")]
        linked = self._admitted(self.timeline.quotes_for_event(event.id))
        same_year = [q for q in self._admitted(self.timeline.quotes_about_year(event.year)) if q not in linked]
        whose = " from the chosen speakers" if self.filter.speakers else ""
        blocks: list[Block] = []
        shown: list[Quote] = []

        def add(title: str, quotes: list[Quote]) -> None:
            blocks.append(heading(title))
            for quote in quotes:
                blocks.extend([Content(""), Item(Content("\n").join(quote_lines(self.timeline, quote)), quote)])
                shown.append(quote)

        if linked:
            add("About this event", linked)
        else:
            blocks.append(Content.styled(f"No quotes{whose} about this event.", "bold"))
        if same_year:
            blocks.append(Content(""))
            add(f"About {event.year}", same_year)
        elif not linked:
            blocks.append(Content.styled(f"None about {event.year} either.", "bold"))
            nearest = self._nearest_year(event.year)
            if nearest is not None:
                blocks.append(Content(""))
                add(
                    f"The nearest year with quotes: {nearest}", self._admitted(self.timeline.quotes_about_year(nearest))
                )
        speakers = [self.timeline.speakers[s] for s in dict.fromkeys(q.speaker for q in shown)]
        notes = [s for s in speakers if s.seed_says or s.correction]
        if notes:
            blocks += [Content(""), heading("How the article named them")]
            blocks.extend(Content("\n").join(speaker_lines(speaker, self.timeline)) for speaker in notes)
        return blocks

    def _nearest_year(self, year: int) -> int | None:
        """The nearest year some admitted quote speaks about (the earlier one on a tie)."""
        years = [y for y in self.timeline.quote_years() if self._admitted(self.timeline.quotes_about_year(y))]
        return min(years, key=lambda y: (abs(y - year), y)) if years else None
