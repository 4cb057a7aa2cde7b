"""Random keys, pastes and resizes over a hostile timeline: the explorer never stops on its own
and never draws an escape sequence. Seeded, so a failure can be replayed; bounded in steps."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from textual import events

from chiptui.core.loader import load
from chiptui.tui.app import make_app
from tests.tui.test_hostile_text import document, screen_text

KEYS = [
    *"jkhlgGfbBpnN[]/?0123456789 ",
    "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
    "enter", "escape", "tab", "shift+tab", "backspace", "ctrl+p", "ctrl+d", "ctrl+u", "space",
]  # fmt: skip
PASTES = ["[/]", "[@click=app.quit]x[/]", "\x1b[31mred\x1b]52;c;QUJD\x07", "🇨🇳👨‍👩‍👧" * 50, "2018\n1999", "a" * 5000]
SIZES = [(200, 50), (120, 40), (80, 24), (60, 20), (40, 12), (20, 6), (300, 80)]
STEPS = 120


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_use_never_stops_the_app_or_leaks_an_escape(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    app = make_app(load(path), theme="textual-dark", remember=False)
    rng = random.Random(seed)
    async with app.run_test(size=(120, 40)) as pilot:
        for step in range(STEPS):
            roll = rng.random()
            if roll < 0.8:
                await pilot.press(*(rng.choice(KEYS) for _ in range(rng.randint(1, 4))))
            elif roll < 0.9:
                app.post_message(events.Paste(rng.choice(PASTES)))  # as the terminal sends one
            else:
                await pilot.resize_terminal(*rng.choice(SIZES))
            await pilot.pause()
            assert app.is_running and app.return_code is None, f"stopped at step {step} (seed {seed})"
            if step % 20 == 19:
                screen_text(app)  # asserts no escape reached the screen
