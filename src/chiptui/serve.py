"""`chiptui serve`: the explorer in a browser, one app process per browser tab, through
textual-serve (the optional `web` extra).

textual-serve on its own starts each app through a shell and, when the tab goes away or the
server stops, only asks the app to quit and waits for ever. An app that is still starting, or
stuck, outlives the server. Here every app runs in its own process group, and stopping one
asks it to quit, then sends SIGTERM to the group, then SIGKILL; the server stops every app
before it exits. So Ctrl+C, a closed tab or a browser that goes away mid-start leave nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import socket
import sys
from asyncio.subprocess import PIPE, Process
from contextlib import suppress
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("chiptui.serve")

QUIT_GRACE = 2.0  # seconds an app has to quit when asked, and again after SIGTERM
SHUTDOWN_TIMEOUT = 3 * QUIT_GRACE  # how long the server waits for its connections on Ctrl+C
LINK = re.compile(r"<link\b[^>]*?\bhref=\"(?P<href>[^\"]*)\"[^>]*>\s*", re.IGNORECASE)


class ServeError(Exception):
    """The server could not start (e.g. the port is taken); the message says why."""


def app_command(data: Path) -> list[str]:
    """The command line of one app process: this Python, this chiptui, the absolute data file."""
    return [sys.executable, "-m", "chiptui", "--data", str(data.resolve())]


class AppSession(AppService):
    """One browser tab's app process, started without a shell in a process group of its own."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self._stopping: asyncio.Future[None] | None = None

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=PIPE,
            stdout=PIPE,
            stderr=PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,  # its pid is its process group: one signal reaches all of it
        )
        assert process.stdin is not None
        self._process, self._stdin = process, process.stdin
        return process

    async def run(self) -> None:
        """Relay the app's output until it ends, then close the tab's connection: an app that
        exits before it is ready (or crashes) must not leave the page waiting."""
        try:
            await super().run()
        finally:
            with suppress(Exception):
                await self.remote_close()

    async def stop(self) -> None:
        """Stop the app: safe to call more than once and from several places at once."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        process = self._process
        if process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            await self.send_meta({"type": "quit"})
        with suppress(Exception):
            self.stdin.close()
        for signal_number in (signal.SIGTERM, signal.SIGKILL):
            with suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), QUIT_GRACE)
                break
            log.info("app %s did not quit; sending %s", process.pid, signal_number.name)
            kill_group(process.pid, signal_number)
        await process.wait()
        kill_group(process.pid, signal.SIGKILL)  # anything the app itself started
        if self._task is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._task, QUIT_GRACE)
            self._task = None


def reason(error: OSError) -> str:
    """Why a port could not be bound, without the address asyncio repeats ("Address already in use")."""
    if isinstance(error, socket.gaierror) or not error.errno:
        return str(error.strerror or error)
    return os.strerror(error.errno)


def kill_group(pid: int, signal_number: int) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal_number)


class ChipServer(Server):
    """textual-serve's server, keeping hold of every app it starts so it can stop them all."""

    def __init__(self, data: Path, host: str, port: int) -> None:
        super().__init__("chiptui", host=host, port=port, title="chiptui")
        self.argv = app_command(data)
        self.sessions: set[AppSession] = set()
        self.sockets: set[web.WebSocketResponse] = set()

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the address is printed once the port is bound (see `run`)."""

    async def handle_index(self, request: web.Request) -> Any:
        """textual-serve's page, with two changes. Its links and websocket follow the address the
        browser used, so a server on 0.0.0.0 or on a port the system picked (--port 0) works like
        one on loopback. And it asks for nothing from the internet: any <link> to another host (a web
        font) is dropped, and the terminal uses the browser's monospace font."""
        self.public_url = f"{request.scheme}://{request.host}"
        response = await super().handle_index(request)
        if isinstance(response, web.Response) and response.text is not None:
            response.text = LINK.sub(self._local_link, response.text)
        return response

    def _local_link(self, link: re.Match[str]) -> str:
        href = link["href"]
        return link[0] if href.startswith(self.public_url + "/") or "://" not in href else ""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its app, relay keys and sizes until the tab or the app goes away,
        then stop the app whatever happened."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        session = AppSession(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.sockets.add(websocket)
        self.sessions.add(session)
        try:
            await websocket.prepare(request)
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except (ValueError, LookupError, TypeError, AssertionError, OSError) as error:
            # a malformed message from a tab, or a connection that broke, ends that tab only
            log.warning("session ended: %s: %s", type(error).__name__, error)
        finally:
            await session.stop()
            self.sessions.discard(session)
            self.sockets.discard(websocket)
            with suppress(Exception):
                await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Stop every app, then close every tab's connection, before the server exits."""
        await asyncio.gather(*(session.stop() for session in list(self.sessions)), return_exceptions=True)
        await asyncio.gather(
            *(socket.close(code=1001, message=b"server stopped") for socket in list(self.sockets)),
            return_exceptions=True,
        )

    async def run(self) -> None:
        """Serve until SIGINT or SIGTERM, then stop every app and exit."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            try:
                await site.start()
            except OSError as error:
                raise ServeError(f"cannot listen on {self.host} port {self.port}: {reason(error)}") from None
            stopped = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signal_number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signal_number, stopped.set)
            for address in runner.addresses:
                host, port = address[0], address[1]
                shown = f"[{host}]" if ":" in host else host
                print(f"chiptui: serving on http://{shown}:{port}/ (Ctrl+C stops)", flush=True)
            await stopped.wait()
            print("chiptui: stopping", flush=True)
        finally:
            await runner.cleanup()
            for session in list(self.sessions):  # not reached in practice: on_shutdown stopped them
                if session.pid is not None:
                    kill_group(session.pid, signal.SIGKILL)


def serve(data: Path, host: str, port: int) -> None:
    """Run the server in the foreground (ServeError if it cannot start)."""
    logging.basicConfig(level=logging.WARNING, format="chiptui serve: %(message)s")
    asyncio.run(ChipServer(data, host, port).run())
