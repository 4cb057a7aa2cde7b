"""Every kind of bad timeline file, built here: `chiptui check` exits 2 and names the file, the
record and the field of each problem, with no traceback. Then random damage never escapes as
anything but the loader's own error."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chiptui import cli
from chiptui.core.loader import DataError, parse
from tests.conftest import VALID

FIGURE = VALID[VALID.index("[[figure]]") : VALID.index("[[quote]]")]
QUOTE = VALID[VALID.index("[[quote]]") :]
EVENT = VALID[VALID.index("[[event]]") : VALID.index("[[event]]", VALID.index("[[event]]") + 1)]


def swap(old: str, new: str, count: int = 1) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, count)


# (name, file text, record named, field named, words the message has)
CASES: list[tuple[str, str, str | None, str | None, str]] = [
    ("toml syntax", swap('title = "The first IC"', 'title = "The first IC'), None, None, "TOML syntax error at column"),
    ("missing title", swap('title = "The first IC"\n', ""), 'event "first-ic"', "title", "missing"),
    ("missing text", swap('text = "A chip."\n', ""), 'event "first-ic"', "text", "missing"),
    ("missing date", swap('date = "1958-09-12"\n', ""), 'event "first-ic"', "date", "missing"),
    ("missing sources", swap('sources = ["article"]\n', ""), 'event "first-ic"', "sources", "missing"),
    ("empty title", swap('title = "The first IC"', 'title = ""'), 'event "first-ic"', "title", "empty"),
    ("empty sources", swap('sources = ["article"]', "sources = []"), 'event "first-ic"', "sources", "empty"),
    ("title a number", swap('title = "The first IC"', "title = 5"), 'event "first-ic"', "title", "string"),
    ("text a list", swap('text = "A chip."', 'text = ["A chip."]'), 'event "first-ic"', "text", "string"),
    ("unknown key", swap('text = "A chip."', 'text = "A chip."\ntitel = "x"'), 'event "first-ic"', "titel", "title"),
    ("unknown table", VALID + '\n[[evnt]]\nid = "x"\n', None, None, 'did you mean "event"'),
    ("bad id", swap('id = "first-ic"', 'id = "First IC"'), "event #1", "id", "not a valid id"),
    ("duplicate id", swap('id = "imports-2018"', 'id = "first-ic"'), 'event "first-ic"', "id", "duplicate id"),
    ("unknown source", swap('sources = ["article"]', 'sources = ["artcle"]'), 'event "first-ic"', "sources", "artcle"),
    ("unknown speaker", swap('speaker = "wei"', 'speaker = "zhao"'), 'quote "wei-imports"', "speaker", "zhao"),
    (
        "unknown event",
        swap('events = ["imports-2018"]', 'events = ["imports-2019"]'),
        'quote "wei-imports"',
        "events",
        "imports-2019",
    ),
    (
        "unknown tour id",
        swap('tour = ["first-ic", "imports-2018"]', 'tour = ["first-ic", "nope"]'),
        None,
        "tour",
        "nope",
    ),
    ("month 13", swap('date = "1958-09-12"', 'date = "1958-13-12"'), 'event "first-ic"', "date", "not a real date"),
    ("30 February", swap('date = "1958-09-12"', 'date = "1958-02-30"'), 'event "first-ic"', "date", "not a real date"),
    ("date not a string", swap('date = "1958-09-12"', "date = 1958-09-12"), 'event "first-ic"', "date", "date string"),
    (
        "end before date",
        swap('date = "1958-09-12"', 'date = "1958-09-12"\nend = "1958-01-01"'),
        'event "first-ic"',
        "end",
        "before",
    ),
    ("era end before start", swap("end = 1999", "end = 1950"), 'era "early"', "end", "before the start"),
    ("year too small", swap("start = 1958", "start = 958"), 'era "early"', "start", "outside 1000-9999"),
    ("year too large", swap("year = 2018", "year = 20180"), 'figure "imports-2018-usd"', "year", "outside 1000-9999"),
    ("value nan", swap("value = 312.06", "value = nan"), 'figure "imports-2018-usd"', "value", "finite"),
    ("value 1e400", swap("value = 312.06", "value = 1e400"), 'figure "imports-2018-usd"', "value", "1.8e308"),
    ("value a string", swap("value = 312.06", 'value = "312"'), 'figure "imports-2018-usd"', "value", "number"),
    ("value a boolean", swap("value = 312.06", "value = true"), 'figure "imports-2018-usd"', "value", "boolean"),
    (
        "mixed units",
        VALID
        + FIGURE.replace('"imports-2018-usd"', '"imports-2019-usd"')
        .replace("year = 2018", "year = 2019")
        .replace('"USD bn"', '"CNY bn"'),
        'figure "imports-2019-usd"',
        "unit",
        "one unit per series",
    ),
    ("quote kind", swap('kind = "paraphrase"', 'kind = "indirect"'), 'quote "wei-imports"', "kind", "direct"),
    (
        "circa not a boolean",
        swap('text = "A chip."', 'text = "A chip."\ncirca = "yes"'),
        'event "first-ic"',
        "circa",
        "true or false",
    ),
    (
        "tags not a list",
        swap('text = "A chip."', 'text = "A chip."\ntags = "memory"'),
        'event "first-ic"',
        "tags",
        "list",
    ),
    ("newer schema", swap("schema = 1", "schema = 99"), None, None, "newer than this chiptui"),
    ("no schema", swap("schema = 1\n", ""), None, None, "missing 'schema'"),
    (
        "event not a table",
        swap('[[event]]\nid = "first-ic"', 'event = 5\n[[era2]]\nid = "first-ic"'),
        None,
        None,
        "unknown key",
    ),
]


@pytest.mark.parametrize(("name", "text", "record", "field", "says"), CASES, ids=[case[0] for case in CASES])
def test_a_bad_file_is_named_precisely(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    record: str | None,
    field: str | None,
    says: str,
) -> None:
    path = tmp_path / f"{name.replace(' ', '-')}.toml"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if says in line]
    assert lines, err
    assert all(line.startswith(f"{path}:") or line.startswith(str(path)) for line in lines), err
    if record:
        assert any(record in line for line in lines), err
    if field:
        assert any(f"field '{field}'" in line for line in lines), err


def test_there_are_at_least_thirty_distinct_cases() -> None:
    assert len(CASES) >= 30
    assert len({text for _, text, *_ in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("binary.toml", bytes(range(256)), "not UTF-8"),
        ("latin1.toml", "title = 'caf\xe9'".encode("latin-1"), "not UTF-8"),
        ("nul.toml", b"schema = 1\x00\n", "TOML syntax error"),
        ("empty.toml", b"", "missing 'schema'"),
        ("broken.json", b'{"schema": 1, "title": ', "JSON syntax error"),
        ("list.json", b"[1, 2]", "TOML syntax error"),
    ],
)
def test_files_that_are_not_timelines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert says in err and str(path) in err and "Traceback" not in err


def test_a_missing_file_and_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(tmp_path / "nothing.toml")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert cli.main(["check", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_control_characters_in_a_key_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "escape.toml"
    path.write_text(
        swap('text = "A chip."', 'text = "A chip."\n"\\u001b]0;owned\\u0007\\u001b[2J" = 1'), encoding="utf-8"
    )
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "unknown key" in err and "\x1b" not in err and "\x07" not in err


def damage(text: str, data: st.DataObject) -> str:
    """One random change: drop, repeat or swap a line, or cut, insert or replace characters."""
    lines = text.splitlines(keepends=True)
    kind = data.draw(st.sampled_from(["drop", "repeat", "swap", "cut", "insert", "replace"]))
    at = data.draw(st.integers(0, len(lines) - 1))
    if kind == "drop":
        del lines[at]
    elif kind == "repeat":
        lines.insert(at, lines[at])
    elif kind == "swap":
        other = data.draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    else:
        line = lines[at]
        spot = data.draw(st.integers(0, len(line)))
        junk = data.draw(st.text(alphabet=string.printable + "é魏\x00\x1b", max_size=4))
        if kind == "cut":
            line = line[:spot] + line[spot + data.draw(st.integers(1, 5)) :]
        elif kind == "insert":
            line = line[:spot] + junk + line[spot:]
        else:
            line = line[:spot] + junk + line[spot + len(junk) :]
        lines[at] = line
    return "".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_damage_gives_the_loaders_error_or_a_timeline(data: st.DataObject) -> None:
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        text = damage(text, data)
    try:
        parse(text, "damaged.toml")
    except DataError as error:
        assert error.problems and all(str(p).startswith("damaged.toml") for p in error.problems)


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from([*list("ab"), "id", "date", "title", "sources", "event", "schema"]), children, max_size=3
        )
    ),
    max_leaves=12,
)
documents = st.dictionaries(
    st.sampled_from(
        ["schema", "title", "tour", "source", "speaker", "era", "event", "figure", "quote", "comparison", "x"]
    ),
    toml_values,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_random_documents_give_the_loaders_error_or_a_timeline(document: dict[str, object]) -> None:
    import json

    for text in (json.dumps(document, default=str), _toml(document)):
        if text is None:
            continue
        try:
            parse(text, "random")
        except DataError as error:
            assert error.problems


def _toml(document: dict[str, object]) -> str | None:
    """The document as TOML where it can be written (tables of tables and nulls cannot, simply)."""

    def value(v: object) -> str | None:
        if v is None or isinstance(v, dict):
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return "nan" if v != v else ("inf" if v == float("inf") else "-inf" if v == float("-inf") else repr(v))
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str):
            return '"' + v.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
        if isinstance(v, list):
            items = [value(item) for item in v]
            return None if any(item is None for item in items) else "[" + ", ".join(items) + "]"  # type: ignore[arg-type]
        return None

    lines = []
    for key, v in document.items():
        written = value(v)
        if written is None:
            return None
        lines.append(f"{key} = {written}")
    text = "\n".join(lines)
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return text
