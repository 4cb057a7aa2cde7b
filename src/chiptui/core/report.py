"""What `chiptui check` says about a good file: what it holds, and what looks unintended. No Textual."""

from __future__ import annotations

from itertools import chain, compress
from operator import not_

from chiptui.core.columns import column
from chiptui.core.model import Timeline


def summary(timeline: Timeline) -> str:
    """A one-line count of what the file holds and the years its events span."""
    counts = [
        (len(timeline.sources), "source"),
        (len(timeline.speakers), "speaker"),
        (len(timeline.eras), "era"),
        (len(timeline.events), "event"),
        (len(timeline.figures), "figure"),
        (len(timeline.quotes), "quote"),
    ]
    if timeline.comparisons:
        counts.append((len(timeline.comparisons), "comparison"))
    if timeline.series_records:
        counts.append((len(timeline.series_records), "series"))
    if timeline.charts:
        counts.append((len(timeline.charts), "chart"))
    text = ", ".join(f"{n} {word}{'' if n == 1 or word == 'series' else 's'}" for n, word in counts)
    years = timeline.event_years()  # in date order
    if years:
        text += f"; {years[0]}–{years[-1]}"
    return text


def warnings(timeline: Timeline) -> list[str]:
    """Records nothing uses, and events no era covers: legal, but probably not meant."""
    cited = set(chain.from_iterable(column(timeline.events, "sources")))  # a million events: C-speed passes
    cited.update(s for figure in timeline.figures for s in figure.sources)
    cited.update(s for quote in timeline.quotes for s in quote.sources)
    cited.update(s for speaker in timeline.speakers.values() for s in speaker.sources)
    cited.update(s for era in timeline.eras for s in era.sources)
    cited.update(s for series in timeline.series_records for s in series.sources)
    cited.update(s for chart in timeline.charts for s in chart.sources)
    found = [f'source "{s}" is not cited by any event, figure or quote' for s in timeline.sources if s not in cited]
    quoted = {quote.speaker for quote in timeline.quotes}
    found += [f'speaker "{s}" has no quotes' for s in timeline.speakers if s not in quoted]
    years = set(timeline.event_years())
    found += [
        f'era "{era.id}" ({era.start}–{era.end}) has no events'
        for era in timeline.eras
        if not any(era.start <= year <= era.end for year in years)
    ]
    if timeline.eras:
        covered = {year for era in timeline.eras for year in range(era.start, era.end + 1)}
        outside = list(
            compress(range(len(timeline.events)), map(not_, map(covered.__contains__, timeline.event_years())))
        )
        found += [
            f'event "{event.id}" ({event.year}) is in no era'
            for event in map(timeline.events.__getitem__, outside[:20])
        ]
        if len(outside) > 20:
            found.append(f"... and {len(outside) - 20} more events in no era")
    return found
