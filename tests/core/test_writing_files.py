"""`export -o` never loses or damages what the user had: links are written through, modes and
hard links are kept, a device or a pipe is written directly, and a signal or a long name leaves
no temporary file behind. chiptui's own state file is its owner's alone."""

from __future__ import annotations

import os
import signal
import stat
import threading
from pathlib import Path

import pytest

from chiptui import cli
from chiptui.core import files
from chiptui.core.files import Interrupted, write_file
from tests.conftest import VALID


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "timeline.toml"
    path.write_text(VALID, encoding="utf-8")
    return path


def export(data: Path, target: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["export", "--data", str(data), "-o", str(target)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_link_is_written_through_to_its_target(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target.name)
    assert export(data, link, capsys)[0] == 0
    assert link.is_symlink() and "Test timeline" in target.read_text(encoding="utf-8")
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to("made-by-export.md")
    assert export(data, dangling, capsys)[0] == 0
    assert dangling.is_symlink() and (tmp_path / "made-by-export.md").is_file()


def test_an_existing_file_keeps_its_mode_and_its_hard_links(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared.md"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o640)
    assert export(data, shared, capsys)[0] == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    other = tmp_path / "other-name.md"
    os.link(shared, other)
    assert export(data, shared, capsys)[0] == 0
    assert shared.stat().st_ino == other.stat().st_ino and "Test timeline" in other.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_mode(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mask = os.umask(0o022)
    try:
        assert export(data, tmp_path / "new.md", capsys)[0] == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


def test_a_device_is_written_directly_never_replaced(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = export(data, "/dev/null", capsys)
    assert code == 0 and Path("/dev/null").is_char_device()
    if Path("/dev/full").exists():
        code, err = export(data, "/dev/full", capsys)
        assert code == 2 and "No space left" in err and "wrote" not in err
        assert Path("/dev/full").is_char_device()


def test_a_pipe_is_written_directly_and_one_nobody_reads_is_an_error(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, err = export(data, fifo, capsys)  # no reader: refused at once, not blocked on
    assert code == 2 and "no program is reading" in err
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    while not received and reader.is_alive():
        code, err = export(data, fifo, capsys)
        if code == 0:
            break
    reader.join(10)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and b"Test timeline" in b"".join(received)


def test_a_long_output_name_leaves_room_for_the_temporary_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / ("n" * 250 + ".md")
    assert export(data, name, capsys)[0] == 0
    assert name.is_file() and leftovers(tmp_path) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_write_leaves_no_temporary_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    real = files._write_all

    def slow(handle: int, payload: bytes) -> None:
        os.kill(os.getpid(), signum)  # arrives in the middle of the write
        real(handle, payload)

    before = signal.getsignal(signum)
    monkeypatch.setattr(files, "_write_all", slow)
    target = tmp_path / "out.md"
    target.write_text("kept", encoding="utf-8")
    assert cli.main(["export", "--data", str(data), "-o", str(target)]) == 128 + signum
    err = capsys.readouterr().err
    assert "was not written" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "kept" and leftovers(tmp_path) == []
    assert signal.getsignal(signum) == before  # the handler was put back
    with pytest.raises(Interrupted):
        write_file(target, "x", signals=True)
    assert leftovers(tmp_path) == []


def test_the_readers_saved_place_is_theirs_alone(data: Path, state_folder: Path) -> None:
    """The state file says which files one reads: new or old, it is the owner's only, in a folder
    only the owner can list (whatever the umask, and a file an older chiptui left 0644)."""
    from chiptui.core.state import State, save_state, state_file

    mask = os.umask(0o022)
    try:
        assert save_state(data, State(event="a")) is None
        path = state_file(data)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        path.chmod(0o644)
        assert save_state(data, State(event="b")) is None
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and '"b"' in path.read_text(encoding="utf-8")
    finally:
        os.umask(mask)
