"""Every place the seed article was wrong, gathered from every kind of record that can carry a
correction (speakers, sources, eras, events, figures, quotes, comparisons), each with where to go
to see its record. No Textual here.

A record with a correction is one the article got wrong (or said unclearly); a record with only
`seed_says` is one where it was right, so it is not listed.
"""

from __future__ import annotations

from typing import Literal, Protocol

import attrs

from chiptui.core.matching import said
from chiptui.core.model import Timeline

Kind = Literal["speaker", "source", "era", "event", "figure", "quote", "comparison"]
Panel = Literal["figures", "quotes"] | None
ORDER: tuple[Kind, ...] = ("speaker", "source", "era", "event", "figure", "quote", "comparison")


@attrs.frozen(kw_only=True)
class Correction:
    """One correction: which record (`kind`, `id`, `subject`, `when`), what the article said, what
    is right and why (`correction`), its sources, and where to see it: the event `index` (of
    `timeline.events`, None when there is no event to show) and the panel to focus there."""

    kind: Kind
    id: str
    subject: str
    when: str
    seed_says: str | None
    correction: str
    sources: tuple[str, ...]
    index: int | None
    panel: Panel = None

    def text(self) -> str:
        """What search and the palette match against (not casefolded)."""
        return "\n".join([self.kind, self.subject, self.when, *said(self.seed_says, self.correction)])


def _first(timeline: Timeline, event_ids: tuple[str, ...]) -> int | None:
    indexes = [i for i in map(timeline.event_index, event_ids) if i is not None]
    return min(indexes) if indexes else None


def _year(timeline: Timeline, year: int) -> int | None:
    return timeline.index_for_year(year)


def corrections(timeline: Timeline) -> tuple[Correction, ...]:
    """Every correction: the people and sources first, then in the order of the events they go
    to (at one event: the event, its figures, its quotes)."""
    found: list[Correction] = []
    quoted: dict[str, list[str]] = {}
    for quote in timeline.quotes:
        quoted.setdefault(quote.speaker, []).extend(quote.events)
    for speaker in timeline.speakers.values():
        if speaker.correction:
            name = f"{speaker.name} {speaker.name_zh}" if speaker.name_zh else speaker.name
            index = _first(timeline, tuple(quoted.get(speaker.id, ())))
            panel: Panel = "quotes" if index is not None else None
            found.append(_make("speaker", speaker, name, "", index, panel, sources=speaker.sources))
    for source in timeline.sources.values():
        if source.correction:
            cited = tuple(e.id for e in timeline.events if source.id in e.sources)
            when = source.date.label() if source.date else ""
            found.append(_make("source", source, source.title, when, _first(timeline, cited), sources=(source.id,)))
    for era in timeline.eras:
        if era.correction:
            index = _year(timeline, era.start)
            found.append(_make("era", era, era.title, f"{era.start}–{era.end}", index, sources=era.sources))
    for event in timeline.events:
        if event.correction:
            index = timeline.event_index(event.id)
            found.append(_make("event", event, event.title, event.when(), index, sources=event.sources))
    for figure in timeline.figures:
        if figure.correction:
            subject = f"{figure.label}: {figure.amount()}"
            index = _year(timeline, figure.year)
            found.append(
                _make(
                    "figure",
                    figure,
                    subject,
                    str(figure.year),
                    index,
                    "figures",
                    sources=figure.sources,
                )
            )
    for quote in timeline.quotes:
        if quote.correction:
            who = timeline.speakers.get(quote.speaker)
            words = quote.text if len(quote.text) <= 80 else quote.text[:79] + "…"
            subject = f"{who.name if who else quote.speaker}: “{words}”"
            index = _first(timeline, quote.events)
            if index is None and quote.years:
                index = _year(timeline, quote.years[0])
            found.append(_make("quote", quote, subject, quote.date.label(), index, "quotes", sources=quote.sources))
    for comparison in timeline.comparisons:
        if comparison.correction:
            years = [f.year for f in map(timeline.figure, comparison.figures) if f is not None]
            index = _year(timeline, min(years)) if years else None
            sources = tuple(dict.fromkeys(s for f in map(timeline.figure, comparison.figures) if f for s in f.sources))
            when = str(min(years)) if years else ""
            found.append(_make("comparison", comparison, comparison.title, when, index, "figures", sources=sources))
    return tuple(sorted(found, key=_order))


class _Corrected(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def seed_says(self) -> str | None: ...
    @property
    def correction(self) -> str | None: ...


def _make(
    kind: Kind,
    record: _Corrected,
    subject: str,
    when: str,
    index: int | None,
    panel: Panel = None,
    *,
    sources: tuple[str, ...],
) -> Correction:
    return Correction(
        kind=kind,
        id=record.id,
        subject=subject,
        when=when,
        seed_says=record.seed_says,
        correction=record.correction or "",
        sources=sources,
        index=index,
        panel=panel,
    )


def _order(correction: Correction) -> tuple[int, int, int]:
    """People and sources first, then in the order of the events they go to."""
    undated = correction.kind in ("speaker", "source")
    where = -1 if undated else correction.index if correction.index is not None else 1 << 62
    return (where, ORDER.index(correction.kind), 0)


def corrected_events(timeline: Timeline) -> frozenset[str]:
    """The events that carry a correction, themselves or in a quote about them (the filter's
    "has a correction")."""
    ids = {event.id for event in timeline.events if event.correction}
    ids.update(event_id for quote in timeline.quotes if quote.correction for event_id in quote.events)
    return frozenset(ids & {event.id for event in timeline.events})
