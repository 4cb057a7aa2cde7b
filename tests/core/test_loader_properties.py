"""Whatever bytes a file holds, the loader answers with a timeline or its own DataError, soon.

Random bytes, and valid files with one value swapped for a special one: numbers past any float,
past Python's digit limit, lone surrogates, keys given twice, nesting hundreds deep, controls.
A timeline that loads holds only text that can be written out (no surrogate, no control).
"""

from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chiptui.core.export import export
from chiptui.core.loader import DataError, load_bytes, parse
from chiptui.core.model import Timeline
from tests.conftest import VALID

BOUND = 10.0  # seconds one load may take, on a busy machine
VALID_JSON = export(parse(VALID, "valid.toml"), "json")


def loads_or_refuses(data: bytes, shown: str = "fuzzed") -> Timeline | None:
    started = time.monotonic()
    try:
        timeline = load_bytes(data, shown)
    except DataError as error:
        assert error.problems and all(str(problem).startswith(shown) for problem in error.problems)
        "\n".join(map(str, error.problems)).encode("utf-8")  # every message can be printed
        timeline = None
    assert time.monotonic() - started < BOUND
    if timeline is not None:
        for fmt in ("markdown", "json", "csv"):
            out = export(timeline, fmt)
            out.encode("utf-8")  # no lone surrogate anywhere
            assert "\x1b" not in out and "\x9b" not in out
    return timeline


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    loads_or_refuses(data)
    loads_or_refuses(b"{" + data)  # taken for JSON


big_digits = st.integers(300, 6000).map(lambda n: "9" * n)
specials = st.one_of(
    big_digits,
    big_digits.map(lambda d: "-" + d),
    st.sampled_from(["1e999", "-1e999", "1e308", "0.0", "-0", "1.7976931348623157e308"]),
    st.sampled_from(['"\\ud800"', '"a\\udfffb"', '"\\udc9b31m"', '"\\ud83d\\ude00"', '"\\u001b[2J"', '"\\u009b"']),
    st.sampled_from(['"\\u200b"', '"\\u202e"', '"[/]"', '"[@click=app.quit]x[/]"', '""', '"\\t\\n"']),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(1, 3000).map(lambda depth: '{"a": ' * depth + "1" + "}" * depth),
    st.sampled_from(["true", "null", "[]", "{}", '{"x": 1, "x": 2}']),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), specials)
def test_a_special_json_value_anywhere(data: st.DataObject, special: str) -> None:
    document = json.loads(VALID_JSON)
    table = data.draw(st.sampled_from([t for t in document if isinstance(document[t], list)] + ["title"]))
    placeholder = "\u0000PLACEHOLDER\u0000"
    if table == "title":
        document["title"] = placeholder
    elif document[table] and isinstance(document[table][0], dict):
        record = data.draw(st.sampled_from(document[table]))
        record[data.draw(st.sampled_from(sorted(record)))] = placeholder
    else:  # a list of ids (the tour)
        document[table][data.draw(st.integers(0, len(document[table]) - 1))] = placeholder
    text = json.dumps(document).replace(json.dumps(placeholder), special, 1)
    if data.draw(st.booleans()):  # and a key given twice somewhere
        text = text.replace('"id": ', '"id": "twice", "id": ', 1)
    loads_or_refuses(text.encode("utf-8"))


toml_specials = st.one_of(
    big_digits,
    st.sampled_from(["inf", "-inf", "nan", "1e999", "0x7fffffffffffffffffff", "1979-05-27", "1979-05-27T07:32:00"]),
    st.sampled_from(['"\\u0000"', '"\\u001b]52;c;QUJD\\u0007"', '"\\u200b\\u200d"', "'''a\n\"\"\"'''", '"[/]"']),
    st.integers(1, 2000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(1, 500).map(lambda depth: "{a = " * depth + "1" + "}" * depth),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), toml_specials)
def test_a_special_toml_value_anywhere(data: st.DataObject, special: str) -> None:
    lines = VALID.splitlines()
    values = [i for i, line in enumerate(lines) if " = " in line]
    at = data.draw(st.sampled_from(values))
    key = lines[at].split(" = ")[0]
    lines[at] = f"{key} = {special}"
    if data.draw(st.booleans()):
        lines.insert(at + 1, f"{key} = {special}")  # a key given twice
    loads_or_refuses("\n".join(lines).encode("utf-8"))
