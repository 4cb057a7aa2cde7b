"""`chiptui export`: markdown to read, json that loads back, csv with its sources; -o writes whole."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chiptui import cli
from chiptui.cli import bundled_timeline
from chiptui.core.export import export
from chiptui.core.loader import load, parse
from chiptui.core.settings import settings
from tests.conftest import DATA

BUNDLED = load(bundled_timeline())
HOSTILE = load(DATA / "hostile.toml")


def test_json_loads_back_as_the_same_timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for timeline in (BUNDLED, load(DATA / "small.toml"), HOSTILE):
        text = export(timeline, "json")
        assert parse(text, "exported.json") == timeline
    out = tmp_path / "timeline.json"
    assert cli.main(["export", "--format", "json", "-o", str(out)]) == 0
    assert cli.main(["check", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: OK: ")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["schema"] == 1 and len(document["event"]) == len(BUNDLED.events)
    assert document["event"][0]["date"] == "1958-09-12"


def test_a_broken_json_file_names_record_field_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(export(load(DATA / "small.toml"), "json"))
    document["event"][2]["date"] = "1978-13"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"id": "ev-1978"' in text) - 1
    assert f"{path}:{line}: event \"ev-1978\": field 'date'" in err


def test_markdown_reads_by_era_with_numbered_citations() -> None:
    text = export(BUNDLED, "markdown")
    assert text.startswith("# The chip industry, 1958–2019\n")
    assert "## 1958–1965: China: the first ICs" in text
    assert "### 12 Sep 1958: Kilby demonstrates the first integrated circuit" in text
    assert "### 2018: China's IC imports pass US$300 bn" in text
    assert text.index("## 1958–1965") < text.index("### 12 Sep 1958") < text.index("## 2014–2019")
    sources = text[text.index("## Sources") :]
    assert "1. *Dialogue between Wei Shaojun and Zhao Weiguo" in sources
    assert "<https://www.firstxw.com/view/238373.html>" in sources
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text[: text.index("## Sources")])}
    listed = sources.count("\n") - 2
    assert cited == set(range(1, len(cited) + 1)) and len(cited) <= listed
    assert "> **Wei Shaojun (魏少军)**, reported, paraphrase, 12 Sep 2019: ≈ " in text
    assert "*The article said:*" in text and "*Correction:*" in text


def test_markdown_keeps_hostile_text_as_text() -> None:
    text = export(HOSTILE, "markdown")
    assert "\\[@click=app.quit\\]x\\[/\\] quits?" in text
    assert "\x1b" not in text and "\x07" not in text
    assert "[link=" not in text.replace("\\[link=", "")


def test_csv_has_a_row_per_event_with_its_sources() -> None:
    rows = list(csv.DictReader(io.StringIO(export(BUNDLED, "csv"))))
    assert len(rows) == len(BUNDLED.events)
    first = rows[0]
    assert first["id"] == "kilby-first-ic" or first["date"] == "1958-09-12"
    event = BUNDLED.events[0]
    assert first["sources"] == "; ".join(event.sources)
    assert first["source_urls"].split(" | ")[0] == BUNDLED.sources[event.sources[0]].url
    hostile = list(csv.DictReader(io.StringIO(export(load(DATA / "hostile.toml"), "csv"))))
    assert all("\x1b" not in value for row in hostile for value in row.values())


def test_csv_defuses_spreadsheet_formulas(tmp_path: Path) -> None:
    text = (DATA / "small.toml").read_text(encoding="utf-8").replace('title = "First event"', 'title = "=1+1"')
    rows = list(csv.DictReader(io.StringIO(export(parse(text, "t.toml"), "csv"))))
    assert rows[0]["title"] == "'=1+1"


def test_export_writes_stdout_by_default() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chiptui", "export", "--data", str(DATA / "small.toml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Small test timeline\n")


def test_export_to_a_file_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.md"
    out.write_text("the old file\n", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("chiptui.cli.os.fsync", fail)
    assert cli.main(["export", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "the old file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left behind
    monkeypatch.undo()
    assert cli.main(["export", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("id,date,end,")


def test_export_to_a_folder_or_nowhere_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert cli.main(["export", "-o", str(tmp_path / "no" / "such" / "x.md")]) == 2
    assert "folder does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit:
        cli.main(["export", "--format", "pdf"])
    assert exit.value.code == 2


def test_export_of_a_bad_file_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n[[event]]\nid = 'x'\n", encoding="utf-8")
    out = tmp_path / "out.md"
    assert cli.main(["export", "--data", str(bad), "-o", str(out)]) == 2
    assert not out.exists()
    assert "bad.toml" in capsys.readouterr().err


def test_check_warns_about_what_nothing_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (DATA / "small.toml").read_text(encoding="utf-8")
    text += '\n[[source]]\nid = "unused"\ntitle = "Nobody cites me"\n\n[[era]]\nid = "empty"\ntitle = "Empty"\n'
    text += "start = 1900\nend = 1910\n"
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: OK: 3 sources, 2 speakers, 3 eras, 7 events, 3 figures, 3 quotes; 1958–2019\n")
    assert f'{path}: warning: source "unused" is not cited by any event, figure or quote' in out
    assert f'{path}: warning: era "empty" (1900–1910) has no events' in out


def test_debug_shows_the_traceback_of_an_internal_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "load", broken)
    monkeypatch.delenv("CHIPTUI_DEBUG", raising=False)
    settings.cache_clear()
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "check"])


def test_the_examples_and_the_documented_example_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[2]
    examples = sorted((root / "examples").glob("*.toml"))
    assert examples
    for path in examples:
        assert cli.main(["check", str(path)]) == 0
        out = capsys.readouterr().out
        assert "warning" not in out, out
        assert parse(export(load(path), "json"), "x.json") == load(path)
    page = (root / "docs" / "data-format.md").read_text(encoding="utf-8")
    block = page.split("<!-- complete example -->\n```toml\n", 1)[1].split("```", 1)[0]
    timeline = parse(block, "docs/data-format.md")
    assert {len(timeline.events), len(timeline.figures), len(timeline.quotes)} == {2, 1}
