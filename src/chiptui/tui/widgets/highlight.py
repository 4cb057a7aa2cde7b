"""A search's matches marked in a panel's text, found by the same rule search uses
(chiptui.core.matching), so what the list marks with • is what the event panel highlights."""

from __future__ import annotations

from textual.content import Content

from chiptui.core.view import Search

MATCH = "bold underline $text-accent"  # as the timeline marks matches; underline shows without colour


def marked(content: Content, search: Search | None) -> Content:
    """`content` with every word of `search` found in it styled as a match."""
    if search is None:
        return content
    for start, end in search.spans(content.plain):
        content = content.stylize(MATCH, start, end)
    return content
