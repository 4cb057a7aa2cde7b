"""Search and the palette find the same things by one rule; `&` shows only the matches and Esc
restores; matches are highlighted in the event panel. Keys in, state out."""

from __future__ import annotations

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.view import Search, View
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.commands import TimelineCommands
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.panel_body import PanelBody
from tests.settle import settle

BUNDLED = load(bundled_timeline())


def main(app: ChipApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen), app.screen
    return app.screen


async def palette_hits(app: ChipApp, query: str) -> list[str]:
    provider = TimelineCommands(app.screen)
    await provider.startup()
    return [hit.text or "" async for hit in provider.search(query)]


async def test_the_palette_lists_every_event_search_finds() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)):
        view = View(BUNDLED)
        for query in ("unigroup", "wei imports", "Exhibition News", "correction", "article said", "fund"):
            hits = await palette_hits(app, query)
            found = {f"{e.date.label()}  {e.title}" for e in map(view.event, Search(view, query).positions)}
            events = {hit for hit in hits if any(hit == f"{e.date.label()}  {e.title}" for e in BUNDLED.events)}
            assert events == found, query
        assert len(Search(view, "unigroup")) >= 8  # the palette once found 5 of them


async def test_the_palette_finds_wei_on_imports_and_no_scattered_letters() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)):
        hits = await palette_hits(app, "wei imports")
        quotes = [hit for hit in hits if hit.startswith("Quote: Wei Shaojun")]
        wanted = [q for q in BUNDLED.quotes if q.speaker == "wei-shaojun" and "imports" in q.text.casefold()]
        assert wanted and len(quotes) >= len(wanted)
        assert not [hit for hit in await palette_hits(app, "imports") if "group of people" in hit]
        corrections = [hit for hit in await palette_hits(app, "Redico") if hit.startswith("Correction: ")]
        assert corrections == [h for h in corrections if "RDA" in h] and corrections


async def test_ampersand_shows_only_the_matches_and_esc_restores() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("slash", *"unigroup", "enter")
        await settle(pilot, lambda: screen.search is not None and len(screen.search) >= 8)
        assert screen.search is not None
        matches = len(screen.search)
        await pilot.press("ampersand")
        await settle(pilot, lambda: len(screen.view) == matches)
        assert len(screen.view) == matches and screen.filter.text == "unigroup"
        assert all("unigroup" in BUNDLED.search_texts()[i] for i in screen.view.indices)
        await pilot.press("n")  # the search still steps through its matches
        await pilot.press("escape")
        await settle(pilot, lambda: len(screen.view) == len(BUNDLED.events))
        assert screen.search is None and not screen.filter.active


async def test_ampersand_without_a_search_does_nothing() -> None:
    app = make_app(BUNDLED)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ampersand")
        await pilot.pause()
        assert len(main(app).view) == len(BUNDLED.events) and not main(app).filter.active


async def test_matches_are_highlighted_in_the_event_text() -> None:
    app = make_app(BUNDLED, start_year=2013)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main(app)
        await pilot.press("slash", *"exhibition", "enter")
        await settle(pilot, lambda: screen.selected is not None and screen.selected.id == "spreadtrum-deal")
        body = screen.query_one(EventPanel).query_one(PanelBody)

        def underlined() -> list[str]:
            words = []
            for y in range(len(body.lines)):  # the whole text, from its top
                for segment in body.render_line(y):
                    style = segment.style
                    # a match is bold and underlined; a source's link is underlined too, but links
                    if style is not None and style.underline and not style.link and segment.text.strip():
                        words.append(segment.text)
            return words

        await settle(pilot, lambda: "Exhibition" in underlined())
        assert {w.casefold() for w in underlined()} == {"exhibition"}
        await pilot.press("escape")
        await settle(pilot, lambda: not underlined())
        assert not underlined()
