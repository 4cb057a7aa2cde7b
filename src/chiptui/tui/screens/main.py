"""The main screen: the year ruler over the timeline; the event, its figures and its quotes beside it.

The screen owns the state, each piece once and as an immutable value: the view (what the filter
lets through), the cursor, the selected event and its year, the filter, the search and the
bookmarks. The ruler, the timeline and the panels are bound to them (`data_bind`) and ask for
changes with messages (chiptui.tui.messages); the dialogs answer with their result. The keys that
find a moment (years, eras, a typed year, search, filter) live here so they work whichever panel
has focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input

from chiptui.core.model import Chart, Comparison, Figure, Quote, Series
from chiptui.core.schema import clean_text
from chiptui.core.view import Filter, Search, View
from chiptui.tui.messages import Reloaded, ReloadFailed
from chiptui.tui.screens.timeline_screen import TimelineScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.prompts import SearchBar, YearPrompt
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.ruler import YearRuler
from chiptui.tui.widgets.status import ProblemList, StatusLine
from chiptui.tui.widgets.text import say
from chiptui.tui.widgets.timeline_list import TimelineList

if TYPE_CHECKING:
    from textual.command import Provider

WIDE = 110  # narrower than this, the figures and quotes stack under the event
SMALL = 70  # narrower than this, the timeline sits above the event and the side panels go
TALL = 30  # lower than this, the ruler leaves out the era bands
WIDE_FOOTER = 80  # narrower than this, the footer leaves out the palette's hint (Ctrl+P still works)
# Textual puts one class per axis on the screen, the band the size is in; app.tcss does the rest.
# The narrow layout is -cramped (no room for the palette's hint either) and -narrow; -small is smaller still.
HORIZONTAL = [(0, "-small"), (SMALL, "-cramped"), (WIDE_FOOTER, "-narrow"), (WIDE, "-wide")]
VERTICAL = [(0, "-short"), (TALL, "-tall")]

# Priority: the key that opens a prompt moves focus at once, so what is typed next lands in it.
DIGITS = [
    Binding(d, f"type_year('{d}')", "Type a year", show=False, priority=True, id=f"main.digit-{d}")
    for d in "0123456789"
]


def _commands() -> type[Provider]:
    from chiptui.tui.commands import TimelineCommands  # the palette's code loads when it first opens

    return TimelineCommands


class MainScreen(TimelineScreen):
    """Everything moves with the cursor."""

    COMMANDS: ClassVar = {lambda: _commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "year(-1)", "Previous year", key_display="←", show=False, id="main.year-previous"),
        Binding("right", "year(1)", "Next year", key_display="→", show=False, id="main.year-next"),
        Binding("h", "year(-1)", "Previous year", show=False, id="main.year-previous-vim"),
        Binding("l", "year(1)", "Next year", show=False, id="main.year-next-vim"),
        Binding("left_square_bracket", "era(-1)", "Previous era", key_display="[", show=False, id="main.era-prev"),
        Binding("right_square_bracket", "era(1)", "Next era", key_display="]", show=False, id="main.era-next"),
        *DIGITS,
        Binding("slash", "search", "Search", key_display="/", priority=True, id="main.search"),
        Binding("n", "search_next(1)", "Next match", id="main.match-next"),
        Binding("N", "search_next(-1)", "Previous match", id="main.match-previous"),
        Binding("f", "filter", "Filter", id="main.filter"),
        Binding("escape", "clear", "Clear", key_display="Esc", id="main.clear"),
        Binding("enter", "detail", "In full", key_display="⏎", id="main.detail"),
        Binding("r", "app.reload", "Reload the file", show=False, id="main.reload"),
        Binding("b", "bookmark", "Bookmark the event", show=False, id="main.bookmark"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="main.bookmarks"),
        Binding("p", "tour", "Play the tour", show=False, id="main.tour"),
        Binding("question_mark", "help", "Help", key_display="?", id="main.help"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        yield YearRuler(self.view, id="ruler").data_bind(MainScreen.view, MainScreen.year, MainScreen.bookmarks)
        with Horizontal(id="body"):
            yield TimelineList(self.view, self.cursor, id="timeline").data_bind(
                MainScreen.view, MainScreen.cursor, MainScreen.search, MainScreen.bookmarks
            )
            with Vertical(id="detail"):
                yield EventPanel(self.timeline, id="event").data_bind(MainScreen.selected)
                with Horizontal(id="side"):
                    yield FiguresPanel(self.timeline, id="figures").data_bind(MainScreen.selected)
                    yield QuotesPanel(self.timeline, id="quotes").data_bind(MainScreen.selected, MainScreen.filter)
        with Vertical(id="bottom"):
            yield ProblemList(id="problems")
            yield StatusLine(id="status")
            yield YearPrompt(id="year-prompt")
            yield SearchBar(self._search_done, id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.timeline_list.focus()
        self._remember()

    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._focus_in_sight)  # a smaller layout can hide the focused panel

    def on_descendant_focus(self) -> None:
        self._focus_in_sight()  # a prompt closing, or the palette, can focus a hidden panel too

    def _focus_in_sight(self) -> None:
        """A focused panel that a smaller layout hides gives its focus to the timeline."""
        focused = self.focused
        if focused is not None and not all(node.display for node in focused.ancestors_with_self):
            self.set_focus(self.timeline_list)

    def action_bookmark(self) -> None:
        if self.current is None:
            return
        event_id = self.current.id
        if event_id in self.bookmarks:
            self.bookmarks = self.bookmarks - {event_id}
            say(self, "Bookmark removed.", title="Bookmarks")
        else:
            self.bookmarks = self.bookmarks | {event_id}
            say(self, "Bookmarked: B lists your bookmarks.", title="Bookmarks")
        self._remember()

    def action_bookmarks(self) -> None:
        from chiptui.tui.screens.bookmarks import BookmarksScreen

        def chosen(index: int | None) -> None:
            if index is not None:
                self.go_to_event(index)

        self.app.push_screen(BookmarksScreen(self.timeline, self.bookmarks), chosen)

    def action_tour(self) -> None:
        from chiptui.tui.screens.tour import TourScreen

        positions = self.view.tour(self.cursor)
        if positions:
            self.app.push_screen(TourScreen(self, positions, self.tour_pause))
        else:
            self.app.bell()

    async def on_reloaded(self, message: Reloaded) -> None:
        """Show the file read again: the cursor stays on its event (or the nearest), the filter
        stays on, the search is cleared, the problems of an earlier failed reload go."""
        selected = self.selected.id if self.selected else None
        self.timeline = timeline = message.timeline
        view = View(timeline, self.filter)
        index = timeline.event_index(selected) if selected else None
        self.set_reactive(MainScreen.view, view)
        self.set_reactive(MainScreen.search, None)
        self.set_reactive(MainScreen.cursor, view.nearest_position(index) if index is not None else 0)
        self._select(notify=False)
        await self.recompose()
        self.call_after_refresh(self.timeline_list.focus)

    def on_reload_failed(self, message: ReloadFailed) -> None:
        """A reload found the file broken: say what is wrong until a reload succeeds."""
        self.query_one(ProblemList).show([str(problem) for problem in message.problems])

    def action_type_year(self, digit: str) -> None:
        self.query_one(YearPrompt).begin(digit)

    @on(YearPrompt.Chosen)
    def _year_chosen(self, message: YearPrompt.Chosen) -> None:
        self.go_to_year(message.year)

    # Search

    def action_search(self) -> None:
        self.query_one(SearchBar).reveal(self.search_query)

    @on(Input.Changed, "SearchBar")
    def _search_changed(self) -> None:
        """The bar's value now: a Changed can arrive after Enter or Esc has acted on a newer one."""
        query = clean_text(self.query_one(SearchBar).value)
        if query != self.search_query:
            self.search = Search(self.view, query, previous=self.search) if query else None

    def _search_done(self, jump: bool) -> None:
        """Enter (`jump` to the next match) or Esc (clear) in the search bar, after every key
        typed before it: the search is the bar's value, and focus moves now, so a key typed
        right after goes to the timeline."""
        self.set_focus(self.timeline_list)
        self._search_changed()
        if jump and self.search is not None:
            self.action_search_next(1)

    # Filter, clearing, detail, help

    def action_filter(self) -> None:
        from chiptui.tui.screens.filter import FilterScreen

        self.app.push_screen(FilterScreen(self.timeline, self.filter), self._filter_chosen)

    def _filter_chosen(self, chosen: Filter | None) -> None:
        if chosen is not None:
            self.filter = chosen

    def action_detail(self) -> None:
        from chiptui.tui.screens.detail import DetailScreen, detail_content

        event = self.current
        if event is not None:
            content = detail_content(self.timeline, event)
            self.app.push_screen(DetailScreen("Event in full", f"{event.when()} · in full", content))

    @on(Panel.Opened)
    def _opened(self, message: Panel.Opened) -> None:
        """Enter on a figure opens it in full; on a quote, goes to the event it speaks about."""
        from chiptui.tui.screens.detail import DetailScreen, figure_content

        target = message.target
        if isinstance(target, Figure):
            content = figure_content(self.timeline, target, max(40, min(self.size.width - 8, 100)))
            self.app.push_screen(DetailScreen("Figure in full", f"{target.label} · {target.year}", content))
        elif isinstance(target, Quote):
            self._go_to_quote(target)
        elif isinstance(target, Chart | Series | Comparison):  # a chart: full-screen, the cursor's year marked
            from chiptui.tui.screens.chart_view import ChartScreen

            self.app.push_screen(ChartScreen(self.timeline, target, self.selected.year if self.selected else 0))

    def _go_to_quote(self, quote: Quote) -> None:
        indexes = [i for i in map(self.timeline.event_index, quote.events) if i is not None]
        current = self.view.indices[self.cursor] if self.current is not None else None
        if indexes:
            later = [i for i in indexes if current is not None and i > current] if current in indexes else []
            self.go_to_event((later or indexes)[0], focus=False)
        elif quote.years:
            self.go_to_year(quote.years[0])

    def action_help(self) -> None:
        from chiptui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
