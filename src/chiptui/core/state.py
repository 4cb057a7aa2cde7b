"""Where the reader left off, their bookmarks and the theme they chose: one small JSON file per
data file, in the user's state folder. No Textual here.

A state file is written whole through a temporary file and a rename. One that cannot be read
back (damaged, not JSON, the wrong shape) never stops the app: it is set aside under a new
name, and the caller gets a one-line notice to show.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import attrs
import platformdirs

from chiptui.core.files import Unreadable, read_regular, write_file
from chiptui.core.records import Record
from chiptui.core.schema import SLUG_RE
from chiptui.core.settings import settings

STATE_MAX = 4 * 1024 * 1024  # a place and bookmarks; a larger state file is not chiptui's
THEME_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # a theme's name (Textual's are e.g. "textual-dark")


@attrs.frozen(repr=False)
class State(Record):
    event: str | None = None
    bookmarks: tuple[str, ...] = ()
    theme: str | None = None  # the theme chosen in the explorer (None: none chosen yet)


def state_folder() -> Path:
    """`CHIPTUI_STATE_DIR`, else the platform's user state folder for chiptui."""
    chosen = settings().state_dir
    return Path(chosen) if chosen else Path(platformdirs.user_state_dir("chiptui"))


def state_file(data: Path) -> Path:
    """The state file of one data file: named by a hash of its full path."""
    key = hashlib.sha256(str(data.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return state_folder() / f"{key}.json"


def _parse(text: str) -> State:
    import json  # only once there is a saved place (the explorer's start-up need not pay for it)

    document = json.loads(text)
    if not isinstance(document, dict):
        raise ValueError("not an object")
    event = document.get("event")
    bookmarks = document.get("bookmarks", [])
    if event is not None and not (isinstance(event, str) and SLUG_RE.fullmatch(event)):
        raise ValueError("bad event")
    if not isinstance(bookmarks, list) or not all(isinstance(b, str) and SLUG_RE.fullmatch(b) for b in bookmarks):
        raise ValueError("bad bookmarks")
    theme = document.get("theme")
    if theme is not None and not (isinstance(theme, str) and THEME_RE.fullmatch(theme)):
        raise ValueError("bad theme")
    return State(event, tuple(dict.fromkeys(bookmarks)), theme)


def load_state(data: Path) -> tuple[State, str | None]:
    """The saved state of `data` and, if it had to be set aside, a notice saying so."""
    path = state_file(data)
    try:
        text = read_regular(path, STATE_MAX).decode("utf-8")
    except Unreadable as error:
        if error.missing:
            return State(), None
        return State(), _set_aside(path)
    except UnicodeDecodeError:
        return State(), _set_aside(path)
    try:
        return _parse(text), None
    except (ValueError, RecursionError):
        return State(), _set_aside(path)


def _set_aside(path: Path) -> str:
    aside = path.with_name(f"{path.stem}.damaged-{time.strftime('%Y%m%d-%H%M%S')}.json")
    try:
        os.replace(path, aside)
        kept = f"it was kept as {aside.name}"
    except OSError:
        kept = "it could not be moved"
    return f"The saved place for this timeline could not be read ({kept}); starting at the beginning."


def save_state(data: Path, state: State) -> str | None:
    """Write the state of `data`; None when it worked, else why it did not (never raises)."""
    path = state_file(data)
    import json

    document = {
        "data": str(data.resolve()),
        "event": state.event,
        "bookmarks": list(state.bookmarks),
        "theme": state.theme,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # which files one reads is one's own
        write_file(path, json.dumps(document), private=True)  # ASCII: a path's undecodable bytes stay \\u escapes
    except OSError as error:
        return f"Could not save your place: {error.strerror or error}"
    return None
