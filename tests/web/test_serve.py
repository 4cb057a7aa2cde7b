"""`chiptui serve` without a browser: its messages, the page it serves, and that no explorer it
starts outlives a tab, a tab that goes away mid-start, a failing app, or Ctrl+C."""

from __future__ import annotations

import asyncio
import importlib.util
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from chiptui.cli import main
from chiptui.web import serve
from tests.web.serving import Served, chiptui_server, own_timeline, wait_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc")


async def kinds_until_closed(tab: aiohttp.ClientWebSocketResponse, within: float = 20) -> list[aiohttp.WSMsgType]:
    """The kinds of message a tab gets until its connection closes (a failure after `within` s:
    the server's pings would restart a timeout given to `receive`)."""
    kinds: list[aiohttp.WSMsgType] = []
    async with asyncio.timeout(within):
        while (kind := (await tab.receive()).type) not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            kinds.append(kind)
    return kinds


@pytest.fixture
def never_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests of what `serve` refuses: were it to serve after all, fail rather than serve for ever."""

    def serving(*_: Any) -> None:
        raise AssertionError("serve() was called")

    monkeypatch.setattr(serve, "serve", serving)


@pytest.mark.usefixtures("never_serve")
def test_serve_without_the_web_extra_says_which_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "textual_serve" else real(name))
    assert main(["serve"]) == 2
    assert "pip install 'chiptui[web]'" in capsys.readouterr().err


@pytest.mark.usefixtures("never_serve")
def test_serve_reports_a_bad_file_before_it_listens(write: Any, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("schema = 1\n[[event]]\nid = 3\n")
    assert main(["serve", "--data", str(path), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "timeline.toml" in err and "serving" not in err


def test_serve_reports_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "chiptui", "serve", "--port", str(port)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == f"chiptui serve: cannot listen on 127.0.0.1 port {port}: Address already in use\n"


@pytest.mark.usefixtures("never_serve")
@pytest.mark.parametrize("host", ["", "  "])
def test_serve_refuses_an_empty_host(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--host", host])
    assert exited.value.code == 2 and "is empty" in capsys.readouterr().err


@pytest.mark.usefixtures("never_serve")
@pytest.mark.parametrize("port", ["70000", "-1", "http", "８０"])
def test_serve_refuses_a_port_that_is_not_one(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", port])
    assert exited.value.code == 2
    assert "is not a port" in capsys.readouterr().err


async def test_the_page_asks_nothing_of_other_hosts(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client, client.get(served.url) as response:
            page = await response.text()
        assert response.status == 200 and "<div>chiptui</div>" in page
        links = re.findall(r"""(?:href|src)="([^"]+)\"""", page)
        assert links and all(link.startswith(served.url) for link in links if "://" in link), links
        assert "googleapis" not in page
        assert f'"{served.url.replace("http", "ws", 1)}ws"' in page


async def test_a_tab_that_goes_away_mid_start_leaves_no_process(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client:
            websocket = await client.ws_connect(served.url + "ws?width=100&height=30")
            await asyncio.to_thread(wait_until, lambda: bool(served.apps()), 20, "the app process")
            await websocket.close()  # before the app has drawn anything
        await asyncio.to_thread(wait_until, lambda: not served.apps(), 10, "the app to be stopped")
        assert served.process.poll() is None, "the server must keep serving"
        assert served.interrupt() == 0
        assert "chiptui: stopping" in "".join(served.output)


async def test_ctrl_c_stops_the_apps_of_open_tabs(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client:
            tabs = [await client.ws_connect(served.url + "ws?width=100&height=30") for _ in range(2)]
            for tab in tabs:  # each app has drawn its first frame
                message = await tab.receive(timeout=30)
                assert message.type == aiohttp.WSMsgType.BINARY, message
            assert len(served.apps()) == 2
            assert await asyncio.to_thread(served.interrupt) == 0
            for tab in tabs:  # the tabs are told, not left hanging
                await kinds_until_closed(tab)
        assert served.apps() == []


async def test_an_app_that_fails_to_start_closes_its_tab(tmp_path: Path) -> None:
    data = own_timeline(tmp_path)
    with chiptui_server(data) as served:
        data.write_text("schema = 1\n[[event]]\nid = 3\n", encoding="utf-8")  # the app will exit 2
        async with aiohttp.ClientSession() as client:
            tab = await client.ws_connect(served.url + "ws")
            assert aiohttp.WSMsgType.BINARY not in await kinds_until_closed(tab)
        assert served.apps() == []
        assert served.interrupt() == 0
        assert "served-timeline.toml" in "".join(served.output)  # the app's own message, for whoever runs serve


async def open_tab(served: Served, client: aiohttp.ClientSession) -> aiohttp.ClientWebSocketResponse:
    """A tab whose app has drawn its first frame."""
    tab = await client.ws_connect(served.url + "ws?width=100&height=30")
    message = await tab.receive(timeout=30)
    assert message.type == aiohttp.WSMsgType.BINARY, message
    return tab


async def test_sighup_stops_the_server_and_its_apps(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client:
            await open_tab(served, client)
            assert len(served.apps()) == 1
            assert await asyncio.to_thread(served.interrupt, signal.SIGHUP) == 0
        assert served.apps() == []


async def test_an_app_ends_itself_when_its_server_is_killed(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client:
            await open_tab(served, client)
            assert len(served.apps()) == 1
            served.process.kill()  # SIGKILL: the server cannot stop anything
            served.process.wait()
            await asyncio.to_thread(wait_until, lambda: not served.apps(), 10, "the orphaned app to end")


async def test_pages_and_tabs_of_other_sites_are_refused(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client:
            async with client.get(served.url, headers={"Host": "rebound.example:80"}) as page:
                assert page.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(served.url + "ws", headers={"Origin": "http://elsewhere.example"})
            assert refused.value.status == 403
            own = served.url.rstrip("/")
            tab = await client.ws_connect(served.url + "ws", headers={"Origin": own})  # its own page
            assert (await tab.receive(timeout=30)).type == aiohttp.WSMsgType.BINARY
            await tab.close()
        await asyncio.to_thread(wait_until, lambda: not served.apps(), 10, "the app to be stopped")
        assert served.interrupt() == 0


async def test_a_malformed_message_ends_that_tab_only_and_quietly(tmp_path: Path) -> None:
    with chiptui_server(own_timeline(tmp_path)) as served:
        async with aiohttp.ClientSession() as client:
            good, bad = await open_tab(served, client), await open_tab(served, client)
            await bad.send_json(["stdin", 5])
            await kinds_until_closed(bad)
            await asyncio.to_thread(wait_until, lambda: len(served.apps()) == 1, 10, "the bad tab's app to end")
            await good.send_json(["ping", "still here"])
            while (message := await good.receive(timeout=10)).type != aiohttp.WSMsgType.TEXT:
                pass
            assert message.json() == ["pong", "still here"]
        assert served.interrupt() == 0
    output = "".join(served.output)
    assert "session ended: AttributeError" in output and "Traceback" not in output
