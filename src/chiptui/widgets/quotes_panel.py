"""What the speakers said about the selected event, and about its year; a speaker filter narrows it."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive

from chiptui.model import Event, Quote
from chiptui.view import Filter
from chiptui.widgets.panel import Panel
from chiptui.widgets.render import heading, quote_lines, speaker_lines, stack


class QuotesPanel(Panel):
    PANEL_TITLE = "Quotes"

    filter: reactive[Filter] = reactive(Filter)

    def watch_filter(self, filter: Filter) -> None:
        names = [self.timeline.speakers[s].name for s in sorted(filter.speakers) if s in self.timeline.speakers]
        self.border_title = f"{self.PANEL_TITLE} · {', '.join(names)}" if names else self.PANEL_TITLE
        self.watch_selected()

    def _admits(self, quote: Quote) -> bool:
        return not self.filter.speakers or quote.speaker in self.filter.speakers

    def render_event(self, event: Event | None) -> Content:
        if event is None:
            return Content("No event selected.")
        linked = [q for q in self.timeline.quotes_for_event(event.id) if self._admits(q)]
        same_year = [q for q in self.timeline.quotes_for_year(event.year) if q not in linked and self._admits(q)]
        whose = " from the chosen speakers" if self.filter.speakers else ""
        blocks: list[Content | None] = []
        if linked:
            blocks.append(heading("About this event"))
            for quote in linked:
                blocks.extend(quote_lines(self.timeline, quote))
        else:
            blocks.append(Content.styled(f"No quotes{whose} about this event.", "bold"))
        if same_year:
            blocks.append(Content(""))
            blocks.append(heading(f"About {event.year}"))
            for quote in same_year:
                blocks.extend(quote_lines(self.timeline, quote))
        speakers = dict.fromkeys(q.speaker for q in (*linked, *same_year))
        known = [self.timeline.speakers[s] for s in speakers if s in self.timeline.speakers]
        if known:
            blocks.append(Content(""))
            blocks.append(heading("Speakers"))
            for speaker in known:
                blocks.extend(speaker_lines(speaker))
        return stack(blocks)
