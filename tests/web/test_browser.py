"""The explorer in a real browser: `chiptui serve`, headless Chromium (Debian's, driven by
Playwright, never a downloaded browser), keys typed into the page, the terminal's text read
back, then Ctrl+C, after which no process may remain.

The page draws the terminal with xterm.js on a canvas, so its text is not in the DOM: the test
rewrites textual-serve's script as it loads to keep a handle on the terminal, and reads its
buffer line by line. Without Chromium the test is skipped, unless CHIPTUI_REQUIRE_BROWSER is
set (CI sets it: there, a missing browser is a failure).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from tests.web.serving import chiptui_server, own_timeline, wait_until

HOOK = "this.terminal.open(e),"  # in textual-serve 1.1.3's static/js/textual.js
READ_SCREEN = """() => {
    const terminal = window.__terminal, lines = [];
    for (let row = 0; row < terminal.rows; row++)
        lines.push(terminal.buffer.active.getLine(row).translateToString(true, 0, terminal.cols));
    return lines.join("\\n");
}"""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium() -> str:
    found = os.environ.get("CHIPTUI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None or not sys.platform.startswith("linux"):
        if os.environ.get("CHIPTUI_REQUIRE_BROWSER"):
            pytest.fail("CHIPTUI_REQUIRE_BROWSER is set but there is no chromium (apt-get install chromium)")
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium)")
    return found


def test_the_explorer_in_a_browser(tmp_path: Path) -> None:
    executable = chromium()
    from playwright.sync_api import Route, sync_playwright

    elsewhere: list[str] = []

    with chiptui_server(own_timeline(tmp_path)) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})

        def keep_terminal(route: Route) -> None:
            script = route.fetch()
            assert HOOK in script.text(), "textual-serve's script changed: update HOOK"
            route.fulfill(response=script, body=script.text().replace(HOOK, HOOK + "window.__terminal=this.terminal,"))

        def refuse(route: Route) -> None:
            elsewhere.append(route.request.url)
            route.abort()

        page.route(lambda url: not url.startswith(served.url), refuse)
        page.route("**/static/js/textual.js", keep_terminal)
        page.goto(served.url)
        page.wait_for_selector("body.-first-byte", timeout=30_000)

        def screen() -> str:
            text: Any = page.evaluate(READ_SCREEN)
            return str(text)

        def shows(*texts: str, timeout: float = 15) -> str:
            wait_until(lambda: all(text in screen() for text in texts), timeout, f"{texts} on the page")
            return screen()

        events = load(bundled_timeline()).events
        count = len(events)
        first = shows(f"event 1 of {count}", events[0].title, timeout=30)
        assert "Timeline" in first and "Figures" in first and "Quotes" in first
        pixels = page.screenshot()

        page.focus(".xterm-helper-textarea")
        page.keyboard.press("End")
        shows(f"event {count} of {count}", events[-1].title[:30])
        for digit in "2014":
            page.keyboard.press(digit)
        shows("2014 · event", "National IC Industry Development Guideline")
        page.keyboard.press("?")
        shows("Finding a moment (from any panel)")
        page.keyboard.press("Escape")
        assert page.screenshot() != pixels

        page.set_viewport_size({"width": 560, "height": 500})  # under 70 columns: no side panels
        wait_until(lambda: bool(page.evaluate("() => window.__terminal.cols < 70")), 15, "a narrower terminal")
        wait_until(lambda: "Figures" not in screen(), 15, "the app to lay itself out again")
        shows("Timeline", "Event", "2014 · event", "National IC Industry")

        assert len(served.apps()) == 1
        started = time.monotonic()
        assert served.interrupt() == 0  # Ctrl+C with the tab still open
        assert time.monotonic() - started < 15
        page.wait_for_selector("body.-closed", timeout=10_000)
        browser.close()

    assert served.apps() == []
    assert elsewhere == [], "the page must ask nothing of other hosts"


def test_a_browser_that_goes_away_mid_start_leaves_no_process(tmp_path: Path) -> None:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    with chiptui_server(own_timeline(tmp_path)) as served, sync_playwright() as playwright:
        for _ in range(3):  # each browser quits as soon as its app process exists
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_page()
            with page.expect_websocket():
                page.goto(served.url, wait_until="commit")
            wait_until(lambda: bool(served.apps()), 20, "the app process")
            browser.close()
            wait_until(lambda: not served.apps(), 10, "the app to be stopped")
        assert served.process.poll() is None
        assert served.interrupt() == 0
    assert served.apps() == []
