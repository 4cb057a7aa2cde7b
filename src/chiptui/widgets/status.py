"""One line under the timeline that says which filters are on and where the search stands."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from chiptui.model import Timeline
from chiptui.view import Search, View


class StatusLine(Static):
    """Hidden while no filter and no search are on."""

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
                    view.filter.describe(timeline),
                    (f" · {len(view)} of {len(timeline.events)} events", "bold"),
                )
            )
        if search is not None:
            rank = search.rank(cursor)
            where = f"{rank} of {len(search)}" if rank else f"{len(search)} match{'' if len(search) == 1 else 'es'}"
            if not search:
                where = "no matches"
            parts.append(Content.assemble(("Search ", "bold $text-secondary"), f"“{search.query}” ", (where, "bold")))
        if parts:
            parts.append(Content.styled("Esc clears", "dim"))
        self.set_class(bool(parts), "-on")
        self.update(Content("  │  ").join(parts))
