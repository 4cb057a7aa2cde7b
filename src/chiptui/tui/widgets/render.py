"""Building blocks for the panels' text.

Everything from a data file goes in through `text.plain` (never markup), so `[/]` or
`[@click=…]` in a title is shown as typed. A source's title, and its address where it is shown,
carry the address as a terminal hyperlink (OSC 8): a click (Ctrl+click in some terminals) opens it.

In a full view the sources are cited once: each record's citations are numbers (`[3]`) into a
`References` list, shown at the end.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.style import Style

from chiptui.core.model import Event, Figure, Quote, Source, Speaker, Timeline
from chiptui.tui.widgets.text import cells, plain
from chiptui.tui.widgets.wrapping import wrap_line

HEADING = "bold $primary"
LABEL = "bold $secondary"
MUTED = "dim"
DIRECT = "bold"
PARAPHRASE = "italic"


def heading(text: str) -> Content:
    return plain(text, HEADING)


def corrected(seed_says: str | None, correction: str | None) -> list[Content]:
    """What the source article said and what is right, where a record carries them."""
    lines = []
    if seed_says:
        lines.append(Content.assemble(("The article said: ", LABEL), ("“", MUTED), plain(seed_says), ("”", MUTED)))
    if correction:
        lines.append(Content.assemble(("Correction: ", LABEL), plain(correction)))
    return lines


def web(url: str | None) -> str | None:
    """`url` if it is a web address (http or https), the only kind linked or opened."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def linked(text: Content, url: str | None) -> Content:
    """`text` as a terminal hyperlink to `url`, underlined as links are (no web address: as it is)."""
    return text.stylize(Style(underline=True, link=cells(url))) if web(url) and url else text


def address(url: str, width: int | None = None) -> Content:
    """The address, a hyperlink to itself; longer than `width`, it is shown cut short (with …)
    rather than broken over lines, and the link is still the whole address."""
    shown = cells(url)
    if width is not None and cell_len(shown) > width:
        shown = shown[: max(8, width - 1)] + "…"
    return linked(Content.styled(shown, MUTED), url)


def source_line(source: Source, *, brief: bool = False, width: int | None = None) -> Content:
    """One citation: title, publisher, date, and the address on its own line (brief: no address),
    cut short to `width` if it is longer."""
    parts: list[Content | str] = [linked(plain(source.title, "bold"), source.url)]
    if source.publisher:
        parts += [" — ", plain(source.publisher)]
    if source.date:
        parts.append(f", {source.date.label()}")
    if brief:
        return Content.assemble(*parts)
    if source.url:
        parts += ["\n", address(source.url, width)]
    if source.note:
        parts += ["\n", plain(source.note, "italic")]
    lines = [Content.assemble(*parts), *corrected(source.seed_says, source.correction)]
    return Content("\n").join(lines)


def speaker_lines(speaker: Speaker, timeline: Timeline | None = None) -> list[Content]:
    """A speaker's name (with the Chinese), role, any correction of how the article named them, and
    (given the timeline) the sources of what is said about them."""
    name = f"{speaker.name} {speaker.name_zh}" if speaker.name_zh else speaker.name
    lines = [
        Content.assemble(plain(name, "bold $secondary"), plain(f" — {speaker.role}" if speaker.role else "", MUTED))
    ]
    lines.extend(corrected(speaker.seed_says, speaker.correction))
    if timeline is not None and speaker.sources:
        lines.extend(citations(timeline, speaker.sources, full=False))
    return lines


class References:
    """The sources cited in a full view, each numbered once, in the order first cited."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.numbers: dict[str, int] = {}

    def cite(self, source_ids: tuple[str, ...], what: str = "") -> list[Content]:
        """`Sources: [1] [4]` (`what` before it: "Era sources"), numbering the sources not cited before."""
        known = [i for i in source_ids if i in self.timeline.sources]
        if not known:
            return []
        for source_id in known:
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
        marks = " ".join(f"[{self.numbers[i]}]" for i in known)
        label = f"{what} source" if what else "Source"
        return [Content.assemble((label + (": " if len(known) == 1 else "s: "), MUTED), (marks, LABEL))]

    def listed(self, width: int) -> list[Content]:
        """The reference list: each source once, in full, wrapped at `width` under a hanging indent."""
        lines = [heading(f"References ({len(self.numbers)})" if self.numbers else "References")]
        if not self.numbers:
            lines.append(Content.styled("No sources are cited.", MUTED))
        marks = [f"[{number}] " for number in self.numbers.values()]
        indent = max(map(len, marks), default=0)
        for source_id, mark in zip(self.numbers, marks, strict=True):
            entry = source_line(self.timeline.sources[source_id], width=width - indent)
            wrapped = [piece for line in entry.split(allow_blank=True) for piece in wrap_line(line, width - indent)]
            lines.append(Content.assemble((mark.ljust(indent), LABEL), wrapped[0]))
            lines.extend(Content(" " * indent) + line for line in wrapped[1:])
        return lines


def citations(
    timeline: Timeline,
    source_ids: tuple[str, ...],
    *,
    full: bool = True,
    refs: References | None = None,
    width: int | None = None,
) -> list[Content]:
    """The sources of a record: numbers into `refs`, else numbered in full (addresses cut short to
    fit `width`), or a one-line list of titles."""
    if refs is not None:
        return refs.cite(source_ids)
    sources = [timeline.sources[i] for i in source_ids if i in timeline.sources]
    if not full:
        label = Content.styled("Source: " if len(sources) == 1 else "Sources: ", MUTED)
        titles = Content("; ").join(linked(plain(s.title, MUTED), s.url) for s in sources)
        return [label + titles]
    return [
        Content.assemble((mark := f"[{number}] ", LABEL), source_line(source, width=width and width - len(mark)))
        for number, source in enumerate(sources, 1)
    ]


def stack(blocks: list[Content | None]) -> Content:
    """Join blocks with newlines, leaving out empty ones."""
    return Content("\n").join(block for block in blocks if block is not None)


def event_content(
    timeline: Timeline, event: Event, refs: References | None = None, width: int | None = None
) -> Content:
    """An event: date at its precision, region, tags, title, text, eras, corrections, sources
    (numbers into `refs`, if given; else in full, their addresses fitted to `width`)."""
    facts = [event.when()]
    if event.region:
        facts.append(event.region)
    facts.extend(f"#{tag}" for tag in event.tags)
    eras = timeline.eras_for_year(event.year)
    blocks: list[Content | None] = [
        plain(" · ".join(facts), LABEL),
        heading(event.title),
        Content(""),
        plain(event.text),
    ]
    if event.circa:
        blocks.append(Content.styled("The date is approximate.", MUTED))
    if eras:
        blocks.append(Content(""))
        names = "; ".join(f"{era.title} ({era.start}–{era.end})" for era in eras)
        blocks.append(Content.assemble(("Era: ", LABEL), plain(names)))
        era_sources = tuple(dict.fromkeys(s for era in eras for s in era.sources))
        if era_sources:
            blocks.extend(refs.cite(era_sources, "Era") if refs else citations(timeline, era_sources, full=False))
    fixes = corrected(event.seed_says, event.correction)
    if fixes:
        blocks.append(Content(""))
        blocks.extend(fixes)
    blocks.append(Content(""))
    if refs is not None:
        blocks.extend(refs.cite(event.sources))
    else:
        blocks.append(heading("Sources"))
        blocks.extend(citations(timeline, event.sources, width=width))
    return stack(blocks)


def quote_lines(
    timeline: Timeline, quote: Quote, *, full_sources: bool = False, refs: References | None = None
) -> list[Content]:
    """A quote under its speaker (name, Chinese name, role): when it was said, direct words in bold
    quotation marks or paraphrase after ≈, corrections, the events it speaks about, its sources."""
    speaker = timeline.speakers.get(quote.speaker)
    name = speaker.name if speaker else quote.speaker
    if speaker and speaker.name_zh:
        name = f"{name} {speaker.name_zh}"
    role = f" — {speaker.role}" if speaker and speaker.role else ""
    if quote.kind == "direct":
        kind = Content.styled("in their words", LABEL)
        text = Content.assemble(("“", DIRECT), plain(quote.text, DIRECT), ("”", DIRECT))
    else:
        kind = Content.styled("reported (paraphrase)", MUTED)
        text = Content.assemble(("≈ ", MUTED), plain(quote.text, PARAPHRASE))
    lines = [
        Content.assemble(plain(name, "bold $secondary"), plain(role, MUTED)),
        Content.assemble(kind, (f" · said {quote.date.label()}", MUTED)),
        text,
    ]
    lines.extend(corrected(quote.seed_says, quote.correction))
    about = [f"{e.date.label()} {e.title}" for e in map(timeline.event_by_id, quote.events) if e is not None]
    if about:
        lines.append(Content.assemble(("About: ", LABEL), plain("; ".join(about))))
    elif quote.years:
        lines.append(Content.assemble(("About: ", LABEL), ", ".join(map(str, quote.years))))
    lines.extend(citations(timeline, quote.sources, full=full_sources, refs=refs))
    return lines


def figure_lines(
    timeline: Timeline, figure: Figure, *, full_sources: bool = False, refs: References | None = None
) -> list[Content]:
    """A figure's label and amount, what the article said, its note and its sources."""
    lines = [Content.assemble(plain(figure.label, "bold"), ": ", plain(figure.amount(), "bold $accent"))]
    lines.extend(corrected(figure.seed_says, figure.correction))
    if figure.note:
        lines.append(Content.assemble(("Note: ", LABEL), plain(figure.note, MUTED)))
    lines.extend(citations(timeline, figure.sources, full=full_sources, refs=refs))
    return lines
