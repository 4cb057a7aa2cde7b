"""How one field's value is checked (the tables and their fields are in chiptui.core.tables).

Pure functions: each converter returns the clean value or raises `FieldError`
with what is wrong and what was expected.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any

from chiptui.core.cleaning import SURROGATE_RE, is_clean
from chiptui.core.cleaning import clean_text as clean_text  # also imported from here
from chiptui.core.cleaning import strip_controls as strip_controls
from chiptui.core.model import PartialDate

SCHEMA_VERSION = 1
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
LINE_MAX = 2_000  # characters in a one-line field (a title, a name, a URL)
TEXT_MAX = 100_000  # characters in a text field: about 40 pages
LARGEST = 1.7976931348623157e308  # the largest number a figure can hold


class FieldError(ValueError):
    """A field's value is wrong; the message says what was expected."""


def brief(value: object, most: int = 40) -> str:
    """A value as a message shows it: its repr, cut to `most` characters (an integer of thousands
    of digits, or a long string, is not repeated whole)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"a number of about {int(value.bit_length() * 0.30103):,} digits"
    shown = repr(value)
    return shown if len(shown) <= most else shown[: most - 1] + "…"


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    names = {int: "an integer", float: "a number", str: "a string"}
    name = names.get(type(value))
    if name is not None:
        return f"{name} ({brief(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _visible(text: str) -> bool:
    """Whether `text` has a character that shows: a letter, digit, mark of punctuation or symbol
    (not only spaces, zero-width or format characters)."""
    import unicodedata

    return any(unicodedata.category(char)[0] in "LNPS" for char in text)


def _string(value: object, *, multiline: bool = False) -> str:
    limit = TEXT_MAX if multiline else LINE_MAX
    if type(value) is str and value and len(value) <= limit and is_clean(value):
        return value  # the common case: text with nothing to clean
    if not isinstance(value, str):
        raise FieldError(f"expected a string, got {_type_name(value)}")
    if len(value) > limit:
        kind = "text" if multiline else "one-line"
        raise FieldError(f"is {len(value):,} characters long; the most a {kind} field takes is {limit:,}")
    if surrogate := SURROGATE_RE.search(value):
        raise FieldError(
            f"has a lone surrogate (U+{ord(surrogate[0]):04X}), which is not text; "
            "check the file's \\u escapes (a character outside the BMP is a pair: \\ud83d\\ude00)"
        )
    text = clean_text(value, multiline=multiline)
    if not text:
        raise FieldError("is empty; expected some text")
    if not (text.isascii() or _visible(text)):
        raise FieldError("has no visible characters (only spaces, zero-width or format characters); expected some text")
    return text


def line_text(value: object) -> str:
    return _string(value)


def long_text(value: object) -> str:
    return _string(value, multiline=True)


def slug(value: object) -> str:
    if not isinstance(value, str):
        raise FieldError(f"expected a string id, got {_type_name(value)}")
    if not value:
        raise FieldError('is empty; expected an id like "spreadtrum-deal"')
    if not SLUG_RE.fullmatch(value):
        shown = clean_text(value) or "?"
        raise FieldError(
            f'"{shown}" is not a valid id; expected lowercase letters, digits and "-", starting with a letter or digit'
        )
    return value


@functools.lru_cache(maxsize=65536)
def _parse_date(text: str) -> PartialDate:
    return PartialDate.parse(text)  # dates repeat in a large file; a PartialDate is immutable


def date(value: object) -> PartialDate:
    if not isinstance(value, str):
        import datetime  # only for a value that is already wrong

        if isinstance(value, datetime.date):  # TOML reads a date typed without quotes as a date
            day = value.date() if isinstance(value, datetime.datetime) else value
            what = "a date and time" if isinstance(value, datetime.datetime) else "a date"
            raise FieldError(
                f"expected a date string, got {what} typed without quotes ({value.isoformat()}); "
                f'put the date in quotes, as in date = "{day.isoformat()}"'
            )
        raise FieldError(f'expected a date string like "2013-07-12", got {_type_name(value)}')
    try:
        return _parse_date(value)
    except ValueError as error:
        shown = clean_text(value) or "?"
        raise FieldError(f'"{shown}" is not a real date: {error}') from None


def year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"expected a year (a whole number), got {_type_name(value)}")
    if not 1000 <= value <= 9999:
        raise FieldError(f"year {brief(value)} is outside 1000-9999")
    return value


def number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(f"expected a number, got {_type_name(value)}")
    if isinstance(value, int) and not -LARGEST <= value <= LARGEST:  # compared exactly, never converted
        raise FieldError(f"is {brief(value)}; the largest a figure can hold is about 1.8e308")
    if math.isnan(value):
        raise FieldError("expected a finite number, got nan (not a number)")
    if math.isinf(value):  # inf as written, or a number past the largest float (1e400), read as inf
        raise FieldError(f"expected a finite number, got {value}: the largest a figure can hold is about 1.8e308")
    return float(value)


def boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"expected true or false, got {_type_name(value)}")
    return value


def _one_of(what: str, *choices: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        if value not in choices:
            shown = clean_text(value) if isinstance(value, str) else _type_name(value)
            expected = " or ".join(f'"{choice}"' for choice in choices)
            raise FieldError(f'"{shown}" is not a {what}; expected {expected}')
        return str(value)

    return convert


quote_kind = _one_of("kind", "direct", "paraphrase")
scale_kind = _one_of("scale", "shared", "own")


def _list_of(
    item: Callable[[object], object],
    what: str,
    *,
    at_least_one: str = "",
    fast: Callable[[list[Any]], bool] | None = None,
) -> Callable[[object], tuple[object, ...]]:
    def convert(value: object) -> tuple[object, ...]:
        if fast is not None and type(value) is list and value and fast(value):
            return tuple(value)  # every item already good: checked in one pass
        if not isinstance(value, list):
            raise FieldError(f"expected a list of {what}, got {_type_name(value)}")
        if at_least_one and not value:
            raise FieldError(f"is empty; expected at least one {at_least_one}")
        items = []
        for position, element in enumerate(value, 1):
            try:
                items.append(item(element))
            except FieldError as error:
                raise FieldError(f"item {position}: {error}") from None
        return tuple(items)

    return convert


def _all_slugs(items: list[Any]) -> bool:
    return all(type(item) is str for item in items) and all(map(SLUG_RE.fullmatch, items))


def _all_clean(items: list[Any]) -> bool:
    return all(type(item) is str and item and is_clean(item) for item in items)


source_ids = _list_of(slug, "source ids", at_least_one="source id", fast=_all_slugs)
event_ids = _list_of(slug, "event ids", fast=_all_slugs)
figure_ids = _list_of(slug, "figure ids", fast=_all_slugs)
series_ids = _list_of(slug, "series ids", fast=_all_slugs)
tags = _list_of(line_text, "tags", fast=_all_clean)
years = _list_of(year, "years")
