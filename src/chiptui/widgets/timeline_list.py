"""The timeline: every event in date order, era headers where eras begin, one cursor.

A line-API widget: it renders only the rows on screen, so its cost does not grow
with the number of events (a ListView of one widget per row would).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from chiptui.model import Era, Event, Timeline


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis where it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


class TimelineList(ScrollView, can_focus=True):
    """The events with a cursor; it posts `Moved` whenever the cursor moves."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-list--era",
        "timeline-list--date",
        "timeline-list--cursor",
    }
    DEFAULT_CSS = """
    TimelineList {
        overflow-x: hidden;
        & > .timeline-list--era { color: $secondary; text-style: bold; }
        & > .timeline-list--date { color: $text-muted; }
        & > .timeline-list--cursor { background: $surface-lighten-2; text-style: bold; }
        &:focus > .timeline-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next", key_display="↓", id="timeline.next"),
        Binding("up", "cursor_up", "Previous", key_display="↑", id="timeline.previous"),
        Binding("j", "cursor_down", "Next", show=False, id="timeline.next-vim"),
        Binding("k", "cursor_up", "Previous", show=False, id="timeline.previous-vim"),
        Binding("pagedown", "page_down", "Page down", show=False, id="timeline.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="timeline.page-up"),
        Binding("home,g", "first", "First", show=False, id="timeline.first"),
        Binding("end,G", "last", "Last", show=False, id="timeline.last"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Moved(Message):
        """The cursor is on another event."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, timeline: Timeline, cursor: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = timeline
        self.rows: list[Era | int] = []
        self.event_rows: list[int] = []
        self._build_rows()
        self.set_reactive(TimelineList.cursor, self.validate_cursor(cursor))
        self.date_width = max((cell_len(self._date(e)) for e in timeline.events), default=4)

    def _build_rows(self) -> None:
        """Events in order, each era's header just before its first event."""
        eras = list(self.timeline.eras)
        for index, event in enumerate(self.timeline.events):
            while eras and eras[0].start <= event.year:
                era = eras.pop(0)
                if era.end >= event.year:
                    self.rows.append(era)
            self.event_rows.append(len(self.rows))
            self.rows.append(index)

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.rows))
        self.call_after_refresh(self._scroll_to_cursor, center=True)
        if self.timeline.events:
            self.post_message(self.Moved(self.cursor))

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.timeline.events) - 1))

    def watch_cursor(self) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Moved(self.cursor))

    def _scroll_to_cursor(self, center: bool = False) -> None:
        if self.event_rows:
            row = self.event_rows[self.cursor]
            self.scroll_to_region(Region(0, row, 1, 1), animate=False, force=True, center=center)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    @property
    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += self.page

    def action_page_up(self) -> None:
        self.cursor -= self.page

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.timeline.events) - 1

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.rows) and isinstance(target := self.rows[row], int):
            self.cursor = target

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = y + self.scroll_offset.y
        if not 0 <= row < len(self.rows):
            return Strip.blank(width, base)
        item = self.rows[row]
        if isinstance(item, Era):
            return self._era_line(item, width)
        return self._event_line(self.timeline.events[item], item == self.cursor, width)

    def _era_line(self, era: Era, width: int) -> Strip:
        style = self.get_component_rich_style("timeline-list--era")
        text = _fit(f"── {era.start}–{era.end} {era.title} ", width)
        return Strip([Segment(text + "─" * (width - cell_len(text)), style)], width)

    @staticmethod
    def _date(event: Event) -> str:
        return f"c.{event.date.label()}" if event.circa else event.date.label()

    def _event_line(self, event: Event, is_cursor: bool, width: int) -> Strip:
        date_style = self.get_component_rich_style("timeline-list--date")
        style = self.rich_style
        if is_cursor:
            cursor = self.get_component_rich_style("timeline-list--cursor")
            style, date_style = style + cursor, date_style + cursor
        date = f" {self._date(event).ljust(self.date_width)}  "
        title = _fit(event.title, width - cell_len(date))
        segments = [Segment(date, date_style), Segment(title, style)]
        return Strip(segments).crop_extend(0, width, style)
