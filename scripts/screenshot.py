"""Make docs/screenshot.svg with the app itself: the bundled timeline at --year 2018, 120x40.

Run: .venv/bin/python scripts/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import make_app

OUT = Path(__file__).resolve().parents[1] / "docs"


async def main() -> None:
    app = make_app(load(bundled_timeline()), start_year=2018, theme="chiptui")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.save_screenshot("screenshot.svg", path=str(OUT))


if __name__ == "__main__":
    asyncio.run(main())
