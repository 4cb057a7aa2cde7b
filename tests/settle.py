"""Waiting for the app to have acted on what a test sent it.

Pilot's `pause()` waits for the messages queued when it is called, then for the process to look
idle by comparing its CPU time with the clock. On a busy machine the process gets little CPU, so
it looks idle while messages that the first ones posted are still queued, and one pause can come
too early. `settle` pauses until the state the test expects is there: a wrong state still fails,
once `within` seconds have passed, at the test's own assertion.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot


async def settle(pilot: Pilot[Any], done: Callable[[], bool], within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not done() and time.monotonic() < deadline:
        await pilot.pause(0.02)
    await pilot.pause()


async def still(pilot: Pilot[Any], looks: int = 3, within: float = 10.0) -> str:
    """The app's screen (SVG) once it has not changed for `looks` looks in a row, a tenth of a
    second apart (a busy machine can draw the footer or a panel some frames after the rest)."""
    deadline = time.monotonic() + within
    shot, same = pilot.app.export_screenshot(), 0
    while same < looks and time.monotonic() < deadline:
        await pilot.pause(0.1)
        again = pilot.app.export_screenshot()
        same = same + 1 if again == shot else 0
        shot = again
    return shot
