"""What widgets and dialogs ask of the main screen, as small messages: the screen owns the cursor,
the filter, the search and the bookmarks, and changes them only when asked.

A widget never writes the screen's state itself: its keys run the screen's own moves (a binding
to `screen.step(1)`, in the order the keys were typed), and anything else asks with a message
(`Jump` for a click or the tour; a burst of jumps collapses into the last one, `can_replace`).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from chiptui.core.loader import Problem
from chiptui.core.model import Timeline


@dataclass
class Jump(Message):
    """Put the cursor at `position` in the timeline as it is shown (clamped to its ends)."""

    position: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Jump)


@dataclass
class GoToEvent(Message):
    """Select event `index` (of `timeline.events`), clearing a filter that hides it; `focus` names
    the panel to focus then (a CSS selector), else the timeline, and `mark` the record that panel
    marks (a figure's or a quote's id, or a speaker's: their first quote there)."""

    index: int
    focus: str | None = None
    mark: str | None = None


@dataclass
class GoToYear(Message):
    """The first event of `year`, or of the nearest year with events (saying so)."""

    year: int


@dataclass
class Reloaded(Message):
    """The data file was read again and is good: show this timeline."""

    timeline: Timeline


@dataclass
class ReloadFailed(Message):
    """The data file was read again and is broken: keep the timeline, list what is wrong."""

    problems: list[Problem]


@dataclass
class Remember(Message):
    """The reader's place or bookmarks changed: the app saves them for next time."""

    event: str | None
    bookmarks: tuple[str, ...]
