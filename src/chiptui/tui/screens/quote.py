"""A quote in full: who said it (name, Chinese name, role), when, whether in their words or
reported, every word of it, what the article said where it differs, the events it speaks about
and its sources as a reference list. `e` closes it and goes to the event it speaks about (the
quotes panel's `e` does the same without opening it)."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from chiptui.core.model import Quote, Timeline
from chiptui.tui.screens.detail import Closed, DetailScreen
from chiptui.tui.widgets.render import DIRECT, LABEL, MUTED, PARAPHRASE, References, corrected, heading, stack
from chiptui.tui.widgets.text import plain


def quote_content(timeline: Timeline, quote: Quote, width: int) -> Content:
    refs = References(timeline)
    speaker = timeline.speakers.get(quote.speaker)
    name = speaker.name if speaker else quote.speaker
    if speaker and speaker.name_zh:
        name = f"{name} {speaker.name_zh}"
    direct = quote.kind == "direct"
    kind = "In their words (a direct quote)" if direct else "Reported (a paraphrase, not their words)"
    blocks: list[Content | None] = [
        heading(name),
        plain(speaker.role, MUTED) if speaker and speaker.role else None,
        Content.assemble((kind, LABEL), (f" · said {quote.date.label()}", MUTED)),
        Content(""),
        Content.assemble(("“", DIRECT), plain(quote.text, DIRECT), ("”", DIRECT))
        if direct
        else Content.assemble(("≈ ", MUTED), plain(quote.text, PARAPHRASE)),
    ]
    cited = refs.cite(quote.sources)  # the quote's own sources are numbered first
    fixes = corrected(quote.seed_says, quote.correction)
    if speaker is not None and (speaker.seed_says or speaker.correction):
        fixes += [*corrected(speaker.seed_says, speaker.correction), *refs.cite(speaker.sources)]
    if fixes:
        blocks += [Content(""), *fixes]
    blocks += [Content(""), heading("What it speaks about")]
    events = [e for e in map(timeline.event_by_id, quote.events) if e is not None]
    for event in events:
        blocks.append(Content.assemble((f"{event.when()}  ", LABEL), plain(event.title)))
    if quote.years and not events:
        blocks.append(Content.assemble(("The years ", LABEL), ", ".join(map(str, quote.years))))
    if not events and not quote.years:
        blocks.append(Content.styled("No event or year is linked to it.", MUTED))
    blocks.append(Content.styled("e goes to the event.", MUTED) if events or quote.years else None)
    blocks += [Content(""), *cited, Content(""), *refs.listed(width)]
    return stack(blocks)


def quote_blocks(timeline: Timeline, quote: Quote, width: int) -> list[Content]:
    return [quote_content(timeline, quote, width)]


class QuoteScreen(DetailScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "follow", "Go to its event", id="quote.event"),
    ]
    HINT = "e its event · o open the source · y copy · q back"

    def __init__(self, timeline: Timeline, quote: Quote) -> None:
        self.quote = quote
        speaker = timeline.speakers.get(quote.speaker)
        said = f"{speaker.name if speaker else quote.speaker} · {quote.date.label()}"
        sources = [timeline.sources[s] for s in quote.sources if s in timeline.sources]
        super().__init__("Quote in full", said, partial(quote_blocks, timeline, quote), sources)

    def action_follow(self) -> None:
        self.dismiss(Closed(quote=self.quote))
