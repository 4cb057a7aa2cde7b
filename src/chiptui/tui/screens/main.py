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

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer

from chiptui.core.model import Chart, Comparison, Figure, Quote, Series
from chiptui.core.schema import clean_text
from chiptui.core.view import Filter, Search, View
from chiptui.tui.messages import GoToEvent, Reloaded, ReloadFailed
from chiptui.tui.screens.layout import LAYOUT_BINDINGS, LayoutScreen, bands
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.panel_tabs import PanelTabs
from chiptui.tui.widgets.prompts import SearchBar, YearPrompt
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.ruler import YearRuler
from chiptui.tui.widgets.status import ProblemList, StatusLine
from chiptui.tui.widgets.text import say
from chiptui.tui.widgets.timeline_list import TimelineList
from chiptui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.command import Provider

    from chiptui.tui.screens.detail import Closed

# Priority: the key that opens a prompt moves focus at once, so what is typed next lands in it.
DIGITS = [
    Binding(d, f"type_year('{d}')", "Type a year", show=False, priority=True, id=f"main.digit-{d}")
    for d in "0123456789"
]


def _commands() -> type[Provider]:
    from chiptui.tui.commands import TimelineCommands  # the palette's code loads when it first opens

    return TimelineCommands


class MainScreen(LayoutScreen):
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
        Binding("N", "search_next(-1)", "Previous match", show=False, id="main.match-previous"),
        Binding("ampersand", "only_matches", "Only matches", key_display="&", id="main.only-matches"),
        Binding("f", "filter", "Filter", id="main.filter"),
        Binding("c", "corrections", "Corrections", id="main.corrections"),
        Binding("escape", "clear", "Clear", key_display="Esc", id="main.clear"),
        Binding("enter", "detail", "In full", key_display="⏎", id="main.detail"),
        *LAYOUT_BINDINGS,
        Binding("r", "app.reload", "Reload the file", show=False, id="main.reload"),
        Binding("b", "bookmark", "Bookmark the event", show=False, id="main.bookmark"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="main.bookmarks"),
        Binding("p", "tour", "Play the tour", show=False, id="main.tour"),
        Binding("o", "source('open')", "Open the item's source", show=False, id="main.open-source"),
        Binding("y", "source('copy')", "Copy the item's citation", show=False, id="main.copy-citation"),
        Binding("question_mark", "help", "Help", key_display="?", id="main.help"),
        Binding("q", "app.quit", "Quit", id="main.quit"),
    ]

    def compose(self) -> ComposeResult:
        # The size's bands before the first layout: Textual sets them after it, and a change of
        # class then styles every widget again and lays the screen out again (a fifth of the
        # first frame); set here, they are the same then and nothing happens.
        self.add_class(*bands(self.app.size))
        yield TitleBar().data_bind(MainScreen.place)
        yield YearRuler(self.view, id="ruler").data_bind(MainScreen.view, MainScreen.year, MainScreen.bookmarks)
        with Horizontal(id="body"):
            yield TimelineList(self.view, self.cursor, id="timeline").data_bind(
                MainScreen.view, MainScreen.cursor, MainScreen.search, MainScreen.bookmarks
            )
            with Vertical(id="detail", classes=f"-show-{self.panel}"):
                yield PanelTabs(id="tabs").data_bind(shown=MainScreen.panel, selected=MainScreen.selected)
                yield EventPanel(self.timeline, id="event").data_bind(MainScreen.selected, MainScreen.search)
                with Horizontal(id="side"):
                    yield FiguresPanel(self.timeline, id="figures").data_bind(MainScreen.selected)
                    yield QuotesPanel(self.timeline, id="quotes").data_bind(MainScreen.selected, MainScreen.filter)
        with Vertical(id="bottom"):
            yield ProblemList(id="problems")
            yield StatusLine(id="status")
            yield YearPrompt(id="year-prompt")
            yield SearchBar(self._search_done, self._search_changed, id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.timeline_list.focus()
        self._remember()

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
        and the search stay on (the search found again in the new text), the problems of an
        earlier failed reload go."""
        selected = self.selected.id if self.selected else None
        self.timeline = timeline = message.timeline
        view = View(timeline, self.filter)
        index = timeline.event_index(selected) if selected else None
        self.set_reactive(MainScreen.view, view)
        self.set_reactive(MainScreen.search, Search(view, self.search_query) if self.search_query else None)
        self.set_reactive(MainScreen.cursor, view.nearest_position(index) if index is not None else 0)
        self._select(notify=False)
        await self.recompose()
        self._show_status()  # the filter's line and the list's "n of N", made anew with the widgets
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

    def _search_changed(self) -> None:
        """The bar's value now, as it changes (and again when Enter or Esc closes it)."""
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

    def action_corrections(self) -> None:
        from chiptui.tui.screens.corrections import CorrectionsScreen

        def chosen(go: GoToEvent | None) -> None:
            if go is not None:
                self.post_message(go)  # the chosen record's event, and the panel that shows it

        self.app.push_screen(CorrectionsScreen(self.timeline), chosen)

    def action_detail(self) -> None:
        from chiptui.tui.screens.event_view import EventScreen

        if self.current is not None:
            screen = EventScreen(self.timeline, self.view, self.cursor, self.search)
            self.app.push_screen(screen, self._full_view_closed)

    @on(Panel.Opened)
    def _opened(self, message: Panel.Opened) -> None:
        """Enter on a figure or a quote opens it in full."""
        from chiptui.tui.screens.detail import figure_screen
        from chiptui.tui.screens.quote import QuoteScreen

        target = message.target
        if isinstance(target, Figure):
            self.app.push_screen(figure_screen(self.timeline, target), self._full_view_closed)
        elif isinstance(target, Quote):
            self.app.push_screen(QuoteScreen(self.timeline, target), self._full_view_closed)
        elif isinstance(target, Chart | Series | Comparison):  # a chart: full-screen, the cursor's year marked
            from chiptui.tui.screens.chart_view import ChartScreen

            self.app.push_screen(ChartScreen(self.timeline, target, self.selected.year if self.selected else 0))

    def _full_view_closed(self, closed: Closed | None) -> None:
        """A full view closed: the cursor goes to the event it showed last (or the quote's event)."""
        if closed is None:
            return
        if closed.event is not None:
            self.go_to_event(closed.event, focus=False)
        if closed.quote is not None:
            self._go_to_quote(closed.quote)
        if closed.search:
            self.action_search()

    @on(QuotesPanel.Follow)
    def _follow(self, message: QuotesPanel.Follow) -> None:
        self._go_to_quote(message.quote)

    def action_source(self, verb: str) -> None:
        """o / y: open the source of, or copy the citation of, the focused item (else the event)."""
        from chiptui.tui.sources import on_sources, selected_target, sources_of

        on_sources(self, verb, sources_of(self.timeline, selected_target(self, self.current)))

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
