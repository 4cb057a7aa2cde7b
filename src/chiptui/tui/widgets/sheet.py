"""What a panel shows, as values: a `Sheet` (its blocks as a function of the width, and the item
marked ▶) and the sheet wrapped at a width (`Wrapped`: its lines, each with where it starts in
the text, and its items' first lines and heights). Nothing here is a widget: PanelBody draws a
Wrapped, and the tests wrap sheets without an app. They are named tuples, not attrs classes: made
at every start, three attrs classes cost the first frame about 3 ms."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from textual.cache import LRUCache
from textual.content import Content

from chiptui.tui.widgets.text import Looks, looks
from chiptui.tui.widgets.wrapping import wrap_line

Line = tuple[Content, int, int]  # a wrapped line, its column in its source line, that source line
NARROWEST = 20  # a panel narrower than this builds its blocks at this width (and they are folded)
MARK = "▶ "
ALONG = "▏ "  # down the rest of the marked item, so the mark shows while it is scrolled through


class Item(NamedTuple):
    """A block the reader can move to and open; `target` is what opening it means."""

    content: Content
    target: object


Block = Content | Item | None


class Sheet(NamedTuple):
    """What a panel shows: `blocks(width)`, a function of the width and of nothing on screen (the
    figures' charts fit the width), and the item marked ▶ (None while the panel has no focus).
    The blocks are read in order and may be made as they are read (a generator), so a panel
    can make its top first."""

    blocks: Callable[[int], Iterable[Block]]
    marked: int | None = None


def nothing(width: int) -> Iterable[Block]:
    return ()


class Kept:
    """Blocks made once, as they are first read, and read again from where they are kept: a
    year's figures are made as a panel first reads them (its top for the frame, the rest after
    it), and not again for the next event of that year."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self._made: list[Block] = []
        self._more: Iterator[Block] | None = iter(blocks)

    def __iter__(self) -> Iterator[Block]:
        at = 0
        while True:
            if at == len(self._made):
                if self._more is None:
                    return
                try:
                    self._made.append(next(self._more))
                except StopIteration:
                    self._more = None
                    return
            yield self._made[at]
            at += 1


def fit(line: Content, width: int) -> list[Content]:
    """One source line (no newline) wrapped at `width`. A line of single-width characters that
    fits is itself, unwrapped: most lines of a panel fit, and wrapping one costs about as much as
    drawing it. Others are wrapped by `wrap_line` (Textual's wrapping, but never splitting a
    number or a CJK figure)."""
    plain = line.plain
    if len(plain) == line.cell_length <= width and "\t" not in plain:
        return [line]
    key = (looks(line), width)
    folded = _FOLDED.get(key)
    if folded is None:
        folded = _FOLDED[key] = wrap_line(line, width)
    return folded


# Lines folded, kept: a key moves to an event whose panels hold much the same text (a year's
# quotes, the nearest year's), and folding a long line costs more than drawing it.
_FOLDED: LRUCache[tuple[Looks, int], list[Content]] = LRUCache(4096)


def wrap(block: Content, width: int, first: int) -> list[Line]:
    """`block` wrapped at `width` as a widget wraps it; its first source line is line `first` of the text."""
    lines: list[Line] = []
    sources = block.split(allow_blank=True) if "\n" in block.plain else [block]  # most blocks are a line
    for y, source in enumerate(sources, first):
        plain, at = source.plain, 0
        for piece in fit(source, width):
            x = plain.find(piece.plain, at) if piece.plain else at
            at = (x if x >= 0 else at) + len(piece.plain)
            lines.append((piece, max(x, 0), y))
    return lines


def made_once(blocks: Callable[[int], Iterable[Block]]) -> Callable[[int], Kept]:
    """`blocks` with each width's made once, as they are read: a panel wraps its top in the
    frame and the whole after it, and the top is not made twice."""
    made: dict[int, Kept] = {}

    def at(width: int) -> Kept:
        if width not in made:
            made[width] = Kept(blocks(width))
        return made[width]

    return at


class Wrapped(NamedTuple):
    """A sheet wrapped at `width`: its lines, its items with each one's first line and height, and
    its source blocks (joined by newlines they are the text that the lines' offsets point into).
    Not `whole`: the sheet's first lines only, as many as were asked for or a few more (the
    blocks they come from, whole); the sheet wrapped in full begins with the same lines."""

    width: int
    lines: list[Line]
    items: list[Item]
    item_lines: list[tuple[int, int]]
    parts: list[Content]
    whole: bool = True


def wrap_sheet(sheet: Sheet, width: int, rows: int | None = None) -> Wrapped:
    """The sheet's blocks, made at `width` (or NARROWEST) and wrapped at `width`; an item's lines
    sit right of a two-cell gutter that holds ▶ on the marked one's first line and ▏ on its others.
    With `rows`, the blocks are read only until there are that many lines."""
    made_at = max(NARROWEST, width)
    lines: list[Line] = []
    parts: list[Content] = []
    items: list[Item] = []
    item_lines: list[tuple[int, int]] = []
    source = 0  # the text's source lines so far (the parts are joined by newlines)
    for block in sheet.blocks(made_at):
        if rows is not None and len(lines) >= rows:
            return Wrapped(width, lines, items, item_lines, parts, whole=False)
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
