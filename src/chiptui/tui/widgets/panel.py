"""A scrollable, titled panel that shows the selected event's side of the story.

A panel's text is a list of blocks; some blocks are items (a figure, a quote). With the panel
focused, ↑ ↓ (j k) move between its items (marked ▶), first scrolling through an item taller than
the panel, and Enter opens the marked one; a panel without items scrolls with ↑ ↓ and leaves Enter
to the screen. Space, PgDn, PgUp, Ctrl+D, Ctrl+U, Home and End page and scroll; the mark follows
onto an item in sight.

The panel says what to show (a `Sheet`: a pure function of the width, and the marked item) and its
body wraps it at the width its layout gives it, and scrolls it; the panel reads the items' lines
from the body and scrolls it only outside a layout (a key), never the other way round.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.message import Message
from textual.reactive import reactive

from chiptui.core.model import Event, Timeline
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.sheet import Block, Item, Sheet

__all__ = ["Block", "Item", "Panel"]


class Panel(Container, can_focus=True):
    """Shows `describe()` of `selected`; the screen binds `selected` to its own."""

    DEFAULT_CSS = """
    Panel {
        border: round $panel-lighten-2;
        border-title-color: $text-primary;
        padding: 0 1;
        height: 1fr;
        &:focus { border: heavy $primary; }
    }
    Panel > PanelBody {
        max-height: 100%;  /* as tall as its text up to the panel's height, then it scrolls */
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;  /* the text is wrapped to a width that a scrollbar must not change */
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "item(1)", "Scroll, then the next item", key_display="↓", show=False, id="panel.next"),
        Binding("up", "item(-1)", "Scroll, then the previous item", key_display="↑", show=False, id="panel.previous"),
        Binding("j", "item(1)", "Scroll, then the next item", show=False, id="panel.next-vim"),
        Binding("k", "item(-1)", "Scroll, then the previous item", show=False, id="panel.previous-vim"),
        Binding("pagedown,space", "page(1)", "A page down", show=False, id="panel.page-down"),
        Binding("pageup", "page(-1)", "A page up", key_display="PgUp", show=False, id="panel.page-up"),
        Binding("ctrl+d", "page(0.5)", "Half a page down", show=False, id="panel.half-down"),
        Binding("ctrl+u", "page(-0.5)", "Half a page up", show=False, id="panel.half-up"),
        Binding("home,g", "ends(-1)", "The top", show=False, id="panel.top"),
        Binding("end,G", "ends(1)", "The end", show=False, id="panel.end"),
        Binding("enter", "open_item", "Open", key_display="⏎", id="panel.open"),
    ]
    PANEL_TITLE = ""
    ALLOW_MAXIMIZE = False  # as VerticalScroll's: the palette offers no "Maximize" for a panel

    selected: reactive[Event | None] = reactive(None, repaint=False)  # _show repaints what changed

    class Opened(Message):
        """Enter on an item: `target` is the figure or quote."""

        def __init__(self, target: object) -> None:
            super().__init__()
            self.target = target

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = timeline
        self.border_title = self.PANEL_TITLE
        self.body = PanelBody()
        self.highlighted = 0
        self._shown: tuple[object, ...] | None = None  # what the text last shown was made of (None: none yet)
        self._marked: int | None = None  # the item last shown marked (None: none)
        self._show()

    def compose(self) -> ComposeResult:
        yield self.body

    @property
    def items(self) -> list[Item]:
        return self.body.items

    @property
    def item_lines(self) -> list[tuple[int, int]]:
        """Each item's first line and height (as the body last wrapped them)."""
        return self.body.item_lines

    def watch_selected(self) -> None:
        self._show()  # a hidden panel's body wraps it when it is shown again

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel over the panel's border or padding scrolls its text, as over the text."""
        self.body.scroll_down(animate=False)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.body.scroll_up(animate=False)
        event.stop()

    def on_focus(self) -> None:
        self._show(keep_place=True)

    def on_blur(self) -> None:
        self._show(keep_place=True)

    def shown_for(self) -> tuple[object, ...]:
        """What the panel's text is made of, the event (or the figures' year) first: a new one is
        read from its top; the same text is left as it is, mark and place."""
        return (self.selected,)

    def _show(self, keep_place: bool = False) -> None:
        """Hand the body what to show; the marked item is shown while the panel has focus. A new
        text (`shown_for` changed) is read from its top unless `keep_place`; a new event always.
        Nothing is made again when neither the text nor the mark would change (a key that moves
        to another event of the year whose figures are on screen)."""
        shown, before = self.shown_for(), self._shown
        new = before is None or shown[0] != before[0] or (shown != before and not keep_place)
        if new:
            self.highlighted = 0
        focused = self.is_mounted and self.screen.focused is self  # set before Focus/Blur arrive
        marked = self.highlighted if focused else None
        if shown == before and marked == self._marked:
            return
        self._shown, self._marked = shown, marked
        self.body.show(Sheet(self.describe(), marked))
        if new and self.is_mounted:
            self.body.scroll_home(animate=False)

    def describe(self) -> Callable[[int], Iterable[Block]]:
        """The blocks for `selected` as a function of the width, made of values only (no widget),
        so the body can call it during a layout."""
        raise NotImplementedError

    @property
    def view_height(self) -> int:
        return max(1, self.body.scrollable_content_region.height)

    def _scroll(self, y: float) -> float:
        """Scroll to line `y` (within the whole text, even one whose rest is wrapped after the
        frame) now; the line it lands on."""
        self.body.whole()
        y = max(0, min(y, self.body.max_scroll_y))
        self.body.scroll_to(y=y, animate=False, immediate=True)
        return y

    def action_item(self, step: int) -> None:
        """Scroll through the marked item while some of it is out of sight that way, else mark the
        next (or previous) item and bring it into sight: its top going down, its end going up."""
        top_y, view = self.body.scroll_y, self.view_height
        if not self.items:
            self._scroll(top_y + step)
            return
        top, height = self.item_lines[self.highlighted]
        if (step > 0 and top + height > top_y + view) or (step < 0 and top < top_y):
            if top + height <= top_y or top >= top_y + view:  # out of sight: bring it back first
                self._scroll(top if step > 0 else top + height - view)
            else:
                self._scroll(top_y + step)
            return
        moved = max(0, min(self.highlighted + step, len(self.items) - 1))
        if moved == self.highlighted:
            self._scroll(top_y + step)  # the text before the first item, or after the last
            return
        self.highlighted = moved
        self._show(keep_place=True)
        top, height = self.item_lines[moved]
        if step > 0 and (top < top_y or top + height > top_y + view):
            self._scroll(top if height > view else top + height - view)
        elif step < 0 and (top < top_y or top + height > top_y + view):
            self._scroll(top + height - view if height > view else top)

    def action_page(self, pages: float) -> None:
        self._follow(self._scroll(self.body.scroll_y + round(pages * self.view_height)), pages)

    def action_ends(self, end: int) -> None:
        self._follow(self._scroll(math.inf if end > 0 else 0), end)

    def _follow(self, top_y: float, step: float) -> None:
        """After a page: the mark moves onto an item in sight if its own is out of sight (the
        first in sight going down, the last going up), so Enter opens what is on screen."""
        if not self.items:
            return
        view = self.view_height
        seen = [i for i, (top, height) in enumerate(self.item_lines) if top < top_y + view and top + height > top_y]
        if seen and self.highlighted not in seen:
            self.highlighted = seen[0] if step > 0 else seen[-1]
            self._show(keep_place=True)
        elif not seen and step > 0 and top_y >= self.body.max_scroll_y:
            self.highlighted = len(self.items) - 1
            self._show(keep_place=True)

    def mark_record(self, record_id: str, tries: int = 5) -> None:
        """Mark the item whose record is `record_id` (a figure or a quote; a speaker's id marks
        their first quote) and bring it into sight; the mark stays where it is if none is. A
        panel just shown (where the panels take turns) has no scroll range until it is laid out:
        it tries again after the next refresh."""
        for index, item in enumerate(self.items):
            if record_id in (getattr(item.target, "id", None), getattr(item.target, "speaker", None)):
                self.highlighted = index
                self._show(keep_place=True)
                if not self.body.size.height and tries:  # not laid out yet
                    self.call_after_refresh(self.mark_record, record_id, tries - 1)
                else:
                    self._scroll(self.item_lines[index][0])
                return

    def action_open_item(self) -> None:
        if not self.items:
            raise SkipAction()  # the screen's Enter: the event in full
        self.post_message(self.Opened(self.items[self.highlighted].target))
