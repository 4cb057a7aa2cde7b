"""`p` plays the story: the cursor steps through events one by one, a pause apart, the panels
following. Any key (or a click) stops it where it is.

The order is the file's `tour` when it has one and no filter is on; otherwise the visible
events of the cursor's era, from the cursor on.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Static

from chiptui.tui.messages import Jump


class TourScreen(ModalScreen[None]):
    """A line at the bottom over the main screen; the main screen shows through and moves."""

    DEFAULT_CSS = """
    TourScreen {
        background: transparent;
        align: center bottom;
        #tour-line { width: 100%; height: 1; padding: 0 1; background: $accent; color: $background; }
    }
    """
    PAUSE: ClassVar[float] = 6.0  # seconds on each event: long enough to read it

    def __init__(self, below: Screen[Any], positions: list[int], pause: float | None = None) -> None:
        """Step `below` (the main screen) through `positions`, asking it with `Jump`."""
        super().__init__()
        self.below = below
        self.positions = positions
        self.pause = self.PAUSE if pause is None else pause
        self.step = 0
        self.ended = False
        self.timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="tour-line", markup=False)

    def on_mount(self) -> None:
        self._show()
        self.timer = self.set_interval(self.pause, self._next)

    def _show(self) -> None:
        self.below.post_message(Jump(self.positions[self.step]))
        where = f"Tour · {self.step + 1} of {len(self.positions)}"
        self.query_one(Static).update(Content.assemble((where, "bold"), " · any key stops it here"))

    def _next(self) -> None:
        if self.ended:
            return
        if self.step + 1 >= len(self.positions):
            self.stop()
            return
        self.step += 1
        self._show()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.stop()

    def on_click(self) -> None:
        self.stop()

    def stop(self) -> None:
        """End the tour once: the keys of a burst after the first find it already ending."""
        if not self.ended:
            self.ended = True
            self.dismiss()

    def on_unmount(self) -> None:
        if self.timer is not None:
            self.timer.stop()
