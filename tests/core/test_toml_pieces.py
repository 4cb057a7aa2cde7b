"""A long TOML text is read by rtoml in pieces cut before `[[name]]` lines (chiptui.core.fasttoml):
the joined document is tomllib's, and what a whole read would refuse is refused too (then tomllib
reads it whole and words the message)."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chiptui.core import fasttoml
from tests.core.test_parser_differential import SETTINGS, broken, documents, same


@SETTINGS
@given(documents(plain=True), st.integers(1, 200))
def test_pieces_of_a_plain_text_join_into_tomllib_s_document(text: str, piece: int) -> None:
    fast = fasttoml.read(text, piece=piece)
    if fast is None:  # only a table after a header under it is left to tomllib (rtoml orders it otherwise)
        assert fasttoml.table_after_its_own(text)
        return
    assert same(fast, tomllib.loads(text))


def test_a_table_after_its_own_sub_table_is_left_to_tomllib() -> None:
    """rtoml puts `source` after `event` here, tomllib before it (hypothesis found it)."""
    text = "title = 1\n[source.more]\nid = 0\n[[event]]\nid = 0\n[source]\nid = 0\n"
    assert fasttoml.read(text) is None and fasttoml.read(text, piece=1) is None
    assert not fasttoml.table_after_its_own("[[event]]\nid = 1\n[event.sub]\na = 1\n[[event]]\nid = 2\n")


@SETTINGS
@given(broken(), st.integers(1, 200))
def test_pieces_of_a_broken_text_are_refused(text: str, piece: int) -> None:
    with pytest.raises((tomllib.TOMLDecodeError, ValueError)):
        tomllib.loads(text)
    assert fasttoml.read(text, piece=piece) is None


@st.composite
def interleaved(draw: st.DrawFn) -> str:
    """Arrays of tables given in turns (`[[event]]`, `[[source]]`, `[[event]]` again), sub-tables
    of their records, and at times what joins wrongly: a plain value or table of an array's name."""
    lines = [f"title = {draw(st.sampled_from(['1', '[1, 2]', '[[1], [2]]']))}"]
    for _ in range(draw(st.integers(1, 12))):
        name = draw(st.sampled_from(["event", "source", "title", "era"]))
        kind = draw(st.sampled_from(["array", "array", "array", "table", "sub"]))
        header = {"array": f"[[{name}]]", "table": f"[{name}]", "sub": f"[{name}.more]"}[kind]
        lines += [header, f"id = {draw(st.integers(0, 3))}"]
    return "\n".join(lines) + "\n"


@SETTINGS
@given(interleaved(), st.integers(1, 60))
def test_arrays_given_in_turns_join_as_a_whole_read_does(text: str, piece: int) -> None:
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fasttoml.read(text, piece=piece) is None
    else:
        fast = fasttoml.read(text, piece=piece)
        assert fast is not None or fasttoml.table_after_its_own(text)  # that one is tomllib's to read
        assert fast is None or same(fast, expected)


def test_a_static_array_is_not_continued_by_a_later_piece() -> None:
    text = 'tour = ["a"]\n[[event]]\nid = 1\n[[tour]]\nid = 2\n'
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(text)
    assert fasttoml.read(text, piece=1) is None


def test_a_long_timeline_in_pieces_is_tomllib_s() -> None:
    records = [f'[[event]]\nid = "e{n}"\ntags = ["a", "b"]\n[[source]]\nid = "s{n}"\n' for n in range(2_000)]
    text = 'schema = 1\ntitle = "t"\n' + "".join(records)
    assert same(fasttoml.read(text, piece=5_000), tomllib.loads(text))


def test_the_quick_scan_for_dotted_headers_misses_none() -> None:
    """Without a dotted header there is nothing to look for; with one anywhere (the first line,
    indented, an array's, after CRLF) the whole scan decides."""
    for text in (
        "[a.b]\nx = 1\n[a]\n",
        "  [a.b]\n[a]\n",
        "x = 1\n\t[ a . b ]\n[a]\n",
        "[[a.b]]\n[a]\n",
        "x = 1\r\n[a.b]\r\n[a]\r\n",
    ):
        assert fasttoml.table_after_its_own(text), text
    for text in ("[a]\n[b]\n", 'x = "[a.b]"\n[a]\n', "[a] # a.b\n[a.c]\nx = 1\n", "[[event]]\nid = 1\n"):
        assert not fasttoml.table_after_its_own(text), text
