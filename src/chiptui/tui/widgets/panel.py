"""A scrollable, titled panel that shows the selected event's side of the story.

A panel's text is a list of blocks; some blocks are items (a figure, a quote). With the panel
focused, ↑ ↓ move between its items (marked ▶) and Enter opens the marked one; a panel without
items scrolls with ↑ ↓ and leaves Enter to the screen.

The panel says what to show (a `Sheet`: a pure function of the width, and the marked item) and its
body wraps it at the width its layout gives it; the panel reads the items' lines from the body
only outside a layout (a key), never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive

from chiptui.core.model import Event, Timeline
from chiptui.tui.widgets.panel_body import Block, Item, PanelBody, Sheet

__all__ = ["Block", "Item", "Panel"]


class Panel(VerticalScroll):
    """Shows `describe()` of `selected`; the screen binds `selected` to its own."""

    DEFAULT_CSS = """
    Panel {
        border: round $panel-lighten-2;
        border-title-color: $text-primary;
        padding: 0 1;
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;  /* the text is wrapped to a width that a scrollbar must not change */
        &:focus { border: heavy $primary; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "item(1)", "Next item (or scroll)", key_display="↓", show=False, id="panel.next"),
        Binding("up", "item(-1)", "Previous item (or scroll)", key_display="↑", show=False, id="panel.previous"),
        Binding("enter", "open_item", "Open the marked item", key_display="⏎", show=False, id="panel.open"),
    ]
    PANEL_TITLE = ""

    selected: reactive[Event | None] = reactive(None)

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
        self._shown: tuple[Event | None] | None = None  # the event last shown (None: none yet)
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

    def on_focus(self) -> None:
        self._show(keep_place=True)

    def on_blur(self) -> None:
        self._show(keep_place=True)

    def _show(self, keep_place: bool = False) -> None:
        """Hand the body what to show; the marked item is shown while the panel has focus."""
        if not keep_place or self._shown is None or self._shown[0] is not self.selected:
            self.highlighted = 0
            keep_place = False
        self._shown = (self.selected,)
        focused = self.is_mounted and self.screen.focused is self  # set before Focus/Blur arrive
        self.body.show(Sheet(self.describe(), self.highlighted if focused else None))
        if not keep_place and self.is_mounted:
            self.scroll_home(animate=False)

    def describe(self) -> Callable[[int], Sequence[Block]]:
        """The blocks for `selected` as a function of the width, made of values only (no widget),
        so the body can call it during a layout."""
        raise NotImplementedError

    def action_item(self, step: int) -> None:
        if not self.items:
            if step > 0:
                self.scroll_down(animate=False)
            else:
                self.scroll_up(animate=False)
            return
        self.highlighted = max(0, min(self.highlighted + step, len(self.items) - 1))
        self._show(keep_place=True)
        top, height = self.item_lines[self.highlighted]
        view = self.scrollable_content_region.height
        if top < self.scroll_y or height > view:
            self.scroll_to(y=top, animate=False)
        elif top + height > self.scroll_y + view:
            self.scroll_to(y=top + height - view, animate=False)

    def action_open_item(self) -> None:
        if not self.items:
            raise SkipAction()  # the screen's Enter: the event in full
        self.post_message(self.Opened(self.items[self.highlighted].target))
