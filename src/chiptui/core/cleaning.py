"""Text from a data file made safe to show: control characters, bidi overrides and lone
surrogates removed. One pattern, used by the loader's checks, the messages and the screen. No Textual."""

from __future__ import annotations

import re

# Terminal control characters, bidi overrides, and lone surrogates (not text: they cannot be
# written as UTF-8, and `surrogateescape` turns them into raw bytes, C1 controls among them).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SURROGATE_RE = re.compile("[\ud800-\udfff]")


def remove_controls(text: str) -> str:
    """`text` without terminal control characters, bidi overrides or lone surrogates; newlines
    stay (the one rule every display of data text uses: the loader's cleaning, the screen's)."""
    return _CONTROL_RE.sub("", text)


def strip_controls(text: str) -> str:
    """`text` on one line, without terminal control characters or bidi overrides (for messages);
    a lone surrogate (a file name's undecodable byte) shows as �."""
    return _CONTROL_RE.sub("", SURROGATE_RE.sub("\ufffd", text.replace("\t", " ").replace("\n", " ")))


def is_clean(text: str) -> bool:
    """Nothing to clean: every character printable (controls and bidi overrides are not), no
    space at either end. One C-speed pass; anything else takes the slow path."""
    return text.isprintable() and not text[0].isspace() and not text[-1].isspace()


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Drop terminal control characters; tabs become spaces; single-line text loses newlines."""
    if text and is_clean(text):
        return text  # the common case
    text = text.replace("\t", " ")
    if not multiline:
        text = text.replace("\r\n", " ").replace("\n", " ")
    return _CONTROL_RE.sub("", text).strip()
