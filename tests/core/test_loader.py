"""The loader: one test (at least) per check of the data format, each naming record and field."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from chiptui.core.loader import DataError, Problem, load
from tests.conftest import VALID

Write = Callable[..., Path]


def problems(path: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load(path)
    return list(caught.value.problems)


def only(path: Path) -> Problem:
    found = problems(path)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_the_valid_file_loads(write: Write) -> None:
    timeline = load(write(VALID))
    assert [e.id for e in timeline.events] == ["first-ic", "imports-2018"]
    assert timeline.tour == ("first-ic", "imports-2018")
    assert timeline.speakers["wei"].name_zh == "魏少军"


def test_toml_syntax_error_gives_line_and_column(write: Write) -> None:
    problem = only(write(VALID.replace('title = "The first IC"', 'title = "The first IC')))
    assert problem.line == 25
    assert "TOML syntax error at column" in problem.message
    assert str(problem).startswith(f"{problem.file}:25: ")


def line_of(text: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line of VALID that starts with `text`."""
    found = [n for n, line in enumerate(VALID.splitlines(), 1) if line.startswith(text)]
    return found[occurrence - 1]


FIRST_EVENT = VALID.split("[[event]]")[1]


@pytest.mark.parametrize("field", ["id", "date", "title", "text", "sources"])
def test_missing_required_event_field(write: Write, field: str) -> None:
    line = next(line for line in FIRST_EVENT.splitlines() if line.startswith(f"{field} ="))
    text = VALID.replace(FIRST_EVENT, FIRST_EVENT.replace(line + "\n", ""))
    if field == "id":
        text = text.replace('tour = ["first-ic", ', "tour = [")
    problem = only(write(text))
    assert problem.field == field
    assert "missing" in problem.message
    assert problem.record == ("event #1" if field == "id" else 'event "first-ic"')
    assert problem.line == line_of("[[event]]")


def test_empty_required_field(write: Write) -> None:
    problem = only(write(VALID.replace('title = "The first IC"', 'title = "  "')))
    assert (problem.record, problem.field) == ('event "first-ic"', "title")
    assert "empty" in problem.message


def test_empty_sources_list(write: Write) -> None:
    text = VALID.replace(
        'title = "The first IC"\ntext = "A chip."\nsources = ["article"]',
        'title = "The first IC"\ntext = "A chip."\nsources = []',
    )
    problem = only(write(text))
    assert (problem.record, problem.field) == ('event "first-ic"', "sources")
    assert problem.message == "is empty; expected at least one source id"


def test_wrong_type(write: Write) -> None:
    problem = only(write(VALID.replace("value = 312.06", 'value = "312"')))
    assert (problem.record, problem.field) == ('figure "imports-2018-usd"', "value")
    assert "expected a number, got a string" in problem.message


def test_boolean_is_not_a_number(write: Write) -> None:
    problem = only(write(VALID.replace("value = 312.06", "value = true")))
    assert problem.field == "value"
    assert "boolean" in problem.message


def test_unknown_key_suggests_the_close_one(write: Write) -> None:
    problem = only(write(VALID.replace('text = "A chip."', 'text = "A chip."\ntitel = "x"')))
    assert (problem.record, problem.field) == ('event "first-ic"', "titel")
    assert problem.message == 'unknown key; did you mean "title"?'


def test_unknown_key_far_from_any_lists_the_known_ones(write: Write) -> None:
    problem = only(write(VALID.replace('text = "A chip."', 'text = "A chip."\ncolour = "x"')))
    assert (problem.record, problem.field) == ('event "first-ic"', "colour")
    assert problem.message.startswith("unknown key; expected one of: id, date, end, circa, title, text")


def test_unknown_top_level_key(write: Write) -> None:
    problem = only(write(VALID.replace("[[era]]", "[[eras]]")))
    assert 'unknown key "eras"' in problem.message
    assert 'did you mean "era"?' in problem.message
    assert problem.line == line_of("[[era]]")


def test_bad_id(write: Write) -> None:
    problem = only(
        write(VALID.replace('id = "first-ic"', 'id = "First IC"').replace('tour = ["first-ic", ', "tour = ["))
    )
    assert (problem.record, problem.field) == ("event #1", "id")
    assert "not a valid id" in problem.message


def test_duplicate_id_across_tables(write: Write) -> None:
    problem = only(write(VALID.replace('id = "early"', 'id = "wei"')))
    assert (problem.record, problem.field) == ('era "wei"', "id")
    assert f'duplicate id "wei": already used by speaker "wei" (line {line_of("[[speaker]]")})' in problem.message


@pytest.mark.parametrize(
    ("old", "new", "record", "field"),
    [
        ('sources = ["article"]\n\n[[event]]', 'sources = ["articel"]\n\n[[event]]', 'event "first-ic"', "sources"),
        ('speaker = "wei"', 'speaker = "zhao"', 'quote "wei-imports"', "speaker"),
        ('events = ["imports-2018"]', 'events = ["imports-2019"]', 'quote "wei-imports"', "events"),
        ('tour = ["first-ic", "imports-2018"]', 'tour = ["first-ic", "nope"]', None, "tour"),
    ],
)
def test_reference_to_a_missing_id(write: Write, old: str, new: str, record: str | None, field: str) -> None:
    assert old in VALID
    problem = only(write(VALID.replace(old, new, 1)))
    assert (problem.record, problem.field) == (record, field)
    assert "no " in problem.message and "has the id" in problem.message


def test_reference_suggests_the_close_id(write: Write) -> None:
    problem = only(write(VALID.replace('sources = ["article"]\n\n[[event]]', 'sources = ["articel"]\n\n[[event]]', 1)))
    assert 'did you mean "article"?' in problem.message


@pytest.mark.parametrize("bad", ["2013-02-30", "2013-13", "13-07-2013", "2013/07/12", "0999"])
def test_date_that_is_not_a_real_date(write: Write, bad: str) -> None:
    problem = only(write(VALID.replace('date = "1958-09-12"', f'date = "{bad}"')))
    assert (problem.record, problem.field) == ('event "first-ic"', "date")
    assert f'"{bad}" is not a real date' in problem.message


def test_end_before_date(write: Write) -> None:
    problem = only(write(VALID.replace('date = "1958-09-12"', 'date = "1958-09-12"\nend = "1957-12-31"')))
    assert (problem.record, problem.field) == ('event "first-ic"', "end")
    assert "before the date" in problem.message


def test_end_at_coarser_precision_in_the_same_month_is_fine(write: Write) -> None:
    timeline = load(write(VALID.replace('date = "1958-09-12"', 'date = "1958-09-12"\nend = "1958-09"')))
    assert timeline.events[0].when() == "12 Sep 1958 – Sep 1958"


def test_era_end_before_start(write: Write) -> None:
    problem = only(write(VALID.replace("end = 1999", "end = 1950")))
    assert (problem.record, problem.field) == ('era "early"', "end")
    assert "before the start" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("year = 2018", "year = 999", "year"),
        ("start = 1958", "start = 10000", "start"),
        ("years = [2018]", "years = [2018, 20180]", "years"),
    ],
)
def test_year_outside_range(write: Write, old: str, new: str, field: str) -> None:
    problem = only(write(VALID.replace(old, new)))
    assert problem.field == field
    assert "outside 1000-9999" in problem.message


def test_series_with_mixed_units(write: Write) -> None:
    second = VALID.split("[[figure]]")[1].split("[[quote]]")[0]
    extra = second.replace("imports-2018-usd", "imports-2017").replace("2018", "2017").replace("USD bn", "CNY bn")
    problem = only(write(VALID.replace("[[quote]]", f"[[figure]]{extra}[[quote]]")))
    assert (problem.record, problem.field) == ('figure "imports-2017"', "unit")
    assert 'differs from "USD bn"' in problem.message and 'series "imports"' in problem.message


def test_quote_kind_must_be_direct_or_paraphrase(write: Write) -> None:
    problem = only(write(VALID.replace('kind = "paraphrase"', 'kind = "quote"')))
    assert (problem.record, problem.field) == ('quote "wei-imports"', "kind")


def test_newer_schema(write: Write) -> None:
    problem = only(write(VALID.replace("schema = 1", "schema = 2")))
    assert "schema 2 is newer" in problem.message
    assert problem.line == 1


def test_missing_schema(write: Write) -> None:
    assert "missing 'schema'" in only(write(VALID.replace("schema = 1\n", ""))).message


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.replace("Early years", "Fr\x00he").encode().replace(b"\x00", "ü".encode("latin-1")))
    problem = only(path)
    assert "not UTF-8" in problem.message
    assert problem.line == line_of('title = "Early years"')


def test_file_not_there(tmp_path: Path) -> None:
    assert only(tmp_path / "nope.toml").message == "no such file"


def test_folder(tmp_path: Path) -> None:
    assert "is a folder" in only(tmp_path).message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(write: Write) -> None:
    path = write(VALID)
    path.chmod(0)
    assert "cannot be read" in only(path).message


def test_all_errors_are_reported_at_once(write: Write) -> None:
    text = (
        VALID.replace('date = "1958-09-12"', 'date = "1958-02-30"')
        .replace("value = 312.06", "value = []")
        .replace('speaker = "wei"', 'speaker = "zhao"')
    )
    found = problems(write(text))
    assert {(p.record, p.field) for p in found} == {
        ('event "first-ic"', "date"),
        ('figure "imports-2018-usd"', "value"),
        ('quote "wei-imports"', "speaker"),
    }
    assert [p.line for p in found] == sorted(p.line or 0 for p in found)


def test_control_characters_are_stripped(write: Write) -> None:
    text = VALID.replace('title = "The first IC"', 'title = "The \\u001b[31mfirst\\u0007 IC\\u202e"').replace(
        'text = "A chip."', 'text = "A\\tchip.\\r\\nNext line."'
    )
    event = load(write(text)).events[0]
    assert event.title == "The [31mfirst IC"
    assert event.text == "A chip.\nNext line."


def test_markup_like_text_is_kept_as_text(write: Write) -> None:
    event = load(write(VALID.replace("The first IC", "[@click=app.quit]x[/]"))).events[0]
    assert event.title == "[@click=app.quit]x[/]"


COMPARISON = """
[[figure]]
id = "world-2018"
label = "World"
year = 2018
value = 468.8
unit = "USD bn"
sources = ["article"]

[[comparison]]
id = "imports-vs-world"
title = "Imports beside world sales"
figures = ["imports-2018-usd", "world-2018"]
whole = "world-2018"
"""


def test_a_comparison_loads_and_belongs_to_its_figures_year(write: Write) -> None:
    timeline = load(write(VALID + COMPARISON))
    (comparison,) = timeline.comparisons
    assert comparison.figures == ("imports-2018-usd", "world-2018") and comparison.whole == "world-2018"
    assert timeline.comparisons_for_year(2018) == (comparison,)
    assert timeline.comparisons_for_year(2017) == ()


@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
    [
        (
            'figures = ["imports-2018-usd", "world-2018"]',
            'figures = ["imports-2018-usd", "wrld-2018"]',
            "figures",
            "no figure",
        ),
        (
            'figures = ["imports-2018-usd", "world-2018"]',
            'figures = ["imports-2018-usd", "first-ic"]',
            "figures",
            "no figure",
        ),
        ('figures = ["imports-2018-usd", "world-2018"]', 'figures = ["world-2018"]', "figures", "one figure"),
        ('whole = "world-2018"', 'whole = "nothing"', "whole", "no figure"),
        (
            'unit = "USD bn"\nsources = ["article"]\n\n[[comparison]]',
            'unit = "CNY bn"\nsources = ["article"]\n\n[[comparison]]',
            "figures",
            "different units",
        ),
        ('title = "Imports beside world sales"\n', "", "title", "missing"),
    ],
)
def test_a_bad_comparison_is_named(write: Write, old: str, new: str, field: str, says: str) -> None:
    text = VALID + COMPARISON
    assert old in text
    problem = only(write(text.replace(old, new)))
    assert (problem.record, problem.field) == ('comparison "imports-vs-world"', field)
    assert says in problem.message
    assert problem.line == text.replace(old, new).splitlines().index("[[comparison]]") + 1
