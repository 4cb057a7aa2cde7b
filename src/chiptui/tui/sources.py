"""`o` opens the selected item's source in the browser; `y` copies its citation to the clipboard.

The selected item is the focused panel's marked item (a figure, a quote), else the event: in the
event panel, or the timeline's event under the cursor. With several sources a small dialog asks
which (for `y`, all of them is a choice too). Opening uses `App.open_url`, copying
`App.copy_to_clipboard` (OSC 52: the terminal must allow it), and a notice says what was done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from chiptui.core.model import Event, Figure, Quote, Source, Timeline
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.render import web
from chiptui.tui.widgets.text import plain, say

ALL = "all"


def citation(source: Source) -> str:
    """`Title. Publisher, 12 Sep 2019. URL` (the parts it has)."""
    parts = [source.title if source.title.endswith((".", "?", "!")) else source.title + "."]
    details = ", ".join(p for p in (source.publisher, source.date.label() if source.date else None) if p)
    if details:
        parts.append(details + ".")
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def sources_of(timeline: Timeline, target: object) -> list[Source]:
    """The sources of an event, figure or quote, in the order the record cites them."""
    ids: tuple[str, ...] = target.sources if isinstance(target, Event | Figure | Quote) else ()
    return [timeline.sources[i] for i in ids if i in timeline.sources]


def selected_target(screen: Screen[Any], current: Event | None) -> object:
    """The focused panel's marked item, else `current` (the event under the cursor)."""
    focused = screen.focused
    if isinstance(focused, Panel) and focused.items:
        return focused.items[focused.highlighted].target
    return current


class SourceChooser(ModalScreen[list[Source] | None]):
    """Which source: ⏎ chooses, Esc or q closes; with `everything`, the first choice is all of them."""

    DEFAULT_CSS = """
    SourceChooser {
        align: center middle;
        #chooser {
            width: 90%;
            max-width: 110;
            height: auto;
            max-height: 80%;
            border: heavy $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        OptionList { height: auto; max-height: 24; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss", "Close", key_display="Esc")]

    def __init__(self, title: str, sources: Sequence[Source], *, everything: bool = False) -> None:
        super().__init__()
        self.heading = title
        self.sources = list(sources)
        self.everything = everything

    def compose(self) -> ComposeResult:
        options = [Option(Content(f"All {len(self.sources)} sources"), id=ALL)] if self.everything else []
        for number, source in enumerate(self.sources, 1):
            details = ", ".join(p for p in (source.publisher, source.date.label() if source.date else None) if p)
            prompt = Content.assemble((f"[{number}] ", "bold"), plain(source.title, "bold"))
            if details:
                prompt += Content.assemble(" — ", plain(details))
            if source.url:
                prompt += Content("\n    ") + plain(source.url, "dim")
            options.append(Option(prompt, id=str(number - 1)))
        with Vertical(id="chooser") as dialog:
            dialog.border_title = plain(self.heading)
            dialog.border_subtitle = "⏎ choose · Esc close"
            yield OptionList(*options)
        yield Footer()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        chosen = message.option.id
        self.dismiss(self.sources if chosen == ALL else [self.sources[int(chosen or 0)]])


def _choose(
    screen: Screen[Any], sources: Sequence[Source], title: str, then: Callable[[list[Source]], None], everything: bool
) -> None:
    if len(sources) == 1:
        then(list(sources))
        return

    def chosen(picked: list[Source] | None) -> None:
        if picked:
            then(picked)

    screen.app.push_screen(SourceChooser(title, sources, everything=everything), chosen)


def open_source(screen: Screen[Any], sources: Sequence[Source]) -> None:
    """Open one of `sources` (asking which, if several have an address) in the browser."""
    linked = [s for s in sources if web(s.url)]
    if not linked:
        say(screen, "No source of this item has a web (http) address." if sources else "This item cites no source.")
        return

    def opened(picked: list[Source]) -> None:
        source = picked[0]
        assert source.url is not None
        screen.app.open_url(source.url)
        say(screen, f"Opening {source.url}", title=source.title)

    _choose(screen, linked, "Open which source?", opened, everything=False)


def copy_citation(screen: Screen[Any], sources: Sequence[Source]) -> None:
    """Copy the citation of one of `sources`, or of all of them (asking, if several)."""
    if not sources:
        say(screen, "This item cites no source.")
        return

    def copied(picked: list[Source]) -> None:
        screen.app.copy_to_clipboard("\n".join(citation(s) for s in picked))
        what = citation(picked[0]) if len(picked) == 1 else f"{len(picked)} citations, one a line"
        say(screen, f"Copied {what}", title="Copied to the clipboard")

    _choose(screen, sources, "Copy which citation?", copied, everything=True)


def on_sources(screen: Screen[Any], verb: str, sources: Sequence[Source]) -> None:
    """`open` or `copy` one of `sources`."""
    (open_source if verb == "open" else copy_citation)(screen, sources)
