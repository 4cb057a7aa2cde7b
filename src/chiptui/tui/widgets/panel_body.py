"""A panel's text: wrapped by the body itself at the width its layout gives it, drawn only where
it is on screen, scrolled by itself.

A panel's text can run to many screens (a year's charts, its quotes), and a Static renders all
of it whenever it is drawn. The panel hands the body a `Sheet` (chiptui.tui.widgets.sheet); the
body wraps it when a layout asks for its height (a body that scrolls itself: only down to its
foot, the rest after the frame, so a year's charts below it are not made for the first frame),
keeps the wrapped lines and each item's first line and height, and renders a line only when
the compositor asks for it (Textual's Line API: a ScrollView whose virtual size is its lines),
cached until the text, the width or the styles change. Each line carries where it starts in
the text (its source line and column), as Textual's own rendering marks it for text selection,
so a line drawn here is the line a Static would draw, and a mouse selection is drawn and
copied as a Static's would be.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from chiptui.tui.widgets.sheet import Item, Line, Sheet, Wrapped, nothing, wrap_sheet


class PanelBody(ScrollView, inherit_bindings=False, can_focus=False):
    """The panel's text. The first layout that gives it a width wraps it at that width, so the
    first frame shows the text (not an empty panel that a Resize fills a frame later). It scrolls
    itself (its virtual size is its lines), so a text of another length in a panel of the same
    size changes no widget's size: Textual lays the screen out once for it, not twice."""

    DEFAULT_CSS = """
    PanelBody {
        height: auto;
        overflow: hidden hidden;  /* in a full view the view scrolls it; in a panel, itself (Panel's CSS) */
        text-wrap: nowrap;  /* its lines are wrapped already: Textual need not try again */
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sheet = Sheet(nothing)
        self._wrapped: Wrapped | None = None  # None: the sheet is not wrapped yet
        self._other: Wrapped | None = None  # the sheet at the width before
        self._text: Content | None = None  # the parts joined, made when asked for
        self._strips: LRUCache[int, Strip] = LRUCache(1024)

    def show(self, sheet: Sheet) -> None:
        """Show `sheet`. In sight, it is wrapped now at the width it is drawn at, and a text as tall
        as the last needs only this widget drawn again, not the screen laid out again (the cost
        of a key). Otherwise it is wrapped when the next layout (or a reader of its lines) needs
        it, so a hidden panel's change is wrapped when it is shown."""
        before = self._wrapped
        self.sheet, self._wrapped, self._other, self._text = sheet, None, None, None
        self._strips.clear()
        width = self.scrollable_content_region.width
        height = len(before.lines) if before is not None and before.width == width > 0 and self._in_sight() else None
        if height is not None:
            lines = len(self._wrap(width).lines)  # whole: a key draws one frame, not a second for the scrollbar
            if min(lines, height) > self.size.height and self.show_vertical_scrollbar:
                # Taller than the body as the last text was: the body keeps its size, and only
                # its scrollbar says the new length (a layout would only do that too).
                self.set_reactive(Widget.virtual_size, Size(width, lines))
                self.vertical_scrollbar.window_virtual_size = lines
            if self.virtual_size.height == lines:
                self.refresh()
                return
        self.clear_cached_dimensions()
        self.refresh(layout=True)
        self.call_after_refresh(self._scrollbar_as_needed)

    def _scrollbar_as_needed(self) -> None:
        """The scrollbar shown only while the text is taller than the body. Textual checks again
        only when the body's virtual size differs from its region's, so a text exactly as tall as
        the body, after a taller one, would leave the last one's scrollbar showing."""
        needed = self.virtual_size.height > self.scrollable_content_region.height
        if self.show_vertical_scrollbar != needed and self.styles.overflow_y == "auto":
            self.show_vertical_scrollbar = needed

    def _in_sight(self) -> bool:
        return self.is_mounted and all(node.display for node in self.ancestors_with_self)

    def _rows(self, height: int) -> int | None:
        """How many of the text's lines a body `height` rows high needs wrapped now: one that
        scrolls itself (in a panel), those down to the foot of where it is scrolled to and one more
        (to know that it scrolls), the rest after the frame is drawn; one that a view scrolls, or
        whose height is not known yet, all of them."""
        if height <= 0 or self.styles.overflow_y != "auto":
            return None
        return round(self.scroll_offset.y) + height + 1

    def _wrap(self, width: int, rows: int | None = None) -> Wrapped:
        """The sheet at `width` (its first `rows` lines at least, else whole). The one before is
        kept too: Textual measures a panel whose height follows its text with and without its
        scrollbar's column, a layout asks for both."""
        wrapped = self._wrapped
        if wrapped is None or wrapped.width != width:
            other = self._other
            self._other = wrapped
            wrapped = other if other is not None and other.width == width else None
            self._text = None
            self._strips.clear()
        if wrapped is None or not (wrapped.whole or (rows is not None and len(wrapped.lines) >= rows)):
            wrapped = wrap_sheet(self.sheet, width, rows)
            self._text = None
            if not wrapped.whole:
                self.call_after_refresh(self._whole_for, self.sheet)
        self._wrapped = wrapped
        return wrapped

    def _whole_for(self, sheet: Sheet) -> None:
        if sheet is self.sheet:
            self.whole()

    def whole(self) -> Wrapped | None:
        """The text wrapped whole where only its first lines were, and its scrollbar told its
        length (the body's own size is the same: it was already as tall as it can be)."""
        wrapped = self._wrapped
        if wrapped is None or wrapped.whole:
            return wrapped
        wrapped = self._wrap(wrapped.width)
        if not self.is_mounted:
            return wrapped
        self.set_reactive(Widget.virtual_size, Size(wrapped.width, len(wrapped.lines)))
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = len(wrapped.lines)
        return wrapped

    @property
    def wrapped(self) -> Wrapped:
        """The sheet wrapped whole at the width it was last laid out at (or the body's width)."""
        return self.whole() or self._wrap(max(1, self.scrollable_content_region.width))

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
        if self.styles.scrollbar_gutter == "stable":
            width -= self.styles.scrollbar_size_vertical  # the text's width: the scrollbar's column is kept
        if width <= 0:
            return 0
        lines = len(self._wrap(width, self._rows(container.height)).lines)
        # Its own size, for the scrollbar this layout arranges (no watcher, no other layout)
        self.set_reactive(Widget.virtual_size, Size(width, lines))
        return lines

    def on_resize(self, event: events.Resize) -> None:
        """Drawn at a width other than the last it was measured at: the lines at that width (kept,
        or made), and a layout again only if they are not as many as the rows it was given."""
        width = self.scrollable_content_region.width
        if self._wrapped is not None and self._wrapped.width != width and width:
            lines = len(self._wrap(width).lines)
            if lines != self.virtual_size.height:
                self.clear_cached_dimensions()
                self.virtual_size = Size(width, lines)  # a layout, for the height and the scrollbar
            else:
                self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme or style: the lines are drawn again

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
        width = self.scrollable_content_region.width
        y += round(self.scroll_offset.y)
        selection = self.text_selection
        if selection is None and (strip := self._strips.get(y)) is not None:
            return strip
        wrapped = self._wrapped
        if wrapped is None or (not wrapped.whole and y >= len(wrapped.lines)):
            wrapped = self.wrapped  # a line below the part wrapped for the frame: the whole text
        lines = wrapped.lines
        if y >= len(lines):
            return Strip.blank(width, self.visual_style.rich_style)
        line, x, source_y = lines[y]
        if selection is not None and (span := selection.get_span(source_y)) is not None:
            start, end = span
            end = len(line.plain) + x if end == -1 else end
            start, end = max(start, x) - x, min(end, x + len(line.plain)) - x
            if start < end:
                line = line.stylize(self._selection_style(), start, end)
        strip = draw(line, self.visual_style).apply_offsets(x, source_y)
        if selection is None:
            self._strips[y] = strip
        return strip

    def _selection_style(self) -> Style:
        return Style.from_styles(self.screen.get_component_styles("screen--selection"))


def draw(line: Content, style: Style) -> Strip:
    """A wrapped line drawn over the widget's `style`, as `Visual.to_strips` draws a line that fits
    and is not wrapped again (its spans over the style; no `@click` link to restyle, as data text
    has none): that wraps, truncates and aligns it first, five times the cost of a line."""
    segments = [Segment(text, (style + part).rich_style) for text, part in line.render(style, end="")]
    return Strip(segments, line.cell_length)
