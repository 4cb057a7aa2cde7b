"""The timeline: the visible events in date order, era headers where eras begin, one cursor.

A line-API widget: it renders only the rows on screen, so its cost does not grow
with the number of events (a ListView of one widget per row would).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from chiptui.core.model import Era, Event
from chiptui.core.view import Search, View
from chiptui.tui.messages import Jump
from chiptui.tui.widgets.text import cells, widest

SCROLLOFF = 3  # rows kept in sight above and below the cursor (vim's 'scrolloff'), room allowing


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis where it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


class TimelineList(ScrollView, can_focus=True):
    """The events with a cursor. It shows what the screen binds to it (the view, the cursor, the
    search, the bookmarks); its keys are the screen's moves, and a click asks with `Jump`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-list--era",
        "timeline-list--date",
        "timeline-list--cursor",
        "timeline-list--match",
    }
    DEFAULT_CSS = """
    TimelineList {
        overflow-x: hidden;
        & > .timeline-list--era { color: $secondary; text-style: bold; }
        & > .timeline-list--date { color: $text-muted; }
        & > .timeline-list--cursor { background: $surface-lighten-2; text-style: bold; }
        & > .timeline-list--match { color: $text-accent; text-style: bold underline; }
        &:focus > .timeline-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    }
    """
    # The keys run the screen's moves directly (it owns the cursor), in the order they were typed.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.step(1)", "Next", key_display="↓", show=False, id="timeline.next"),
        Binding("up", "screen.step(-1)", "Previous", key_display="↑", show=False, id="timeline.previous"),
        Binding("j", "screen.step(1)", "Next", show=False, id="timeline.next-vim"),
        Binding("k", "screen.step(-1)", "Previous", show=False, id="timeline.previous-vim"),
        Binding("pagedown", "screen.page(1)", "Page down", show=False, id="timeline.page-down"),
        Binding("pageup", "screen.page(-1)", "Page up", show=False, id="timeline.page-up"),
        Binding("home,g", "screen.first", "First", show=False, id="timeline.first"),
        Binding("end,G", "screen.last", "Last", show=False, id="timeline.last"),
    ]

    view: reactive[View] = reactive(View.empty, init=False)
    cursor: reactive[int] = reactive(0, init=False, repaint=False)  # watch_cursor repaints its rows
    search: reactive[Search | None] = reactive(None, init=False)
    bookmarks: reactive[frozenset[str]] = reactive(frozenset(), init=False)

    def __init__(self, view: View, cursor: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Timeline"
        self.set_reactive(TimelineList.view, view)
        self.set_reactive(TimelineList.cursor, cursor)
        self.date_width = view.timeline.date_width()
        titles = view.timeline.titles()
        self.title_width = widest(titles)  # the longest title, so none is cut when there is room
        self._centre_next = False  # the first move after a new view centres the cursor
        # Each row's line as drawn, by what it shows: a list that scrolls by a row draws one new
        # line, not every line again. Cleared when the search, the bookmarks, the focus or the
        # style change (they change lines that the key does not name).
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.view.rows))
        self.call_after_refresh(self._scroll_to_cursor, center=True)

    def watch_view(self) -> None:
        """Another view (a filter changed): the screen sets the cursor for it next, centred."""
        self.virtual_size = Size(0, len(self.view.rows))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor(center=True)
        self._centre_next = True
        self._redraw()

    def watch_cursor(self, old: int, new: int) -> None:
        """The cursor's rows drawn again: only the two that change, unless the list scrolled."""
        scrolled = self.scroll_y
        self._scroll_to_cursor(center=self._centre_next)
        self._centre_next = False
        row_of = self.view.row_of
        if self.scroll_y != scrolled or not (0 <= old < len(row_of) and 0 <= new < len(row_of)):
            self.refresh()
            return
        top, width = round(self.scroll_y), self.size.width
        self.refresh(*(Region(0, row_of[c] - top, width, 1) for c in (old, new)))

    def watch_search(self) -> None:
        self._redraw()

    def watch_bookmarks(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # a new theme or style

    def _redraw(self) -> None:
        self._lines.clear()
        self.refresh()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Wide enough for the longest title beside its date (app.tcss caps it by the terminal's width)."""
        return 1 + self.date_width + 3 + self.title_width + 1

    def _scroll_to_cursor(self, center: bool = False) -> None:
        """The cursor in sight with SCROLLOFF rows either side of it (fewer in a low window) and
        the era headings just above it, the cursor first when they do not all fit."""
        if self.view.row_of and 0 <= self.cursor < len(self.view.row_of):
            rows = self.view.rows
            row = self.view.row_of[self.cursor]
            window = max(1, self.scrollable_content_region.height)
            margin = min(SCROLLOFF, (window - 1) // 2)
            top = row
            while top > 0 and not isinstance(rows[top - 1], int):
                top -= 1  # the era headings above the cursor
            top = max(0, min(top, row - margin))
            bottom = min(len(rows), row + margin + 1)
            top = max(top, bottom - window)  # too tall: the headings give way to the rows below
            region = Region(0, top, 1, bottom - top)
            self.scroll_to_region(region, animate=False, force=True, center=center, immediate=True)

    def on_resize(self) -> None:
        self.call_after_refresh(self._scroll_to_cursor)  # a smaller window keeps the cursor in sight

    def on_focus(self) -> None:
        self._redraw()

    def on_blur(self) -> None:
        self._redraw()

    @property
    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.view.rows) and isinstance(target := self.view.rows[row], int):
            self.post_message(Jump(target))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + self.scroll_offset.y
        rows = self.view.rows
        if not rows and y == 0:
            text = "No events match the filter." if self.view.filter.active else "No events."
            style = self.visual_style.rich_style
            return Strip([Segment(_fit(f" {text}", width), style)]).crop_extend(0, width, style)
        if not 0 <= row < len(rows):
            return Strip.blank(width, self.visual_style.rich_style)
        item = rows[row]
        key = (item, width, item == self.cursor)
        line = self._lines.get(key)
        if line is None:
            line = self._era_line(item, width) if isinstance(item, Era) else self._event_line(item, width)
            self._lines[key] = line
        return line

    def _era_line(self, era: Era, width: int) -> Strip:
        style = self.get_component_rich_style("timeline-list--era")
        text = _fit(f"── {era.start}–{era.end} {cells(era.title)} ", width)
        return Strip([Segment(text + "─" * (width - cell_len(text)), style)], width)

    @staticmethod
    def _date(event: Event) -> str:
        return f"c.{event.date.label()}" if event.circa else event.date.label()

    def _event_line(self, position: int, width: int) -> Strip:
        event = self.view.event(position)
        date_style = self.get_component_rich_style("timeline-list--date")
        style = (
            self.visual_style.rich_style
        )  # kept by Textual until the styles change (rich_style is worked out each time)
        match_style = self.get_component_rich_style("timeline-list--match")
        if position == self.cursor:
            cursor = self.get_component_rich_style("timeline-list--cursor")
            style, date_style, match_style = style + cursor, date_style + cursor, match_style + cursor
        is_match = self.search is not None and position in self.search
        mark = "◆" if event.id in self.bookmarks else " "
        date = f"{self._date(event).ljust(self.date_width)} {mark} "
        title = _fit(cells(event.title), width - cell_len(date) - 1)
        segments = [Segment("•", match_style) if is_match else Segment(" ", date_style), Segment(date, date_style)]
        segments.extend(self._title_segments(title, style, match_style if is_match else style))
        return Strip(segments).crop_extend(0, width, style)

    def _title_segments(self, title: str, style: Style, match_style: Style) -> list[Segment]:
        """The title with the search's matches in `match_style`."""
        spans = self.search.spans(title) if self.search is not None and match_style != style else []
        segments, at = [], 0
        for start, end in spans:
            segments += [Segment(title[at:start], style), Segment(title[start:end], match_style)]
            at = end
        segments.append(Segment(title[at:], style))
        return segments
