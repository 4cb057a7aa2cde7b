"""The main screen's layout: its size bands, and the panels taking turns in a small terminal.

Textual puts one class per axis on the screen, the band its size is in (the breakpoints below);
app.tcss does the rest. In a wide and tall terminal the event sits over the figures and the
quotes; narrower than WIDE or lower than TALL, the three take turns on the whole right side
(PanelTabs names them), the screen's `panel` saying which one is shown. Tab and Shift+Tab go
round the timeline and every panel, showing the panel they go to; `t` shows the next panel
(the keys are MainScreen's, LAYOUT_BINDINGS, so that help lists them with its own).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events, on
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import var
from textual.widget import Widget

from chiptui.tui.screens.timeline_screen import TimelineScreen
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.panel_tabs import PANELS, PanelTabs
from chiptui.tui.widgets.text import cells

WIDE = 110  # narrower than this, the panels take turns
SMALL = 70  # narrower than this, the timeline sits above the panels
TALL = 30  # lower than this, the ruler leaves out the era bands and the panels take turns
WIDE_FOOTER = 80  # -cramped below, -narrow above: in both the footer leaves out the palette's hint
# The bands: -small < SMALL ≤ -cramped < WIDE_FOOTER ≤ -narrow < WIDE ≤ -wide; -short < TALL ≤ -tall.
HORIZONTAL = [(0, "-small"), (SMALL, "-cramped"), (WIDE_FOOTER, "-narrow"), (WIDE, "-wide")]
FULL_VIEW = [(0, "-narrow"), (WIDE, "-wide")]  # a full view's bands: its footer as the main screen's
VERTICAL = [(0, "-short"), (TALL, "-tall")]
PANEL_IDS = tuple(panel for panel, _ in PANELS)
HEADER_ENDS = 20  # the header's icon and the space across from it, either side of its title


def bands(size: Size) -> list[str]:
    """The classes Textual's breakpoints give a screen of `size`: per axis, the band of the
    largest breakpoint the size reaches."""
    return [
        max(band for band in axis if length >= band[0])[1]
        for axis, length in ((HORIZONTAL, size.width), (VERTICAL, size.height))
    ]


LAYOUT_BINDINGS: list[BindingType] = [
    Binding("t", "next_panel", "Next panel", key_display="t", id="main.next-panel"),
    Binding("tab", "focus_panel(1)", "Focus the next panel", show=False, id="main.focus-next"),
    Binding("shift+tab", "focus_panel(-1)", "Focus the previous panel", show=False, id="main.focus-previous"),
]


class LayoutScreen(TimelineScreen):
    """The size bands, which panel is shown when they take turns, and focus going round them."""

    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
    panel: var[str] = var("event", init=False)  # the panel shown when they take turns

    @property
    def taking_turns(self) -> bool:
        """Whether this size shows one panel at a time (app.tcss shows the tabs then)."""
        return bool(self.query(PanelTabs)) and self.query_one(PanelTabs).display

    def watch_panel(self, panel: str) -> None:
        for detail in self.query("#detail"):
            detail.set_classes(f"-show-{panel}")

    def _ring(self) -> list[Widget]:
        """Where Tab goes, in order: the timeline, then each panel."""
        return [self.timeline_list, *(self.query_one(f"#{panel}") for panel in PANEL_IDS)]

    def action_focus_panel(self, step: int) -> None:
        ring = self._ring()
        focused = self.focused
        at = ring.index(focused) if focused in ring else (-1 if step > 0 else 0)
        target = ring[(at + step) % len(ring)]
        if target.id in PANEL_IDS:
            self.panel = str(target.id)
        self.call_after_refresh(target.focus)  # once it is shown

    def action_next_panel(self) -> None:
        at = PANEL_IDS.index(self.panel) if self.panel in PANEL_IDS else 0
        was = self.panel
        self.panel = PANEL_IDS[(at + 1) % len(PANEL_IDS)]
        if self.focused is not None and self.focused.id == was:
            self.call_after_refresh(self.query_one(f"#{self.panel}").focus)  # focus goes with it

    @on(PanelTabs.Chosen)
    def _tab_chosen(self, message: PanelTabs.Chosen) -> None:
        self.panel = message.panel

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._focus_in_sight)  # the panels may take turns at the new size
        # The header keeps its subtitle (the year, the place) whole: a narrow one names the app only.
        title = cells(self.timeline.title)
        room = event.size.width - HEADER_ENDS - len(" — ") - cell_len(self.place)
        self.title = title if cell_len(title) <= room else "chiptui"

    def on_descendant_focus(self) -> None:
        self._focus_in_sight()  # a prompt closing, or the palette, can focus a hidden panel too

    def _focus_in_sight(self) -> None:
        """A focused panel that the layout hides is shown; anything else hidden gives its focus to
        the timeline. The footer's keys are worked out again for the size."""
        focused = self.focused
        if focused is not None and not all(node.display for node in focused.ancestors_with_self):
            if isinstance(focused, Panel) and focused.id in PANEL_IDS:
                self.panel = str(focused.id)
            else:
                self.set_focus(self.timeline_list)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_panel":
            return self.taking_turns
        return super().check_action(action, parameters)
