"""Sources: OSC 8 links on screen, `o` opens the selected item's source (choosing among several),
`y` copies a citation with a notice saying what was copied."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import OptionList

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.sources import SourceChooser, citation
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from tests.settle import settle

BUNDLED = load(bundled_timeline())


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What the app was asked to open and to copy (the browser and the clipboard are stubbed)."""
    asked: dict[str, list[str]] = {"open": [], "copy": []}
    monkeypatch.setattr(ChipApp, "open_url", lambda self, url, **kw: asked["open"].append(url))
    monkeypatch.setattr(ChipApp, "copy_to_clipboard", lambda self, text: asked["copy"].append(text))
    return asked


def notices(app: ChipApp) -> list[str]:
    return [n.message for n in app._notifications]


def links_drawn(panel: Panel) -> set[str]:
    """The OSC 8 targets in the panel's drawn lines (the segments Textual writes to the terminal)."""
    body = panel.body
    return {
        segment.style.link
        for y in range(len(body.lines))
        for segment in body.render_line(y)
        if segment.style is not None and segment.style.link
    }


async def test_every_source_shown_in_the_panels_is_a_hyperlink() -> None:
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        event = app.screen.query_one(EventPanel).selected
        assert event is not None
        wanted = {BUNDLED.sources[s].url for s in event.sources} - {None}
        assert wanted and wanted <= links_drawn(app.screen.query_one(EventPanel))
        quote_urls = {BUNDLED.sources[s].url for q in BUNDLED.quotes_for_event(event.id) for s in q.sources}
        assert quote_urls - {None} <= links_drawn(app.screen.query_one(QuotesPanel))
        figure_urls = {BUNDLED.sources[s].url for f in BUNDLED.figures_for_year(2018) for s in f.sources}
        assert figure_urls - {None} <= links_drawn(app.screen.query_one(FiguresPanel))


async def test_addresses_are_not_broken_over_lines_in_the_event_panel() -> None:
    app = make_app(BUNDLED, start_year=2018, theme="chiptui")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(EventPanel).body
        for line, _, _ in body.lines:
            for span in line.spans:
                link = getattr(span.style, "link", None)
                if link and line.plain[span.start : span.end].startswith("http"):
                    shown = line.plain[span.start : span.end]
                    assert shown == link or (shown.endswith("…") and link.startswith(shown[:-1]))


async def test_o_on_the_timeline_opens_the_events_source_after_choosing(calls: dict[str, list[str]]) -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        event = app.screen.query_one(EventPanel).selected
        assert event is not None and len(event.sources) > 1
        await pilot.press("o")
        assert isinstance(app.screen, SourceChooser)
        await pilot.press("down", "enter")
        await settle(pilot, lambda: bool(calls["open"]))
        assert calls["open"] == [BUNDLED.sources[event.sources[1]].url]
        assert any("Opening" in n for n in notices(app))


async def test_o_on_a_quote_opens_its_one_source_at_once(calls: dict[str, list[str]], small: Timeline) -> None:
    app = make_app(small, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(QuotesPanel).focus()
        await pilot.press("o")
        await settle(pilot, lambda: bool(calls["open"]))
        assert calls["open"] == ["https://example.org/a"]


async def test_y_copies_the_citation_of_the_marked_figure_and_says_so(calls: dict[str, list[str]]) -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(FiguresPanel).focus()
        figure = BUNDLED.figures_for_year(2018)[0]
        await pilot.press("y")
        assert isinstance(app.screen, SourceChooser)  # several sources: all, or one
        await pilot.press("enter")  # all of them
        await settle(pilot, lambda: bool(calls["copy"]))
        sources = [BUNDLED.sources[s] for s in figure.sources]
        assert calls["copy"] == ["\n".join(citation(s) for s in sources)]
        assert any(f"Copied {len(sources)} citations" in n for n in notices(app))


async def test_y_in_the_quote_in_full_copies_title_publisher_date_and_address(calls: dict[str, list[str]]) -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(QuotesPanel).focus()
        await pilot.press("enter", "y")
        await settle(pilot, lambda: bool(calls["copy"]))
        seed = BUNDLED.sources["s01"]
        copied = calls["copy"][0]
        assert seed.publisher is not None and seed.url is not None
        assert seed.title in copied and seed.publisher in copied and "12 Sep 2019" in copied and seed.url in copied
        assert any(n.startswith("Copied Dialogue between Wei Shaojun") for n in notices(app))


async def test_the_chooser_closes_with_q_and_nothing_is_opened(calls: dict[str, list[str]]) -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "o")  # the event in full's sources
        assert isinstance(app.screen, SourceChooser)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len([s for s in app.screen.sources if s.url])
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, SourceChooser) and calls["open"] == []


def test_a_citation_has_title_publisher_date_and_address() -> None:
    source: Any = BUNDLED.sources["s01"]
    assert source.title.endswith("?")  # no full stop after it
    assert citation(source) == f"{source.title} {source.publisher}, 12 Sep 2019. {source.url}"


async def test_only_web_addresses_are_linked_or_opened(calls: dict[str, list[str]], small: Timeline) -> None:
    import attrs

    odd = attrs.evolve(small.sources["src-a"], url="file:///etc/passwd")
    timeline = attrs.evolve(small, sources={**small.sources, "src-a": odd})
    app = make_app(timeline, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "file:///etc/passwd" not in links_drawn(app.screen.query_one(EventPanel))
        await pilot.press("o")
        await pilot.pause()
        assert calls["open"] == [] and any("has a web (http) address" in n for n in notices(app))
