"""The trade figures for the selected event's year, or the nearest year's, labelled so."""

from __future__ import annotations

from textual.content import Content

from chiptui.model import Event
from chiptui.widgets.panel import Panel
from chiptui.widgets.render import figure_lines, heading, stack


class FiguresPanel(Panel):
    PANEL_TITLE = "Figures"

    def render_event(self, event: Event | None) -> Content:
        if event is None:
            return Content("No event selected.")
        year = event.year
        figures = self.timeline.figures_for_year(year)
        blocks: list[Content | None] = []
        if figures:
            blocks.append(heading(f"Figures for {year}"))
        else:
            nearest = self.timeline.nearest_figure_year(year)
            blocks.append(Content.styled(f"No figures for {year}.", "bold"))
            if nearest is None:
                return stack(blocks)
            figures = self.timeline.figures_for_year(nearest)
            blocks.append(heading(f"Nearest year with figures: {nearest}"))
        for figure in figures:
            blocks.append(Content(""))
            blocks.extend(figure_lines(self.timeline, figure))
        return stack(blocks)
