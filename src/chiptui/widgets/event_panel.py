"""The selected event in full: date at its precision, text, tags, eras, corrections, sources."""

from __future__ import annotations

from textual.content import Content

from chiptui.model import Event
from chiptui.widgets.panel import Panel
from chiptui.widgets.render import LABEL, MUTED, citations, corrected, heading, stack


class EventPanel(Panel):
    PANEL_TITLE = "Event"

    def render_event(self, event: Event | None) -> Content:
        if event is None:
            return Content("This timeline has no events.")
        facts = [event.when()]
        if event.region:
            facts.append(event.region)
        facts.extend(f"#{tag}" for tag in event.tags)
        eras = self.timeline.eras_for_year(event.year)
        blocks: list[Content | None] = [
            Content.styled(" · ".join(facts), LABEL),
            heading(event.title),
            Content(""),
            Content(event.text),
        ]
        if event.circa:
            blocks.append(Content.styled("The date is approximate.", MUTED))
        if eras:
            blocks.append(Content(""))
            names = "; ".join(f"{era.title} ({era.start}–{era.end})" for era in eras)
            blocks.append(Content.assemble(("Era: ", LABEL), names))
        fixes = corrected(event.seed_says, event.correction)
        if fixes:
            blocks.append(Content(""))
            blocks.extend(fixes)
        blocks.append(Content(""))
        blocks.append(heading("Sources"))
        blocks.extend(citations(self.timeline, event.sources))
        return stack(blocks)
