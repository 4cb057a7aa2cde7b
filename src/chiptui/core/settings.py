"""Every CHIPTUI_* environment variable chiptui reads, in one frozen object read once.

`settings()` reads the environment on first use and keeps what it found: the rest of chiptui
asks it, never `os.environ`. (Tests that change the environment call `settings.cache_clear()`.)
An empty variable counts as unset. No Textual here: the data layer and the command line use it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

import attrs

from chiptui.core.records import Record

DATA = "CHIPTUI_DATA"
DEBUG = "CHIPTUI_DEBUG"
STATE_DIR = "CHIPTUI_STATE_DIR"
CACHE_DIR = "CHIPTUI_CACHE_DIR"
SERVER_PID = "CHIPTUI_SERVER_PID"


@attrs.frozen(repr=False)
class Settings(Record):
    data: str | None = None
    """CHIPTUI_DATA: the timeline file to open when `--data` names none (else the bundled one)."""
    debug: bool = False
    """CHIPTUI_DEBUG: any value: an internal fault prints its traceback, as `--debug` does."""
    state_dir: str | None = None
    """CHIPTUI_STATE_DIR: the folder for each data file's saved place and bookmarks, and the key
    that signs the load cache (else the platform's user state folder for chiptui)."""
    cache_dir: str | None = None
    """CHIPTUI_CACHE_DIR: the folder for the load cache (else the platform's user cache folder)."""
    server_pid: int | None = None
    """CHIPTUI_SERVER_PID: set by `chiptui serve` in each explorer it starts, its own process id;
    the explorer ends when that process is no longer its parent. Not digits: not served."""

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Settings:
        def get(name: str) -> str | None:
            return environ.get(name) or None

        server = get(SERVER_PID)
        return cls(
            data=get(DATA),
            debug=get(DEBUG) is not None,
            state_dir=get(STATE_DIR),
            cache_dir=get(CACHE_DIR),
            server_pid=int(server) if server is not None and server.isdecimal() else None,
        )


@cache
def settings() -> Settings:
    """The settings of this process, read from the environment the first time they are asked for."""
    return Settings.from_environment(os.environ)
