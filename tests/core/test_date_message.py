"""A date typed without quotes (a TOML date) gets a message that says what to type instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chiptui.core.loader import DataError, load
from tests.conftest import VALID


@pytest.mark.parametrize(
    ("typed", "what", "instead"),
    [
        ("1969-07-20", "a date", 'date = "1969-07-20"'),
        ("1969-07-20T20:17:00", "a date and time", 'date = "1969-07-20"'),
        ("1969-07-20 20:17:00Z", "a date and time", 'date = "1969-07-20"'),
    ],
)
def test_an_unquoted_date_says_to_quote_it(write: Callable[[str], Path], typed: str, what: str, instead: str) -> None:
    path = write(VALID.replace('date = "1958-09-12"', f"date = {typed}"))
    with pytest.raises(DataError) as error:
        load(path)
    [problem] = error.value.problems
    message = str(problem)
    assert "event \"first-ic\": field 'date': expected a date string" in message, message
    assert f"got {what} typed without quotes" in message and message.endswith(f"as in {instead}"), message


def test_other_wrong_types_keep_their_message(write: Callable[[str], Path]) -> None:
    with pytest.raises(DataError) as error:
        load(write(VALID.replace('date = "1958-09-12"', "date = 1958")))
    assert str(error.value.problems[0]).endswith('expected a date string like "2013-07-12", got an integer (1958)')
