"""A scrollable, titled panel that shows the selected event's side of the story.

A panel's text is a list of blocks; some blocks are items (a figure, a quote). With the panel
focused, ↑ ↓ move between its items (marked ▶) and Enter opens the marked one; a panel without
items scrolls with ↑ ↓ and leaves Enter to the screen.
"""

from __future__ import annotations

from typing import ClassVar

import attrs
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from chiptui.model import Event, Timeline
from chiptui.widgets.panel_body import NARROWEST, Line, PanelBody, fit, wrap

MARK = "▶ "


@attrs.frozen
class Item:
    """A block the reader can move to and open; `target` is what opening it means."""

    content: Content
    target: object


Block = Content | Item | None


class Panel(VerticalScroll):
    """Shows `blocks(selected, width)`; the screen binds `selected` to its own."""

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
        self.body = PanelBody(self)
        self.items: list[Item] = []
        self.item_lines: list[tuple[int, int]] = []  # each item's first line and height
        self.highlighted = 0
        self._shown: tuple[Event | None, int] | None = None

    def compose(self) -> ComposeResult:
        yield self.body

    @property
    def never_shown(self) -> bool:
        """Nothing drawn yet, or a change came while the panel had no width to draw it at: the
        next layout that gives it a width draws it (see PanelBody.get_content_height)."""
        return self._shown is None

    def show_at(self, width: int) -> None:
        """Draw at `width` during a layout: the body's height then counts the new text."""
        self._show(keep_place=True, width=width, refresh=False)

    def watch_selected(self) -> None:
        if self.is_mounted and self.scrollable_content_region.width:
            self._show()
        else:
            self._shown = None  # hidden (a small terminal): drawn when it is shown again

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is None or self._shown != (self.selected, self.text_width):
            self._show(keep_place=True)  # a new width, or a selection made while it was hidden

    def on_focus(self) -> None:
        self._show(keep_place=True)

    def on_blur(self) -> None:
        self._show(keep_place=True)

    @property
    def text_width(self) -> int:
        return max(NARROWEST, self.scrollable_content_region.width)

    def _show(self, keep_place: bool = False, width: int | None = None, refresh: bool = True) -> None:
        """Render the blocks; the marked item is shown while the panel has focus."""
        width = width or self.text_width
        if not keep_place or self._shown is None or self._shown[0] is not self.selected:
            self.highlighted = 0
            keep_place = False
        self._shown = (self.selected, width)
        parts: list[Content] = []
        lines: list[Line] = []  # the parts, wrapped
        source = 0  # the text's source lines so far (the parts are joined by newlines)
        self.items, self.item_lines = [], []
        focused = self.is_mounted and self.screen.focused is self  # set before Focus/Blur arrive
        for block in self.blocks(self.selected, width):
            if block is None:
                continue
            if isinstance(block, Item):
                marked = focused and len(self.items) == self.highlighted
                wrapped = [  # right of a gutter for ▶
                    piece for line in block.content.split(allow_blank=True) for piece in fit(line, width - len(MARK))
                ]
                gutter = [Content.styled(MARK, "bold $text-accent") if marked else Content("  ")]
                gutter += [Content("  ")] * (len(wrapped) - 1)
                self.items.append(block)
                self.item_lines.append((len(lines), len(wrapped)))
                marked_lines = [mark + line for mark, line in zip(gutter, wrapped, strict=True)]
                lines += [(line, 0, y) for y, line in enumerate(marked_lines, source)]
                parts.append(Content("\n").join(marked_lines))
            else:
                lines += wrap(block, width, source)
                parts.append(block)
            source = lines[-1][2] + 1
        self.body.show(Content("\n").join(parts), lines, width, refresh=refresh)
        if not keep_place:
            self.scroll_home(animate=False)

    def blocks(self, event: Event | None, width: int) -> list[Block]:
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
