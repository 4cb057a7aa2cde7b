"""`B`: the bookmarked events, in date order; Enter goes to one, q or Esc closes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from chiptui.core.model import Timeline
from chiptui.tui.widgets.text import plain


class BookmarksScreen(ModalScreen[int | None]):
    """Returns the chosen event's index, or None."""

    DEFAULT_CSS = """
    BookmarksScreen {
        align: center middle;
        #bookmarks-dialog {
            width: 80%;
            max-width: 100;
            height: auto;
            max-height: 80%;
            border: heavy $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        OptionList { height: auto; max-height: 30; }
        #bookmarks-hint { color: $text-muted; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss", "Close", key_display="Esc")]

    def __init__(self, timeline: Timeline, bookmarks: frozenset[str]) -> None:
        super().__init__()
        self.timeline = timeline
        indexes = (timeline.event_index(event_id) for event_id in bookmarks)
        self.indexes = sorted(i for i in indexes if i is not None)

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-dialog") as dialog:
            dialog.border_title = "Bookmarks"
            dialog.border_subtitle = "⏎ go there · q or Esc close"
            if not self.indexes:
                yield Static("No bookmarks yet: press b on an event to keep it here.", markup=False)
            else:
                options = []
                for index in self.indexes:
                    event = self.timeline.events[index]
                    prompt = Content.assemble((event.date.label().ljust(12), "bold"), plain(event.title))
                    options.append(Option(prompt, id=str(index)))
                yield OptionList(*options)
                yield Static("b on an event in the timeline adds or removes it.", markup=False, id="bookmarks-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.app.clear_notifications)  # "Bookmarked" and the like: the list says it

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(int(message.option.id or 0))
