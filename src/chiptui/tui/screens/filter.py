"""The filter dialog: choose regions, tags and speakers (several of each); it returns a `Filter`,
or None when cancelled. Within a list any choice matches; across lists all must."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from chiptui.core.model import Timeline
from chiptui.core.view import Filter, View
from chiptui.tui.widgets.text import plain

BANDS = [(0, "-narrow"), (80, "-wide")]  # the width bands: in -narrow the three lists stack


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
        #filter-count { height: 1; margin: 1 0 0 0; text-style: bold; }
        #filter-buttons { height: auto; align-horizontal: right; }
        Button { margin: 0 0 0 1; }
        &.-narrow #filter-lists { layout: vertical; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", key_display="Esc", id="filter.cancel"),
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
            dialog.border_subtitle = "Space toggles · Tab next list · ⏎ apply · c clear · Esc cancel"
            with Horizontal(id="filter-lists"):
                regions = SelectionList[str](
                    *self._choices(self.timeline.regions(), self.current.regions), id="regions"
                )
                regions.border_title = "Region"
                yield regions
                tags = SelectionList[str](*self._choices(self.timeline.tags(), self.current.tags), id="tags")
                tags.border_title = "Tag"
                yield tags
                speakers = SelectionList[str](
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
        self._count()

    @property
    def chosen(self) -> Filter:
        def values(list_id: str) -> list[str]:
            return list(self.query_one(f"#{list_id}", SelectionList).selected)

        return Filter(values("regions"), values("tags"), values("speakers"))

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
