"""The two one-line prompts at the bottom of the screen: "go to year" and search."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from chiptui.tui.widgets.text import cells

DIGITS = frozenset("0123456789")
QUERY_MAX = 200  # characters in a search: a longer paste is cut here


class YearPrompt(Static, can_focus=True):
    """`19__`: digits fill it, Backspace edits, Esc cancels; the fourth digit posts `Chosen`."""

    DEFAULT_CSS = """
    YearPrompt {
        height: 1;
        padding: 0 1;
        background: $panel;
        display: none;
    }
    """

    class Chosen(Message):
        def __init__(self, year: int) -> None:
            super().__init__()
            self.year = year

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.digits = ""
        self._return_to: Widget | None = None

    def begin(self, digit: str) -> None:
        """Open with `digit` typed (a digit that arrives before focus moves here is added)."""
        if not self.display:
            self._return_to = self.screen.focused
            self.digits = ""
            self.display = True
            self.screen.set_focus(self)  # now, so digits typed quickly after the first land here
        self._type(digit)

    def close(self) -> None:
        self.digits = ""
        self.display = False
        if self._return_to is not None and self._return_to.is_attached:
            self._return_to.focus()
        self._return_to = None

    def _show(self) -> None:
        typed = (self.digits + "____")[:4]
        self.update(
            Content.assemble(
                ("Go to year: ", "bold"),
                (typed, "bold $text-accent underline"),
                ("   0–9 type · Backspace edits · Esc cancels", "dim"),
            )
        )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key == "escape":
            self.close()
        elif event.key == "backspace":
            self.digits = self.digits[:-1]
            if self.digits:
                self._show()
            else:
                self.close()
        elif event.character is not None and event.character in DIGITS:
            self._type(event.character)
        else:
            self.app.bell()

    def _type(self, digit: str) -> None:
        self.digits += digit
        if len(self.digits) < 4:
            self._show()
            return
        year = int(self.digits)
        self.close()
        self.post_message(self.Chosen(year))

    def on_blur(self) -> None:
        if self.display:
            self._return_to = None
            self.close()


class SearchBar(Input):
    """`/` opens it; the screen searches as it changes; Enter jumps; Esc closes and clears."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        border: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        &:focus { border: none; background: $panel; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "done(False)", "Clear search", id="search.cancel")]

    def __init__(
        self, done: Callable[[bool], None], changed: Callable[[], None] | None = None, *, id: str | None = None
    ) -> None:
        """`done(True)` on Enter, `done(False)` on Esc (the query is cleared first); `changed()`
        as the value changes, at once: the search and the bar are then drawn in one frame (Input's
        Changed message reaches the screen after the bar has been drawn alone)."""
        super().__init__(placeholder="Search titles, text, quotes, corrections", id=id, max_length=QUERY_MAX)
        self.done = done
        self.changed = changed

    def watch_value(self) -> None:
        if self.changed is not None and self.is_mounted:
            self.changed()

    def reveal(self, query: str = "") -> None:
        self.display = True
        self.value = query
        self.cursor_position = len(query)
        self.screen.set_focus(self)  # now, so what is typed right after `/` lands here

    def close(self) -> None:
        self.display = False

    def action_done(self, jump: bool) -> None:
        self.close()
        if not jump:
            self.value = ""
        self.done(jump)

    async def on_key(self, event: events.Key) -> None:
        """Keys act here in the order they were typed: Enter and Esc after the keys before them,
        editing keys (Backspace, arrows) too, not as bindings the app looks up later, when Enter
        may have moved focus. A key behind Enter or Esc, typed in the same instant, was meant for
        the screen the bar gave focus back to: it goes there."""
        done = event.key in ("enter", "escape")
        edit = None if done or not self.display else self._editing_keys().get(event.key)
        if edit == "copy" and not self.selected_text:
            edit = None  # Ctrl+C with nothing selected: the app's key, quit
        if self.display and not done and edit is None:
            return  # a character: Input's own handler types it
        event.stop()
        event.prevent_default()  # Input's handler and the app's bindings do not see it
        if not self.display:
            if self.screen.focused is not self:
                self.app.post_message(events.Key(event.key, event.character))
        elif done:
            self.action_done(event.key == "enter")
        elif edit is not None:
            await self.run_action(edit)

    @staticmethod
    @cache
    def _editing_keys() -> dict[str, str]:
        """Input's own keys (Backspace, ←, Home, ctrl+w…) and their actions, read once."""
        keys: dict[str, str] = {}
        for binding in Binding.make_bindings(Input.BINDINGS):
            keys.setdefault(binding.key, binding.action)
        return keys

    def on_paste(self, event: events.Paste) -> None:
        """A paste is typed as its first line, without control characters, as much as fits
        (a paste behind Enter or Esc is not typed into a closed bar)."""
        event.stop()
        event.prevent_default()
        if not self.display or not event.text:
            return
        start, end = sorted(self.selection)
        room = QUERY_MAX - len(self.value) + (end - start)
        pasted = cells(event.text.splitlines()[0] if event.text.strip("\r\n") else "")[: max(0, room)]
        if pasted:
            self.replace(pasted, start, end)

    def restricted(self) -> None:
        """A key past QUERY_MAX characters is not typed (and, in a burst, rings no bell)."""
