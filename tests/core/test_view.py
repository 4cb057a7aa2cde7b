"""The view's indexes (years, eras, filters, search) against brute force on real and random data."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Era, Timeline
from chiptui.core.view import KEPT_BACK, Filter, Search, View

BUNDLED = load(bundled_timeline())
REGIONS = sorted(BUNDLED.regions())
TAGS = sorted(BUNDLED.tags())
SPEAKERS = sorted(BUNDLED.speakers)


def ids(view: View) -> list[str]:
    return [view.event(p).id for p in range(len(view))]


def test_the_view_lists_every_event_under_its_era_headings(small: Timeline) -> None:
    view = View(small)
    assert ids(view) == [e.id for e in small.events]
    assert [r.id for r in view.rows if isinstance(r, Era)] == ["era-early", "era-late"]
    assert view.rows[0] == small.eras[0]
    for position, row in enumerate(view.row_of):
        assert view.rows[row] == position
    assert view.counts[2018] == 2


def test_years_step_to_the_first_event_of_the_next_or_previous_year(small: Timeline) -> None:
    view = View(small)
    years = []
    position: int | None = 0
    while position is not None:
        years.append(view.event(position).id)
        position = view.next_year(position, 1)
    assert years == ["ev-1958", "ev-1965", "ev-1978", "ev-2013", "ev-2018a", "ev-2019"]
    last = len(view) - 1
    assert view.event(view.next_year(last, -1) or 0).id == "ev-2018a"
    assert view.next_year(0, -1) is None
    sixth = ids(view).index("ev-2018b")
    assert view.event(view.next_year(sixth, -1) or 0).id == "ev-2013"  # not its own year's first event


def test_eras_step_to_the_first_event_under_each_heading(small: Timeline) -> None:
    view = View(small)
    late = ids(view).index("ev-2013")
    assert view.next_era(0, 1) == late
    assert view.next_era(late, 1) is None
    assert view.next_era(late, -1) == 0
    assert view.next_era(late + 2, -1) == late  # back to the start of its own era first
    assert view.next_era(0, -1) is None
    era = view.era_at(late + 1)
    assert era is not None and era.id == "era-late"


def test_a_typed_year_lands_on_its_first_event_or_the_nearest_year(small: Timeline) -> None:
    view = View(small)
    assert view.event(view.position_for_year(2018) or 0).id == "ev-2018a"
    assert view.event(view.position_for_year(1990) or 0).id == "ev-1978"  # 12 years away, not 23
    assert view.event(view.position_for_year(1000) or 0).id == "ev-1958"
    assert view.event(view.position_for_year(9999) or 0).id == "ev-2019"
    assert View(small, Filter(regions={"nowhere"})).position_for_year(2018) is None


def test_filters_combine_within_and_across_kinds(small: Timeline) -> None:
    assert ids(View(small, Filter(regions={"world"}))) == ["ev-1958"]
    assert ids(View(small, Filter(regions={"world", "china"}))) == ["ev-1958", "ev-1965"]
    assert ids(View(small, Filter(regions={"china"}, tags={"invention"}))) == []
    assert ids(View(small, Filter(speakers={"speaker-one"}))) == ["ev-1978", "ev-2018a"]
    assert ids(View(small, Filter(speakers={"speaker-two"}))) == ["ev-2018a"]
    described = Filter(regions={"china", "world"}, speakers={"speaker-one"}).describe(small)
    assert described == "region: china, world · speaker: Speaker One"
    assert not Filter().active and Filter().describe(small) == ""


def test_a_hidden_event_keeps_the_nearest_visible_one(small: Timeline) -> None:
    view = View(small, Filter(speakers={"speaker-one"}))  # ev-1978 (2), ev-2018a (4)
    assert view.position_of(4) == 1 and view.position_of(3) is None
    assert view.event(view.nearest_position(3)).id == "ev-1978"  # one from each: the earlier
    assert view.event(view.nearest_position(5)).id == "ev-2018a"
    assert view.event(view.nearest_position(0)).id == "ev-1978"
    assert view.event(view.nearest_position(6)).id == "ev-2018a"


def test_search_finds_titles_text_quotes_and_corrections_in_any_case(small: Timeline) -> None:
    view = View(small)

    def found(query: str) -> list[str]:
        search = Search(view, query)
        return [view.event(p).id for p in search.positions]

    assert found("THIRD") == ["ev-1978"]
    assert found("dated to") == ["ev-1958", "ev-1965", "ev-1978"]
    assert found("imports matter") == ["ev-2018a"]  # a quote about the event
    assert found("right name") == ["ev-1978"]  # a correction
    assert found("wrong name") == ["ev-1978"]  # what the article said
    assert found("no such words") == []


def test_search_next_wraps_and_counts(small: Timeline) -> None:
    view = View(small)
    search = Search(view, "event")  # every title
    assert len(search) == len(view)
    assert search.next(len(view) - 1, 1) == 0
    assert search.next(0, -1) == len(view) - 1
    assert search.rank(2) == 3
    narrow = Search(view, "fifth")
    assert narrow.next(0, 1) == narrow.next(6, 1) == 4
    assert narrow.rank(0) is None
    assert list(narrow.spans("The Fifth fifth")) == [(4, 9), (10, 15)]


def brute_next_year(view: View, position: int, step: int) -> int | None:
    year = view.years[position]
    if step > 0:
        return next((p for p in range(len(view)) if view.years[p] > year), None)
    earlier = [y for y in view.years if y < year]
    return view.years.index(max(earlier)) if earlier else None


filters = st.builds(
    Filter,
    st.sets(st.sampled_from(REGIONS), max_size=3),
    st.sets(st.sampled_from(TAGS), max_size=3),
    st.sets(st.sampled_from(SPEAKERS), max_size=1),
)


@settings(max_examples=200, deadline=None)
@given(filters, st.integers(1950, 2030), st.data())
def test_view_indexes_agree_with_brute_force(filter: Filter, year: int, data: st.DataObject) -> None:
    view = View(BUNDLED, filter)
    speakers_of = BUNDLED.speakers_by_event()
    expected = [e.id for e in BUNDLED.events if filter.admits(e, speakers_of.get(e.id, frozenset()))]
    assert ids(view) == expected
    assert view.counts == Counter(BUNDLED.events[i].year for i in view.indices)  # the ruler's bars
    if not view:
        assert view.position_for_year(year) is None
        return
    landed = view.position_for_year(year)
    assert landed is not None
    best = min(abs(y - year) for y in view.years)
    assert abs(view.years[landed] - year) == best
    assert landed == view.years.index(view.years[landed])  # the first event of that year
    position = data.draw(st.integers(0, len(view) - 1))
    for step in (1, -1):
        assert view.next_year(position, step) == brute_next_year(view, position, step)


@settings(max_examples=200, deadline=None)
@given(filters, st.text(alphabet="abcdeinorst ", min_size=1, max_size=4), st.text(alphabet="aeinrst", max_size=3))
def test_a_longer_query_narrows_to_what_a_fresh_search_finds(filter: Filter, start: str, more: str) -> None:
    view = View(BUNDLED, filter)
    first = Search(view, start)
    assert Search(view, start + more, previous=first).positions == Search(view, start + more).positions
    texts = BUNDLED.search_texts()
    words = start.casefold().split()  # every word, anywhere, in any case
    expected = [p for p in range(len(view)) if words and all(w in texts[view.indices[p]] for w in words)]
    assert first.positions == expected


def _kept_back(search: Search) -> int:
    """How many searches typed before `search` it still keeps."""
    depth, earlier = 0, search.before
    while earlier is not None:
        depth, earlier = depth + 1, earlier.before
    return depth


@settings(max_examples=150, deadline=None)
@given(filters, st.lists(st.one_of(st.sampled_from("aeinrst "), st.just("\b")), min_size=1, max_size=30))
def test_typing_and_backspace_find_what_a_fresh_search_finds(filter: Filter, keys: list[str]) -> None:
    """Each search is made from the one before, as the bar makes them; a Backspace back to a query
    typed before finds its matches again, and every search matches what a fresh one would."""
    view = View(BUNDLED, filter)
    query, search, made = "", None, []
    for key in keys:
        query = query[:-1] if key == "\b" else query + key
        search = Search(view, query, previous=search) if query.split() else None
        if search is not None:
            assert search.positions == Search(view, query).positions, query
            made.append(search)
    for search in made:  # the chain a search keeps is cut after KEPT_BACK of them
        assert _kept_back(search) <= KEPT_BACK


def test_a_backspace_finds_the_last_matches_again() -> None:
    view = View(BUNDLED)
    wa = Search(view, "wa", previous=Search(view, "w"))
    back = Search(view, "wa", previous=Search(view, "waf", previous=wa))
    assert back.positions is wa.positions  # found again, not searched again
    assert Search(view, "wa", previous=Search(View(BUNDLED), "wa")).positions is not wa.positions  # another view
    search = Search(view, "e")
    for n in range(2, 41):  # forty letters typed: only the last KEPT_BACK searches are kept
        search = Search(view, "e" * n, previous=search)
    assert _kept_back(search) == KEPT_BACK
