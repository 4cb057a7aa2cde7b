"""Under the timeline: one line that says which filters are on and where the search stands, and
the problems a failed reload found."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from chiptui.core.model import Timeline
from chiptui.core.view import Search, View
from chiptui.tui.widgets.text import Looks, looks, plain


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

    def show(self, problems: list[str], shown: int = 6) -> None:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        lines = [
            Content.styled(
                f"The data file has {count}; this is the last good timeline. Fix the file and press r.",
                "bold $text-error",
            )
        ]
        lines += [plain(problem) for problem in problems[:shown]]
        if len(problems) > shown:
            lines.append(Content.styled(f"… and {len(problems) - shown} more (chiptui check lists them all)", "dim"))
        self.update(Content("\n").join(lines))
        self.display = True
