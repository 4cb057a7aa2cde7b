"""A timeline without the TUI: markdown to read, json to load back, csv to put in a spreadsheet.

No Textual here. Every format keeps the citations. Text from the data file stays text: markdown
escapes the characters markdown would act on, csv defuses cells a spreadsheet would run as a
formula, and control characters were already removed when the file was read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from chiptui.core.charts import figure_change
from chiptui.core.model import Era, PartialDate, Quote, Source, Timeline
from chiptui.core.schema import SCHEMA_VERSION
from chiptui.core.tables import TABLES

FORMATS = ("markdown", "json", "csv")
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#>+=-])", re.MULTILINE)
_MARKDOWN_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export(timeline: Timeline, format: str) -> str:
    """The timeline as `format` (one of FORMATS)."""
    if format == "markdown":
        return markdown(timeline)
    if format == "json":
        return to_json(timeline)
    if format == "csv":
        return to_csv(timeline)
    raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")


# json: the same tables and fields as the TOML format, so `--data` loads it back.


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def document(timeline: Timeline) -> dict[str, Any]:
    """The timeline as the data format's tables: fields at their defaults are left out."""
    records: dict[str, list[Any]] = {
        "source": list(timeline.sources.values()),
        "speaker": list(timeline.speakers.values()),
        "era": list(timeline.eras),
        "event": list(timeline.events),
        "figure": list(timeline.figures),
        "series": list(timeline.series_records),
        "chart": list(timeline.charts),
        "quote": list(timeline.quotes),
        "comparison": list(timeline.comparisons),
    }
    out: dict[str, Any] = {"schema": SCHEMA_VERSION, "title": timeline.title}
    if timeline.tour:
        out["tour"] = list(timeline.tour)
    for table, items in records.items():
        rows = []
        for item in items:
            row: dict[str, Any] = {}
            for field in TABLES[table]:
                value = getattr(item, field)
                if (
                    value is None
                    or value == ()
                    or (value is False and field in ("circa", "approx"))
                    or (field, value) == ("scale", "shared")
                ):
                    continue
                row[field] = _plain(value)
            rows.append(row)
        if rows:
            out[table] = rows
    return out


def to_json(timeline: Timeline) -> str:
    return json.dumps(document(timeline), ensure_ascii=False, indent=2) + "\n"


# csv: one row per event, with its sources.

CSV_COLUMNS = (
    "id",
    "date",
    "end",
    "circa",
    "title",
    "text",
    "region",
    "tags",
    "eras",
    "sources",
    "source_titles",
    "source_urls",
    "seed_says",
    "correction",
)


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as typed: one that would start a formula gets a leading '."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(timeline: Timeline) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        sources = [timeline.sources[s] for s in event.sources if s in timeline.sources]
        row = [
            event.id,
            event.date.iso(),
            event.end.iso() if event.end else "",
            "yes" if event.circa else "",
            event.title,
            event.text,
            event.region or "",
            "; ".join(event.tags),
            "; ".join(era.id for era in timeline.eras_for_year(event.year)),
            "; ".join(event.sources),
            " | ".join(s.title for s in sources),
            " | ".join(s.url or "" for s in sources),
            event.seed_says or "",
            event.correction or "",
        ]
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


# markdown: a document by era, with numbered citations.


def md(text: str) -> str:
    """`text` with markdown's active characters escaped, so it reads as typed: `[a](b)` stays
    brackets, `*` stays a star, and a line that starts like a heading or a list does not become one."""
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_NUMBERED.sub(r"\1\\\2", _MARKDOWN_LINE_START.sub(r"\1\\\2", text))


class _Citations:
    """Numbers each source the first time it is cited."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.numbers: dict[str, int] = {}

    def cite(self, source_ids: tuple[str, ...]) -> str:
        marks = []
        for source_id in source_ids:
            if source_id in self.timeline.sources:
                number = self.numbers.setdefault(source_id, len(self.numbers) + 1)
                marks.append(f"[{number}]")
        return "".join(marks)

    def listing(self) -> Iterator[str]:
        for source_id, number in self.numbers.items():
            yield f"{number}. {_source(self.timeline.sources[source_id])}"


def _source(source: Source) -> str:
    parts = [f"*{md(source.title)}*"]
    if source.publisher:
        parts.append(md(source.publisher))
    if source.date:
        parts.append(source.date.label())
    text = ", ".join(parts)
    if source.url:
        text += f". <{source.url.replace('>', '%3E').replace(' ', '%20')}>"
    if source.correction:
        text += f" Correction: {md(source.correction)}"
    return text


def _said(seed_says: str | None, correction: str | None) -> list[str]:
    lines = []
    if seed_says:
        lines.append(f"*The article said:* “{md(seed_says)}”")
    if correction:
        lines.append(f"*Correction:* {md(correction)}")
    return lines


def _quote(timeline: Timeline, quote: Quote, cite: _Citations) -> list[str]:
    speaker = timeline.speakers.get(quote.speaker)
    name = md(speaker.name if speaker else quote.speaker)
    if speaker and speaker.name_zh:
        name += f" ({md(speaker.name_zh)})"
    kind = "in their words" if quote.kind == "direct" else "reported, paraphrase"
    words = f"“{md(quote.text)}”" if quote.kind == "direct" else f"≈ {md(quote.text)}"
    lines = [f"> **{name}**, {kind}, {quote.date.label()}: {words} {cite.cite(quote.sources)}"]
    for line in _said(quote.seed_says, quote.correction):
        lines += [">", f"> {line}"]
    return lines


def _heading(era: Era) -> list[str]:
    lines = [f"## {era.start}–{era.end}: {md(era.title)}", ""]
    if era.summary:
        lines += [md(era.summary), ""]
    return lines


def _series_and_charts(timeline: Timeline, cite: _Citations) -> list[str]:
    """Each series by name (its unit, scale, note) and each chart over the years (its series)."""
    lines: list[str] = []
    if timeline.series():
        lines += ["## Series", ""]
        for name, figures in timeline.series().items():
            record = timeline.series_record(name)
            own = ", on its own scale" if record and record.scale == "own" else ""
            span = f"{figures[0].year}–{figures[-1].year}"
            text = f"- **{md(timeline.series_label(name))}** ({md(figures[0].unit)}, {span}{own})"
            if record and record.note:
                text += f": {md(record.note)}"
            lines.append(f"{text} {cite.cite(record.sources) if record else ''}".rstrip())
        lines.append("")
    if timeline.charts:
        lines += ["## Charts", ""]
        for chart in timeline.charts:
            names = " against ".join(md(timeline.series_label(s)) for s in chart.series)
            text = f"- **{md(chart.title)}**: {names}"
            if chart.gap:
                text += f"; the gap, {md(chart.gap)}, is computed"
            if chart.note:
                text += f". {md(chart.note)}"
            lines.append(f"{text} {cite.cite(chart.sources)}".rstrip())
        lines.append("")
    return lines


def markdown(timeline: Timeline) -> str:
    cite = _Citations(timeline)
    lines = [f"# {md(timeline.title)}", ""]
    eras = list(timeline.eras)
    for event in timeline.events:
        while eras and eras[0].start <= event.year:
            era = eras.pop(0)
            if era.end >= event.year:
                lines += _heading(era)
        lines += [f"### {event.when()}: {md(event.title)}", "", f"{md(event.text)} {cite.cite(event.sources)}".strip()]
        for line in _said(event.seed_says, event.correction):
            lines += ["", line]
        for quote in timeline.quotes_for_event(event.id):
            lines += ["", *_quote(timeline, quote, cite)]
        lines.append("")
    figures_by_year = sorted({f.year for f in timeline.figures})
    if figures_by_year:
        lines += ["## Figures", ""]
        for year in figures_by_year:
            lines.append(f"### {year}")
            lines.append("")
            for figure in timeline.figures_for_year(year):
                delta = figure_change(timeline, figure)
                shown = f"{md(figure.amount())}, {md(delta.text())}" if delta else md(figure.amount())
                lines.append(f"- {md(figure.label)}: {shown} {cite.cite(figure.sources)}")
                lines.extend(f"  - {line}" for line in _said(figure.seed_says, figure.correction))
            lines.append("")
        lines += _series_and_charts(timeline, cite)
    lines += ["## Sources", "", *cite.listing(), ""]
    return "\n".join(lines)
