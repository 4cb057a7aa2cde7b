"""What widgets and dialogs ask of the main screen, as small messages: the screen owns the cursor,
the filter, the search and the bookmarks, and changes them only when asked.

A widget never writes the screen's state itself: its keys run the screen's own moves (a binding
to `screen.step(1)`, in the order the keys were typed), and anything else asks with a message
(`Jump` for a click or the tour; a burst of jumps collapses into the last one, `can_replace`).
Each says what it carries in its `__init__`, as Textual's own messages do (a dataclass costs a
third of a millisecond more to make, at start-up).
"""

from __future__ import annotations

from textual.message import Message

from chiptui.core.model import Timeline
from chiptui.core.problems import Problem


class Jump(Message):
    """Put the cursor at `position` in the timeline as it is shown (clamped to its ends)."""

    def __init__(self, position: int) -> None:
        self.position = position
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Jump)


class GoToEvent(Message):
    """Select event `index` (of `timeline.events`), clearing a filter that hides it; `focus` names
    the panel to focus then (a CSS selector), else the timeline, and `mark` the record that panel
    marks (a figure's or a quote's id, or a speaker's: their first quote there)."""

    def __init__(self, index: int, focus: str | None = None, mark: str | None = None) -> None:
        self.index, self.focus, self.mark = index, focus, mark
        super().__init__()


class GoToYear(Message):
    """The first event of `year`, or of the nearest year with events (saying so)."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__()


class Reloaded(Message):
    """The data file was read again and is good: show this timeline."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        super().__init__()


class ReloadFailed(Message):
    """The data file was read again and is broken: keep the timeline, list what is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__()


class Remember(Message):
    """The reader's place or bookmarks changed: the app saves them for next time."""

    def __init__(self, event: str | None, bookmarks: tuple[str, ...]) -> None:
        self.event, self.bookmarks = event, bookmarks
        super().__init__()
