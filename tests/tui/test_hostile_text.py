"""Text from a data file is shown as typed on every screen and in every notice, and never acts.

The timeline is made from the format itself: every free-text field of every table holds markup,
a click action and terminal escapes, so a field added later is covered too. A forged load cache
gets no further than the file does.
"""

from __future__ import annotations

import ast
import html
import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from chiptui.core import cache, schema, tables
from chiptui.core.cache import cache_file, load_cached
from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.core.signing import KEY_BYTES, cache_key
from chiptui.tui.app import ChipApp, make_app
from tests.conftest import DATA

SRC = Path(__file__).parents[2] / "src" / "chiptui"
ACTS = "[@click=app.quit]"
ESCAPES = "\x1b[31m \x1b]52;c;QUJD\x07 \x9b2J \x1b]8;;https://example.org\x07"
TEXT_FIELDS = {schema.line_text, schema.long_text, schema.tags}


def hostile(name: str) -> str:
    return f"{name} [b]bold[/b] {ACTS}quit[/] [/] [link=https://example.org]l[/link] {ESCAPES} 🇨🇳👨‍👩‍👧 end"


def document() -> dict[str, Any]:
    """A valid timeline whose every free-text field, in every table, is hostile."""
    ids = {"source": "src", "speaker": "who", "era": "era", "event": "ev", "figure": "fig", "quote": "q"}
    records: dict[str, dict[str, Any]] = {
        "source": {"date": "2019-09-12"},
        "speaker": {},
        "era": {"start": 2000, "end": 2010},
        "event": {"date": "2005", "sources": ["src"], "region": "world"},
        "figure": {"year": 2005, "value": 1.5, "sources": ["src"], "series": "s"},
        "quote": {"speaker": "who", "date": "2019", "kind": "direct", "events": ["ev"], "sources": ["src"]},
        "comparison": {"figures": ["fig", "fig2"]},
    }
    out: dict[str, Any] = {"schema": 1, "title": hostile("timeline.title"), "tour": ["ev"]}
    for table, record in records.items():
        record["id"] = ids.get(table, table)
        for field, (convert, _) in tables.TABLES[table].items():
            if convert in TEXT_FIELDS and field not in record:
                value = hostile(f"{table}.{field}")
                record[field] = [value] if convert is schema.tags else value
        out[table] = [record]
    out["figure"].append({**out["figure"][0], "id": "fig2", "year": 2006, "value": 3.0})
    return out


@pytest.fixture
def timeline(tmp_path: Path) -> Timeline:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    return load(path)


def screen_text(app: ChipApp) -> str:
    svg = app.export_screenshot()
    assert "\x1b" not in svg and "\x9b" not in svg and "&#27;" not in svg, "an escape reached the screen"
    return html.unescape(svg).replace("\xa0", " ")


async def test_every_field_is_literal_on_every_screen_and_nothing_acts(timeline: Timeline) -> None:
    app = make_app(timeline, theme="textual-dark", remember=False)
    async with app.run_test(size=(200, 60)) as pilot:

        async def shown(*keys: str) -> str:
            await pilot.press(*keys)
            await pilot.pause()
            assert app.is_running and app.return_code is None
            return screen_text(app)

        seen = [await shown()]
        seen.append(await shown("enter"))  # the event in full
        seen.append(await shown("escape", "tab", "tab", "enter"))  # a figure in full
        seen.append(await shown("escape", "tab", "enter"))  # a quote: goes to its event
        seen.append(await shown("f"))
        seen.append(await shown("tab", "tab", "space", "enter"))  # filter by the hostile speaker
        seen.append(await shown("b", "B"))
        seen.append(await shown("escape", "question_mark"))
        seen.append(await shown("escape", "slash", *"zzq[/]", "enter"))  # "No matches" notice
        seen.append(await shown("ctrl+p", *"[/"))
        seen.append(await shown("escape", "p"))
        await shown("escape")
        everything = "\n".join(seen)
        for must in ("[/]", ACTS, "[b]bold[/b]", "[link=https://example.org]", "zzq[/]"):
            assert must in everything, must
        for table in ("timeline.title", "source.title", "speaker.name", "era.title", "event.title", "event.text"):
            assert f"{table} [b]bold[/b]" in everything, table
        for name in ("figure.label", "quote.text", "comparison.title", "event.correction", "speaker.role"):
            assert name in everything, name


async def test_a_forged_cache_is_not_used_and_one_signed_with_a_stolen_key_still_draws_as_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "timeline.toml"
    path.write_text((DATA / "small.toml").read_text(encoding="utf-8"), encoding="utf-8")
    good = load_cached(path, "timeline.toml")
    where = cache_file(path)
    raw = where.read_bytes()
    header = raw[: raw.index(b"\n", raw.index(b"\n") + 1) + 1]  # the magic line and what it was made from
    made_from = header[len(cache._MAGIC) :]
    event = attrs.evolve(good.events[0], title="\x1b[31mred [@click=app.quit]")
    forged = attrs.evolve(good, title="\x1b]52;c;QUJD\x07\x1b[2Jforged", events=(event, *good.events[1:]))
    cache._write(where, made_from, os.urandom(KEY_BYTES), forged)  # well made, signed, not with this key
    assert load_cached(path, "timeline.toml") == good
    where.write_bytes(header + b"cos\nsystem\n(S'touch pwned'\ntR.")  # a pickle that would run a command
    assert load_cached(path, "timeline.toml") == good and not Path("pwned").exists()
    key = cache_key()
    assert key is not None
    cache._write(where, made_from, key, forged)  # as if the key were stolen: the copy is used...
    stolen = load_cached(path, "timeline.toml")
    assert stolen.title.startswith("\x1b]52")
    app = make_app(stolen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = screen_text(app)  # ...and drawn as text: no escape reaches the terminal
        assert app.is_running  # and no action runs
    assert "\x07" not in screen and "forged" in screen and "red [@click=app.quit]" in screen


def calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            found.append((name, node))
    return found


def test_only_the_chokepoint_notifies_and_nothing_parses_markup() -> None:
    """Data text reaches the screen one way (tui/widgets/text.py): no other module calls notify(), no
    module parses markup, and every border title is a literal or made by `plain`."""
    for module in SRC.rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        where = module.relative_to(SRC)
        for name, call in calls(tree):
            assert name not in ("from_markup", "render_str"), f"{where}:{call.lineno} parses markup"
            assert not (name == "notify" and where != Path("tui/widgets/text.py")), f"{where}:{call.lineno}: use say()"
            for keyword in call.keywords:
                truthy = isinstance(keyword.value, ast.Constant) and keyword.value.value is True
                assert not (keyword.arg == "markup" and truthy), f"{where}:{call.lineno} turns markup on"
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr in ("border_title", "border_subtitle") for t in node.targets
            ):
                value = node.value
                literal = isinstance(value, ast.Constant) or (isinstance(value, ast.Attribute) and value.attr.isupper())
                made = isinstance(value, ast.Call) and getattr(value.func, "id", "") == "plain"
                assert literal or made, f"{where}:{node.lineno}: a border title from data must be plain(...)"
