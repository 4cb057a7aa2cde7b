"""One tab's app (`chiptui.web.serve.AppSession`) on its own: stopping it before, while and after
it starts, and stopping an app that reads nothing and ignores quit and SIGTERM."""

from __future__ import annotations

import asyncio
import signal
import sys
from typing import Any

import pytest
from textual_serve.download_manager import DownloadManager

from chiptui.web import serve
from tests.web.serving import alive

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups")

# Prints that it is up, then ignores SIGTERM and never reads its input.
STUBBORN = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('up', flush=True); time.sleep(60)"


async def ignore(*_: Any) -> None:
    return None


def session(groups: set[int] | None = None) -> serve.AppSession:
    return serve.AppSession(
        [sys.executable, "-c", STUBBORN],
        groups,
        write_bytes=ignore,
        write_str=ignore,
        close=ignore,
        download_manager=DownloadManager(),
    )


@pytest.fixture(autouse=True)
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "QUIT_GRACE", 0.3)
    monkeypatch.setattr(serve, "SEND_TIMEOUT", 0.3)


async def test_an_app_that_ignores_quit_and_sigterm_is_killed() -> None:
    groups: set[int] = set()
    app = session(groups)
    process = await app._open_app_process()
    assert process.stdout is not None and await process.stdout.readline() == b"up\n"
    assert groups == {process.pid}
    await asyncio.wait_for(asyncio.gather(app.stop(), app.stop()), 10)  # as a closing tab and Ctrl+C can
    assert process.returncode == -signal.SIGKILL
    assert groups == set() and not alive(process.pid)


async def test_an_app_that_reads_nothing_cannot_hold_a_tab_or_its_stop() -> None:
    app = session()
    process = await app._open_app_process()
    assert process.stdout is not None and await process.stdout.readline() == b"up\n"
    sent = [await asyncio.wait_for(app.send_bytes(b"x" * 100_000), 5) for _ in range(4)]  # a pipe holds 64 KiB
    assert sent[-1] is False
    await asyncio.wait_for(app.stop(), 10)
    assert process.returncode == -signal.SIGKILL


async def test_a_stop_before_the_start_means_no_app() -> None:
    app = session()
    await app.stop()
    with pytest.raises(serve.Stopped):
        await app.start(80, 24)
    assert app._process is None


async def test_a_stop_while_the_app_is_being_started_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    spawn = asyncio.create_subprocess_exec

    async def slow_spawn(*args: Any, **kwargs: Any) -> asyncio.subprocess.Process:
        await asyncio.sleep(0.5)  # a loaded machine: the tab goes away (or Ctrl+C) meanwhile
        return await spawn(*args, **kwargs)

    monkeypatch.setattr(asyncio, "create_subprocess_exec", slow_spawn)
    groups: set[int] = set()
    app = session(groups)
    starting = asyncio.create_task(app.start(80, 24))
    await asyncio.sleep(0.1)
    await asyncio.wait_for(app.stop(), 10)
    await starting
    assert app._process is not None and app._process.returncode is not None
    assert groups == set() and not alive(app._process.pid)
