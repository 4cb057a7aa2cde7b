"""A panel's text: wrapped by the body itself at the width its layout gives it, drawn only where
it is on screen.

A panel's text can run to many screens (a year's charts, its quotes), and a Static renders all
of it whenever it is drawn. The panel hands the body a `Sheet`, a pure description (its blocks as
a function of the width, and the item marked ▶); the body wraps it when a layout asks for its
height, keeps the wrapped lines and each item's first line and height, and renders a line only
when the compositor asks for it (Textual's Line API), cached until the text, the width or the
styles change. Each line carries where it starts in the text (its source line and column), as
Textual's own rendering marks it for text selection, so a line drawn here is the line a Static
would draw, and a mouse selection is drawn and copied as a Static's would be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from rich.style import Style as RichStyle
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from chiptui.tui.widgets.wrapping import wrap_line

Line = tuple[Content, int, int]  # a wrapped line, its column in its source line, that source line
NARROWEST = 20  # a panel narrower than this builds its blocks at this width (and they are folded)
MARK = "▶ "
ALONG = "▏ "  # down the rest of the marked item, so the mark shows while it is scrolled through


@attrs.frozen
class Item:
    """A block the reader can move to and open; `target` is what opening it means."""

    content: Content
    target: object


Block = Content | Item | None


@attrs.frozen
class Sheet:
    """What a panel shows: `blocks(width)`, a function of the width and of nothing on screen (the
    figures' charts fit the width), and the item marked ▶ (None while the panel has no focus)."""

    blocks: Callable[[int], Sequence[Block]]
    marked: int | None = None


def nothing(width: int) -> Sequence[Block]:
    return ()


def fit(line: Content, width: int) -> list[Content]:
    """One source line (no newline) wrapped at `width`. A line of single-width characters that
    fits is itself, unwrapped: most lines of a panel fit, and wrapping one costs about as much as
    drawing it. Others are wrapped by `wrap_line` (Textual's wrapping, but never splitting a
    number or a CJK figure)."""
    plain = line.plain
    if len(plain) == line.cell_length <= width and "\t" not in plain:
        return [line]
    key = (plain, tuple(line.spans), width)  # a Content equals another of the same text, whatever its styles
    folded = _FOLDED.get(key)
    if folded is None:
        folded = _FOLDED[key] = wrap_line(line, width)
    return folded


# Lines folded, kept: a key moves to an event whose panels hold much the same text (a year's
# quotes, the nearest year's), and folding a long line costs more than drawing it.
_FOLDED: LRUCache[tuple[str, tuple[object, ...], int], list[Content]] = LRUCache(4096)


def wrap(block: Content, width: int, first: int) -> list[Line]:
    """`block` wrapped at `width` as a widget wraps it; its first source line is line `first` of the text."""
    lines: list[Line] = []
    for y, source in enumerate(block.split(allow_blank=True), first):
        plain, at = source.plain, 0
        for piece in fit(source, width):
            x = plain.find(piece.plain, at) if piece.plain else at
            at = (x if x >= 0 else at) + len(piece.plain)
            lines.append((piece, max(x, 0), y))
    return lines


@attrs.frozen
class Wrapped:
    """A sheet wrapped at `width`: its lines, its items with each one's first line and height, and
    its source blocks (joined by newlines they are the text that the lines' offsets point into)."""

    width: int
    lines: list[Line]
    items: list[Item]
    item_lines: list[tuple[int, int]]
    parts: list[Content]


def wrap_sheet(sheet: Sheet, width: int) -> Wrapped:
    """The sheet's blocks, made at `width` (or NARROWEST) and wrapped at `width`; an item's lines
    sit right of a two-cell gutter that holds ▶ on the marked one's first line and ▏ on its others."""
    made_at = max(NARROWEST, width)
    lines: list[Line] = []
    parts: list[Content] = []
    items: list[Item] = []
    item_lines: list[tuple[int, int]] = []
    source = 0  # the text's source lines so far (the parts are joined by newlines)
    for block in sheet.blocks(made_at):
        if block is None:
            continue
        if isinstance(block, Item):
            pieces = [p for line in block.content.split(allow_blank=True) for p in fit(line, made_at - len(MARK))]
            marked = len(items) == sheet.marked
            gutter = [Content.styled(MARK, "bold $text-accent") if marked else Content("  ")]
            gutter += [Content.styled(ALONG, "$text-accent") if marked else Content("  ")] * (len(pieces) - 1)
            marked_lines = [mark + piece for mark, piece in zip(gutter, pieces, strict=True)]
            part = Content("\n").join(marked_lines)
            first = len(lines)
            if width < made_at:  # folded again, as Textual folds the text
                lines += wrap(part, width, source)
            else:
                lines += [(line, 0, y) for y, line in enumerate(marked_lines, source)]
            items.append(block)
            item_lines.append((first, len(lines) - first))
        else:
            part = block
            lines += wrap(part, width, source)
        parts.append(part)
        source = lines[-1][2] + 1
    return Wrapped(width, lines, items, item_lines, parts)


class PanelBody(Widget, inherit_bindings=False):
    """The panel's text. The first layout that gives it a width wraps it at that width, so the
    first frame shows the text (not an empty panel that a Resize fills a frame later)."""

    DEFAULT_CSS = """
    PanelBody {
        height: auto;
        text-wrap: nowrap;  /* its lines are wrapped already: Textual need not try again */
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.sheet = Sheet(nothing)
        self._wrapped: Wrapped | None = None  # None: the sheet is not wrapped yet
        self._other: Wrapped | None = None  # the sheet at the width before
        self._text: Content | None = None  # the parts joined, made when asked for
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._link_style: RichStyle | None = None  # Textual's link_style, kept (None: not yet)

    def show(self, sheet: Sheet) -> None:
        """Show `sheet`. In sight, it is wrapped now at the width it is drawn at, and a text as tall
        as the last needs only this widget drawn again, not the screen laid out again (the cost
        of a key). Otherwise it is wrapped when the next layout (or a reader of its lines) needs
        it, so a hidden panel's change is wrapped when it is shown."""
        before = self._wrapped
        self.sheet, self._wrapped, self._other, self._text = sheet, None, None, None
        self._strips.clear()
        width = self.size.width
        height = len(before.lines) if before is not None and before.width == width > 0 and self._in_sight() else None
        if height is not None and len(self._wrap(width).lines) == height:
            self.refresh()
            return
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def _in_sight(self) -> bool:
        return self.is_mounted and all(node.display for node in self.ancestors_with_self)

    def _wrap(self, width: int) -> Wrapped:
        """The sheet at `width`. The one before is kept too: Textual measures a panel whose height
        follows its text with and without its scrollbar's column, a layout asks for both."""
        wrapped = self._wrapped
        if wrapped is None or wrapped.width != width:
            other = self._other
            self._other = wrapped
            wrapped = other if other is not None and other.width == width else wrap_sheet(self.sheet, width)
            self._wrapped = wrapped
            self._text = None
            self._strips.clear()
        return wrapped

    @property
    def wrapped(self) -> Wrapped:
        """The sheet wrapped at the width it was last laid out at (or the body's width)."""
        if self._wrapped is not None:
            return self._wrapped
        return self._wrap(max(1, self.size.width))

    @property
    def lines(self) -> list[Line]:
        return self.wrapped.lines

    @property
    def items(self) -> list[Item]:
        return self.wrapped.items

    @property
    def item_lines(self) -> list[tuple[int, int]]:
        """Each item's first line and height."""
        return self.wrapped.item_lines

    @property
    def text(self) -> Content:
        """The whole text, as a Static would be given it (the lines' offsets point into it)."""
        if self._text is None:
            self._text = Content("\n").join(self.wrapped.parts)
        return self._text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The height of the text wrapped at `width`: a layout at a new width wraps it there and
        then, so the height it gets is the height of the lines it will draw."""
        return len(self._wrap(width).lines) if width else 0

    def on_resize(self, event: events.Resize) -> None:
        """Drawn at a width other than the last it was measured at: the lines at that width (kept,
        or made), and a layout again only if they are not as many as the rows it was given."""
        width = event.size.width
        if self._wrapped is not None and self._wrapped.width != width and width:
            if len(self._wrap(width).lines) != event.size.height:
                self.clear_cached_dimensions()
                self.refresh(layout=True)
            else:
                self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme or style: the lines are drawn again
        self._link_style = None

    @property
    def link_style(self) -> RichStyle:
        """Textual's, kept until the styles change: it is worked out from every ancestor's
        background each time a line is drawn, a third of the cost of drawing one."""
        if self._link_style is None:
            self._link_style = super().link_style
        return self._link_style

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(self.text.plain), "\n"

    def render(self) -> Content:
        return self.text

    @property
    def visual(self) -> Visual:
        """The whole text as Textual would draw it in one piece (the lines drawn here match it)."""
        return self.text

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        selection = self.text_selection
        if selection is None and (strip := self._strips.get(y)) is not None:
            return strip
        lines = self.wrapped.lines
        if y >= len(lines):
            return Strip.blank(width, self.visual_style.rich_style)
        line, x, source_y = lines[y]
        if selection is not None and (span := selection.get_span(source_y)) is not None:
            start, end = span
            end = len(line.plain) + x if end == -1 else end
            start, end = max(start, x) - x, min(end, x + len(line.plain)) - x
            if start < end:
                line = line.stylize(self._selection_style(), start, end)
        strips = Visual.to_strips(self, line, width, 1, self.visual_style, apply_selection=False)
        strip = strips[0].apply_offsets(x, source_y) if strips else Strip.blank(width, self.visual_style.rich_style)
        if selection is None:
            self._strips[y] = strip
        return strip

    def _selection_style(self) -> Style:
        return Style.from_styles(self.screen.get_component_styles("screen--selection"))
