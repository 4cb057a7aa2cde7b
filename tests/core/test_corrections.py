"""The corrections (every record kind), the one matching rule, and the filter's "has a correction"
and "only matches", on the bundled data and on small timelines."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from chiptui.cli import bundled_timeline
from chiptui.core.corrections import corrected_events, corrections
from chiptui.core.loader import load
from chiptui.core.matching import Query
from chiptui.core.model import Comparison, Era, Event, Figure, Quote, Source, Speaker, Timeline
from chiptui.core.view import Filter, Search, View

BUNDLED = load(bundled_timeline())


def corrected_records(timeline: Timeline) -> set[tuple[str, str]]:
    """Brute force: every (kind, id) of a record that carries a correction."""
    kinds: dict[str, Iterable[Speaker | Source | Era | Event | Figure | Quote | Comparison]] = {
        "speaker": timeline.speakers.values(),
        "source": timeline.sources.values(),
        "era": timeline.eras,
        "event": timeline.events,
        "figure": timeline.figures,
        "quote": timeline.quotes,
        "comparison": timeline.comparisons,
    }
    return {(kind, r.id) for kind, records in kinds.items() for r in records if r.correction}


def test_every_corrected_record_of_every_kind_is_listed_once() -> None:
    found = corrections(BUNDLED)
    listed = [(c.kind, c.id) for c in found]
    assert len(listed) == len(set(listed))
    assert set(listed) == corrected_records(BUNDLED)
    assert len(found) == 29  # 12 events, 9 quotes, 6 figures, 2 speakers
    assert {c.kind for c in found} == {"speaker", "event", "figure", "quote"}
    assert all(c.correction for c in found)
    said = {c.id: c.seed_says for c in found}
    assert said["wei-shaojun"] == "Chairman of the Institute of Microelectronics of Tsinghua University"
    assert said["big-fund-1-raised"] == "125 billion yuan"


def test_a_record_the_article_got_right_is_not_a_correction() -> None:
    ids = {c.id for c in corrections(BUNDLED)}
    right = [f.id for f in BUNDLED.figures if f.seed_says and not f.correction]
    assert right and not ids & set(right)  # e.g. "more than $312 billion": the figure is right


def test_each_correction_goes_to_its_record() -> None:
    for fix in corrections(BUNDLED):
        assert fix.index is not None, fix.id
        event = BUNDLED.events[fix.index]
        if fix.kind == "event":
            assert (event.id, fix.panel) == (fix.id, None)
        elif fix.kind == "quote":
            quote = next(q for q in BUNDLED.quotes if q.id == fix.id)
            where = event.id in quote.events if quote.events else event.year == quote.years[0]
            assert where and fix.panel == "quotes"  # a quote about no event: the first of its year
        elif fix.kind == "figure":
            figure = BUNDLED.figure(fix.id)
            assert figure is not None and event.year == figure.year and fix.panel == "figures"
        elif fix.kind == "speaker":
            quoted = {e for q in BUNDLED.quotes if q.speaker == fix.id for e in q.events}
            assert event.id in quoted and fix.panel == "quotes"


def test_the_people_come_first_then_the_timeline_order() -> None:
    found = corrections(BUNDLED)
    assert [c.kind for c in found[:2]] == ["speaker", "speaker"]
    places = [c.index or 0 for c in found[2:]]
    assert places == sorted(places)


def test_other_record_kinds_are_found_too(small: Timeline) -> None:
    era = attrs.evolve(small.eras[0], seed_says="the old days", correction="Earlier than that.")
    source = attrs.evolve(small.sources["src-a"], correction="The date is wrong.")
    timeline = attrs.evolve(small, eras=(era, *small.eras[1:]), sources={**small.sources, "src-a": source})
    found = {(c.kind, c.id): c for c in corrections(timeline)}
    assert set(found) == corrected_records(timeline)
    assert found[("era", era.id)].index == timeline.index_for_year(era.start)
    assert found[("source", "src-a")].sources == ("src-a",)


def test_corrected_events_are_the_events_with_one_or_a_quote_with_one() -> None:
    ids = corrected_events(BUNDLED)
    expected = {e.id for e in BUNDLED.events if e.correction}
    expected |= {e for q in BUNDLED.quotes if q.correction for e in q.events}
    assert ids == expected and len(ids) == 15
    view = View(BUNDLED, Filter(corrected=True))
    assert {view.event(p).id for p in range(len(view))} == ids
    assert "has a correction" in view.filter.describe(BUNDLED)


def test_search_finds_the_labels_of_corrections_and_of_what_the_article_said() -> None:
    view = View(BUNDLED)
    found = {view.event(p).id for p in Search(view, "correction").positions}
    assert corrected_events(BUNDLED) <= found
    said = {view.event(p).id for p in Search(view, "article said").positions}
    assert {e.id for e in BUNDLED.events if e.seed_says} <= said
    inside = {view.event(p).id for p in Search(view, "literal rendering").positions}
    assert inside == {"spreadtrum-deal"}  # words inside a correction's text


def test_words_match_anywhere_in_any_order_but_never_letter_by_letter() -> None:
    query = Query("Imports WEI")
    assert query.matches("wei shaojun on chip imports") and query.matches_text("IMPORTS, said Wei")
    assert not query.matches("wei shaojun on exports")
    assert not Query("imports").matches_text("a group of people in markets, ports")
    assert not Query("   ").matches("anything") and not Query("")
    assert list(Query("fund big").spans("Big Fund, big fund")) == [(0, 3), (4, 8), (10, 13), (14, 18)]
    assert list(Query("ab abc").spans("xabcx")) == [(1, 4)]  # overlapping words: one span


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abeinorst ", max_size=6), st.text(alphabet="aeinrst ", max_size=3))
def test_a_query_narrows_only_when_it_finds_a_subset(start: str, more: str) -> None:
    before, after = Query(start), Query(start + more)
    if after.narrows(before):
        for text in BUNDLED.search_texts():
            assert not after.matches(text) or before.matches(text)


def test_only_matches_is_a_filter_that_keeps_other_parts() -> None:
    chosen = Filter(regions={"china"}, text="unigroup")
    view = View(BUNDLED, chosen)
    search = Search(View(BUNDLED, Filter(regions={"china"})), "unigroup")
    assert [view.event(p).id for p in range(len(view))] == [search.view.event(p).id for p in search.positions]
    assert chosen.describe(BUNDLED) == "region: china · matching “unigroup”"
    assert Filter(text="  ").active is False


def test_under_a_filter_no_era_heading_stands_over_no_events() -> None:
    for chosen in (Filter(speakers={"wei-shaojun"}), Filter(regions={"uk"}), Filter(corrected=True)):
        view = View(BUNDLED, chosen)
        for row, item in enumerate(view.rows):
            if isinstance(item, Era):
                below = view.rows[row + 1 :]
                first = next(r for r in below if isinstance(r, int))
                assert item.covers(view.years[first])
                nxt = below[0]
                # a heading directly over another heads events beyond the other's end
                if isinstance(nxt, Era):
                    assert any(item.covers(y) and not nxt.covers(y) for y in view.years)
        assert set(view.eras) <= set(BUNDLED.eras)
    wei = View(BUNDLED, Filter(speakers={"wei-shaojun"}))
    assert [e.title for e in wei.eras] == ["China: the shift of 2000", "China: state and private capital"]
    assert len(View(BUNDLED).eras) == len(BUNDLED.eras)  # without a filter, every era
