"""`?`: every key, read from the bindings themselves so the list cannot drift from what the keys do.
Opened from a full view, it lists that view's keys. q, Esc or ? closes it."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.sheet import Sheet
from chiptui.tui.widgets.timeline_list import TimelineList
from chiptui.tui.widgets.wrapping import wrap_line

KEY_WIDTH = 18


SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}  # panels never scroll sideways


def bindings_of(node_type: type[DOMNode], *, inherited: bool = True) -> list[Binding]:
    """The bindings a class declares (and inherits), a subclass's winning for the same key."""
    by_key: dict[str, Binding] = {}
    for cls in reversed(node_type.__mro__) if inherited else [node_type]:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            by_key[binding.key] = binding
    return [b for b in by_key.values() if b.description and not b.system and b.action not in SIDEWAYS]


def key_rows(app: App[Any], bindings: list[Binding]) -> list[tuple[str, str]]:
    """One row per action and description, with every key that does it: `↓ j  Next`; a long run of
    keys for one action (the digits) shows as its first and last."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        rows.setdefault((binding.action.split("(")[0], binding.description), []).append(app.get_key_display(binding))
    return [(" ".join(keys) if len(keys) < 5 else f"{keys[0]} … {keys[-1]}", what) for (_, what), keys in rows.items()]


def sections_for(app: App[Any], screen: Screen[Any]) -> list[tuple[str, list[Binding]]]:
    """The main screen's keys by where they work; a full view's own keys (its text's first)."""
    from chiptui.tui.screens.detail import DetailScreen, Reader
    from chiptui.tui.widgets.quotes_panel import QuotesPanel

    anywhere = [*bindings_of(Screen), *bindings_of(type(app))]
    if isinstance(screen, DetailScreen):
        own = bindings_of(type(screen))
        keys = {b.key for b in own}
        return [
            ("Reading", bindings_of(Reader, inherited=False)),
            ("In this view", own),
            ("Anywhere", [b for b in anywhere if b.key not in keys]),
        ]
    return [
        ("The timeline", bindings_of(TimelineList, inherited=False)),
        ("Finding a moment (from any panel)", bindings_of(type(screen), inherited=False)),
        ("In a focused panel", bindings_of(Panel)),
        ("In the quotes", bindings_of(QuotesPanel, inherited=False)),
        ("Anywhere", anywhere),
    ]


def key_lines(keys: str, description: str, width: int) -> list[Content]:
    """The keys in their column and what they do beside it; a description longer than the line
    goes on under itself, not under the keys (where the body is too narrow for that, it wraps)."""
    column = max(KEY_WIDTH, cell_len(keys) + 1)
    key = Content.styled(keys + " " * (column - cell_len(keys)), "bold $text-accent")
    if width - column < 16:
        return [key + Content(description)]
    first, *rest = wrap_line(Content(description), width - column)
    return [key + first, *(Content(" " * column) + line for line in rest)]


def help_blocks(app: App[Any], main: Screen[Any], width: int) -> list[Content]:
    """The help's lines at `width`: each section's keys, then how to close, the palette, a year."""
    lines: list[Content] = []
    for title, bindings in sections_for(app, main):
        lines.append(Content.styled(title, "bold $text-primary"))
        for keys, description in key_rows(app, bindings):
            lines += key_lines(keys, description, width)
        lines.append(Content(""))
    palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))
    lines += [
        Content.styled("Closing", "bold $text-primary"),
        Content("q or Esc closes a full view, this help or a dialog; on the main screen q quits."),
        Content(""),
        Content.styled("The command palette", "bold $text-primary"),
        *key_lines(
            palette,
            "type part of an event's title, an era, a year, a speaker or a quote; ⏎ jumps there. "
            "It also has the themes, the keys panel and quit.",
            width,
        ),
        Content(""),
        Content.styled("Typing a year", "bold $text-primary"),
        Content(
            "Any digit opens “Go to year: 19__”. The fourth digit jumps to the first event of that year, "
            "or of the nearest year that has events (a note says which). Backspace edits, Esc cancels."
        ),
    ]
    return lines


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help-body {
            width: 90%;
            max-width: 96;
            height: 90%;
            border: heavy $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
            scrollbar-size-vertical: 1;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", key_display="Esc", id="help.close"),
        Binding("j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k", "scroll('up')", "Scroll up", show=False, id="help.up"),
        Binding("space", "scroll('page_down')", "A page down", show=False, id="help.page"),
    ]

    def __init__(self, main: Screen[Any]) -> None:
        super().__init__()
        self.main = main

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "↑ ↓ PgUp PgDn scroll · q, Esc or ? closes"
            yield PanelBody(id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PanelBody).show(Sheet(partial(help_blocks, self.app, self.main)))
        self.query_one("#help-body").focus()

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        {"down": body.scroll_down, "up": body.scroll_up, "page_down": body.scroll_page_down}[how](animate=False)
