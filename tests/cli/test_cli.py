"""The command line: summaries, every error at once, exit codes 0 / 2 / 1, never a traceback."""

from __future__ import annotations

import gc
import io
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from chiptui import __version__, cli
from chiptui.cli import progress
from chiptui.core.settings import settings
from tests.conftest import DATA, VALID

Write = Callable[..., Path]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """chiptui as a user runs it: a new process, no terminal."""
    return subprocess.run(
        [sys.executable, "-m", "chiptui", *args], capture_output=True, text=True, timeout=60, env=env, check=False
    )


def test_check_bundled_timeline_passes() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("bundled data/timeline.toml: OK: ")
    assert " events" in result.stdout


def test_check_own_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(DATA / "small.toml")]) == 0
    out = capsys.readouterr().out
    assert (
        out == f"{DATA / 'small.toml'}: OK: 2 sources, 2 speakers, 2 eras, 7 events, 3 figures, 3 quotes; 1958–2019\n"
    )


def test_check_reports_every_error_and_exits_2(write: Write) -> None:
    path = write(
        VALID.replace('date = "1958-09-12"', 'date = "1958-02-30"').replace('speaker = "wei"', 'speaker = "zhao"')
    )
    result = run("check", str(path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f'{path}:22: event "first-ic": field \'date\': "1958-02-30" is not a real date')
    assert 'quote "wei-imports": field \'speaker\': no speaker has the id "zhao"' in lines[1]
    assert lines[2] == "2 problems; nothing was loaded."
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.toml", "no such file"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: _bytes(tmp, b'schema = 1\ntitle = "\xff"\n'), "is not UTF-8"),
        (lambda tmp: _bytes(tmp, b"schema = = 1\n"), "TOML syntax error"),
    ],
)
def test_bad_files_exit_2_with_one_message(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    result = run("check", str(make(tmp_path)))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def _bytes(tmp: Path, data: bytes) -> Path:
    path = tmp / "bad.toml"
    path.write_bytes(data)
    return path


def test_explorer_reports_bad_data_before_anything_else(write: Write) -> None:
    result = run("--data", str(write(VALID.replace("schema = 1", "schema = 9"))))
    assert result.returncode == 2
    assert "schema 9 is newer" in result.stderr


def test_chiptui_data_names_the_default_file(write: Write) -> None:
    path = write(VALID)
    result = run("check", env={"CHIPTUI_DATA": str(path), "PATH": ""})
    assert result.returncode == 0
    assert result.stdout.startswith(f"{path}: OK: ")


def test_explorer_without_a_terminal_says_so() -> None:
    result = run("--year", "2018")
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
    assert "chiptui export" in result.stderr and "chiptui check" in result.stderr


@pytest.mark.parametrize("year", ["nineteen", "99", "12345"])
def test_bad_year_is_a_usage_error(year: str) -> None:
    result = run("--year", year)
    assert result.returncode == 2
    assert "--year" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"chiptui {__version__}"
    help_text = run("--help").stdout
    assert "--data FILE" in help_text and "--year YEAR" in help_text and "check" in help_text


def test_internal_fault_exits_1_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path, shown: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "load", broken)
    monkeypatch.delenv("CHIPTUI_DEBUG", raising=False)
    settings.cache_clear()
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_a_crashed_app_gives_a_nonzero_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Crashed:
        return_code = 1

        def run(self) -> None:
            return None

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("chiptui.tui.app.make_app", lambda timeline, **options: Crashed())
    assert cli.main(["--data", str(DATA / "small.toml")]) == 1


def test_the_explorer_leaves_what_it_held_out_of_the_collection_at_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python collects cycles once more as it exits; the app and its timeline, held in cycles,
    # are frozen out of that last scan (about a second at a million events).
    class Done:
        return_code = 0

        def run(self) -> None:
            assert gc.get_freeze_count() == 0

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("chiptui.tui.app.make_app", lambda timeline, **options: Done())
    gc.unfreeze()
    try:
        assert cli.main(["--data", str(DATA / "small.toml")]) == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_bundled_file_is_found_from_any_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chiptui", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 2


def test_a_large_file_is_said_to_be_read_and_the_line_erased(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], write: Write
) -> None:
    """On a terminal, while a large file is read, one line says so, cut to fit one row; it is
    erased when the read ends, well or badly, so a message after it starts a clean line.
    Elsewhere (not a terminal, no stderr at all, TERM=dumb, a small file), nothing."""
    monkeypatch.setattr(progress, "LARGE", 1)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((200, 24)))
    monkeypatch.delenv("TERM", raising=False)
    for text, code in ((VALID, 0), ("title = 1\n", 2)):
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        path = write(text)
        assert cli.main(["check", str(path)]) == code
        said = terminal.getvalue()
        assert said.startswith(f"chiptui: reading {path} (0 MB)…\r\x1b[K"), said
        assert code == 0 or "title" in said.split("\x1b[K", 1)[1]
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((30, 24)))
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(["check", str(write(VALID))]) == 0
    line = terminal.getvalue().split("\r", 1)[0]
    assert line.startswith("chiptui: reading") and line.endswith("… (0 MB)…") and len(line) == 29, line
    for stderr in (io.StringIO(), None):  # not a terminal; closed (Python makes it None)
        monkeypatch.setattr(sys, "stderr", stderr)
        assert cli.main(["check", str(write(VALID))]) == 0
        assert stderr is None or not stderr.getvalue()
    for dumb, large in ((True, 1), (False, 10**12)):  # TERM=dumb; a small file on a terminal
        if dumb:
            monkeypatch.setenv("TERM", "dumb")
        else:
            monkeypatch.delenv("TERM")
        monkeypatch.setattr(progress, "LARGE", large)
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        assert cli.main(["check", str(write(VALID))]) == 0
        assert not terminal.getvalue()
    capsys.readouterr()


def test_a_signal_while_reading_erases_the_line_and_still_ends_chiptui(tmp_path: Path) -> None:
    """SIGTERM during the read: the line is erased, and the process ends by that signal."""
    script = tmp_path / "slow.py"
    script.write_text(
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from chiptui.cli import progress\n"
        "progress.LARGE = 1\n"
        "progress._terminal_width = lambda: 80\n"
        "with progress.reading(Path(sys.argv[1]), 'the file'):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(5)\n"
        "print('not reached')\n"
    )
    result = subprocess.run([sys.executable, str(script), str(script)], capture_output=True, timeout=30, check=False)
    assert result.returncode == -signal.SIGTERM, result
    assert result.stderr == "chiptui: reading the file (0 MB)…\r\x1b[K".encode() and not result.stdout
