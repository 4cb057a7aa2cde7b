"""A panel's text, wrapped once by the panel and drawn only where it is on screen.

A panel's text can run to many screens (a year's charts, its quotes), and a Static renders all
of it whenever it is drawn. The panel wraps its blocks anyway (it needs their heights), so the
body keeps those lines and renders only the ones the compositor asks for. Each line carries
where it starts in the text (its source line and column), as Textual's own rendering marks it
for text selection, so a line drawn here is the line a Static would draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

if TYPE_CHECKING:
    from chiptui.widgets.panel import Panel

Line = tuple[Content, int, int]  # a wrapped line, its column in its source line, that source line
NARROWEST = 20  # a panel narrower than this wraps its text at this width (and Textual folds it)


def fit(line: Content, width: int) -> list[Content]:
    """One source line (no newline) wrapped at `width`. A line of single-width characters that
    fits is itself, unwrapped: most lines of a panel fit, and wrapping one costs about as much as
    drawing it. (Wide or zero-width characters, or a tab, take Textual's own wrapping.)"""
    plain = line.plain
    if len(plain) == line.cell_length <= width and "\t" not in plain:
        return [line]
    return line.wrap(width) or [line]


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


class PanelBody(Widget, inherit_bindings=False):
    """The panel's text. The first layout that gives it a width draws it at that width, so the
    first frame shows the text (not an empty panel that a Resize fills a frame later)."""

    DEFAULT_CSS = """
    PanelBody {
        height: auto;
    }
    """

    def __init__(self, panel: Panel) -> None:
        super().__init__(markup=False)
        self.panel = panel
        self.text = Content()
        self.lines: list[Line] = []  # the text, wrapped at `wrapped_at`
        self.wrapped_at = 0
        self._strips: dict[int, Strip] = {}

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The height of the text wrapped at `width`: a layout at a new width wraps it again
        there and then, so the height it gets is the height of the lines it will draw."""
        if width and (self.panel.never_shown or (width != self.wrapped_at and width >= NARROWEST)):
            self.panel.show_at(max(NARROWEST, width))
        if width == self.wrapped_at:
            return len(self.lines)
        return super().get_content_height(container, viewport, width)  # narrower than any wrapping

    def show(self, text: Content, lines: list[Line], width: int, *, refresh: bool = True) -> None:
        """Show `text`; `lines` is the same text wrapped at `width`. `refresh=False` is for a
        layout in progress, which draws the body anyway: a refresh then would ask where the body
        is, and so lay out the whole screen a second time within the first."""
        self.text, self.lines, self.wrapped_at = text, lines, width
        self._strips.clear()
        self._layout_cache.clear()  # the visual made from the old text
        self.clear_cached_dimensions()  # and its size
        if refresh:
            self.refresh(layout=True)

    def render(self) -> Content:
        return self.text

    @property
    def visual(self) -> Visual:
        """The whole text as Textual draws it (the lines drawn here must match it)."""
        return self._render()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width != self.wrapped_at or self.text_selection is not None:
            return super().render_line(y)  # the whole text, wrapped here
        if self._dirty_regions:
            self._strips.clear()
            self._dirty_regions.clear()
        strip = self._strips.get(y)
        if strip is None:
            if y < len(self.lines):
                line, x, source_y = self.lines[y]
                strip = Visual.to_strips(self, line, width, 1, self.visual_style)[0].apply_offsets(x, source_y)
            else:
                strip = Strip.blank(width, self.visual_style.rich_style)
            self._strips[y] = strip
        return strip
