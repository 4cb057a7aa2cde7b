"""The load cache written a slice of records at a time: it reads back as the document it was
made from, and a slice too many, too few, cut or of the wrong kind is a miss."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core import cache
from chiptui.core.cache import cache_file, load_cached
from chiptui.core.loader import load
from chiptui.core.model import Timeline


def refuse_loading(data: bytes, shown: str) -> tuple[Timeline, dict[str, object]]:
    raise AssertionError("loaded the file, expected the cache")


def test_a_timeline_cached_in_many_slices_reads_back_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SLICE", 7)  # the bundled timeline's events in some 20 slices
    path = tmp_path / "timeline.toml"
    path.write_bytes(bundled_timeline().read_bytes())
    loaded = load_cached(path, "timeline.toml")
    with monkeypatch.context() as patch:
        patch.setattr(cache, "load_document", refuse_loading)
        assert load_cached(path, "timeline.toml") == loaded == load(path)


def pickles(data: bytes) -> list[bytes]:
    """The cache file's header, then each of its pickles as bytes."""
    header_end = data.index(b"\n", len(b"chiptui load cache 3\n")) + 1
    parts, stream = [data[:header_end]], io.BytesIO(data[header_end:])
    while (start := stream.tell()) < len(data) - header_end:
        pickle.load(stream)
        parts.append(data[header_end + start : header_end + stream.tell()])
    return parts


def test_a_slice_missing_added_cut_or_foreign_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SLICE", 7)
    path = tmp_path / "timeline.toml"
    path.write_bytes(bundled_timeline().read_bytes())
    loaded = load_cached(path, "timeline.toml")
    where = cache_file(path)
    good = where.read_bytes()
    header, head, *slices = pickles(good)
    assert len(slices) > 10
    wrong = [
        header + head + b"".join(slices[:-1]),  # a slice too few
        good + slices[-1],  # a slice too many
        good + b"\x00",  # anything after the last
        header + head + b"".join(slices[:3]) + pickle.dumps({"not": "a list"}) + b"".join(slices[4:]),
        header + pickle.dumps({"order": ["title"], "small": {}, "slices": {}}) + b"".join(slices),
        header + pickle.dumps({"order": [], "small": {}, "slices": {"event": True}}),
    ]
    for bad in wrong:
        where.write_bytes(bad)
        assert load_cached(path, "timeline.toml") == loaded
        assert where.read_bytes() == good  # the miss wrote a good one again
