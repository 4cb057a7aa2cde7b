"""`c` (and the palette): every place the seed article was wrong, in one list. Each entry says which
record, what the article said, what is right and why, and its sources; ⏎ goes to the record
(and closes), q or Esc closes. The entries come from chiptui.core.corrections."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from chiptui.core.corrections import Correction, corrections
from chiptui.core.model import Timeline
from chiptui.tui.messages import GoToEvent
from chiptui.tui.screens.layout import FULL_VIEW
from chiptui.tui.widgets.render import LABEL, MUTED, citations, corrected
from chiptui.tui.widgets.text import plain

KINDS = {
    "speaker": "Speaker",
    "source": "Source",
    "era": "Era",
    "event": "Event",
    "figure": "Figure",
    "quote": "Quote",
    "comparison": "Comparison",
}


def entry(timeline: Timeline, fix: Correction) -> Content:
    """One correction as the list shows it: the record, what the article said, the correction
    (what is right and why), the sources."""
    where = f" · {fix.when} · " if fix.when else " · "
    lines = [
        Content.assemble((KINDS[fix.kind], LABEL), plain(where, LABEL), plain(fix.subject, "bold")),
        *corrected(fix.seed_says, fix.correction),
        *citations(timeline, fix.sources, full=False),
    ]
    if fix.index is None:
        lines.append(Content.styled("(no event to go to)", MUTED))
    return Content("\n").join(lines)


class CorrectionList(OptionList):
    """The entries, with the vim keys and Space as less has them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next", show=False),
        Binding("k", "cursor_up", "Previous", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("ctrl+d", "page_down", "Page down", show=False),
        Binding("ctrl+u", "page_up", "Page up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


class CorrectionsScreen(Screen[GoToEvent | None]):
    """Returns where to go (the chosen record's event, and the panel that shows the record), or
    None when closed."""

    HORIZONTAL_BREAKPOINTS = FULL_VIEW

    DEFAULT_CSS = """
    CorrectionsScreen {
        #corrections-about { padding: 0 1; color: $text-muted; }
        #corrections-list {
            height: 1fr;
            border: heavy $primary;
            border-title-color: $text-primary;
            scrollbar-size-vertical: 1;
            & > .option-list--option { padding: 0 1; }
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", key_display="Esc", id="corrections.close"),
        Binding("q", "close", "Close", show=False, id="corrections.close-q"),
    ]

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        self.timeline = timeline
        self.fixes = corrections(timeline)

    def compose(self) -> ComposeResult:
        count = len(self.fixes)
        self.sub_title = f"{count} correction{'' if count == 1 else 's'}"
        yield Header(show_clock=False, icon="▣")
        yield Static(
            "Every place the seed article was wrong: what it said, what is right and why, with sources.",
            id="corrections-about",
            markup=False,
        )
        options: list[Option | None] = []
        for number, fix in enumerate(self.fixes):
            if options:
                options.append(None)
            options.append(Option(entry(self.timeline, fix), id=str(number)))
        if not options:
            options.append(Option(Content("The article has no corrections in this file."), disabled=True))
        listed = CorrectionList(*options, id="corrections-list")
        listed.border_title = plain(f"The article's mistakes ({count})")
        listed.border_subtitle = "↑ ↓ j k · Space PgDn · ⏎ go to the record · q Esc close"
        yield listed
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CorrectionList).focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        fix = self.fixes[int(message.option.id or 0)]
        if fix.index is None:
            self.app.bell()
            return
        self.dismiss(GoToEvent(fix.index, f"#{fix.panel}" if fix.panel else None, fix.id if fix.panel else None))

    def action_close(self) -> None:
        self.dismiss(None)
