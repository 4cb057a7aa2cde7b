"""What is wrong with a data file: each problem located as precisely as the file allows. No Textual."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from chiptui.core import schema
from chiptui.core.records import Record


@attrs.frozen(repr=False)
class Problem(Record):
    """One thing wrong with a data file, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}" if self.line else self.file]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field '{self.field}'")
        parts.append(self.message)
        return schema.strip_controls(": ".join(parts))  # a file's name or key never reaches the terminal raw


class DataError(Exception):
    """A data file that cannot be used; `problems` holds every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib  # only when something is wrong

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""
