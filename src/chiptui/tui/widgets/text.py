"""The one way text from a data file reaches the screen: as plain text, never markup.

Every widget, title, notice and palette hit builds data text with `plain` (a `Content`) or
`cells` (a `str` for widgets that draw segments), and every notice goes through `say`. So
`[/]`, `[@click=app.quit]` or `[link=…]` in a title is shown as typed and can do nothing, and
no terminal control character is ever written (reading a file strips them; this strips them again,
whatever the text's route).

`cells` also takes apart the few character sequences whose width terminals disagree on: an emoji
joined by U+200D (a family), an emoji with a skin-tone modifier, a variation selector, a tag
sequence. Drawn unjoined, each piece is as wide in every terminal as Textual counts it, so a row
never spills past its border. The meaning survives: the emoji are all still there.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import and_, not_
from typing import Any

from rich.cells import cell_len
from textual.app import App
from textual.content import Content, Span
from textual.notifications import SeverityLevel
from textual.widget import Widget

from chiptui.core.cleaning import remove_controls, strip_controls

_UNJOINED_RE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))  # the ASCII that str.isprintable allows (deleted, none is left)


def cells(text: str, *, lines: bool = False) -> str:
    """`text` as it is safe to draw: no control characters (newlines kept with `lines`), tabs as
    spaces, and no sequence that terminals draw at a width other than Textual's."""
    if text.isascii() and text.isprintable():
        return text  # the common case, in one C-speed pass
    text = text.replace("\t", " ")
    if not lines:
        text = text.replace("\n", " ")
    return _UNJOINED_RE.sub("", remove_controls(text))


def widest(texts: list[str]) -> int:
    """The width of the widest of `texts` as drawn (`cells`): a printable ASCII text's is its
    length; only the others are measured one by one (a million titles: C-speed passes)."""
    joined = "".join(texts)
    if joined.isascii() and not joined.encode("ascii").translate(None, _PRINTABLE_ASCII):  # the common case
        return max(map(len, texts), default=0)
    simple = list(map(and_, map(str.isascii, texts), map(str.isprintable, texts)))
    measured = map(cell_len, map(cells, compress(texts, map(not_, simple))))
    return max(max(map(len, compress(texts, simple)), default=0), max(measured, default=0))


def plain(text: str, style: str = "") -> Content:
    """Data text as Content: literal, styled with `style` (a Textual style, e.g. "bold $primary")."""
    shown = cells(text, lines=True)
    return Content.styled(shown, style) if style else Content(shown)


Looks = tuple[str, tuple[Span, ...]]


def looks(content: Content) -> Looks:
    """What `content` draws: its words and their styles (Content's == compares only the words),
    to tell whether a text drawn before would draw the same, or to key a cache of it."""
    return content.plain, tuple(content.spans)


def say(
    node: App[Any] | Widget,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """A notice (toast) whose message and title are shown as typed, never as markup."""
    node.notify(
        strip_controls(cells(message)),
        title=strip_controls(cells(title)),
        severity=severity,
        timeout=timeout,
        markup=False,
    )
