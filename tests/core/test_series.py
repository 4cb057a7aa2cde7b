"""[[series]] and [[chart]]: how a series is named, what `check` refuses, what export keeps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core.charts import scales
from chiptui.core.export import markdown, to_json
from chiptui.core.loader import DataError, load, parse
from tests.conftest import VALID

Write = Callable[..., Path]

SERIES = """
[[figure]]
id = "imports-2017-usd"
series = "imports"
label = "Imports"
year = 2017
value = 260.143
unit = "USD bn"
sources = ["article"]

[[figure]]
id = "exports-2017"
series = "exports"
label = "Exports"
year = 2017
value = 66.877
unit = "USD bn"
sources = ["article"]

[[figure]]
id = "exports-2018"
series = "exports"
label = "Exports"
year = 2018
value = 84.636
unit = "USD bn"
change = 26.6
sources = ["article"]

[[figure]]
id = "deal-2013"
series = "deals"
label = "Deal A"
year = 2013
value = 1.78
unit = "USD bn"
sources = ["article"]

[[figure]]
id = "deal-2015"
series = "deals"
label = "Deal B"
year = 2015
value = 2.3
unit = "USD bn"
sources = ["article"]

[[series]]
id = "imports"
label = "China's IC imports"
unit = "USD bn"
note = "Customs values."
sources = ["article"]

[[series]]
id = "deals"
label = "Unigroup's deals"
unit = "USD bn"
scale = "own"

[[chart]]
id = "imports-against-exports"
title = "Imports against exports"
series = ["imports", "exports"]
gap = "Trade deficit"
"""


def messages(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse(text, "t.toml")
    return [f"{p.record} {p.field}: {p.message}" for p in caught.value.problems]


def test_a_series_is_named_by_its_table_else_by_its_figures_label() -> None:
    timeline = parse(VALID + SERIES, "t.toml")
    assert timeline.series_label("imports") == "China's IC imports"
    assert timeline.series_label("exports") == "Exports"  # no [[series]]: the figures' own label
    assert {s.id for s in timeline.series_records} == {"imports", "deals"}
    assert timeline.charts[0].series == ("imports", "exports")


def test_figures_of_different_labels_need_a_series_name() -> None:
    text = (VALID + SERIES).replace(
        '[[series]]\nid = "deals"\nlabel = "Unigroup\'s deals"\nunit = "USD bn"\nscale = "own"\n', ""
    )
    found = messages(text)
    assert any('figure "deal-2015" label' in m and "give the series a name with a [[series]] table" in m for m in found)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('[[series]]\nid = "nothing"\nlabel = "N"\nunit = "USD bn"\n', 'series "nothing" id: no figure is in series'),
        ('[[series]]\nid = "exports"\nlabel = "E"\nunit = "CNY bn"\n', 'series "exports" unit: unit "CNY bn" differs'),
        ('[[series]]\nid = "exports"\nlabel = "E"\nunit = "USD bn"\nscale = "mine"\n', 'scale: "mine" is not a scale'),
        (
            '[[series]]\nid = "exports"\nlabel = "E"\nunit = "USD bn"\nsources = ["nope"]\n',
            'no source has the id "nope"',
        ),
        (
            '[[chart]]\nid = "c1"\ntitle = "C"\nseries = ["imports", "exprots"]\n',
            'no figures are in a series "exprots"; did you mean "exports"',
        ),
        ('[[chart]]\nid = "c2"\ntitle = "C"\nseries = ["imports", "imports"]\n', "fewer than two different series"),
        (
            '[[chart]]\nid = "c3"\ntitle = "C"\nseries = ["imports", "exports"]\nstart = 2019\nend = 2010\n',
            "2010 is before the start 2019",
        ),
        ('[[chart]]\nid = "c4"\ntitle = "C"\nseries = ["imports", "exports"]\ncolour = "red"\n', "colour: unknown key"),
    ],
)
def test_check_refuses_a_broken_series_or_chart(change: str, expected: str) -> None:
    assert any(expected in m for m in messages(VALID + SERIES + change)), messages(VALID + SERIES + change)


def test_a_chart_of_two_units_is_refused() -> None:
    cny = (
        '[[figure]]\nid = "sales-2018"\nseries = "sales"\nlabel = "S"\nyear = 2018\nvalue = 653.2\n'
        'unit = "CNY bn"\nsources = ["article"]\n'
    )
    chart = '[[chart]]\nid = "mixed"\ntitle = "M"\nseries = ["imports", "sales"]\n'
    assert any(
        'the series have different units ("CNY bn", "USD bn")' in m for m in messages(VALID + SERIES + cny + chart)
    )


def test_a_stated_fall_of_a_hundred_percent_or_more_is_refused() -> None:
    text = (VALID + SERIES).replace("change = 26.6", "change = -100")
    assert any("change: -100.0% would leave nothing" in m for m in messages(text))


def test_an_own_scale_is_its_largest_and_leaves_the_shared_one_alone() -> None:
    on = scales(parse(VALID + SERIES, "t.toml"))
    assert on["deals"].own and on["deals"].top == 2.3 and on["deals"].largest is not None
    assert on["deals"].largest.id == "deal-2015"
    assert not on["imports"].own and on["imports"] is on["exports"]  # one scale for the unit's other series
    assert on["imports"].top == 312.06 and on["imports"].shared == 2


def test_json_export_keeps_series_and_charts_and_loads_back(write: Write) -> None:
    timeline = parse(VALID + SERIES, "t.toml")
    exported = to_json(timeline)
    document = json.loads(exported)
    assert [s["id"] for s in document["series"]] == ["imports", "deals"]
    assert "scale" not in document["series"][0] and document["series"][1]["scale"] == "own"
    assert document["chart"][0]["gap"] == "Trade deficit"
    assert next(f for f in document["figure"] if f["id"] == "exports-2018")["change"] == 26.6
    assert load(write(exported, "back.json")) == timeline


def test_markdown_names_series_and_charts_and_says_which_change_is_whose() -> None:
    text = markdown(parse(VALID + SERIES, "t.toml")).replace("\\", "")  # read as shown, escapes aside
    assert "**China's IC imports** (USD bn, 2017–2018): Customs values." in text
    assert "**Unigroup's deals** (USD bn, 2013–2015, on its own scale)" in text
    assert (
        "**Imports against exports**: China's IC imports against Exports; the gap, Trade deficit, is computed" in text
    )
    assert "84.636 USD bn, +26.6% on 2017, as reported" in text
    assert "312.06 USD bn, +20.0% on 2017, computed" in text


def test_the_bundled_file_names_every_series_and_declares_charts() -> None:
    timeline = load(bundled_timeline())
    named = {s.id for s in timeline.series_records}
    assert set(timeline.series()) <= named  # every series has a [[series]] table
    assert {c.id for c in timeline.charts} >= {"imports-against-world-sales", "imports-against-exports"}
    for figure in timeline.figures:
        assert not (figure.note or "").startswith(("+", "−", "-")), figure.id  # changes live in `change`
