"""The data format's tables: each one's fields, with the converter that checks a field's value
(chiptui.core.schema) and whether the field is required."""

from __future__ import annotations

from collections.abc import Callable

from chiptui.core.schema import (
    boolean,
    date,
    event_ids,
    figure_ids,
    line_text,
    long_text,
    number,
    quote_kind,
    scale_kind,
    series_ids,
    slug,
    source_ids,
    tags,
    year,
    years,
)

TOP_LEVEL = (
    "schema",
    "title",
    "tour",
    "source",
    "speaker",
    "era",
    "event",
    "figure",
    "series",
    "chart",
    "quote",
    "comparison",
)

Converter = Callable[[object], object]
# table -> field -> (converter, required)
_COMMON: dict[str, tuple[Converter, bool]] = {
    "seed_says": (long_text, False),
    "correction": (long_text, False),
}
TABLES: dict[str, dict[str, tuple[Converter, bool]]] = {
    "source": {
        "id": (slug, True),
        "title": (line_text, True),
        "publisher": (line_text, False),
        "date": (date, False),
        "url": (line_text, False),
        "note": (long_text, False),
        **_COMMON,
    },
    "speaker": {
        "id": (slug, True),
        "name": (line_text, True),
        "name_zh": (line_text, False),
        "role": (line_text, False),
        "sources": (source_ids, False),
        **_COMMON,
    },
    "era": {
        "id": (slug, True),
        "title": (line_text, True),
        "start": (year, True),
        "end": (year, True),
        "summary": (long_text, False),
        "sources": (source_ids, False),
        **_COMMON,
    },
    "event": {
        "id": (slug, True),
        "date": (date, True),
        "end": (date, False),
        "circa": (boolean, False),
        "title": (line_text, True),
        "text": (long_text, True),
        "region": (slug, False),
        "tags": (tags, False),
        "sources": (source_ids, True),
        **_COMMON,
    },
    "figure": {
        "id": (slug, True),
        "series": (slug, False),
        "label": (line_text, True),
        "year": (year, True),
        "value": (number, True),
        "unit": (line_text, True),
        "approx": (boolean, False),
        "change": (number, False),
        "sources": (source_ids, True),
        "note": (long_text, False),
        **_COMMON,
    },
    "series": {
        "id": (slug, True),
        "label": (line_text, True),
        "unit": (line_text, True),
        "scale": (scale_kind, False),
        "note": (long_text, False),
        "sources": (source_ids, False),
        **_COMMON,
    },
    "chart": {
        "id": (slug, True),
        "title": (line_text, True),
        "series": (series_ids, True),
        "gap": (line_text, False),
        "start": (year, False),
        "end": (year, False),
        "note": (long_text, False),
        "sources": (source_ids, False),
        **_COMMON,
    },
    "quote": {
        "id": (slug, True),
        "speaker": (slug, True),
        "date": (date, True),
        "kind": (quote_kind, True),
        "text": (long_text, True),
        "events": (event_ids, False),
        "years": (years, False),
        "sources": (source_ids, True),
        **_COMMON,
    },
    "comparison": {
        "id": (slug, True),
        "title": (line_text, True),
        "figures": (figure_ids, True),
        "whole": (slug, False),
        "note": (long_text, False),
        **_COMMON,
    },
}
