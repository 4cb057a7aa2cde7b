"""Where records are in a data file's text, so a problem can name its line.

TOML: the line of each `[[table]]` header and of each top-level key. JSON (what `export --format
json` writes): the line of each record's opening brace and of each top-level key. No Textual.
"""

from __future__ import annotations

import re

Lines = tuple[dict[str, list[int]], dict[str, int]]  # table -> record lines; top-level key -> line

# A table's name may be bare, "quoted" or 'literal' (`[["event"]]` is `[[event]]`).
_NAME = r"""(?:([A-Za-z0-9_-]+)|"([A-Za-z0-9_-]*)"|'([A-Za-z0-9_-]*)')"""
_HEADER_RE = re.compile(rf"[ \t]*\[\[[ \t]*{_NAME}[ \t]*\]\]")
_KEY_RE = re.compile(rf"[ \t]*{_NAME}[ \t]*=")
_HEADER_LINE_RE = re.compile(rf"^[ \t]*\[\[[ \t]*{_NAME}[ \t]*\]\]", re.MULTILINE)
_TOP_KEY_RE = re.compile(rf"^[ \t]*{_NAME}[ \t]*=", re.MULTILINE)
_LONG_NUMBER_RE = re.compile(r"[0-9][0-9_]{4300,}")
_JSON_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:]')


def _name(match: re.Match[str]) -> str:
    return match[1] or match[2] or match[3] or ""


def toml_lines(text: str) -> Lines:
    if '"""' in text or "'''" in text:
        return _toml_lines_slow(text)  # a multi-line string could hold lines that look like headers
    headers: dict[str, list[int]] = {}
    keys: dict[str, int] = {}
    first_table = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    top_end = first_table.start() if first_table else len(text)
    for match in _TOP_KEY_RE.finditer(text, 0, top_end):
        keys.setdefault(_name(match), text.count("\n", 0, match.start()) + 1)
    line, at = 1, 0
    for match in _HEADER_LINE_RE.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        headers.setdefault(_name(match), []).append(line)
    return headers, keys


def _toml_lines_slow(text: str) -> Lines:
    """Line by line, knowing which lines are inside a multi-line string."""
    headers: dict[str, list[int]] = {}
    keys: dict[str, int] = {}
    open_string: str | None = None
    top_level = True
    for number, line in enumerate(text.splitlines(), 1):
        if open_string is None:
            if match := _HEADER_RE.match(line):
                headers.setdefault(_name(match), []).append(number)
                top_level = False
            elif line.lstrip().startswith("["):
                top_level = False
            elif top_level and (match := _KEY_RE.match(line)):
                keys.setdefault(_name(match), number)
        open_string = _strings_in(line, open_string)
    return headers, keys


def _strings_in(line: str, open_string: str | None) -> str | None:
    """Follow the strings of one line: the multi-line string still open at its end, if any."""
    at, end = 0, len(line)
    while at < end:
        if open_string is not None:
            close = line.find(open_string, at)
            while close > 0 and open_string == '"""' and _escaped(line, close):
                close = line.find(open_string, close + 1)
            if close < 0:
                return open_string
            at = close + 3
            while at < end and line[at] == open_string[0]:  # up to two quotes may end the text
                at += 1
            open_string = None
            continue
        char = line[at]
        if char == "#":
            return None
        if line.startswith(('"""', "'''"), at):
            open_string, at = line[at : at + 3], at + 3
        elif char == '"':
            at += 1
            while at < end and line[at] != '"':
                at += 2 if line[at] == "\\" else 1
            at += 1
        elif char == "'":
            close = line.find("'", at + 1)
            at = end if close < 0 else close + 1
        else:
            at += 1
    return open_string


def _escaped(line: str, at: int) -> bool:
    """Whether the character at `at` follows an odd number of backslashes."""
    count = 0
    while at - count - 1 >= 0 and line[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def long_number(text: str) -> tuple[int, str | None] | None:
    """The line of the first number too long for Python to read, and the key it is given to."""
    match = _LONG_NUMBER_RE.search(text)
    if match is None:
        return None
    start = text.rfind("\n", 0, match.start()) + 1
    key = re.match(r"""\s*"?([A-Za-z0-9_-]+)"?\s*[=:]""", text[start : match.start()])
    return text.count("\n", 0, match.start()) + 1, key[1] if key else None


def json_duplicate(text: str) -> tuple[str, int] | None:
    """The first key given twice in one JSON object, and its line (only asked when there is one)."""
    import json

    objects: list[set[str] | None] = []  # per open bracket: an object's keys so far, or None for a list
    last: tuple[str, int] | None = None
    for match in _JSON_TOKEN_RE.finditer(text):
        token = match[0]
        if token in "{[":
            objects.append(set() if token == "{" else None)
        elif token in "}]":
            if objects:
                objects.pop()
        elif token == ":":
            keys = objects[-1] if objects else None
            if last is not None and keys is not None:
                key = json.loads(last[0])
                if key in keys:
                    return key, text.count("\n", 0, last[1]) + 1
                keys.add(key)
        else:
            last = (token, match.start())
    return None


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
