"""Pilot tests for the corrections view (`c`, the palette) and the filter dialog's "has a
correction", its checked and unchecked rows, and q. Keys in, state out."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from chiptui.cli import bundled_timeline
from chiptui.core.corrections import corrected_events, corrections
from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.corrections import CorrectionsScreen
from chiptui.tui.screens.filter import Checklist, FilterScreen
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from tests.settle import settle

BUNDLED = load(bundled_timeline())


def main(app: ChipApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen), app.screen
    return app.screen


def selected(app: ChipApp) -> str:
    event = main(app).selected
    assert event is not None
    return event.id


async def test_c_lists_every_correction_and_q_or_esc_close_it() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await settle(pilot, lambda: isinstance(app.screen, CorrectionsScreen))
        listed = app.screen.query_one(OptionList)
        entries = [listed.get_option_at_index(i) for i in range(listed.option_count)]
        assert len(entries) == len(corrections(BUNDLED)) == 29
        first = str(entries[0].prompt)
        assert "Wei Shaojun" in first and "The article said:" in first and "Correction:" in first
        assert "Source:" in first or "Sources:" in first
        await pilot.press("q")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert selected(app) == BUNDLED.events[0].id  # closing goes nowhere
        await pilot.press("c", "escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert isinstance(app.screen, MainScreen)


def marked_id(panel: Panel, kind: str = "") -> object:
    """The marked item's record id (for a speaker's correction, its quote's speaker)."""
    target = panel.items[panel.highlighted].target if panel.items else None
    return getattr(target, "speaker" if kind == "speaker" else "id", None)


async def test_enter_goes_to_the_record_and_the_panel_that_shows_it() -> None:
    fixes = corrections(BUNDLED)
    event_at = next(n for n, c in enumerate(fixes) if c.kind == "event")
    figure_at = next(n for n, c in enumerate(fixes) if c.kind == "figure")
    quote_at = next(n for n, c in enumerate(fixes) if c.kind == "quote")
    speaker_at = next(n for n, c in enumerate(fixes) if c.kind == "speaker" and c.panel)
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)) as pilot:
        cases = ((event_at, None), (figure_at, FiguresPanel), (quote_at, QuotesPanel), (speaker_at, QuotesPanel))
        for at, focused in cases:
            await pilot.press("c")
            await settle(pilot, lambda: isinstance(app.screen, CorrectionsScreen))
            await pilot.press(*["j"] * at, "enter")
            await settle(pilot, lambda: isinstance(app.screen, MainScreen))
            index = fixes[at].index
            assert index is not None
            target = BUNDLED.events[index].id
            await settle(pilot, lambda target=target: selected(app) == target)  # type: ignore[misc]
            assert selected(app) == target
            if focused is not None:
                panel = app.screen.query_one(focused)
                await settle(pilot, lambda panel=panel: app.screen.focused is panel)  # type: ignore[misc]
                assert app.screen.focused is panel
                # The record itself is marked, in sight: not the panel's first item
                record, kind = fixes[at].id, fixes[at].kind
                await settle(pilot, lambda p=panel, r=record, k=kind: marked_id(p, k) == r)  # type: ignore[misc]
                assert marked_id(panel, kind) == record
                top, _ = panel.item_lines[panel.highlighted]
                assert panel.body.scroll_y <= top < panel.body.scroll_y + panel.view_height


async def test_at_80x24_the_record_is_marked_in_the_panel_shown_for_it() -> None:
    """Where the panels take turns the record's panel is shown, then laid out, then marked."""
    fixes = corrections(BUNDLED)
    at = [n for n, c in enumerate(fixes) if c.kind == "figure"][-1]  # far down its year's figures
    app = make_app(BUNDLED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot, lambda: isinstance(app.screen, CorrectionsScreen))
        await pilot.press(*["j"] * at, "enter")
        await settle(pilot, lambda: isinstance(app.screen.focused, FiguresPanel))
        panel = app.screen.focused
        assert isinstance(panel, FiguresPanel)
        await settle(pilot, lambda: marked_id(panel) == fixes[at].id and panel.body.scroll_y > 0)
        top, _ = panel.item_lines[panel.highlighted]
        assert marked_id(panel) == fixes[at].id
        assert panel.body.scroll_y <= top < panel.body.scroll_y + panel.view_height


async def test_the_palette_opens_the_corrections_and_finds_each_one() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"corrections")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, CorrectionsScreen))
        assert isinstance(app.screen, CorrectionsScreen)
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("ctrl+p", *"Exhibition News")  # what the article called Spreadtrum
        await pilot.pause(0.4)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and selected(app) == "spreadtrum-deal")
        assert selected(app) == "spreadtrum-deal"


async def test_the_filter_has_a_correction_row_marked_x_when_checked(small: Timeline) -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await settle(pilot, lambda: isinstance(app.screen, FilterScreen))
        row = app.screen.query_one("#corrected", Checklist)
        assert row.render_line(0).text.startswith("[ ] Only events with a correction (15)")
        regions = app.screen.query_one("#regions", Checklist)
        assert app.screen.focused is regions
        await pilot.press("space")  # the first region: checked
        lines = [regions.render_line(y).text for y in range(2)]
        assert lines[0].startswith("[x] ") and lines[1].startswith("[ ] ")
        await pilot.press("space")
        await pilot.press("shift+tab", "space")  # Tab order ends on the corrections' row
        await settle(pilot, lambda: row.selected == ["corrected"])
        assert row.render_line(0).text.startswith("[x] ")
        count = app.screen.query_one("#filter-count", Static)
        assert "15 of 150 events match" in str(count.render())
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        screen = main(app)
        assert screen.filter.corrected and len(screen.view) == 15
        assert {screen.view.event(p).id for p in range(15)} == corrected_events(BUNDLED)


async def test_q_and_esc_close_the_filter_without_changing_it(small: Timeline) -> None:
    app = make_app(small)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("q", "escape"):
            await pilot.press("f", "space", key)
            await settle(pilot, lambda: isinstance(app.screen, MainScreen))
            assert isinstance(app.screen, MainScreen) and not main(app).filter.active
