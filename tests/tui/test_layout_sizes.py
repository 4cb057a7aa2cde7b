"""The main screen's layout at each size: how much of the titles shows, how the panels share the
right side, the panels taking turns in a small terminal, context around the cursor, the ruler's
era names."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel_tabs import PanelTabs
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.ruler import YearRuler, band_label
from chiptui.tui.widgets.timeline_list import SCROLLOFF, TimelineList

BUNDLED = load(bundled_timeline())
LONGEST = max(cell_len(event.title) for event in BUNDLED.events)


def main(app: ChipApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def title_room(timeline: TimelineList) -> int:
    """How many cells of a title a row shows: the row less the mark, the date and the gaps."""
    return timeline.scrollable_content_region.width - (1 + timeline.date_width + 3) - 1


@pytest.mark.parametrize(("size", "room"), [((200, 50), LONGEST), ((120, 40), 35), ((80, 24), 25)])
async def test_the_timeline_is_as_wide_as_its_titles_allow(size: tuple[int, int], room: int) -> None:
    """Before: 30 title cells at 120x40 and 21 at 80x24; at 200x50 no title is cut, with no
    column to spare beyond the longest."""
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        timeline = main(app).timeline_list
        assert title_room(timeline) >= room, title_room(timeline)
        if size[0] == 200:
            assert title_room(timeline) == LONGEST  # the panels get the rest
            assert main(app).query_one(EventPanel).region.width > 100


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (100, 40), (120, 24)])
async def test_in_a_small_terminal_the_panels_take_turns_and_tab_reaches_each(size: tuple[int, int]) -> None:
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = main(app)
        tabs = screen.query_one(PanelTabs)
        assert tabs.display and screen.taking_turns
        for panel_type in (EventPanel, FiguresPanel, QuotesPanel):
            await pilot.press("tab")
            await pilot.pause()
            focused = app.focused
            assert isinstance(focused, panel_type), (size, focused)
            shown = [p for p in screen.query("#event, #figures, #quotes") if p.region.area]
            assert shown == [focused]  # the whole right side is the focused panel's
            assert focused.region.height >= (size[1] - 10 if size[0] >= 70 else 5)
        await pilot.press("tab")
        assert isinstance(app.focused, TimelineList)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert isinstance(app.focused, QuotesPanel) and screen.panel == "quotes"
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert isinstance(app.focused, TimelineList)
        assert screen.panel == "event"
        await pilot.press("t")  # the next panel; focus stays on the timeline
        await pilot.pause()
        assert screen.panel == "figures" and isinstance(app.focused, TimelineList)


async def test_the_selected_title_is_readable_in_whole_when_the_event_panel_is_not_shown() -> None:
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main(app)
        title = " ".join(screen.selected.title.split()) if screen.selected else ""
        assert len(title) > title_room(screen.timeline_list)  # the list cuts it
        await pilot.press("t")
        await pilot.pause()
        assert screen.panel == "figures"
        assert title in " ".join(str(screen.query_one(PanelTabs).render()).split())
        await pilot.press("t", "t")
        await pilot.pause()
        assert screen.panel == "event"
        assert title in " ".join(str(screen.query_one(EventPanel).body.render()).split())


async def test_the_event_panel_is_as_tall_as_its_text_and_the_side_panels_get_the_rest() -> None:
    """Before, at 200x50 the first event left 8 rows of its panel empty and the figures and the
    quotes had 18 rows; a long event takes half the height, no more."""
    app = make_app(BUNDLED, theme="chiptui")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = main(app)
        event = screen.query_one(EventPanel)
        text_rows = len(event.body.lines)
        assert event.region.height == text_rows + 2  # its text and its border, no empty rows
        assert screen.query_one(FiguresPanel).region.height >= 44 - event.region.height - 1
        await pilot.press(*"2018")
        await pilot.pause()
        await pilot.pause()
        detail = screen.query_one("#detail").region.height
        assert len(event.body.lines) + 2 > detail // 2  # a long event …
        assert event.region.height == detail // 2  # … takes half
        assert screen.query_one(QuotesPanel).region.height == detail - detail // 2


async def test_moving_to_a_year_keeps_rows_below_the_cursor_in_sight() -> None:
    """Before, → to 2018's first event put it on the last row, hiding the year's other events."""
    app = make_app(BUNDLED, start_year=2017, theme="chiptui")
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = main(app).timeline_list
        for key in ["right", "right", "left", "pagedown", "down", "end", "home", "up"]:
            await pilot.press(key)
            await pilot.pause()
            row = timeline.view.row_of[timeline.cursor]
            top, height = timeline.scroll_offset.y, timeline.scrollable_content_region.height
            rows = len(timeline.view.rows)
            assert row - top >= min(SCROLLOFF, row), (key, row, top)
            assert top + height - 1 - row >= min(SCROLLOFF, rows - 1 - row), (key, row, top)


def test_an_era_band_too_short_for_its_name_still_names_it() -> None:
    title = "China: state and private capital"
    assert band_label(title, 40) == "▏" + title + " " * 7
    assert band_label(title, 27) == "▏state and private capital "
    assert band_label(title, 23) == "▏state private capital "
    assert band_label(title, 10) == "▏state pr…"
    assert band_label(title, 2) == "▏s" and band_label(title, 1) == "▏"
    assert all(cell_len(band_label(title, n)) == n for n in range(1, 50))


async def test_the_mouse_over_an_era_band_shows_its_whole_name() -> None:
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=(120, 40)) as pilot:
        ruler = main(app).query_one(YearRuler)
        width = ruler.content_region.width
        lane = next(i for i, eras in enumerate(ruler.lanes) if eras[-1].title.startswith("China: state"))
        era = ruler.era_at(width - 2, lane + 2, width)
        assert era is not None and era.title == "China: state and private capital"
        await pilot.hover(YearRuler, offset=(width - 1, lane + 2))
        await pilot.pause()
        assert "China: state and private capital (2014–2019)" in str(ruler.tooltip)
        assert ruler.era_at(0, 0, width) is None


async def test_under_a_filter_the_ruler_bands_only_the_eras_of_the_events_it_shows() -> None:
    timeline = load(bundled_timeline())
    app = make_app(timeline, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        ruler = main(app).query_one(YearRuler)
        everything = [era for lane in ruler.lanes for era in lane]
        assert len(everything) == len(timeline.eras) and len(ruler.lanes) > 1
        await pilot.press("f", "tab", "tab", "space", "enter")  # one speaker's events
        await pilot.pause()
        view = main(app).view
        assert view.filter.active
        shown = [era for lane in ruler.lanes for era in lane]
        assert shown == list(view.eras) and len(shown) < len(everything)
        assert ruler.size.height == 2 + len(ruler.lanes)  # a lane fewer, a row fewer
        await pilot.press("escape")  # the filter cleared: every era again
        await pilot.pause()
        assert not main(app).view.filter.active
        assert [era for lane in ruler.lanes for era in lane] == everything


@pytest.mark.parametrize("size", [(80, 24), (99, 30), (120, 40)])
async def test_every_filter_choice_shows_whole_beside_the_others(size: tuple[int, int]) -> None:
    from chiptui.tui.screens.filter import GUTTER, Checklist, FilterScreen

    app = make_app(BUNDLED)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        lists = [w for w in app.screen.query(Checklist) if w.id != "corrected"]
        assert len(lists) == 3 and len({w.region.y for w in lists}) == 1  # side by side
        for checklist in lists:
            prompts = [checklist.get_option_at_index(i).prompt for i in range(checklist.option_count)]
            longest = max(cell_len(str(prompt)) for prompt in prompts)
            assert checklist.scrollable_content_region.width >= longest + GUTTER, (checklist.id, longest)


async def test_in_a_small_terminal_the_filter_lists_stack_and_each_shows_two_rows_or_more() -> None:
    from chiptui.tui.screens.filter import Checklist, FilterScreen

    app = make_app(BUNDLED)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        lists = [w for w in app.screen.query(Checklist) if w.id != "corrected"]
        assert len({w.region.x for w in lists}) == 1  # one above the other
        assert all(w.scrollable_content_region.height >= 2 for w in lists), [w.size for w in lists]
        assert app.screen.query_one("#filter-count").region.bottom <= app.size.height
