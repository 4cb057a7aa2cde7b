"""Anyone's file is safe to open: special files, huge numbers, bad Unicode, duplicate keys, odd
TOML and hostile file names each get one clear problem and exit 2, never a hang or a traceback.
(The cases an attacker found, each written so that it failed before its fix.)"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from chiptui import cli
from chiptui.core.loader import DataError, load
from chiptui.core.model import Timeline
from chiptui.core.state import State, load_state, save_state
from tests.conftest import VALID

FIGURE = VALID.split("[[figure]]")[0] + "[[figure]]\nid = 'f'\nlabel = 'L'\nyear = 2018\nunit = 'u'\n"
FIGURE += "sources = ['article']\n"


def checked(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run the command line with a bound on its time; its exit code and what it said on stderr."""
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(cli.main(list(argv))), daemon=True)
    thread.start()
    thread.join(20)
    assert result, f"chiptui {' '.join(argv)} did not finish in 20 s"
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return result[0], err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_by_name_not_read(capsys: pytest.CaptureFixture[str], device: str) -> None:
    code, err = checked(capsys, "check", device)
    assert code == 2 and "not a regular file" in err and "character device" in err
    code, err = checked(capsys, "--data", device, "export")
    assert code == 2 and "not a regular file" in err


def test_a_fifo_or_a_link_to_a_device_never_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # nothing will ever write to it
    code, err = checked(capsys, "check", str(fifo))
    assert code == 2 and "named pipe" in err
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    code, err = checked(capsys, "check", str(link))
    assert code == 2 and "not a regular file" in err


def test_a_file_over_the_limit_is_refused_saying_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from chiptui.core import loader

    monkeypatch.setattr(loader, "MAX_BYTES", 1000)
    path = tmp_path / "big.toml"
    path.write_text(VALID + "#" * 2000, encoding="utf-8")
    code, err = checked(capsys, "check", str(path))
    assert code == 2 and "more than the 1,000 bytes chiptui reads" in err


def test_a_fifo_or_a_device_as_the_state_or_cache_file_does_not_hang_the_start(tmp_path: Path) -> None:
    from chiptui.core.cache import cache_file, load_cached
    from chiptui.core.state import state_file

    data = tmp_path / "timeline.toml"
    data.write_text(VALID, encoding="utf-8")
    for planted in (state_file(data), cache_file(data)):
        planted.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(planted)
    started = time.monotonic()
    state, notice = load_state(data)
    assert state == State() and notice is not None  # set aside, not read for ever
    assert load_cached(data, "timeline.toml") == load(data)  # a miss: the cache is replaced
    assert time.monotonic() - started < 10


def write_valid(folder: Path) -> Path:
    path = folder / "valid.toml"
    path.write_text(VALID, encoding="utf-8")
    return path


def export_json(timeline: Timeline) -> str:
    from chiptui.core.export import to_json

    return to_json(timeline)


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_number_no_figure_can_hold_is_a_problem_with_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], digits: int
) -> None:
    huge = "1" + "0" * digits
    toml = tmp_path / "huge.toml"
    toml.write_text(FIGURE + f"value = {huge}\n", encoding="utf-8")
    code, err = checked(capsys, "check", str(toml))
    assert code == 2 and "field 'value'" in err and "1.8e308" in err
    code, err = checked(capsys, "serve", "--data", str(toml), "--port", "0")  # refused before serving
    assert code == 2 and "field 'value'" in err
    document = export_json(load(write_valid(tmp_path)))
    path = tmp_path / "huge.json"
    path.write_text(document.replace("312.06", huge), encoding="utf-8")
    code, err = checked(capsys, "check", str(path))
    assert code == 2 and "field 'value'" in err and "1.8e308" in err


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc9b31m", "x\\udfff"])
def test_lone_surrogates_are_refused_at_load(tmp_path: Path, capsys: pytest.CaptureFixture[str], escape: str) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text('{"schema": 1, "title": "a ' + escape + ' b"}', encoding="utf-8")
    code, err = checked(capsys, "check", str(path))
    assert code == 2 and "lone surrogate" in err and "field 'title'" in err


def test_a_json_key_given_twice_is_refused_with_its_key_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top = tmp_path / "top.json"
    top.write_text('{"schema": 1,\n "event": [],\n "event": []}', encoding="utf-8")
    code, err = checked(capsys, "check", str(top))
    assert code == 2 and f"{top}:3" in err and '"event" is given twice' in err
    record = tmp_path / "record.json"
    record.write_text('{"schema": 1, "source": [{"id": "a",\n "title": "x",\n "t\\u0069tle": "y"}]}', encoding="utf-8")
    code, err = checked(capsys, "check", str(record))
    assert code == 2 and f"{record}:3" in err and '"title" is given twice' in err


def test_an_empty_data_name_is_refused_not_taken_for_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = checked(capsys, "--data", "", "check")
    assert code == 2 and "--data: is empty" in err
    code, err = checked(capsys, "check", "")
    assert code == 2 and "is empty" in err
    code, err = checked(capsys, "export", "-o", "")
    assert code == 2 and "-o: is empty" in err


def test_a_quoted_table_header_names_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "quoted.toml"
    path.write_text('schema = 1\n\n[["event"]]\nid = "a"\n', encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(path)
    assert {problem.line for problem in error.value.problems} == {3}


@pytest.mark.parametrize("tricky", ['\'"""\'', '"\\"\\"\\""', "'''a\"\"\"b'''", '"""x\'\'\'y"""', '\'# """\''])
def test_strings_that_hold_triple_quotes_keep_later_lines(tmp_path: Path, tricky: str) -> None:
    path = tmp_path / "quotes.toml"
    path.write_text(f"schema = 1\ntitle = {tricky}\n\n[[event]]\nid = 'a'\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(path)
    assert {problem.line for problem in error.value.problems} == {4}


@pytest.mark.parametrize("blank", ["\u200b", "\u200b\u200d\ufeff", "\u2060 \u180e", "\u3000\u200b"])
def test_a_title_with_nothing_visible_is_refused(tmp_path: Path, blank: str) -> None:
    path = tmp_path / "blank.toml"
    path.write_text(VALID.replace('title = "The first IC"', f'title = "{blank}"'), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(path)
    assert any(p.field == "title" and ("visible" in p.message or "empty" in p.message) for p in error.value.problems)


def test_a_text_past_the_limit_is_refused_saying_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.toml"
    path.write_text(VALID.replace('text = "A chip."', f'text = "{"word " * 30_000}"'), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(path)
    assert any(p.field == "text" and "100,000" in p.message for p in error.value.problems)


def test_a_file_name_that_is_not_utf8_is_shown_and_its_place_is_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xffname.toml"))
    path.write_text(VALID, encoding="utf-8")
    assert save_state(path, State("first-ic", ("imports-2018",))) is None
    assert load_state(path) == (State("first-ic", ("imports-2018",)), None)
    broken = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xfe.toml"))
    broken.write_text("schema = ", encoding="utf-8")
    code, err = checked(capsys, "check", str(broken))
    assert code == 2 and "bad\ufffd.toml" in err
