"""The load cache's read-ahead (chiptui.core.readahead): what a reader takes is the file's bytes
but its last ones, exactly those signed, however it reads them; the last are kept back; a
reader that stops early stops its thread; an error reading is the reader's own."""

from __future__ import annotations

import hashlib
import io
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiptui.core import readahead
from chiptui.core.readahead import InBackground, SignedReader

KEPT = 32


def signer() -> hashlib.blake2b:
    return hashlib.blake2b(key=b"k" * 32, digest_size=32)


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=300),
    st.integers(1, 40),
    st.lists(st.tuples(st.sampled_from(["read", "readline", "readinto", "all"]), st.integers(0, 50)), max_size=20),
)
def test_what_is_read_is_the_file_but_its_signature_and_is_what_was_signed(
    data: bytes, piece: int, reads: list[tuple[str, int]]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readahead, "PIECE", piece)  # many pieces, and reads across their ends
        with SignedReader(io.BytesIO(data), signer(), KEPT) as reader:
            taken = b""
            for how, size in reads:
                if how == "read":
                    taken += reader.read(size)
                elif how == "readline":
                    line = reader.readline()
                    assert line.count(b"\n") <= 1 and (line.endswith(b"\n") or not reader.read(1))
                    taken += line
                elif how == "readinto":
                    buffer = bytearray(size)
                    taken += bytes(buffer[: reader.readinto(buffer)])
                else:
                    taken += reader.read()
            taken += reader.read()
            assert taken == data[:-KEPT] if len(data) > KEPT else taken == b""
            assert reader.rest() == data[-KEPT:]
            whole = signer()
            whole.update(data[:-KEPT] if len(data) > KEPT else b"")
            assert reader.digest() == whole.digest()


def test_the_rest_waits_for_every_signed_byte_to_be_read() -> None:
    with SignedReader(io.BytesIO(b"x" * 100), signer(), KEPT) as reader:
        assert reader.read(67) == b"x" * 67
        assert reader.rest() is None  # one signed byte was left (and is taken by the look)
        assert reader.rest() == b"x" * KEPT


def test_a_reader_that_stops_early_stops_its_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readahead, "PIECE", 10)  # far more pieces than are read ahead
    before = threading.active_count()
    with SignedReader(io.BytesIO(b"y" * 10_000), signer(), KEPT) as reader:
        assert reader.read(5) == b"y" * 5
    assert threading.active_count() == before


class Failing(io.BytesIO):
    def read(self, size: int | None = -1) -> bytes:
        if self.tell() >= 20:
            raise OSError("the disk went away")
        return super().read(size)


def test_an_error_reading_the_file_is_raised_by_the_read_that_meets_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readahead, "PIECE", 10)
    with SignedReader(Failing(b"z" * 100), signer(), KEPT) as reader, pytest.raises(OSError, match="went away"):
        reader.read()


def test_work_in_the_background_gives_its_result_or_raises_its_error() -> None:
    assert InBackground(lambda: 6 * 7).result() == 42

    def fails() -> int:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        InBackground(fails).result()
