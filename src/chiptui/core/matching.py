"""One way to match what a reader types against the records, for search (`/`), the "only matches"
filter and the command palette alike, so all three find the same things. No Textual here.

A query is its words (split at spaces, any case); a text matches when every word occurs in it,
anywhere, as typed (no fuzzy letters: "imports" never matches "…in a group of people…"). A
record's text is everything shown about it, with the labels the screen shows: a correction reads
"correction: …" and what the article said reads "the article said: …", so `/correction` and
`/article said` find them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import and_, contains

from chiptui.core.records import Figure, Quote, Speaker

SAID = "the article said"
CORRECTION = "correction"


class Query:
    """What the reader typed, as the words a text must all contain (casefolded)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: tuple[str, ...] = tuple(dict.fromkeys(text.casefold().split()))

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, folded: str) -> bool:
        """Does `folded` (a casefolded text, as `record_text` gives) hold every word?"""
        return bool(self.words) and all(word in folded for word in self.words)

    def which(self, folded: Sequence[str]) -> list[bool]:
        """`matches` of each of the texts, at C speed (a million texts: a pass a word, no Python
        call per text)."""
        if not self.words:
            return [False] * len(folded)
        found = [True] * len(folded)
        for word in self.words:
            found = list(map(and_, found, map(contains, folded, repeat(word))))
        return found

    def matches_text(self, text: str) -> bool:
        return self.matches(text.casefold())

    def narrows(self, other: Query) -> bool:
        """Is every text this query matches also matched by `other`? (Each of its words is inside
        one of ours: "wei imp" after "wei im".) Then a search can look only at `other`'s matches."""
        return bool(other.words) and all(any(old in new for new in self.words) for old in other.words)

    def spans(self, text: str) -> Sequence[tuple[int, int]]:
        """Where the words occur in `text`, as sorted, non-overlapping (start, end) pairs."""
        folded = text.casefold()
        if not self.words or len(folded) != len(text):  # casefolding changed lengths (ß → ss)
            return []
        found: list[tuple[int, int]] = []
        for word in self.words:
            start = 0
            while (at := folded.find(word, start)) >= 0:
                found.append((at, at + len(word)))
                start = at + len(word)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def score(self, label: str, folded: str) -> float:
        """How well a record matches, for ordering the palette: every word in its label (its title)
        first, earlier in the label better; words only in its other text after."""
        if all(word in label.casefold() for word in self.words):
            first = min(label.casefold().find(word) for word in self.words)
            return 1.0 - min(first, 400) / 1000
        return 0.5 - min(folded.find(self.words[0]), 4000) / 10000


def said(seed_says: str | None, correction: str | None) -> list[str]:
    """A record's corrections as the screen labels them."""
    parts = []
    if seed_says:
        parts.append(f"{SAID}: {seed_says}")
    if correction:
        parts.append(f"{CORRECTION}: {correction}")
    return parts


def speaker_name(speakers: Mapping[str, Speaker], key: str) -> str:
    speaker = speakers.get(key)
    if speaker is None:
        return key
    return f"{speaker.name} {speaker.name_zh}" if speaker.name_zh else speaker.name


def quote_text(quote: Quote, speakers: Mapping[str, Speaker]) -> str:
    """A quote's searchable text (not casefolded): who said it, the words, its corrections."""
    return "\n".join([speaker_name(speakers, quote.speaker), quote.text, *said(quote.seed_says, quote.correction)])


def event_text(
    title: str,
    text: str,
    region: str | None,
    tags: Iterable[str],
    seed_says: str | None,
    correction: str | None,
    quotes: Iterable[Quote],
    speakers: Mapping[str, Speaker],
) -> str:
    """An event's searchable text, casefolded, from its fields (a timeline's columns give them
    without making the event): its title, text, region, tags, its corrections and the quotes
    about it (with who said them)."""
    parts = [title, text, region or "", *tags, *said(seed_says, correction)]
    parts.extend(quote_text(quote, speakers) for quote in quotes)
    return "\n".join(parts).casefold()


def figure_text(figure: Figure) -> str:
    """A figure's searchable text (not casefolded)."""
    parts = [figure.label, str(figure.year), figure.amount(), figure.note or ""]
    return "\n".join([*parts, *said(figure.seed_says, figure.correction)])
