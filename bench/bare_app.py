"""The baseline for start-up: a bare Textual app with one Static, optionally after a bare
`tomllib` parse of a file (`python bench/bare_app.py [FILE]`). It shows "bare app ready"."""

from __future__ import annotations

import sys
import tomllib

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare app ready")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        with open(sys.argv[1], "rb") as file:
            tomllib.load(file)
    Bare().run()
