"""TOML read by rtoml (compiled Rust, about 5x faster than `tomllib`) wherever it is sure to give
`tomllib`'s document; `read` says None for every other text, and the loader then reads it with
`tomllib`, whose errors, with line and column, are the messages. No Textual.

rtoml reads TOML 1.1; `tomllib` (Python 3.11) reads TOML 1.0. On a TOML 1.0 text they agree
(tests/test_parser_differential.py holds them to it, types and key order included) except in what
`may_differ` looks for: TOML 1.1's escapes, inline tables, times of day (TOML 1.1 makes seconds
optional, and rtoml gives offsets its own tzinfo class), a line break of `\\r\\n` in a multi-line
string (rtoml keeps the `\\r`) and a second byte order mark. What rtoml refuses (bad TOML, but
also an integer of thousands of digits, a float past 1.8e308 or nesting deeper than 80) goes to
`tomllib` too, which may read it. Each check is a quick scan that errs towards None: a wrong
None only costs time. A valid chiptui file has none of these things, so it is read by rtoml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_TOML_1_1_ESCAPE_RE = re.compile(r"\\[ex]")  # \e and \xHH
_TIME_RE = re.compile(r":\d\d")  # every time of day has one (HH:MM), with a date before it or not
_VALUE_AFTER = frozenset("=[,{\n\r")  # what a value follows, past spaces and tabs (a line break: in an array)
_IN_DATE_TIME = frozenset("0123456789-Tt")
_ARRAY_HEADER_RE = re.compile(r"^\[\[[A-Za-z0-9_-]+\]\][ \t]*\r?$", re.MULTILINE)  # where a piece may start
_HEADER_RE = re.compile(r"^[ \t]*\[(\[?)[ \t]*([^\]\n]*?)[ \t]*\]", re.MULTILINE)  # a table's header, its name
_DOTTED = r"[ \t]*\[[^\]\n.]*+\."  # at a line's start: a header with a dot in its name
_DOTTED_FIRST_RE, _DOTTED_NEXT_RE = re.compile(_DOTTED), re.compile(rf"\n{_DOTTED}")  # on the first line, the others
PIECE = 4_000_000  # characters: a text longer than this is read in pieces


def _at_value(text: str, at: int) -> bool:
    """Whether a value may start at `at`: nothing but spaces and tabs after the start of the text,
    a line break, `=`, `[`, `,` or `{` (text inside a string has other text before it)."""
    at -= 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at < 0 or text[at] in _VALUE_AFTER


def _has_time(text: str) -> bool:
    """Whether a value may be a time of day, or a date and time: from each `:dd`, back over the
    hour and any date and `T` (or space) before it, to where a value starts."""
    for match in _TIME_RE.finditer(text):
        at = match.start()
        while True:
            while at > 0 and text[at - 1] in _IN_DATE_TIME:
                at -= 1
            if at > 1 and text[at - 1] == " " and text[at - 2].isdigit():  # a date, a space, a time
                at -= 1
                continue
            break
        if _at_value(text, at):
            return True
    return False


def _has_inline_table(text: str) -> bool:
    """Whether the text may hold an inline table (in TOML 1.1 they may break lines and end in a comma)."""
    at = text.find("{")
    while at >= 0:
        if _at_value(text, at):
            return True
        at = text.find("{", at + 1)
    return False


def table_after_its_own(text: str) -> bool:
    """Whether a table `[a]` comes after a header under it (`[a.b]`, `[[a.b]]`): rtoml and
    `tomllib` then order the document's keys differently. Without a header whose name has a
    dot (a chiptui file has none), no table is under another: one scan says so."""
    if _DOTTED_FIRST_RE.match(text) is None and _DOTTED_NEXT_RE.search(text) is None:
        return False  # (searched from each line break: five times faster than "^" in MULTILINE)
    under: set[str] = set()
    for match in _HEADER_RE.finditer(text):
        parts = [part.strip() for part in match[2].split(".")]
        if not match[1] and ".".join(parts) in under:
            return True
        under.update(".".join(parts[:n]) for n in range(1, len(parts)))
    return False


def may_differ(text: str) -> bool:
    """Whether rtoml could make of `text` anything else than `tomllib` does (a document or a refusal)."""
    return (
        text.startswith("\ufeff")
        or ("\r" in text and ('"""' in text or "'''" in text))
        or ("\\" in text and _TOML_1_1_ESCAPE_RE.search(text) is not None)
        or ("{" in text and _has_inline_table(text))
        or _has_time(text)
        or ("." in text and table_after_its_own(text))
    )


def read(
    text: str, piece: int = PIECE, take: Callable[[dict[str, Any]], dict[str, Any]] | None = None
) -> dict[str, Any] | None:
    """rtoml's document of `text` when it is sure to be `tomllib`'s, else None. A text longer
    than `piece` characters is read in pieces (see `_in_pieces`). `take` is given each piece's
    document as it is read (the whole one if it is read whole), and may take records out of it."""
    if may_differ(text):
        return None
    import rtoml  # here, not at the top: the explorer's cache hit (chiptui.core.cache) needs no parser

    loads = rtoml.loads if take is None else (lambda part: take(rtoml.loads(part)))
    try:
        if len(text) > piece and '"""' not in text and "'''" not in text:
            return _in_pieces(loads, text, piece)
        return loads(text)
    except Exception:  # noqa: BLE001 - whatever rtoml refuses, tomllib decides: its error, or the document
        return None


class _NotOneDocument(Exception):
    """The pieces do not join as one document would: the text is read whole."""


def _in_pieces(loads: Callable[[str], dict[str, Any]], text: str, piece: int) -> dict[str, Any]:
    """The text read a piece of about `piece` characters at a time, each cut just before a line
    `[[name]]`, and the pieces' arrays of tables joined: rtoml holds about twenty times a text's
    size while it reads it, so a million events (250 MB) took 5 GB read whole.

    Every piece after the first starts with a table header, so its top level holds only tables:
    each must be an array of tables `[[name]]`, new or continuing one the pieces before began
    with that header. Anything else (a table `[name]` or `[name.sub]` of an earlier piece's
    array, a key given twice) is a doubt, and the text is read whole, which decides. There is no
    multi-line string (the caller makes sure), so a line is never inside a string."""
    cuts = [0]
    while (found := _ARRAY_HEADER_RE.search(text, cuts[-1] + piece)) is not None:
        cuts.append(found.start())
    if len(cuts) == 1:
        return loads(text)
    document = loads(text[: cuts[1]])
    begun = {name for name, value in document.items() if type(value) is list and _began(text[: cuts[1]], name)}
    try:
        for start, end in zip(cuts[1:], [*cuts[2:], len(text)], strict=True):
            for name, value in loads(text[start:end]).items():
                if type(value) is not list:
                    raise _NotOneDocument
                if name not in document:
                    document[name] = value
                elif name in begun and type(document[name]) is list:
                    document[name].extend(value)
                else:
                    raise _NotOneDocument
                begun.add(name)
    except _NotOneDocument:
        return loads(text)
    return document


def _began(text: str, name: str) -> bool:
    """Whether `text` has a line `[[name]]` (so the array `name` is one of tables, not a value)."""
    return re.search(rf"^\[\[{re.escape(name)}\]\][ \t]*\r?$", text, re.MULTILINE) is not None
