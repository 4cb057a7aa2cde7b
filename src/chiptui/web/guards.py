"""What the server will accept from a browser: the names it answers to, and the sizes it passes on."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_WIDTH, MAX_HEIGHT = 1000, 500  # cells: a browser that says more is given this much


def terminal_size(width: object, height: object) -> tuple[int, int] | None:
    """A size a browser sent, within 1..MAX_WIDTH and 1..MAX_HEIGHT; None if it is not two whole
    numbers (a string, a float, a boolean, a missing field)."""
    if not all(type(value) is int for value in (width, height)):
        return None
    assert isinstance(width, int) and isinstance(height, int)
    return max(1, min(width, MAX_WIDTH)), max(1, min(height, MAX_HEIGHT))


def host_name(netloc: str) -> str:
    """The host of a Host header or an origin's address, without port or brackets."""
    try:
        return (urlsplit(f"//{netloc}").hostname or "").lower()
    except ValueError:
        return ""


def tab_size(query: Mapping[str, str]) -> tuple[int, int]:
    """The size a tab asks for (`?width=…&height=…`), as `terminal_size` allows it; a value
    that is not a whole number is 80 wide or 24 high."""
    return terminal_size(_whole(query.get("width", ""), 80), _whole(query.get("height", ""), 24)) or (80, 24)


def _whole(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def refused(server: str, host: str, path: str, origin: str | None) -> str | None:
    """Why the server refuses a request, or None: a page whose Host is not loopback while the
    server is (DNS rebinding), and a websocket opened by a page of another origin."""
    if host_name(server) in LOOPBACK and host_name(host) not in LOOPBACK:
        return "chiptui serves loopback names only\n"
    if path == "/ws" and origin is not None and urlsplit(origin).netloc.lower() != host.lower():
        return "not a page of this server\n"
    return None
