"""The baseline for a key: a minimal Textual app whose one Static shows a count that ↓ moves on (and
every other key, so that each key of `latency.py` has a baseline):
`python bench/minimal_key_app.py`. Its first frame shows "minimal key app ready"; each key
redraws the Static, and nothing else changes on screen."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalKey(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("minimal key app ready", id="count")

    def on_mount(self) -> None:
        self.count = 0

    def on_key(self, event: events.Key) -> None:
        self.count += 1
        self.query_one("#count", Static).update(f"key {self.count}: {event.key}")


if __name__ == "__main__":
    MinimalKey().run()
