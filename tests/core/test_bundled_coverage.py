"""The bundled timeline covers the whole period, the main chipmaking regions, and long series."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from chiptui.core.loader import load
from chiptui.core.model import Figure, Timeline

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "timeline.toml"

FIRST_YEAR, LAST_YEAR = 1958, 2019
# The earliest year for which China's IC imports and exports were found in a source.
EARLIEST_CHINA_TRADE_YEAR = 2004


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return load(BUNDLED)


def series(timeline: Timeline, name: str) -> list[Figure]:
    return [f for f in timeline.figures if f.series == name]


def test_every_year_has_an_event(timeline: Timeline) -> None:
    years = {event.year for event in timeline.events}
    assert [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if y not in years] == []


def test_at_least_150_events(timeline: Timeline) -> None:
    assert len(timeline.events) >= 150


@pytest.mark.parametrize("region", ["japan", "south-korea", "taiwan", "europe"])
def test_each_chipmaking_region_has_eight_events(timeline: Timeline, region: str) -> None:
    counts = Counter(event.region for event in timeline.events)
    assert counts[region] >= 8, counts


def test_world_sales_cover_every_year_from_1990(timeline: Timeline) -> None:
    years = [f.year for f in series(timeline, "world-semi-sales")]
    assert sorted(years) == list(range(1990, LAST_YEAR + 1))


@pytest.mark.parametrize(("name", "last"), [("cn-ic-imports", 2019), ("cn-ic-exports", 2018)])
def test_china_trade_goes_back_to_the_earliest_sourced_year(timeline: Timeline, name: str, last: int) -> None:
    figures = series(timeline, name)
    years = [f.year for f in figures]
    assert len(years) == len(set(years)), "one figure a year"
    assert min(years) <= EARLIEST_CHINA_TRADE_YEAR
    assert max(years) == last
    assert all(f.sources for f in figures)


def test_derived_values_say_so(timeline: Timeline) -> None:
    for figure in timeline.figures:
        if figure.note and figure.note.startswith("derived"):
            assert figure.approx, figure.id
