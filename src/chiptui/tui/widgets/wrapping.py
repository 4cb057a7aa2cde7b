"""Wrapping a line of text at a width without splitting a number or a CJK figure.

Textual wraps at spaces only, so a run of Chinese text with no space in it is one "word" that it
folds wherever the width runs out: "6532亿元" came out as "653" / "2亿元". Here a line may also
break between two CJK characters (as Chinese and Japanese text is broken), but never inside a
number, never between a number and the CJK numerals or units written with it (亿, 万, 元, 美元…),
never before closing punctuation or after opening punctuation, and never before a zero-width
character (a combining accent stays on its letter). A piece still wider than the width (a long
address, a long run of digits) is folded at the width as Textual folds it.

A line with no CJK character in it is wrapped as Textual wraps it (at spaces; a word wider than
the line folded at the width), by `space_breaks` here: Textual's `Content.wrap` does the same and
formats every piece again, which made it a third of the first frame's wrapping.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells, get_character_cell_size
from textual.content import Content

# Chinese, Japanese and Korean letters and their full-width punctuation (as code point ranges:
# a regular expression of them takes 5 ms to compile, a tenth of chiptui's own start-up).
CJK_RANGES = (
    (0x2E80, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)
FIRST_CJK = chr(CJK_RANGES[0][0])


def is_cjk(char: str) -> bool:
    code = ord(char)
    return code >= 0x2E80 and any(low <= code <= high for low, high in CJK_RANGES)


def has_cjk(text: str) -> bool:
    """Whether `text` has a CJK character (its distinct characters from FIRST_CJK on are tested)."""
    return bool(text) and max(text) >= FIRST_CJK and any(is_cjk(char) for char in set(text) if char >= FIRST_CJK)


# What a figure is written with: digits and their separators, CJK numerals, magnitudes, currencies, units.
FIGURE = set("0123456789.,%％０１２３４５６７８９〇零一二两三四五六七八九十百千万萬亿億兆元圆美欧日镑角分吨个片颗倍台")
NO_BREAK_BEFORE = set(")]}.,;:!?%…’”，。、）」』》〉】！？：；％・ー々")
NO_BREAK_AFTER = set("([{‘“（「『《〈【$¥￥")


def _breakable(before: str, after: str) -> bool:
    """May a line break between these two characters (neither a space)?"""
    if not (is_cjk(before) or is_cjk(after)):
        return False  # a word of Latin letters (or digits, or an address) is not broken
    if before in FIGURE and after in FIGURE and not (after.isdigit() and is_cjk(before)):
        return False  # 6532亿元, 12.5万 (but 亿元 | 312: a new number may start a line)
    if after in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
        return False
    return get_character_cell_size(after) > 0


def pieces(text: str) -> list[tuple[int, int]]:
    """The line's unbreakable pieces, as (start, end) with end past any spaces that follow."""
    found: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after.isspace():
            continue
        if before.isspace() or _breakable(before, after):
            found.append((start, i))
            start = i
    if text:
        found.append((start, len(text)))
    return found


def _fold(text: str, start: int, end: int, width: int) -> list[int]:
    """Offsets that fold text[start:end] into runs at most `width` cells wide."""
    cuts: list[int] = []
    used = 0
    for i in range(start, end):
        size = get_character_cell_size(text[i])
        if used + size > width and used and size:
            cuts.append(i)
            used = 0
        used += size
    return cuts


def break_offsets(text: str, width: int) -> list[int]:
    """Where to break `text` (one line, no newline) so that each line fits `width` cells."""
    width = max(1, width)
    cuts: list[int] = []
    used = 0  # cells on the line so far, spaces after its last piece included
    for start, end in pieces(text):
        word = text[start:end].rstrip()
        word_cells = cell_len(word)
        if used and used + word_cells > width:
            cuts.append(start)
            used = 0
        if word_cells > width:
            folds = _fold(text, start, start + len(word), width)
            cuts.extend(folds)
            used = cell_len(text[folds[-1] if folds else start : end])
        else:
            used += cell_len(text[start:end])
    return cuts


WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it (those before it: the line's first)


def space_breaks(text: str, width: int) -> list[int]:
    """Where Textual breaks a line with no CJK in it: before a word that does not fit the rest of
    the line; a word wider than the whole line is folded at the width."""
    width = max(1, width)
    cuts: list[int] = []
    used = 0
    for match in WORD.finditer(text):
        start, word = match.start(), match[0]
        word_cells = cell_len(word.rstrip())
        if used + word_cells <= width:
            used += cell_len(word)
        elif word_cells > width:
            chunks = chop_cells(word, width)
            for chunk in chunks[:-1]:
                if start:
                    cuts.append(start)
                start += len(chunk)
            if start:
                cuts.append(start)
            used = cell_len(chunks[-1])
        elif used and start:
            cuts.append(start)
            used = cell_len(word)
    return cuts


def wrap_line(line: Content, width: int) -> list[Content]:
    """One line of content wrapped at `width`: the spaces at a break are dropped."""
    plain = line.plain
    if "\t" in plain:
        return line.wrap(width) or [line]  # Textual's own wrapping expands the tabs first
    if has_cjk(plain):
        cuts = break_offsets(plain, width)
        if not cuts:
            return [line]
        divided = line.divide(cuts)
        return [piece.rstrip() for piece in divided[:-1]] + [divided[-1]]
    # As Content.wrap ends each line: the spaces at a break dropped, the last line cut to the
    # width, and (its quirk) spaces past the width in characters dropped from the end.
    divided = line.divide(space_breaks(plain, width))
    last = divided[-1]
    pieces = [piece.rstrip() for piece in divided[:-1]] + [last if last.cell_length <= width else last.truncate(width)]
    return [piece.rstrip_end(width) for piece in pieces]
