"""The main screen: the year ruler over the timeline; the event, its figures and its quotes beside it.

The screen owns the selection: the timeline reports its cursor with `Moved`, the screen sets
`selected`, and every panel is bound to it. The keys that find a moment (years, eras, a typed
year, search, filter) live here so they work whichever panel has focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from chiptui.loader import Problem
from chiptui.model import Event, Figure, Quote, Timeline
from chiptui.schema import clean_text
from chiptui.view import Filter, Search, View
from chiptui.widgets.event_panel import EventPanel
from chiptui.widgets.figures_panel import FiguresPanel
from chiptui.widgets.panel import Panel
from chiptui.widgets.prompts import SearchBar, YearPrompt
from chiptui.widgets.quotes_panel import QuotesPanel
from chiptui.widgets.ruler import YearRuler
from chiptui.widgets.status import ProblemList, StatusLine
from chiptui.widgets.text import cells, plain, say
from chiptui.widgets.timeline_list import TimelineList

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
    from chiptui.commands import TimelineCommands  # the palette's code loads when it first opens

    return TimelineCommands


class MainScreen(Screen[None]):
    """Everything moves with the timeline's cursor."""

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

    selected: var[Event | None] = var(None)
    filter: var[Filter] = var(Filter)

    def __init__(
        self,
        timeline: Timeline,
        start_year: int | None = None,
        *,
        start_event: str | None = None,
        filter: Filter | None = None,
        bookmarks: set[str] | None = None,
    ) -> None:
        """Open at `start_event` (an id), else at `start_year`, else at the first event."""
        super().__init__()
        self.timeline = timeline
        self.view = View(timeline, filter)
        self.set_reactive(MainScreen.filter, self.view.filter)
        self.search: Search | None = None
        self.bookmarks = bookmarks if bookmarks is not None else set()
        self.tour_pause: float | None = None  # None: the tour's own pause (tests make it short)
        index = timeline.event_index(start_event) if start_event else None
        if index is not None:
            self.start = self.view.nearest_position(index)
        else:
            self.start = (self.view.position_for_year(start_year) if start_year is not None else 0) or 0
        self.title = cells(timeline.title)
        if self.view:  # the first frame shows the start event; the timeline's Moved confirms it
            event = self.view.event(self.start)
            self.set_reactive(MainScreen.selected, event)
            self.sub_title = self._where(event, self.start)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        ruler = YearRuler(self.view, id="ruler", bookmarks=self.bookmarks)
        ruler.set_reactive(YearRuler.year, self.selected.year if self.selected else None)
        yield ruler
        with Horizontal(id="body"):
            yield TimelineList(self.view, self.start, id="timeline", bookmarks=self.bookmarks)
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

    @property
    def timeline_list(self) -> TimelineList:
        return self.query_one(TimelineList)

    def on_mount(self) -> None:
        self.timeline_list.focus()
        if not self.timeline.events:
            self.sub_title = "no events"

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

    @on(TimelineList.Moved)
    def _moved(self, message: TimelineList.Moved) -> None:
        if message.index is None:
            self.selected = None
            self.sub_title = "no events match the filter" if self.filter.active else "no events"
        else:
            event = self.timeline.events[message.index]
            self.selected = event
            self.sub_title = self._where(event, self.timeline_list.cursor)
            self.query_one(YearRuler).year = event.year
        self._show_status()
        self.post_message(self.Remember(self.selected.id if self.selected else None, tuple(sorted(self.bookmarks))))

    def _where(self, event: Event, position: int) -> str:
        return f"{event.year} · event {position + 1} of {len(self.view)}"

    class Remember(Message):
        """The reader's place or bookmarks changed: the app saves them for next time."""

        def __init__(self, event: str | None, bookmarks: tuple[str, ...]) -> None:
            super().__init__()
            self.event = event
            self.bookmarks = bookmarks

    @property
    def current(self) -> Event | None:
        """The event under the cursor now (`selected` follows it a message later)."""
        index = self.timeline_list.event_index
        return None if index is None else self.timeline.events[index]

    def action_bookmark(self) -> None:
        if self.current is None:
            return
        event_id = self.current.id
        if event_id in self.bookmarks:
            self.bookmarks.discard(event_id)
            say(self, "Bookmark removed.", title="Bookmarks")
        else:
            self.bookmarks.add(event_id)
            say(self, "Bookmarked: B lists your bookmarks.", title="Bookmarks")
        self.timeline_list.refresh()
        self.query_one(YearRuler).refresh()
        self.post_message(self.Remember(event_id, tuple(sorted(self.bookmarks))))

    def action_bookmarks(self) -> None:
        from chiptui.screens.bookmarks import BookmarksScreen

        def chosen(index: int | None) -> None:
            if index is not None:
                self.go_to_event(index)

        self.app.push_screen(BookmarksScreen(self.timeline, self.bookmarks), chosen)

    def action_tour(self) -> None:
        from chiptui.screens.tour import TourScreen, tour_positions

        positions = tour_positions(self)
        if positions:
            self.app.push_screen(TourScreen(self, positions, self.tour_pause))
        else:
            self.app.bell()

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(self.timeline, self.view, self.search, self.timeline_list.cursor)
        shown = f"{len(self.view)} of {len(self.timeline.events)}" if self.filter.active else ""
        self.timeline_list.border_subtitle = plain(shown)

    async def replace(self, timeline: Timeline) -> None:
        """Show `timeline` (a reload): the cursor stays on its event (or the nearest), the filter
        stays on, the search is cleared, the problems of an earlier failed reload go."""
        selected = self.selected.id if self.selected else None
        self.timeline = timeline
        self.view = View(timeline, self.filter)
        self.search = None
        index = timeline.event_index(selected) if selected else None
        self.start = self.view.nearest_position(index) if index is not None else 0
        self.set_reactive(MainScreen.selected, self.view.event(self.start) if self.view else None)
        await self.recompose()
        self.call_after_refresh(self.timeline_list.focus)

    def show_problems(self, problems: list[Problem]) -> None:
        """A reload found the file broken: say what is wrong until a reload succeeds."""
        self.query_one(ProblemList).show([str(problem) for problem in problems])

    # Moving: years, eras, a typed year, the ruler, the palette

    def go(self, position: int | None) -> None:
        """Put the cursor at `position` (None: nowhere to go, so ring the bell)."""
        if position is None:
            self.app.bell()
        else:
            self.timeline_list.cursor = position

    def go_to_year(self, year: int) -> None:
        """The first event of `year`, or of the nearest year with events, saying so."""
        position = self.view.position_for_year(year)
        if position is None:
            say(self, "No events to go to.", severity="warning")
            return
        landed = self.view.years[position]
        if landed != year:
            among = " among the filtered events" if self.filter.active else ""
            say(self, f"No events in {year}{among}; the nearest year is {landed}.", title="Go to year")
        self.go(position)

    def go_to_event(self, index: int, *, focus: bool = True) -> None:
        """Select event `index` (and focus the timeline), clearing the filter if it hides the event."""
        if self.view.position_of(index) is None:
            say(self, "The filter hid this event, so it is cleared.", title="Filter")
            self.filter = Filter()
        position = self.view.position_of(index)
        if position is not None:
            if focus:
                self.timeline_list.focus()
            self.go(position)

    def action_year(self, step: int) -> None:
        self.go(self.view.next_year(self.timeline_list.cursor, step) if self.view else None)

    def action_era(self, step: int) -> None:
        self.go(self.view.next_era(self.timeline_list.cursor, step) if self.view else None)

    def action_type_year(self, digit: str) -> None:
        self.query_one(YearPrompt).begin(digit)

    @on(YearPrompt.Chosen)
    def _year_chosen(self, message: YearPrompt.Chosen) -> None:
        self.go_to_year(message.year)

    @on(YearRuler.Picked)
    def _year_picked(self, message: YearRuler.Picked) -> None:
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
            self.timeline_list.highlight(self.search)
            self._show_status()

    @property
    def search_query(self) -> str:
        """The search's query ("" for none; a search without matches is falsy, so test for None)."""
        return self.search.query if self.search is not None else ""

    def _search_done(self, jump: bool) -> None:
        """Enter (`jump` to the next match) or Esc (clear) in the search bar, after every key
        typed before it: the search is the bar's value, and focus moves now, so a key typed
        right after goes to the timeline."""
        self.set_focus(self.timeline_list)
        self._search_changed()
        if jump and self.search is not None:
            self.action_search_next(1)

    def _clear_search(self) -> None:
        self.search = None
        self.timeline_list.highlight(None)
        self._show_status()

    def action_search_next(self, step: int) -> None:
        if self.search is not None and not self.search:
            say(self, f"No matches for “{self.search.query}”.", title="Search", severity="warning")
            return
        self.go(self.search.next(self.timeline_list.cursor, step) if self.search else None)

    # Filter, clearing, detail, help

    def action_filter(self) -> None:
        from chiptui.screens.filter import FilterScreen

        self.app.push_screen(FilterScreen(self.timeline, self.filter), self._filter_chosen)

    def _filter_chosen(self, chosen: Filter | None) -> None:
        if chosen is not None:
            self.filter = chosen

    def watch_filter(self, old: Filter, new: Filter) -> None:
        if old == new:
            return
        index = self.timeline_list.event_index
        self.view = View(self.timeline, new)
        self.search = Search(self.view, self.search_query) if self.search_query else None
        self.query_one(YearRuler).show(self.view)
        self.timeline_list.show(self.view, self.view.nearest_position(index) if index is not None else 0)
        self.timeline_list.highlight(self.search)

    def action_clear(self) -> None:
        if self.search is not None:
            self._clear_search()
        elif self.filter.active:
            self.filter = Filter()

    def action_detail(self) -> None:
        from chiptui.screens.detail import DetailScreen, detail_content

        event = self.current
        if event is not None:
            content = detail_content(self.timeline, event)
            self.app.push_screen(DetailScreen("Event in full", f"{event.when()} · in full", content))

    @on(Panel.Opened)
    def _opened(self, message: Panel.Opened) -> None:
        """Enter on a figure opens it in full; on a quote, goes to the event it speaks about."""
        from chiptui.screens.detail import DetailScreen, figure_content

        target = message.target
        if isinstance(target, Figure):
            content = figure_content(self.timeline, target, max(40, min(self.size.width - 8, 100)))
            self.app.push_screen(DetailScreen("Figure in full", f"{target.label} · {target.year}", content))
        elif isinstance(target, Quote):
            self._go_to_quote(target)

    def _go_to_quote(self, quote: Quote) -> None:
        indexes = [i for i in map(self.timeline.event_index, quote.events) if i is not None]
        current = self.timeline_list.event_index
        if indexes:
            later = [i for i in indexes if current is not None and i > current] if current in indexes else []
            self.go_to_event((later or indexes)[0], focus=False)
        elif quote.years:
            self.go_to_year(quote.years[0])

    def action_help(self) -> None:
        from chiptui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "type_year") and isinstance(self.focused, (Input, YearPrompt)):
            return False  # the key is typed into the prompt
        if action == "search_next":
            return self.search is not None
        if action == "clear":
            return self.search is not None or self.filter.active
        return True
