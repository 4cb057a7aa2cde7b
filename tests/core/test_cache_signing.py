"""The load cache is trusted only when signed with the user's key: a changed, foreign or planted
copy is a miss, a class other than the records is never made, and with no usable key there is
no cache at all (the file is still loaded, never the key replaced)."""

from __future__ import annotations

import io
import os
import pickle
import stat
from pathlib import Path

import attrs
import pytest

from chiptui.cli import bundled_timeline
from chiptui.core import cache
from chiptui.core.cache import cache_file, load_cached
from chiptui.core.loader import load
from chiptui.core.settings import settings
from chiptui.core.signing import KEY_BYTES, cache_key, key_file, signer
from tests.conftest import VALID


def a_file(tmp_path: Path, text: str = VALID) -> Path:
    path = tmp_path / "timeline.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_key_is_made_once_for_the_user_alone_in_the_state_folder(tmp_path: Path, state_folder: Path) -> None:
    path = a_file(tmp_path)
    load_cached(path, "timeline.toml")
    key = key_file()
    assert key.parent == state_folder and not key.is_relative_to(cache_file(path).parent)
    status = key.stat()
    assert stat.S_IMODE(status.st_mode) == 0o600 and status.st_size == KEY_BYTES
    made = key.read_bytes()
    load_cached(path, "timeline.toml")
    assert key.read_bytes() == made == cache_key()
    assert [p.name for p in state_folder.iterdir()] == [key.name]  # no temporary file left


def test_a_copy_changed_by_one_byte_is_a_miss_and_replaced(tmp_path: Path) -> None:
    path = a_file(tmp_path, bundled_timeline().read_text(encoding="utf-8"))
    loaded = load_cached(path, "timeline.toml")
    where = cache_file(path)
    good = where.read_bytes()
    title = loaded.events[0].title.encode()
    changed = good.replace(title, title[:-1] + bytes([title[-1] ^ 1]), 1)
    assert changed != good and len(changed) == len(good)
    where.write_bytes(changed)
    assert load_cached(path, "timeline.toml") == loaded
    assert where.read_bytes() == good


def test_a_copy_signed_with_another_key_is_a_miss(tmp_path: Path) -> None:
    """A copy planted whole, well made and signed, but not with this user's key."""
    path = a_file(tmp_path)
    loaded = load_cached(path, "timeline.toml")
    where = cache_file(path)
    good = where.read_bytes()
    made_from = good[len(cache._MAGIC) : good.index(b"\n", len(cache._MAGIC)) + 1]
    planted = attrs.evolve(loaded, title="[@click=app.quit]planted")
    cache._write(where, made_from, os.urandom(KEY_BYTES), planted)
    assert where.read_bytes() != good
    assert load_cached(path, "timeline.toml").title == "Test timeline"
    assert where.read_bytes() == good
    cache._write(where, made_from, cache_key() or b"", planted)  # the same, with the user's key: read
    assert load_cached(path, "timeline.toml").title == "[@click=app.quit]planted"


class Made:
    """A class a foreign cache file names: it must never be made."""

    made = False

    def __setstate__(self, state: object) -> None:
        Made.made = True


def test_no_class_but_the_records_is_ever_made_even_signed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = a_file(tmp_path)
    loaded = load_cached(path, "timeline.toml")
    where = cache_file(path)
    good = where.read_bytes()
    header = good[: good.index(b"\n", len(cache._MAGIC)) + 1]
    key = cache_key()
    assert key is not None
    fields = {field.name: getattr(loaded, field.name) for field in attrs.fields(type(loaded)) if field.init}
    del fields["events"]
    foreigners: list[object] = [Made(), Path("/"), ({**fields, "title": Made()}, [], 0)]
    for foreign in foreigners:
        mac = signer(key)
        body = header + pickle.dumps(foreign)
        mac.update(body)
        where.write_bytes(body + mac.digest())
        assert load_cached(path, "timeline.toml") == loaded
        assert not Made.made
        assert where.read_bytes() == good
    with pytest.raises(pickle.UnpicklingError):
        cache._Records(io.BytesIO()).find_class("chiptui.core.records", "MONTHS")  # a name there, not a record


@pytest.mark.parametrize("kind", ["others may read it", "too short", "a link", "a pipe", "a folder"])
def test_with_no_usable_key_nothing_is_cached_and_the_key_is_left_alone(
    tmp_path: Path, state_folder: Path, kind: str
) -> None:
    path = a_file(tmp_path)
    state_folder.mkdir()
    key = key_file()
    if kind == "others may read it":
        key.write_bytes(os.urandom(KEY_BYTES))
        key.chmod(0o644)
    elif kind == "too short":
        key.write_bytes(b"short")
        key.chmod(0o600)
    elif kind == "a link":
        real = tmp_path / "real-key"
        real.write_bytes(os.urandom(KEY_BYTES))
        real.chmod(0o600)
        key.symlink_to(real)
    elif kind == "a pipe":
        os.mkfifo(key, 0o600)
    else:
        key.mkdir()
    before = key.lstat()
    assert cache_key() is None
    for _ in range(2):
        assert load_cached(path, "timeline.toml") == load(path)
    assert not cache_file(path).exists()
    after = key.lstat()
    assert (after.st_mode, after.st_ino, after.st_mtime_ns) == (before.st_mode, before.st_ino, before.st_mtime_ns)


def test_a_state_folder_that_cannot_be_made_is_no_key_and_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = a_file(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CHIPTUI_STATE_DIR", str(blocker / "state"))
    settings.cache_clear()
    assert cache_key() is None
    assert load_cached(path, "timeline.toml") == load(path)
    assert not cache_file(path).exists()
