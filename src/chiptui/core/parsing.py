"""A timeline file's text parsed to a document (plain dicts, lists, strings and numbers), its
syntax errors as problems: JSON (a text that starts with `{`) or TOML, read by rtoml where
`fasttoml` is sure it gives `tomllib`'s document, else by `tomllib`. No Textual."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from chiptui.core.problems import DataError, Problem

if TYPE_CHECKING:
    from chiptui.core.bulk import Gathering
    from chiptui.core.locate import Lines

# The parsers and what finds a record's line are imported where they are used, not here: the
# explorer's cache hit (chiptui.core.cache) reads the file's bytes and needs none of them.

_JSON_START = re.compile(r"\s*\{")  # matched in place: no copy of a large file
_TOML_AT_RE = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$")


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key is given twice (json.loads would keep only the last)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        raise _DuplicateKey()
    return document


def _too_long_number(text: str, shown: str) -> DataError:
    """A number too long for Python to read (over 4,300 digits): no figure could hold it."""
    from chiptui.core.locate import long_number

    found = long_number(text)
    line, key = found if found else (None, None)
    message = "a number of more than 4,300 digits; no figure can hold it (the largest is about 1.8e308)"
    return DataError([Problem(shown, message, line, field=key)])


def document(text: str, shown: str, take: Gathering | None = None) -> tuple[dict[str, Any], Callable[[], Lines]]:
    """The parsed document and where its records are; a JSON file is one that starts with `{`.
    TOML is read by rtoml where `fasttoml` is sure it gives tomllib's document (`take` gathering
    records as it is read), else by tomllib, whose errors (with line and column) are the messages."""
    from chiptui.core import fasttoml
    from chiptui.core.locate import json_duplicate

    if _JSON_START.match(text):
        import json  # only for a JSON file

        try:
            document = json.loads(text, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as error:
            message = f"JSON syntax error at column {error.colno}: {error.msg}"
            raise DataError([Problem(shown, message, error.lineno)]) from None
        except _DuplicateKey:
            key, line = json_duplicate(text) or ("?", None)
            message = f'the key "{key}" is given twice in one object; JSON keys must be unique'
            raise DataError([Problem(shown, message, line, field=key)]) from None
        except RecursionError:
            raise DataError([Problem(shown, "JSON nested too deeply")]) from None
        except ValueError:  # the digits limit of int()
            raise _too_long_number(text, shown) from None
        if not isinstance(document, dict):
            raise DataError([Problem(shown, "expected a JSON object at the top")])
        return document, lines_of(text)
    fast = fasttoml.read(text, fasttoml.PIECE, take)  # None: tomllib decides
    if fast is not None:
        return fast, lines_of(text)
    if take is not None:
        take.discard()
    import tomllib

    try:
        return tomllib.loads(text), lines_of(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_AT_RE.match(str(error))
        if match:
            message = f"TOML syntax error at column {match[3]}: {match[1]}"
            raise DataError([Problem(shown, message, int(match[2]))]) from None
        raise DataError([Problem(shown, f"TOML syntax error: {error}")]) from None
    except RecursionError:
        raise DataError([Problem(shown, "TOML nested too deeply")]) from None
    except ValueError:  # the digits limit of int()
        raise _too_long_number(text, shown) from None


def lines_of(text: str) -> Callable[[], Lines]:
    """What finds the records' lines in `text` (JSON or TOML), for a document parsed from it."""
    from chiptui.core.locate import json_lines, toml_lines

    return (lambda: json_lines(text)) if _JSON_START.match(text) else (lambda: toml_lines(text))
