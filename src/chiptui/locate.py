"""Where records are in a data file's text, so a problem can name its line.

TOML: the line of each `[[table]]` header and of each top-level key. JSON (what `export --format
json` writes): the line of each record's opening brace and of each top-level key. No Textual.
"""

from __future__ import annotations

import re

Lines = tuple[dict[str, list[int]], dict[str, int]]  # table -> record lines; top-level key -> line

_HEADER_RE = re.compile(r"\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_KEY_RE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


_HEADER_LINE_RE = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]", re.MULTILINE)
_TOP_KEY_RE = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=", re.MULTILINE)


def toml_lines(text: str) -> Lines:
    if '"""' in text or "'''" in text:
        return _toml_lines_slow(text)  # a multi-line string could hold lines that look like headers
    headers: dict[str, list[int]] = {}
    keys: dict[str, int] = {}
    first_table = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    top_end = first_table.start() if first_table else len(text)
    for match in _TOP_KEY_RE.finditer(text, 0, top_end):
        keys.setdefault(match[1], text.count("\n", 0, match.start()) + 1)
    line, at = 1, 0
    for match in _HEADER_LINE_RE.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        headers.setdefault(match[1], []).append(line)
    return headers, keys


def _toml_lines_slow(text: str) -> Lines:
    headers: dict[str, list[int]] = {}
    keys: dict[str, int] = {}
    in_string: str | None = None
    top_level = True
    for number, line in enumerate(text.splitlines(), 1):
        if in_string is None:
            if match := _HEADER_RE.match(line):
                headers.setdefault(match[1], []).append(number)
                top_level = False
            elif line.lstrip().startswith("["):
                top_level = False
            elif top_level and (match := _KEY_RE.match(line)):
                keys.setdefault(match[1], number)
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2 and in_string in (None, quotes):
                in_string = None if in_string else quotes
    return headers, keys


def json_lines(text: str) -> Lines:
    """A small scanner over the JSON text: strings are skipped, depth is counted."""
    headers: dict[str, list[int]] = {}
    keys: dict[str, int] = {}
    depth, line, at = 0, 1, 0
    last_string, current = "", ""
    while at < len(text):
        char = text[at]
        if char == "\n":
            line += 1
        elif char == '"':
            end = at + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            last_string = text[at + 1 : end]
            line += text.count("\n", at, end)
            at = end
        elif char == ":" and depth == 1:
            current = last_string
            keys.setdefault(current, line)
        elif char in "{[":
            if char == "{" and depth == 2:
                headers.setdefault(current, []).append(line)
            depth += 1
        elif char in "}]":
            depth -= 1
        at += 1
    return headers, keys
