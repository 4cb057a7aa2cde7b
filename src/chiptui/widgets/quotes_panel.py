"""What the speakers said about the selected event, and about its year."""

from __future__ import annotations

from textual.content import Content

from chiptui.model import Event, Quote
from chiptui.widgets.panel import Panel
from chiptui.widgets.render import LABEL, MUTED, citations, corrected, heading, speaker_lines, stack

DIRECT = "bold"
PARAPHRASE = "italic"


class QuotesPanel(Panel):
    PANEL_TITLE = "Quotes"

    def render_event(self, event: Event | None) -> Content:
        if event is None:
            return Content("No event selected.")
        linked = self.timeline.quotes_for_event(event.id)
        same_year = [q for q in self.timeline.quotes_for_year(event.year) if q not in linked]
        blocks: list[Content | None] = []
        if linked:
            blocks.append(heading("About this event"))
            for quote in linked:
                blocks.extend(self._quote(quote))
        else:
            blocks.append(Content.styled("No quotes about this event.", "bold"))
        if same_year:
            blocks.append(Content(""))
            blocks.append(heading(f"About {event.year}"))
            for quote in same_year:
                blocks.extend(self._quote(quote))
        speakers = dict.fromkeys(q.speaker for q in (*linked, *same_year))
        known = [self.timeline.speakers[s] for s in speakers if s in self.timeline.speakers]
        if known:
            blocks.append(Content(""))
            blocks.append(heading("Speakers"))
            for speaker in known:
                blocks.extend(speaker_lines(speaker))
        return stack(blocks)

    def _quote(self, quote: Quote) -> list[Content]:
        speaker = self.timeline.speakers.get(quote.speaker)
        name = speaker.name if speaker else quote.speaker
        if speaker and speaker.name_zh:
            name = f"{name} {speaker.name_zh}"
        if quote.kind == "direct":
            kind = Content.styled("in their words", LABEL)
            text = Content.assemble(("“", DIRECT), (quote.text, DIRECT), ("”", DIRECT))
        else:
            kind = Content.styled("reported (paraphrase)", MUTED)
            text = Content.assemble(("≈ ", MUTED), (quote.text, PARAPHRASE))
        lines = [
            Content(""),
            Content.assemble((name, "bold $secondary"), " · ", kind, (f" · {quote.date.label()}", MUTED)),
            text,
        ]
        lines.extend(corrected(quote.seed_says, quote.correction))
        lines.extend(citations(self.timeline, quote.sources, full=False))
        return lines
