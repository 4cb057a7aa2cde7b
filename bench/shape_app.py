"""A second baseline for start-up: the main screen's widget tree built from Textual's stock
widgets, with chiptui's style sheet and placeholder text, and no chiptui code or data
(`python bench/shape_app.py`). Its first frame shows "shape app ready" in the header.

It tells what the screen's shape costs in Textual before chiptui does anything: the header,
the ruler, the timeline, three scrolling panels with a text each, the status line, the hidden
prompts (one of them an Input) and the footer with the main screen's keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, Static

STYLE = Path(__file__).resolve().parent.parent / "src" / "chiptui" / "tui" / "app.tcss"


class Shape(App[None]):
    CSS_PATH = STYLE
    CSS = """
    #event, #figures, #quotes {  /* as chiptui's Panel */
        border: round $panel-lighten-2;
        border-title-color: $text-primary;
        padding: 0 1;
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "nothing('n')", "Next match"),
        Binding("N", "nothing('N')", "Previous match"),
        Binding("f", "nothing('f')", "Filter"),
        Binding("escape", "nothing('escape')", "Clear", key_display="Esc"),
        Binding("enter", "nothing('enter')", "In full", key_display="⏎"),
        Binding("question_mark", "nothing('question_mark')", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "Chip timeline"
        self.sub_title = "shape app ready"

    def action_nothing(self, key: str) -> None:
        """The keys are only there to be shown in the footer."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        yield Static("1958 ─────── 2019", id="ruler")
        with Horizontal(id="body"):
            yield VerticalScroll(Static("1958  The first integrated circuit"), id="timeline")
            with Vertical(id="detail"):
                yield VerticalScroll(Static("The event in full"), id="event")
                with Horizontal(id="side"):
                    yield VerticalScroll(Static("Figures for the year"), id="figures")
                    yield VerticalScroll(Static("What the speakers said"), id="quotes")
        with Vertical(id="bottom"):
            yield Static(id="problems")  # hidden by app.tcss
            yield Static("event 1 of 66", id="status")
            yield Static(id="year-prompt").set_styles("display: none;")
            yield Input(id="search").set_styles("display: none;")
        yield Footer()


if __name__ == "__main__":
    Shape().run()
