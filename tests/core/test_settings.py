from __future__ import annotations

import pytest

from chiptui.core.settings import Settings, settings


def test_every_variable_is_read_and_an_empty_one_is_unset() -> None:
    environ = {
        "CHIPTUI_DATA": "my.toml",
        "CHIPTUI_DEBUG": "1",
        "CHIPTUI_STATE_DIR": "/s",
        "CHIPTUI_CACHE_DIR": "/c",
        "CHIPTUI_SERVER_PID": "42",
    }
    assert Settings.from_environment(environ) == Settings("my.toml", True, "/s", "/c", 42)
    assert Settings.from_environment(dict.fromkeys(environ, "")) == Settings() == Settings.from_environment({})
    assert Settings.from_environment({"CHIPTUI_SERVER_PID": "x1"}).server_pid is None
    assert Settings.from_environment({"CHIPTUI_SERVER_PID": "²"}).server_pid is None


def test_the_environment_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIPTUI_DATA", "first.toml")
    settings.cache_clear()
    assert settings().data == "first.toml"
    monkeypatch.setenv("CHIPTUI_DATA", "second.toml")
    assert settings().data == "first.toml"
    with pytest.raises(AttributeError):
        settings().data = "third.toml"  # type: ignore[misc]
