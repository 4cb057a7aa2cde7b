"""The state of a screen that explores a timeline, owned in one place: the view (what the filter
lets through), the cursor, the selected event and its year, the filter, the search and the
bookmarks, each an immutable value. The widgets of the main screen are bound to them and ask for
changes with messages (chiptui.tui.messages), which this screen answers; nothing else writes them.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input

from chiptui.core.model import Event, Timeline
from chiptui.core.view import Filter, Search, View
from chiptui.tui.messages import GoToEvent, GoToYear, Jump, Remember
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.prompts import YearPrompt
from chiptui.tui.widgets.status import StatusLine
from chiptui.tui.widgets.text import cells, plain, say
from chiptui.tui.widgets.timeline_list import TimelineList


class TimelineScreen(Screen[None]):
    """The state and the moves; MainScreen adds the layout, the keys and the dialogs."""

    view: var[View] = var(View.empty, init=False)
    cursor: var[int] = var(0, init=False, always_update=True)
    selected: var[Event | None] = var(None, init=False)
    year: var[int | None] = var(None, init=False)
    filter: var[Filter] = var(Filter, init=False)
    search: var[Search | None] = var(None, init=False)
    bookmarks: var[frozenset[str]] = var(frozenset(), init=False)
    place: var[str] = var("", init=False)  # the header's subtitle: the year and the event's place

    def __init__(
        self,
        timeline: Timeline,
        start_year: int | None = None,
        *,
        start_event: str | None = None,
        filter: Filter | None = None,
        bookmarks: Iterable[str] = (),
    ) -> None:
        """Open at `start_event` (an id), else at `start_year`, else at the first event."""
        super().__init__()
        self.timeline = timeline
        self.tour_pause: float | None = None  # None: the tour's own pause (tests make it short)
        view = View(timeline, filter)
        index = timeline.event_index(start_event) if start_event else None
        if index is not None:
            start = view.nearest_position(index)
        else:
            start = (view.position_for_year(start_year) if start_year is not None else 0) or 0
        self.set_reactive(TimelineScreen.view, view)
        self.set_reactive(TimelineScreen.filter, view.filter)
        self.set_reactive(TimelineScreen.bookmarks, frozenset(bookmarks))
        self.set_reactive(TimelineScreen.cursor, start)
        self.title = cells(timeline.title)
        self._select(notify=False)  # the first frame shows the start event

    @property
    def timeline_list(self) -> TimelineList:
        return self.query_one(TimelineList)

    # The cursor: the one place it changes

    def watch_cursor(self) -> None:
        self._select()

    def _select(self, *, notify: bool = True) -> None:
        """The selected event, its year and the header follow the cursor."""
        event = self.current
        if (event is None) != (self.selected is None) and self.is_attached:
            self.refresh_bindings()  # the keys that need an event
        self.selected = event
        self.year = event.year if event is not None else None
        if event is None:
            self.place = "no events match the filter" if self.filter.active else "no events"
        else:
            self.place = f"{event.year} · event {self.cursor + 1} of {len(self.view)}"
        if notify:
            self._show_status()
            self._remember()

    def _remember(self) -> None:
        # To the app itself: a message to this screen would wake it before the widgets the key
        # changed have asked to be drawn again, and it would draw the key in two frames.
        self.app.post_message(Remember(self.selected.id if self.selected else None, tuple(sorted(self.bookmarks))))

    @property
    def current(self) -> Event | None:
        """The event under the cursor."""
        return self.view.event(self.cursor) if 0 <= self.cursor < len(self.view) else None

    def go(self, position: int | None) -> None:
        """Put the cursor at `position`, within the ends (None: nowhere to go, so ring the bell)."""
        if position is None:
            self.app.bell()
        elif self.view:
            self.cursor = max(0, min(position, len(self.view) - 1))

    def action_step(self, by: int) -> None:
        self.go(self.cursor + by)

    def action_page(self, pages: int) -> None:
        self.go(self.cursor + pages * self.timeline_list.page)

    def action_first(self) -> None:
        self.go(0)

    def action_last(self) -> None:
        self.go(len(self.view) - 1)

    def on_jump(self, message: Jump) -> None:
        self.go(message.position)

    def on_go_to_event(self, message: GoToEvent) -> None:
        self.go_to_event(message.index)
        if message.focus:
            target = self.query_one(message.focus)
            target.focus()
            if message.mark is not None and isinstance(target, Panel):
                self.call_after_refresh(target.mark_record, message.mark)  # once it is shown and wrapped

    def on_go_to_year(self, message: GoToYear) -> None:
        self.go_to_year(message.year)

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(self.timeline, self.view, self.search, self.cursor)
        shown = f"{len(self.view)} of {len(self.timeline.events)}" if self.filter.active else ""
        if str(self.timeline_list.border_subtitle or "") != shown:  # setting it repaints the list, even unchanged
            self.timeline_list.border_subtitle = plain(shown)

    # Moving: years, eras, a typed year, the ruler, the palette

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
        self.go(self.view.next_year(self.cursor, step) if self.view else None)

    def action_era(self, step: int) -> None:
        self.go(self.view.next_era(self.cursor, step) if self.view else None)

    @property
    def search_query(self) -> str:
        """The search's query ("" for none; a search without matches is falsy, so test for None)."""
        return self.search.query if self.search is not None else ""

    def watch_search(self, old: Search | None, new: Search | None) -> None:
        self._show_status()
        if self._search_keys(old) != self._search_keys(new):
            # The footer's n / N, & and Esc come and go with a search and its matches, not with
            # each letter typed (the footer is built again, and the screen laid out again)
            self.refresh_bindings()

    def _search_keys(self, search: Search | None) -> tuple[bool, bool, bool]:
        """What check_action says of the search's keys: n / N, Esc; & (matches not yet the filter)."""
        return (
            search is not None,
            bool(search),
            search is not None and bool(search) and self.filter.text != search.query,
        )

    def action_search_next(self, step: int) -> None:
        if self.search is not None and not self.search:
            say(self, f"No matches for “{self.search.query}”.", title="Search", severity="warning")
            return
        self.go(self.search.next(self.cursor, step) if self.search else None)

    def watch_filter(self, old: Filter, new: Filter) -> None:
        """A new view: the search runs again in it, the cursor stays on its event (or the nearest)."""
        if old == new:
            return
        self.refresh_bindings()  # Esc clears a filter
        index = self.view.indices[self.cursor] if self.current is not None else None
        self.view = view = View(self.timeline, new)
        self.search = Search(view, self.search_query) if self.search_query else None
        self.cursor = view.nearest_position(index) if index is not None else 0

    def action_only_matches(self) -> None:
        """`&` (less's key): show only the search's matches, as part of the filter; Esc restores."""
        if self.search:
            self.filter = attrs.evolve(self.filter, text=self.search.query)
            self.refresh_bindings()  # its footer hint goes: it has done what it can

    def action_clear(self) -> None:
        if self.search is not None:
            self.search = None
            if self.filter.text:  # `&`'s part of the filter goes with its search
                self.filter = attrs.evolve(self.filter, text="")
        elif self.filter.active:
            self.filter = Filter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "type_year") and isinstance(self.focused, (Input, YearPrompt)):
            return False  # the key is typed into the prompt
        if action == "search_next":
            return self.search is not None
        if action == "only_matches":
            return bool(self.search) and self.filter.text != self.search_query
        if action == "clear":
            return self.search is not None or self.filter.active
        if action in ("detail", "bookmark", "tour"):
            return self.current is not None
        return True
