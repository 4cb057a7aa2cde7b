"""The filter dialog: only events with a correction, and regions, tags and speakers (several of
each); it returns a `Filter`, or None when cancelled (q or Esc). Within a list any choice matches;
across lists all must. A search's "only matches" (`&`) stays as it is.

A checked row reads `[x]`, an unchecked one `[ ]`, so the two differ without colour too (Textual's
SelectionList draws the same `▐X▌` for both and tells them apart by colour alone)."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Button, Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from chiptui.core.corrections import corrected_events
from chiptui.core.model import Timeline
from chiptui.core.view import Filter, View
from chiptui.tui.widgets.text import plain

# The width bands: in -narrow the three lists stack; in -medium the dialog takes the whole width,
# so that each list's longest label ("[ ] manufacturing (14)") fits beside the others at 80.
BANDS = [(0, "-narrow"), (80, "-medium"), (100, "-wide")]
GUTTER = 4  # the cells SelectionList draws its button in: "▐X▌ "
CORRECTED = "corrected"


class Checklist(SelectionList[str]):
    """A SelectionList whose rows start `[x]` when checked and `[ ]` when not."""

    DEFAULT_CSS = """
    Checklist {
        & > .selection-list--button { color: $text-muted; text-style: none; }
        & > .selection-list--button-highlighted { color: $text-muted; text-style: none; }
        & > .selection-list--button-selected { color: $text-success; text-style: bold; }
        & > .selection-list--button-selected-highlighted { color: $text-success; text-style: bold; }
    }
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)  # Textual's button (▐X▌ and a space), then the prompt
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return line
        value = self.get_option_at_index(index).value
        checked = value in self.selected
        component = "selection-list--button" + ("-selected" if checked else "")
        if index == self.highlighted:
            component += "-highlighted"
        style = self.get_component_rich_style(component) + Style(meta={"option": index})
        box = Strip([Segment("[x] " if checked else "[ ] ", style)])
        return Strip.join([box, line.crop(GUTTER)])


class FilterScreen(ModalScreen[Filter | None]):
    DEFAULT_CSS = """
    FilterScreen {
        align: center middle;
        #filter-dialog {
            width: 90%;
            max-width: 110;
            height: 90%;
            max-height: 30;
            border: heavy $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
        #filter-lists { height: 1fr; }
        SelectionList {
            width: 1fr;
            height: 1fr;
            border: round $panel-lighten-2;
            border-title-color: $text-primary;
            &:focus { border: heavy $primary; }
            & > .selection-list--button-selected { color: $text-success; text-style: bold reverse; }
            & > .selection-list--button-selected-highlighted { color: $text-success; text-style: bold reverse; }
        }
        #corrected { height: 1; border: none; margin: 1 0 0 0; &:focus { border: none; text-style: bold; } }
        #filter-count { height: 1; margin: 1 0 0 0; text-style: bold; }
        #filter-buttons { height: auto; align-horizontal: right; }
        Button { margin: 0 0 0 1; }
        &.-narrow #filter-lists { layout: vertical; }
        /* a small terminal: the whole screen, no spare rows, one-row buttons, for the lists' rows */
        &.-narrow #filter-dialog { width: 100%; height: 100%; max-height: 100%; padding: 0; }
        &.-narrow #corrected { margin: 0; }
        &.-narrow #filter-count { margin: 0 0 0 1; }
        &.-narrow Button { height: 1; min-width: 0; border: none; margin: 0 0 0 2; }
        &.-medium #filter-dialog { width: 100%; padding: 0; }
        &.-medium SelectionList { padding: 0 0 0 1; scrollbar-size-vertical: 1; }
        &.-medium #filter-count { margin: 1 0 0 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", key_display="Esc", id="filter.cancel"),
        Binding("q", "cancel", "Cancel", show=False, id="filter.cancel-q"),
        Binding("enter", "apply", "Apply", key_display="⏎", priority=True, id="filter.apply"),
        Binding("c", "clear", "Clear all", id="filter.clear"),
    ]
    HORIZONTAL_BREAKPOINTS = BANDS

    def __init__(self, timeline: Timeline, current: Filter) -> None:
        super().__init__()
        self.timeline = timeline
        self.current = current

    def _choices(self, counts: dict[str, int], chosen: frozenset[str]) -> list[Selection[str]]:
        order = sorted(counts, key=lambda key: (-counts[key], key))
        return [Selection(plain(f"{key} ({counts[key]})"), key, key in chosen) for key in order]

    def compose(self) -> ComposeResult:
        speaker_events: dict[str, int] = {}
        for quoted in self.timeline.speakers_by_event().values():
            for key in quoted:
                speaker_events[key] = speaker_events.get(key, 0) + 1
        with Vertical(id="filter-dialog") as dialog:
            dialog.border_title = "Filter the timeline"
            dialog.border_subtitle = "Space toggles · Tab next list · ⏎ apply · c clear · q Esc cancel"
            corrected = len(corrected_events(self.timeline))
            choice = Selection(plain(f"Only events with a correction ({corrected})"), CORRECTED, self.current.corrected)
            yield Checklist(choice, id="corrected")
            with Horizontal(id="filter-lists"):
                regions = Checklist(*self._choices(self.timeline.regions(), self.current.regions), id="regions")
                regions.border_title = "Region"
                yield regions
                tags = Checklist(*self._choices(self.timeline.tags(), self.current.tags), id="tags")
                tags.border_title = "Tag"
                yield tags
                speakers = Checklist(
                    *[
                        Selection(
                            plain(f"{speaker.name} ({speaker_events.get(key, 0)})"),
                            key,
                            key in self.current.speakers,
                        )
                        for key, speaker in sorted(self.timeline.speakers.items(), key=lambda kv: kv[1].name)
                    ],
                    id="speakers",
                )
                speakers.border_title = "Speaker (events quoted on)"
                yield speakers
            yield Static(id="filter-count", markup=False)
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#regions").focus()  # the lists first; the corrections' row is a Tab away
        self._count()

    @property
    def chosen(self) -> Filter:
        def values(list_id: str) -> list[str]:
            return list(self.query_one(f"#{list_id}", SelectionList).selected)

        corrected = bool(values("corrected"))
        return Filter(values("regions"), values("tags"), values("speakers"), corrected, self.current.text)

    @on(SelectionList.SelectedChanged)
    def _count(self) -> None:
        chosen = self.chosen
        total = len(self.timeline.events)
        shown = len(View(self.timeline, chosen)) if chosen.active else total
        text = f"{shown} of {total} events match" if chosen.active else f"No filter: all {total} events"
        self.query_one("#filter-count", Static).update(text)

    @on(Button.Pressed)
    def _pressed(self, message: Button.Pressed) -> None:
        {"apply": self.action_apply, "clear": self.action_clear, "cancel": self.action_cancel}[
            message.button.id or ""
        ]()

    def action_apply(self) -> None:
        if isinstance(self.focused, Button) and self.focused.id != "apply":
            self.focused.press()  # Enter on another button does what that button says
            return
        self.dismiss(self.chosen)

    def action_clear(self) -> None:
        for selection in self.query(SelectionList):
            selection.deselect_all()

    def action_cancel(self) -> None:
        self.dismiss(None)
