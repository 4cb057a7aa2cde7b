"""Helpers for the tests of `chiptui serve`: a real server in a child process, and a look at
every process on the machine that was started for one test's data file (Linux's /proc)."""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import attrs

from chiptui.cli import bundled_timeline

START_TIMEOUT = 30.0  # seconds: a loaded CI machine can be slow to start Python and aiohttp


@attrs.define
class Served:
    process: subprocess.Popen[str]
    url: str
    data: Path
    output: list[str]
    reader: threading.Thread

    def apps(self) -> list[int]:
        """The explorers this server started that are still alive."""
        return [pid for pid, argv in processes_with(str(self.data)) if "serve" not in argv]

    def interrupt(self, signal_number: int = signal.SIGINT, timeout: float = 20.0) -> int:
        """Ctrl+C (or another signal): the server's exit status once it has exited and all it
        printed is in `output`."""
        self.process.send_signal(signal_number)
        status = self.process.wait(timeout)
        self.reader.join(timeout)
        return status


def alive(pid: int) -> bool:
    """Whether process `pid` runs (a zombie does not: nobody here may reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def processes_with(marker: str) -> list[tuple[int, list[str]]]:
    """Live processes whose command line holds `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if any(marker in arg for arg in argv) and alive(int(entry.name)):
            found.append((int(entry.name), argv))
    return found


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def own_timeline(folder: Path) -> Path:
    """A copy of the bundled timeline at a path no other test uses, to find this test's processes."""
    data = folder / "served-timeline.toml"
    shutil.copyfile(bundled_timeline(), data)
    return data


@contextmanager
def chiptui_server(data: Path) -> Iterator[Served]:
    """`chiptui serve --port 0` on `data`; whatever happens, nothing it started outlives the test."""
    if not sys.platform.startswith("linux"):
        import pytest

        pytest.skip("the process checks read Linux's /proc")
    process = subprocess.Popen(
        [sys.executable, "-m", "chiptui", "serve", "--port", "0", "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output: list[str] = []
    reader: threading.Thread | None = None
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(START_TIMEOUT):
                raise AssertionError("the server printed nothing")
        first = process.stdout.readline()
        output.append(first)
        assert "serving on http://" in first, first
        url = first.split("serving on ", 1)[1].split()[0]
        stdout = process.stdout
        reader = threading.Thread(target=lambda: output.extend(stdout), daemon=True)
        reader.start()
        yield Served(process, url, data, output, reader)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid, _ in processes_with(str(data)):
            with suppress(ProcessLookupError):  # it may end between the look and the kill
                os.kill(pid, signal.SIGKILL)
        if reader is not None:
            reader.join(START_TIMEOUT)  # the pipe ends once the server and its apps have gone
        process.stdout.close()
