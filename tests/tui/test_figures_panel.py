"""The figures panel with a reader's keys: growth figures that agree, human names, the comparisons
over the years, the own-scale opt-out, and a chart opened full-screen with its table."""

from __future__ import annotations

import re

from textual.pilot import Pilot

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load, parse
from chiptui.core.model import Chart, Comparison, Series
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.chart_view import ChartScreen
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.chart import YEAR_WIDTH
from chiptui.tui.widgets.figures_panel import FiguresPanel, figure_blocks
from chiptui.tui.widgets.sheet import Item, Sheet, wrap_sheet
from tests.conftest import VALID
from tests.core.test_series import SERIES
from tests.settle import settle

BUNDLED = load(bundled_timeline())


def shown(timeline_year: int, width: int = 34) -> list[str]:
    event = next(e for e in BUNDLED.events if e.year == timeline_year)
    return [line.plain for line, _, _ in wrap_sheet(Sheet(lambda w: figure_blocks(BUNDLED, event, w)), width).lines]


def panel_text(app: ChipApp) -> str:
    """The panel's words, whatever width it wraps at (a line's breaks are spaces)."""
    return " ".join(line.plain.strip() for line, _, _ in app.screen.query_one(FiguresPanel).body.lines)


async def test_one_growth_figure_per_value_and_it_is_the_sources() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        text = panel_text(app)
        assert "+19.8% on 2017, as reported" in text and "+20.0%" not in text
        assert "Note: +19.8%" not in text
        await pilot.press("2", "0", "1", "3")
        await settle(pilot, lambda: "Figures for 2013" in panel_text(app))
        text = panel_text(app)
        assert "+20% on 2012, as reported" in text and "+20.9%" not in text  # imports
        assert "+63% on 2012, as reported" in text and "+64.7%" not in text  # exports


def test_no_internal_id_reaches_the_panel_in_any_year() -> None:
    ids = [*BUNDLED.series(), *(c.id for c in BUNDLED.charts)]
    for year in sorted({e.year for e in BUNDLED.events}):
        text = "\n".join(shown(year))
        for record_id in ids:
            assert not re.search(rf"(?<![\w-]){re.escape(record_id)}(?![\w-])", text), (year, record_id)


def test_the_comparison_over_the_years_marks_the_year_and_what_is_missing_or_approximate() -> None:
    lines = shown(2013)
    start = next(i for i, line in enumerate(lines) if "IC imports against world" in line)
    chart = lines[start : lines.index("", start)]
    marked = [line for line in chart if line.startswith("▶")]
    assert marked and marked[0].startswith("▶2013 █")  # the cursor's year, its imports row
    after = chart[chart.index(marked[0]) + 1]
    assert after.strip().startswith("▒") and after.rstrip().endswith("305.6")  # world sales: another glyph
    assert any(line.startswith(" 2014 (█) no figure") for line in chart)  # a missing year says so
    assert any("≈170.3" in line for line in chart)  # an approximate value is marked
    years = {int(m[1]) for line in chart if (m := re.match(r"[ ▶](\d{4}) ", line))}
    assert years == set(range(2004, 2020))  # every year labelled
    assert "468.8 USD bn = World semiconductor sales, 2018, the largest value on this chart" in " ".join(chart)


def test_the_axis_ends_where_the_largest_bar_ends() -> None:
    lines = shown(2018, 60)
    start = next(i for i, line in enumerate(lines) if "IC imports against world" in line)
    world = next(lines[i + 1] for i in range(start, len(lines)) if lines[i].startswith("▶2018"))
    axis = next(line for line in lines[start:] if line.strip().startswith("0─"))
    assert axis.index("0") == YEAR_WIDTH and len(world) - len(world.lstrip()) == YEAR_WIDTH
    assert len(axis) == len(world.split()[0]) + YEAR_WIDTH and axis.endswith(" 468.8")  # 468.8 is the longest bar


def test_the_deficit_is_the_gap_and_is_labelled_computed() -> None:
    lines = shown(2018, 60)
    start = next(i for i, line in enumerate(lines) if "IC imports against its IC exports" in line)
    chart = lines[start : lines.index("", start)]
    assert "Δ  IC trade deficit: China IC imports less China IC exports, computed" in " ".join(chart)
    exports = next(chart[i + 1] for i, line in enumerate(chart) if line.startswith("▶2018"))
    assert exports.split()[-2:] == ["84.636", "Δ227.4"]


def test_an_own_scale_is_said_on_the_axis() -> None:
    timeline = parse(VALID + SERIES, "t.toml")
    event = timeline.events[-1]
    lines = [line.plain for line, _, _ in wrap_sheet(Sheet(lambda w: figure_blocks(timeline, event, w)), 80).lines]
    title = next(i for i, line in enumerate(lines) if line.startswith("  Unigroup's deals"))
    assert "own scale" in lines[title]
    chart = lines[title : lines.index("", title)]
    assert "Own scale: 2.3 USD bn = Unigroup's deals, 2015, this series' largest. Not comparable" in " ".join(chart)
    axis = next(line for line in chart if line.strip().startswith("0─"))
    assert axis.endswith(" 2.3")  # its axis runs to its own largest value, not the unit's 312.06


async def mark(pilot: Pilot[None], panel: FiguresPanel, item: int) -> None:
    """↓ until `item` is marked: a tall item is scrolled through before the next is marked."""
    for _ in range(200):
        if panel.highlighted == item:
            return
        await pilot.press("down")
    raise AssertionError(f"item {item} was never marked")


async def test_enter_on_a_chart_opens_it_full_screen_with_its_table() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.screen.query_one(FiguresPanel)
        panel.focus()
        await pilot.pause()
        charts = [i for i, item in enumerate(panel.items) if isinstance(item.target, Chart)]
        await mark(pilot, panel, charts[0])
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ChartScreen))
        screen = app.screen
        assert isinstance(screen, ChartScreen) and screen.target.id == "imports-against-world-sales"
        text = "\n".join(screen.lines)
        assert "▶2018" in text and "Year Series" in text
        assert "2018 China IC imports" in text and "312.06 USD bn  +19.8% reported" in text
        assert "Note: 417.57 bn units" in text  # the notes beneath their row
        assert "2005 China IC imports" in text and "no figure" in text  # missing years in the table too
        assert "Sources" in text and "https://" in text  # the sources in full
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_a_series_chart_opens_full_screen_too() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.screen.query_one(FiguresPanel)
        panel.focus()
        await pilot.pause()
        series = [i for i, item in enumerate(panel.items) if isinstance(item.target, Series)]
        await mark(pilot, panel, series[0])
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ChartScreen))
        screen = app.screen
        assert isinstance(screen, ChartScreen)
        text = " ".join(screen.lines)
        assert "China IC market (IC Insights) · USD bn · 2018" in text
        assert "USD bn series share one scale: 468.8 USD bn = World semiconductor sales, 2018" in text


def test_a_unit_is_drawn_as_safe_text_in_every_chart_line() -> None:
    """A unit is data text like any other: no control character, and no joined emoji (which
    terminals draw at another width), in the panel's charts or a chart in full."""
    import attrs

    from chiptui.core.model import Timeline
    from chiptui.tui.screens.chart_view import chart_blocks

    unit = "CNY bn 👨\u200d👩\u200d👧 👍\U0001f3fd \x1b[31m\x07"
    hostile = attrs.evolve(
        BUNDLED,
        figures=[attrs.evolve(f, unit=unit) for f in BUNDLED.figures],
        series_records=[attrs.evolve(s, unit=unit) for s in BUNDLED.series_records],
    )
    assert isinstance(hostile, Timeline)
    texts: list[str] = []
    for year in sorted({f.year for f in hostile.figures}):
        event = next((e for e in hostile.events if e.year == year), hostile.events[0])
        texts += [b.content.plain if isinstance(b, Item) else b.plain for b in figure_blocks(hostile, event, 60) if b]
        targets: list[Chart | Series | Comparison] = [*hostile.charts, *hostile.series_records, *hostile.comparisons]
        for target in targets:
            blocks = chart_blocks(hostile, target, year, 100)
            texts += [b.content.plain if isinstance(b, Item) else b.plain for b in blocks if b]
    drawn = "\n".join(texts)
    assert "CNY bn" in drawn
    for unsafe in ("\u200d", "\U0001f3fd", "\x1b", "\x07"):
        assert unsafe not in drawn, repr(unsafe)
