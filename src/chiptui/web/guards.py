"""What the server will accept from a browser: the names it answers to, and the sizes it passes on."""

from __future__ import annotations

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
