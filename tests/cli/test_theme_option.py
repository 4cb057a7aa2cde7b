"""`--theme NAME`: checked before anything opens (exit 2 naming the themes), handed to the app."""

from __future__ import annotations

from typing import Any

import pytest

from chiptui import cli
from chiptui.tui.theme import theme_names


def test_an_unknown_theme_is_refused_with_the_names_to_choose_from(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--theme", "no-such-theme"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "'no-such-theme' is not a theme" in error
    assert all(name in error for name in ("chiptui", "nord", "textual-light"))


def test_a_known_theme_goes_to_the_explorer(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def explore(given: str | None, year: int | None, *, theme: str | None = None, debug: bool = False) -> int:
        seen.update(given=given, year=year, theme=theme)
        return 0

    monkeypatch.setattr(cli, "explore", explore)
    assert cli.main(["--theme", "nord", "--year", "2018"]) == 0
    assert seen == {"given": None, "year": 2018, "theme": "nord"}
    assert cli.main([]) == 0 and seen["theme"] is None  # none given: the one chosen last time


def test_the_theme_names_are_chiptuis_and_textuals() -> None:
    names = theme_names()
    assert names == sorted(names) and "chiptui" in names and "textual-dark" in names
