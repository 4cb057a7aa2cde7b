"""Shared helpers: small timeline files written on the fly, and a deterministic app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.core.settings import settings

DATA = Path(__file__).parent / "data"

# A small, valid timeline that each loader test breaks in one way.
VALID = """\
schema = 1
title = "Test timeline"
tour = ["first-ic", "imports-2018"]

[[source]]
id = "article"
title = "The article"
publisher = "A publisher"
date = "2019-09-12"

[[speaker]]
id = "wei"
name = "Wei Shaojun"
name_zh = "魏少军"

[[era]]
id = "early"
title = "Early years"
start = 1958
end = 1999

[[event]]
id = "first-ic"
date = "1958-09-12"
title = "The first IC"
text = "A chip."
sources = ["article"]

[[event]]
id = "imports-2018"
date = "2018"
title = "Imports pass 300"
text = "Imports."
sources = ["article"]

[[figure]]
id = "imports-2018-usd"
series = "imports"
label = "Imports"
year = 2018
value = 312.06
unit = "USD bn"
sources = ["article"]

[[quote]]
id = "wei-imports"
speaker = "wei"
date = "2019-09-12"
kind = "paraphrase"
text = "China imported 312 billion US dollars."
events = ["imports-2018"]
years = [2018]
sources = ["article"]
"""


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str], Path]:
    """Write TOML text to a file and return its path."""

    def _write(text: str, name: str = "timeline.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(autouse=True)
def state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its saved places in its own folder, never the user's."""
    folder = tmp_path / "state"
    monkeypatch.setenv("CHIPTUI_STATE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test caches its loads in its own folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHIPTUI_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def fresh_settings(state_folder: Path, cache_folder: Path) -> Iterator[None]:
    """chiptui reads its CHIPTUI_* settings once: each test reads them again, with its own folders."""
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.fixture
def small() -> Timeline:
    return load(DATA / "small.toml")
