"""Under the timeline: one line that says which filters are on and where the search stands, and
the problems a failed reload found."""

from __future__ import annotations

from textual.content import Content
from textual.css.scalar import Unit
from textual.widgets import Static

from chiptui.core.model import Timeline
from chiptui.core.view import Search, View
from chiptui.tui.widgets.text import Looks, looks, plain
from chiptui.tui.widgets.wrapping import wrap_line


class StatusLine(Static):
    """Hidden while no filter and no search are on."""

    _drawn: Looks = ("", ())

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        display: none;
        &.-on { display: block; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, timeline: Timeline, view: View, search: Search | None, cursor: int) -> None:
        parts: list[Content] = []
        if view.filter.active:
            parts.append(
                Content.assemble(
                    ("Filter ", "bold $text-secondary"),
                    plain(view.filter.describe(timeline)),
                    (f" · {len(view)} of {len(timeline.events)} events", "bold"),
                )
            )
        if search is not None:
            rank = search.rank(cursor)
            where = f"{rank} of {len(search)}" if rank else f"{len(search)} match{'' if len(search) == 1 else 'es'}"
            if not search:
                where = "no matches"
            parts.append(
                Content.assemble(("Search ", "bold $text-secondary"), plain(f"“{search.query}” "), (where, "bold"))
            )
        if parts:
            parts.append(Content.styled("Esc clears", "dim"))
        line = Content("  │  ").join(parts)
        if looks(line) == self._drawn:
            return  # a key that moved the cursor and nothing here: no redraw, no layout
        self._drawn = looks(line)
        self.set_class(bool(parts), "-on")
        self.update(line, layout=False)  # one line high, shown or not (the class lays it out)


class ProblemList(Static):
    """Hidden until a reload finds the file broken; then what is wrong, until a reload succeeds
    (the screen is built anew then). Its look is app.tcss's `#problems`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, problems: list[str]) -> None:
        """The problems that fit the rows it may take (fewer in a low terminal), each whole, and
        how many more there are, so that none is cut off unsaid."""
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        header = Content.styled(
            f"{count} in the file; this is the last good timeline. Fix it, then press r.", "bold $text-error"
        )
        width = max(20, self.app.size.width - self.styles.gutter.width)
        rows = self._rows()
        lines, used, shown = [header], len(wrap_line(header, width)), 0
        for problem in problems:
            folded = wrap_line(plain(problem), width)  # as every panel folds text: a figure kept whole
            room = rows - used - (shown < len(problems) - 1)  # a line kept for "… and N more"
            if len(folded) > room:
                if not shown:  # the first is shown even in a low terminal: as much of it as fits
                    cut = max(1, room)
                    lines += [*folded[: cut - 1], folded[cut - 1].truncate(width - 1) + Content("…")]
                    shown = 1
                break
            lines += folded
            used, shown = used + len(folded), shown + 1
        if shown < len(problems):
            more = f"… and {len(problems) - shown} more: chiptui check FILE lists them all"
            lines.append(Content.styled(more, "dim"))
        self.update(Content("\n").join(lines))
        self.display = True

    def _rows(self) -> int:
        """The lines of text its style sheet lets it show (its max-height less its border)."""
        cap = self.styles.max_height
        rows = int(cap.value) if cap is not None and cap.unit == Unit.CELLS else 9
        return max(2, rows - self.styles.gutter.height)
