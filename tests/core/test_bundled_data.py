"""The bundled timeline: complete, cited, and faithful to the article it corrects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Event, Figure, Quote, Speaker, Timeline

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_e04aa16af7e83ea5.txt"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return load(bundled_timeline())


def test_the_whole_history_is_there(timeline: Timeline) -> None:
    assert len(timeline.events) >= 66
    assert timeline.events[0].date.iso() == "1958-09-12"
    assert max(e.year for e in timeline.events) == 2019
    assert set(timeline.speakers) == {"wei-shaojun", "zhao-weiguo"}
    assert timeline.speakers["wei-shaojun"].name_zh == "魏少军"
    assert timeline.speakers["zhao-weiguo"].name_zh == "赵伟国"


def test_every_year_is_inside_an_era(timeline: Timeline) -> None:
    assert [y for y in range(1958, 2020) if not timeline.eras_for_year(y)] == []
    assert all(era.summary for era in timeline.eras)


def test_everything_is_cited_and_every_source_is_used(timeline: Timeline) -> None:
    cited: set[str] = set()
    records: list[Event | Figure | Quote] = [*timeline.events, *timeline.figures, *timeline.quotes]
    for record in records:
        assert record.sources, record.id
        cited.update(record.sources)
    assert cited <= set(timeline.sources)
    assert set(timeline.sources) - cited == set()


def test_one_unit_per_series(timeline: Timeline) -> None:
    units: dict[str, set[str]] = {}
    for figure in timeline.figures:
        if figure.series:
            units.setdefault(figure.series, set()).add(figure.unit)
    assert {"cn-ic-imports", "cn-ic-exports", "world-semi-sales"} <= set(units)
    assert all(len(u) == 1 for u in units.values()), units


def test_missing_years_stay_missing(timeline: Timeline) -> None:
    imports = {f.year for f in timeline.figures if f.series == "cn-ic-imports"}
    assert 2014 not in imports and 2015 not in imports
    assert {f.year for f in timeline.figures if f.series == "world-semi-sales"} == set(range(1990, 2020))
    derived = [f for f in timeline.figures if f.note and f.note.startswith("derived")]
    assert derived and all(f.approx for f in derived)


def test_the_interviews_figures_for_2018(timeline: Timeline) -> None:
    values = {f.value for f in timeline.figures_for_year(2018)}
    assert {312.06, 468.8, 158.0, 160.0, 37.0} <= values
    big_fund = [f for f in timeline.figures if f.seed_says and "125 billion" in f.seed_says]
    assert [f.value for f in big_fund] == [138.7]


@pytest.mark.parametrize(
    "wrong",
    [
        "Exhibition News",
        "Redico",
        "Xinhua",
        "Yangtze River Storage",
        "Ziguang",
        "National Integrated Circuit Industry Development Promotion Program",
        "ten years of turmoil",
        "Chairman of the Institute of Microelectronics",
        "125 billion yuan",
    ],
)
def test_the_articles_mistakes_are_corrected_in_the_open(timeline: Timeline, wrong: str) -> None:
    records: list[Speaker | Event | Figure] = [*timeline.speakers.values(), *timeline.events, *timeline.figures]
    corrected = [r for r in records if r.seed_says and wrong in r.seed_says and r.correction]
    assert corrected, f"no record keeps {wrong!r} with a correction"


def test_quotes_are_the_articles_words_verbatim(timeline: Timeline) -> None:
    if not SEED.is_file():
        pytest.skip("the seed article (shared/seed/ beside the repo) is not on this machine")
    article = SEED.read_text(encoding="utf-8")
    assert len(timeline.quotes) >= 10
    for quote in timeline.quotes:
        assert quote.text in article, quote.id
        assert quote.sources == ("s01",)


def test_each_quote_speaks_about_something(timeline: Timeline) -> None:
    for quote in timeline.quotes:
        assert quote.events or quote.years, quote.id
    imports = timeline.quotes_about_year(2018)
    assert any(q.speaker == "wei-shaojun" and "312 billion" in q.text for q in imports)


def test_truncated_lines_are_not_quotes(timeline: Timeline) -> None:
    texts = " ".join(q.text for q in timeline.quotes)
    for truncated in ("he began to move from", "gave a standard:", "said bluntly:", "needs to haveOn"):
        assert truncated not in texts


def test_dates_keep_their_precision(timeline: Timeline) -> None:
    by_id = {e.id: e for e in timeline.events}
    assert re.fullmatch(r"\d{4}", by_id["cultural-revolution"].date.iso())
    assert by_id["cultural-revolution"].end is not None and by_id["cultural-revolution"].end.year == 1976
    assert by_id["kilby-first-ic"].date.label() == "12 Sep 1958"
