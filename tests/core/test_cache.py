"""The explorer's load cache: a hit equals a load, any change is a miss, a bad cache is no cache."""

from __future__ import annotations

import functools
import os
import pickle
import time
from pathlib import Path

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core import cache
from chiptui.core.cache import cache_file, load_cached, open_cached
from chiptui.core.loader import DataError, load
from chiptui.core.model import Timeline
from chiptui.core.settings import settings
from chiptui.tui.app import ChipApp, make_app
from tests.conftest import DATA, VALID
from tests.settle import settle, still


def no_loading(data: bytes, shown: str) -> Timeline:
    raise AssertionError("loaded the file, expected the cache")


def test_a_hit_is_the_loaded_timeline_without_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "small.toml"
    path.write_bytes((DATA / "small.toml").read_bytes())
    first = load_cached(path, "small.toml")
    assert cache_file(path).is_file()
    monkeypatch.setattr(cache, "load_bytes", no_loading)
    again = load_cached(path, "small.toml")
    assert again == first == load(path)
    assert again is not first


def test_the_bundled_timeline_round_trips_equal_and_draws_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    path = bundled_timeline()
    loaded = load_cached(path, "bundled")  # a miss: loaded and cached
    monkeypatch.setattr(cache, "load_bytes", no_loading)
    cached = load_cached(path, "bundled")
    assert cached == loaded
    assert cached.search_texts() == loaded.search_texts()
    assert [cached.quotes_about_year(y) for y in cached.quote_years()] == [
        loaded.quotes_about_year(y) for y in loaded.quote_years()
    ]


def moved_to(app: ChipApp, position: int) -> bool:
    return getattr(app.screen, "cursor", None) == position


async def test_the_app_draws_a_cached_timeline_as_a_loaded_one(monkeypatch: pytest.MonkeyPatch) -> None:
    path = bundled_timeline()
    screens = []
    for timeline in (load(path), load_cached(path, "bundled"), load_cached(path, "bundled")):
        app = make_app(timeline, start_year=2018)
        async with app.run_test(size=(120, 40)) as pilot:
            moved = (timeline.index_for_year(2018) or 0) + 2
            await pilot.press("down", "down")
            await settle(pilot, functools.partial(moved_to, app, moved))
            screens.append(await still(pilot, looks=5))
    assert screens[0] == screens[1] == screens[2]


def test_one_changed_byte_is_a_miss_and_replaces_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "timeline.toml"
    path.write_text(VALID, encoding="utf-8")
    assert load_cached(path, "timeline.toml").title == "Test timeline"
    path.write_text(VALID.replace("Test timeline", "Test timelinf"), encoding="utf-8")
    assert load_cached(path, "timeline.toml").title == "Test timelinf"
    path.write_text(VALID, encoding="utf-8")
    assert load_cached(path, "timeline.toml").title == "Test timeline"


def test_copies_unused_for_30_days_and_old_temporary_files_are_pruned(tmp_path: Path) -> None:
    old, recent, kept = (tmp_path / f"{name}.toml" for name in ("old", "recent", "kept"))
    for path in (old, recent, kept):
        path.write_text(VALID, encoding="utf-8")
        load_cached(path, path.name)
    folder = cache_file(old).parent
    name = cache_file(old).name
    leftover, working = folder / f".{name}.a1b2c3.tmp", folder / f".{name}.d4e5f6.tmp"
    leftover.write_bytes(b"killed writer")
    working.write_bytes(b"a writer at work")
    # The user's own files in a cache folder they chose: never chiptui's to remove.
    theirs = [folder / "model.pickle", folder / "draft.tmp", folder / "0123456789abcdef.pickle", folder / ".x.tmp"]
    for path in theirs:
        path.write_bytes(b"the user's own")
    month_ago = time.time() - cache.PRUNE_AFTER - 60
    for path in (cache_file(old), cache_file(kept), leftover, *theirs):
        os.utime(path, (month_ago, month_ago))
    load_cached(kept, kept.name)  # a hit: opened now, so kept
    recent.write_text(VALID + "\n", encoding="utf-8")
    load_cached(recent, recent.name)  # a miss: writes, and prunes
    assert not cache_file(old).exists() and not leftover.exists()
    assert cache_file(kept).is_file() and cache_file(recent).is_file() and working.is_file()
    assert all(path.read_bytes() == b"the user's own" for path in theirs)


def test_a_bad_file_is_reported_as_the_loader_reports_it_and_never_cached(tmp_path: Path) -> None:
    path = tmp_path / "timeline.toml"
    path.write_text(VALID.replace('date = "2018"', 'date = "2018-13"'), encoding="utf-8")
    with pytest.raises(DataError) as loaded:
        load(path, "timeline.toml")
    with pytest.raises(DataError) as cached:
        load_cached(path, "timeline.toml")
    assert cached.value.problems == loaded.value.problems
    assert not cache_file(path).exists()
    with pytest.raises(DataError) as missing:
        load_cached(tmp_path / "nowhere.toml", "nowhere.toml")
    assert [str(p) for p in missing.value.problems] == ["nowhere.toml: no such file"]


def damage(good: bytes) -> list[bytes]:
    """Ways a cache file can be wrong: empty, truncated, garbage, another key, a foreign pickle."""
    header = good[: good.index(b"\n", len(b"chiptui load cache 2\n")) + 1]
    return [
        b"",
        good[: len(good) // 2],
        good[:-1],
        header + b"\x80\x05garbage",
        header.replace(b"a", b"b").replace(b"0", b"1") + good[len(header) :],
        header + pickle.dumps({"title": "not a timeline"}),
        header + pickle.dumps(Path("/")),  # a class from elsewhere is never made
        header + pickle.dumps(VALID),
    ]


def test_a_damaged_or_foreign_cache_file_is_ignored_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "timeline.toml"
    path.write_text(VALID, encoding="utf-8")
    expected = load_cached(path, "timeline.toml")
    where = cache_file(path)
    good = where.read_bytes()
    for bad in damage(good):
        where.write_bytes(bad)
        assert load_cached(path, "timeline.toml") == expected
        assert where.read_bytes() == good  # replaced by a good one
    where.unlink()
    where.mkdir()  # not even a file
    assert load_cached(path, "timeline.toml") == expected


def test_an_unwritable_or_unusable_cache_folder_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "timeline.toml"
    path.write_text(VALID, encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CHIPTUI_CACHE_DIR", str(blocker / "cache"))  # cannot be made
    settings.cache_clear()
    assert load_cached(path, "timeline.toml") == load(path)
    assert load_cached(path, "timeline.toml") == load(path)
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)  # (root may write here anyway: the folder above covers that)
    monkeypatch.setenv("CHIPTUI_CACHE_DIR", str(folder))
    settings.cache_clear()
    try:
        assert load_cached(path, "timeline.toml") == load(path)
        assert not any(p.name.endswith(".tmp") for p in folder.iterdir())
    finally:
        folder.chmod(0o700)


def test_check_reads_the_file_and_the_explorer_caches_it_after_its_first_frame(tmp_path: Path) -> None:
    from chiptui.cli import main

    path = tmp_path / "timeline.toml"
    path.write_text(VALID, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert not cache_file(path).exists()
    _, store = open_cached(path, "timeline.toml")
    assert store is not None and not cache_file(path).exists()


async def test_the_explorer_caches_a_fresh_load_after_its_first_frame(tmp_path: Path) -> None:
    path = tmp_path / "timeline.toml"
    path.write_text(VALID, encoding="utf-8")
    timeline, store = open_cached(path, "timeline.toml")
    app = make_app(timeline, source=(path, "timeline.toml"), after_start=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert cache_file(path).is_file()
    cached, again = open_cached(path, "timeline.toml")
    assert cached == timeline and again is None
