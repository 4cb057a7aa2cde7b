"""`chiptui serve`: the explorer in a browser, one app process per browser tab, through
textual-serve (the optional `web` extra).

textual-serve on its own starts each app through a shell and, when the tab goes away or the
server stops, only asks the app to quit and waits for ever. An app that is still starting, or
stuck, outlives the server. Here every app runs in its own process group, and stopping one
asks it to quit, then sends SIGTERM to the group, then SIGKILL; the server stops every app
before it exits. So Ctrl+C, a closed tab or a browser that goes away mid-start leave nothing,
and an app whose server dies without stopping it (SIGKILL) ends itself (`cli.watch_server`).

The server answers only pages and tabs of its own: a websocket from a page of another site
(its Origin) is refused, and on loopback so is any Host name that is not a loopback one (a DNS
rebinding page). At most MAX_SESSIONS apps run at once.
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
from textual_serve.server import Server

from chiptui.core.settings import SERVER_PID  # each app ends if the process this names does (cli.watch_server)
from chiptui.web.guards import refused, tab_size, terminal_size

log = logging.getLogger("chiptui.web.serve")

QUIT_GRACE = 2.0  # seconds an app has to quit when asked, and again after SIGTERM
SEND_TIMEOUT = 10.0  # seconds a write to an app may wait for it to read (it is stuck if longer)
STDERR_GRACE = 0.5  # seconds to read what an app that ended wrote to stderr last
SHUTDOWN_TIMEOUT = 3 * QUIT_GRACE  # how long the server waits for its connections on Ctrl+C
MAX_SESSIONS = 32
LINK = re.compile(r"<link\b[^>]*?\bhref=\"(?P<href>[^\"]*)\"[^>]*>\s*", re.IGNORECASE)


class ServeError(Exception):
    """The server could not start (e.g. the port is taken); the message says why."""


class Stopped(Exception):
    """The tab went away, or the server is stopping, before its app was started."""


def app_command(data: Path) -> list[str]:
    """The command line of one app process: this Python, this chiptui, the absolute data file."""
    return [sys.executable, "-m", "chiptui", "--data", str(data.resolve())]


class AppSession(AppService):
    """One browser tab's app process, started without a shell in a process group of its own."""

    def __init__(self, argv: list[str], groups: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.groups = set() if groups is None else groups  # the server's: every group not yet reaped
        self._stopping: asyncio.Future[None] | None = None
        self._spawning: asyncio.Event | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment[SERVER_PID] = str(os.getpid())
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        if self._stopping is not None:
            raise Stopped("stopped before its app started")
        self._spawning = spawning = asyncio.Event()
        try:
            process = await asyncio.create_subprocess_exec(
                *self.argv,
                stdin=PIPE,
                stdout=PIPE,
                stderr=PIPE,
                env=self._build_environment(width, height),
                start_new_session=True,  # its pid is its process group: one signal reaches all of it
            )
        finally:
            spawning.set()  # a stop() waiting for the spawn goes on (and finds the process)
        assert process.stdin is not None
        self.groups.add(process.pid)
        self._process, self._stdin = process, process.stdin
        return process

    async def run(self) -> None:
        """Relay the app's output until it ends, then close the tab's connection: an app that
        exits before it is ready (or crashes) must not leave the page waiting. What it wrote to
        stderr as it ended is passed on (textual-serve stops reading it as stdout ends, and could
        drop the message of an app that cannot load its file)."""
        try:
            await super().run()
        finally:
            stderr = self._process.stderr if self._process is not None else None
            with suppress(Exception):
                if stderr is not None and (rest := await asyncio.wait_for(stderr.read(), STDERR_GRACE)):
                    sys.stdout.write(rest.decode("utf-8", "replace"))
            with suppress(Exception):
                await self.remote_close()

    async def set_terminal_size(self, width: int, height: int) -> None:
        """A resize from the browser, clamped; one that is not two whole numbers is ignored."""
        size = terminal_size(width, height)
        if size is not None:
            await super().set_terminal_size(*size)

    async def send_bytes(self, data: bytes) -> bool:
        """As textual-serve's, but an app that stops reading cannot hold the tab (or stop()) for ever."""
        try:
            return await asyncio.wait_for(super().send_bytes(data), SEND_TIMEOUT)
        except TimeoutError:
            return False

    async def send_meta(self, data: dict[str, str | int | bool | None]) -> bool:
        try:
            return await asyncio.wait_for(super().send_meta(data), SEND_TIMEOUT)
        except TimeoutError:
            return False

    async def stop(self) -> None:
        """Stop the app: safe to call more than once, from several places at once, and before or
        while it starts."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        if self._spawning is not None:
            await self._spawning.wait()
        process = self._process
        if process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            with suppress(TimeoutError):
                await asyncio.wait_for(AppService.send_meta(self, {"type": "quit"}), QUIT_GRACE)
        with suppress(Exception):
            self.stdin.transport.abort()  # drops what the app has not read: nothing waits on it
        for signal_number in (signal.SIGTERM, signal.SIGKILL):
            with suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), QUIT_GRACE)
                break
            log.info("app %s did not quit; sending %s", process.pid, signal_number.name)
            kill_group(process.pid, signal_number)
        if process.returncode is None:
            await process.wait()
        self.groups.discard(process.pid)
        if self._task is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._task, QUIT_GRACE)
            self._task = None


def reason(error: Exception) -> str:
    """Why a port could not be bound, without the address asyncio repeats ("Address already in use")."""
    if isinstance(error, OSError) and error.errno and not isinstance(error, socket.gaierror):
        return os.strerror(error.errno)
    return str(getattr(error, "strerror", None) or error)


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
        self.groups: set[int] = set()  # the process group of every app started and not yet reaped
        self.closing = False

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._only_own)
        return app

    @web.middleware
    async def _only_own(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Refuse requests of other sites (see `guards.refused`)."""
        if (why := refused(self.host, request.host, request.path, request.headers.get("Origin"))) is not None:
            raise web.HTTPForbidden(text=why)
        response: web.StreamResponse = await handler(request)
        return response

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
        local = href.startswith(self.public_url + "/") or ("://" not in href and not href.startswith("//"))
        return link[0] if local else ""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its app, relay keys and sizes until the tab or the app goes away,
        then stop the app whatever happened."""
        if self.closing or len(self.sessions) >= MAX_SESSIONS:
            raise web.HTTPServiceUnavailable(text="chiptui is stopping, or has too many tabs open\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        width, height = tab_size(request.query)
        session = AppSession(
            self.argv,
            self.groups,
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
        except Stopped:
            pass
        except Exception as error:  # noqa: BLE001 - a malformed message or a broken connection ends that tab only
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
        self.closing = True
        await asyncio.gather(*(session.stop() for session in list(self.sessions)), return_exceptions=True)
        await asyncio.gather(
            *(socket.close(code=1001, message=b"server stopped") for socket in list(self.sockets)),
            return_exceptions=True,
        )

    def kill_all(self) -> None:
        for group in list(self.groups):
            kill_group(group, signal.SIGKILL)

    async def run(self) -> None:
        """Serve until SIGINT, SIGTERM or SIGHUP, then stop every app and exit. A second signal
        while stopping kills every app at once."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            try:
                await site.start()
            except (OSError, UnicodeError, ValueError) as error:
                raise ServeError(f"cannot listen on {self.host} port {self.port}: {reason(error)}") from None
            stopped = asyncio.Event()

            def stop() -> None:
                if stopped.is_set():
                    self.kill_all()
                stopped.set()

            loop = asyncio.get_running_loop()
            for signal_number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signal_number, stop)
            for address in runner.addresses:
                host, port = address[0], address[1]
                shown = f"[{host}]" if ":" in host else host
                print(f"chiptui: serving on http://{shown}:{port}/ (Ctrl+C stops)", flush=True)
            await stopped.wait()
            print("chiptui: stopping", flush=True)
        finally:
            await runner.cleanup()
            self.kill_all()  # none in practice: on_shutdown stopped them all


def serve(data: Path, host: str, port: int) -> None:
    """Run the server in the foreground (ServeError if it cannot start)."""
    logging.basicConfig(level=logging.WARNING, format="chiptui serve: %(message)s")
    asyncio.run(ChipServer(data, host, port).run())
