"""The explorer under pressure: a burst of keys in the tour, a huge paste, series over thousands of
years, a browser that sends nonsense sizes, a fault in the app itself (one line, exit 1)."""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path

from textual import events
from textual.widgets import Static

from chiptui.cli import fault_line
from chiptui.core.loader import parse
from chiptui.core.model import Timeline
from chiptui.tui.app import make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.screens.tour import TourScreen
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.prompts import QUERY_MAX, SearchBar


async def test_a_burst_of_keys_stops_the_tour_once(small: Timeline) -> None:
    for _ in range(5):
        app = make_app(small, remember=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, TourScreen)
            await pilot.press("down", "down", "down")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen) and app.is_running and app.return_code is None


async def test_a_huge_paste_into_the_search_is_cut_and_cleaned(small: Timeline) -> None:
    app = make_app(small, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        bar = app.screen.query_one(SearchBar)
        started = time.monotonic()
        app.post_message(events.Paste("\x1b[31mred\x1b[0m\x1b]52;c;QUJD\x07" * 10_000 + "\nsecond line"))
        await pilot.pause()
        assert time.monotonic() - started < 5
        assert len(bar.value) == QUERY_MAX and "\x1b" not in bar.value and "\x07" not in bar.value
        await pilot.press(*"typed past the end")
        assert len(bar.value) == QUERY_MAX


def many_series(count: int) -> str:
    """`count` series, each with a figure in 1000 and one in 9999."""
    lines = ['schema = 1\n[[source]]\nid = "s"\ntitle = "S"\n[[event]]\nid = "e"\ndate = "2000"']
    lines.append('title = "E"\ntext = "T"\nsources = ["s"]')
    for n in range(count):
        for year in (1000, 9999):
            lines.append(f'[[figure]]\nid = "f{n}-{year}"\nseries = "s{n}"\nlabel = "Series {n}"\nyear = {year}')
            lines.append('value = 1\nunit = "u"\nsources = ["s"]')
    return "\n".join(lines) + "\n"


async def test_series_over_thousands_of_years_cost_their_figures_not_their_span() -> None:
    timeline = parse(many_series(200), "many.toml")
    app = make_app(timeline, remember=False)
    started = time.monotonic()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = len(app.screen.query_one(FiguresPanel).body.lines)
        await pilot.press("down")
        await pilot.pause()
    assert lines < 200 * 12  # a few rows a series, not one per year of 9,000
    assert time.monotonic() - started < 30


def test_a_browser_size_is_clamped_and_nonsense_is_ignored() -> None:
    from chiptui.web.guards import MAX_HEIGHT, MAX_WIDTH, terminal_size

    assert terminal_size(100_000, 100_000) == (MAX_WIDTH, MAX_HEIGHT)
    assert terminal_size(-5, 0) == (1, 1)
    assert terminal_size(120, 40) == (120, 40)
    for width, height in (("x", 40), (120, None), (True, 40), (12.5, 40), ([1], {})):
        assert terminal_size(width, height) is None


def test_the_fault_line_is_the_exceptions_own_line() -> None:
    traceback = "╭─ Traceback ─╮\n│ frames       │\n╰──────────────╯\nScreenStackError: Can't pop\nscreen\n"
    assert fault_line(traceback) == "ScreenStackError: Can't pop screen"
    assert fault_line("") == "the explorer stopped"


CRASH = """
import sys
from chiptui.tui.screens.main import MainScreen
def broken(self, *args):
    raise RuntimeError("a fault in the app")
MainScreen.on_mount = broken
from chiptui import cli
sys.exit(cli.main(sys.argv[1:]))
"""


def run_in_terminal(*argv: str, timeout: float = 30) -> tuple[int, str]:
    """Run python with `argv` in a pseudo-terminal; its exit code and everything it wrote."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execv(sys.executable, [sys.executable, *argv])
    output, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_a_fault_in_the_app_is_one_line_and_exit_1(tmp_path: Path) -> None:
    os.environ.setdefault("CHIPTUI_STATE_DIR", str(tmp_path))
    code, output = run_in_terminal("-c", CRASH)
    tail = output[output.rfind("chiptui: internal error") :]
    assert code == 1, output[-2000:]
    assert tail.startswith("chiptui: internal error: RuntimeError: a fault in the app"), output[-2000:]
    assert "Traceback" not in output and "╭" not in tail
    code, output = run_in_terminal("-c", CRASH, "--debug")
    assert code == 1 and "RuntimeError" in output and "Traceback" in output


async def test_a_reload_onto_a_fifo_reports_it_and_keys_still_work(tmp_path: Path, small: Timeline) -> None:
    fifo = tmp_path / "timeline.toml"
    os.mkfifo(fifo)  # nothing writes to it: reading it would never end
    app = make_app(small, source=(fifo, "timeline.toml"), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        problems = str(app.screen.query_one("#problems", Static).render())
        assert "named pipe" in problems
        await pilot.press("q")
    assert app.return_code == 0


def test_drawn_text_is_as_wide_in_a_terminal_that_counts_code_points() -> None:
    """tmux and many terminals add up each code point's width; Textual counts grapheme clusters.
    What `cells` leaves agrees with both."""
    import unicodedata

    from rich.cells import cell_len

    from chiptui.tui.widgets.text import cells

    def per_code_point(text: str) -> int:
        width = 0
        for char in text:
            if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
                continue
            width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        return width

    for sample in ["👨‍👩‍👧 family", "👍🏽 tone", "☺️ vs16", "1️⃣ keycap", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 tags", "e\u0301", "魏少军", "plain"]:
        shown = cells(sample)
        assert cell_len(shown) == per_code_point(shown), sample
    assert cells("a\x1b[31mb\x07\tc\nd") == "a[31mb c d" and cells("x\ny", lines=True) == "x\ny"


def test_the_widest_title_is_measured_as_drawn() -> None:
    """The timeline's width for its titles: wide characters count twice, control characters not
    at all, whichever way (all ASCII, or not) the titles are measured."""
    from rich.cells import cell_len

    from chiptui.tui.widgets.text import cells, widest

    for titles in (["abc", "abcdef", "ab"], ["abc", "魏少军 and Zhao"], ["a\x1b[31mb\x07", "abc"], ["x"], []):
        assert widest(titles) == max((cell_len(cells(t)) for t in titles), default=0), titles
    assert widest(["魏少军"]) == 6 and widest(["abcd", "\x07\x07\x07\x07\x07"]) == 4
