"""The year ruler: the data's span across the top, events per year, the eras as bands, the cursor.

Rows, top to bottom: a density strip (how many visible events fall in each year), the axis with
both ends and the decades labelled and the cursor's year marked, then one row per lane of eras
(overlapping eras go in separate lanes; under a filter, the eras of the events it shows). When
the ruler is given fewer rows, the era lanes go first.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from chiptui.core.model import Era, Timeline
from chiptui.core.view import View
from chiptui.tui.messages import GoToYear
from chiptui.tui.widgets.text import cells, plain

LEVELS = " ▁▂▃▄▅▆▇█"


def lanes(eras: tuple[Era, ...]) -> list[list[Era]]:
    """Eras in as few rows as possible; in a row one era may end in the year the next begins."""
    rows: list[list[Era]] = []
    for era in eras:
        for row in rows:
            if row[-1].end <= era.start:
                row.append(era)
                break
        else:
            rows.append([era])
    return rows


STOP_WORDS = frozenset({"the", "a", "an", "and", "of", "its", "in", "on", "for", "to"})


def band_label(title: str, size: int) -> str:
    """`title` in a band `size` cells wide (its first cell is the ▏ mark): the whole title, else
    without its "Region: " prefix (the lanes' first bands name the region), else without small
    words, else that cut with an ellipsis."""
    if size <= 1:
        return "▏"[:size]
    room = size - 1
    short = title.split(": ", 1)[-1]
    shorter = " ".join(word for word in short.split() if word.lower() not in STOP_WORDS) or short
    text = next((t for t in (title, short, shorter) if cell_len(t) <= room), None)
    if text is None:
        text = set_cell_size(shorter, room - 1) + "…" if room > 1 else shorter[:1]
    return set_cell_size("▏" + text, size)


class YearRuler(Widget):
    """Shows what the screen binds to it (the view, the cursor's year, the bookmarks); clicking a
    year asks the screen to go there."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "year-ruler--density",
        "year-ruler--density-cursor",
        "year-ruler--axis",
        "year-ruler--cursor",
        "year-ruler--band-a",
        "year-ruler--band-b",
    }
    DEFAULT_CSS = """
    YearRuler {
        height: auto;
        padding: 0 1;
        & > .year-ruler--density { color: $primary; }
        & > .year-ruler--density-cursor { color: $accent; }
        & > .year-ruler--axis { color: $text-muted; }
        & > .year-ruler--cursor { background: $accent; color: $background; text-style: bold; }
        & > .year-ruler--band-a { background: $primary-muted; color: $text; }
        & > .year-ruler--band-b { background: $secondary-muted; color: $text; }
    }
    """

    year: reactive[int | None] = reactive(None)
    view: reactive[View] = reactive(View.empty, init=False)
    bookmarks: reactive[frozenset[str]] = reactive(frozenset(), init=False)  # event ids, marked ◆

    def __init__(self, view: View, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(YearRuler.view, view)
        timeline: Timeline = view.timeline
        self.first, self.last = timeline.span() or (0, 0)
        self.lanes = lanes(timeline.eras)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 2 + len(self.lanes)

    def watch_view(self, view: View) -> None:
        """Under a filter, the bands are the eras of the events it lets through, as the
        timeline's headings are (a lane fewer lays the screen out again)."""
        shown = lanes(view.eras if view.filter.active else view.timeline.eras)
        if shown != self.lanes:
            layout, self.lanes = len(shown) != len(self.lanes), shown
            self.refresh(layout=layout)

    @property
    def years(self) -> int:
        return self.last - self.first + 1

    def column(self, year: int, width: int) -> int:
        """The first column of `year` on a ruler `width` cells wide (years past the end: `width`)."""
        offset = year - self.first
        if width >= self.years:  # each column belongs to one year, each year has one or more columns
            return -(-offset * width // self.years)
        return min(width, offset * width // self.years)  # several years share a column

    def year_at(self, x: int, width: int) -> int:
        """The (first) year shown at column `x`."""
        if width >= self.years:
            return self.first + x * self.years // width
        return self.first - (-x * self.years // width)

    def on_click(self, event: events.Click) -> None:
        width = self.content_region.width
        x = event.x - self.styles.gutter.left
        if width > 0 and 0 <= x < width and self.first:
            self.post_message(GoToYear(self.year_at(x, width)))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        if width <= 0 or not self.first:
            return Strip.blank(width)
        if y == 0:
            return self._density(width)
        if y == 1:
            return self._axis(width)
        if y - 2 < len(self.lanes):
            return self._lane(self.lanes[y - 2], width)
        return Strip.blank(width)

    def _cursor_columns(self, width: int) -> range:
        if self.year is None or not self.first <= self.year <= self.last:
            return range(0)
        start = self.column(self.year, width)
        return range(start, max(start + 1, self.column(self.year + 1, width)))

    def _density(self, width: int) -> Strip:
        counts = self.view.counts
        per_column = [0] * width
        if width >= self.years:
            per_column = [counts.get(self.year_at(x, width), 0) for x in range(width)]
        else:
            for year, count in counts.items():
                if self.first <= year <= self.last:
                    per_column[self.column(year, width)] += count
        peak = max(per_column, default=0) or 1
        cells = [LEVELS[-(-count * 8 // peak)] for count in per_column]
        for event_id in self.bookmarks:  # a bookmarked year shows ◆ in place of its bar
            event = self.view.timeline.event_by_id(event_id)
            if event is not None and self.first <= event.year <= self.last:
                cells[min(width - 1, self.column(event.year, width))] = "◆"
        style = self.visual_style.rich_style + self.get_component_rich_style("year-ruler--density")
        strip = Strip([Segment("".join(cells), style)], width)
        columns = self._cursor_columns(width)
        if not columns:
            return strip
        # The cursor's bar in the accent colour, not reversed: a reversed full bar reads as a gap
        # (without colour the axis below still marks the year, reversed).
        start, end = columns.start, min(columns.stop, width)
        mark = self.get_component_rich_style("year-ruler--density-cursor")
        middle = Strip([Segment(s.text, (s.style or Style()) + mark) for s in strip.crop(start, end)])
        return Strip.join([strip.crop(0, start), middle, strip.crop(end)])

    def _axis(self, width: int) -> Strip:
        """Both ends and the decades (or wider steps) that fit, the cursor's year over them."""
        cells = ["─"] * width
        last = str(self.last)
        cursor_at: range = range(0)
        label = ""
        if self.year is not None and self.first <= self.year <= self.last:
            label = f" {self.year} "
            low, high = 0, width - len(label)
            if self.year not in (self.first, self.last) and high - low > 2 * len(last) + 6:
                low, high = len(last) + 2, high - len(last) - 2  # leave both ends labelled
            x = max(low, min(self.column(self.year, width) - 2, high))
            cursor_at = range(x - 1, x + len(label) + 1)  # no other label touches it
        labels: list[tuple[int, str]] = [(0, str(self.first))]
        step = next((s for s in (10, 20, 50, 100, 200, 500, 1000) if width * s // self.years >= 6), 0)
        if step:
            year = self.first - self.first % step + step
            while year < self.last:
                labels.append((self.column(year, width), str(year)))
                year += step
        labels.append((width - len(last), last))
        taken = -3
        for x, text in labels:
            fits = x > taken + 2 and x + len(text) <= width and (x + len(text) < width - len(last) or text == last)
            if fits and not set(range(x, x + len(text))) & set(cursor_at):
                cells[x : x + len(text)] = text
                taken = x + len(text)
        style = self.visual_style.rich_style + self.get_component_rich_style("year-ruler--axis")
        strip = Strip([Segment("".join(cells), style)], width)  # the label marks the year here
        if not label:
            return strip
        x = cursor_at.start + 1
        mark = style + self.get_component_rich_style("year-ruler--cursor")
        return Strip.join([strip.crop(0, x), Strip([Segment(label, mark)]), strip.crop(x + len(label))])

    def _lane(self, eras: list[Era], width: int) -> Strip:
        """The eras of one lane as bands, each named as fully as it has room for (the mouse over
        a band shows its whole name)."""
        segments: list[Segment] = []
        at = 0
        base = self.visual_style.rich_style
        for number, era in enumerate(eras):
            start = self.column(max(era.start, self.first), width)
            end = max(start + 1, self.column(min(era.end, self.last) + 1, width))
            if start > at:
                segments.append(Segment(" " * (start - at), base))
            style = base + self.get_component_rich_style(
                "year-ruler--band-a" if number % 2 == 0 else "year-ruler--band-b"
            )
            size = end - max(start, at)
            if size > 0:
                title = cells(era.title)
                segments.append(Segment(band_label(title, size), style))
            at = max(at, end)
        return self._mark(Strip(segments).crop_extend(0, width, base), width)

    def era_at(self, x: int, y: int, width: int) -> Era | None:
        """The era whose band is at column `x` of row `y` (a ruler `width` cells wide)."""
        if not 0 <= y - 2 < len(self.lanes) or not 0 <= x < width:
            return None
        year = self.year_at(x, width)
        return next((era for era in self.lanes[y - 2] if era.start <= year <= era.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        era = self.era_at(event.x - self.styles.gutter.left, event.y, self.content_region.width)
        self.tooltip = plain(f"{era.title} ({era.start}–{era.end})") if era is not None else None

    def _with_cursor(self, text: str, width: int, component: str) -> Strip:
        style = self.visual_style.rich_style + self.get_component_rich_style(component)
        return self._mark(Strip([Segment(text, style)], width), width)

    def _mark(self, strip: Strip, width: int) -> Strip:
        """Reverse the cursor's year columns so it shows with or without colour."""
        columns = self._cursor_columns(width)
        if not columns:
            return strip
        mark = Style(reverse=True)
        start, end = columns.start, min(columns.stop, width)
        middle = Strip([Segment(s.text, (s.style or Style()) + mark) for s in strip.crop(start, end)])
        return Strip.join([strip.crop(0, start), middle, strip.crop(end)])
