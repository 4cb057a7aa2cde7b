"""The load cache written a slice of events at a time: it reads back as the timeline it was made
from, and a slice too many, too few, cut or of the wrong kind is a miss, even signed."""

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
from chiptui.core.signing import cache_key, signer


def refuse_loading(data: bytes, shown: str) -> Timeline:
    raise AssertionError("loaded the file, expected the cache")


def test_a_timeline_cached_in_many_slices_reads_back_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SLICE", 7)  # the bundled timeline's events in some 20 slices
    path = tmp_path / "timeline.toml"
    path.write_bytes(bundled_timeline().read_bytes())
    loaded = load_cached(path, "timeline.toml")
    with monkeypatch.context() as patch:
        patch.setattr(cache, "load_bytes", refuse_loading)
        assert load_cached(path, "timeline.toml") == loaded == load(path)


def pickles(data: bytes) -> list[bytes]:
    """The cache file's header, then each of its pickles as bytes (its signature left off)."""
    header_end = data.index(b"\n", len(b"chiptui load cache 4\n")) + 1
    body = data[: -cache.SIGNATURE]
    parts, stream = [body[:header_end]], io.BytesIO(body[header_end:])
    while (start := stream.tell()) < len(body) - header_end:
        pickle.load(stream)
        parts.append(body[header_end + start : header_end + stream.tell()])
    return parts


def signed(data: bytes) -> bytes:
    """`data` as chiptui would sign it: with the user's own key."""
    key = cache_key()
    assert key is not None
    mac = signer(key)
    mac.update(data)
    return data + mac.digest()


def test_a_slice_missing_added_cut_or_foreign_is_a_miss_even_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SLICE", 7)
    path = tmp_path / "timeline.toml"
    path.write_bytes(bundled_timeline().read_bytes())
    loaded = load_cached(path, "timeline.toml")
    where = cache_file(path)
    good = where.read_bytes()
    header, head, *slices = pickles(good)
    assert len(slices) > 10 and signed(b"".join([header, head, *slices])) == good
    fields, dates, count, order = pickle.loads(head)
    assert count == len(slices)
    columns = pickle.loads(slices[0])
    cut = {**columns, "title": columns["title"][:-1]}  # one column an event short
    nowhere = {**columns, "date": [len(dates)] * len(columns["date"])}  # a date that is not there
    wrong = [
        header + head + b"".join(slices[:-1]),  # a slice too few
        header + head + b"".join(slices) + slices[-1],  # a slice too many
        header + head + b"".join(slices[:3]) + pickle.dumps({"not": "a list"}) + b"".join(slices[4:]),
        header + head + pickle.dumps(cut) + b"".join(slices[1:]),
        header + head + pickle.dumps(nowhere) + b"".join(slices[1:]),
        header + head + pickle.dumps(list(loaded.events[:7])) + b"".join(slices[1:]),  # records, not columns
        header + pickle.dumps(({**fields, "title": 7}, dates, count, order)) + b"".join(slices),  # a field's type
        header + pickle.dumps((fields, dates, True, order)) + b"".join(slices),
        header + pickle.dumps((fields, [*dates, "1999"], count, order)) + b"".join(slices),
        header + pickle.dumps((fields, dates, count, order[:-4])) + b"".join(slices),  # an event with no place
        header + pickle.dumps((fields, dates, count, list(order))) + b"".join(slices),  # not the bytes of places
        header + pickle.dumps((fields, dates, count)) + b"".join(slices),  # no order at all
        header + pickle.dumps(["not", "the fields", "at all"]) + b"".join(slices),
    ]
    for bad in [*map(signed, wrong), good + b"\x00", good[:-1]]:
        where.write_bytes(bad)
        assert load_cached(path, "timeline.toml") == loaded
        assert where.read_bytes() == good  # the miss wrote a good one again
