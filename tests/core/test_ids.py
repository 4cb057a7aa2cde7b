"""The ids the checks claim (chiptui.core.ids.Ids): where each one is, whether one clashes, and
those of each kind in file order, the same whether a table gave them one by one or at once."""

from __future__ import annotations

from chiptui.core.ids import Ids


def claimed(one_by_one: bool) -> Ids:
    ids = Ids()
    assert ids.claim("s1", ("source", 0)) is None and ids.claim("s2", ("source", 1)) is None
    events = ["e1", "e2", "e3"]
    if one_by_one:
        for place, event in enumerate(events):
            assert ids.claim(event, ("event", place)) is None
    else:
        ids.give("event", events)
    return ids


def test_a_table_given_at_once_answers_as_one_claimed_record_by_record() -> None:
    for one_by_one in (True, False):
        ids = claimed(one_by_one)
        assert ids.where("e3") == ("event", 2) and ids.where("s2") == ("source", 1) and ids.where("x") is None
        assert ids.in_order("event") == ["e1", "e2", "e3"] and ids.in_order("source") == ["s1", "s2"]
        assert ids.known("event") == {"e1", "e2", "e3"} and ids.known("quote") == set()
        assert "e2" in ids and "s1" in ids and "q1" not in ids and len(ids) == 5
        assert set(ids) == {"s1", "s2", "e1", "e2", "e3"}
        assert ids.isdisjoint(["q1", "q2"]) and ids.isdisjoint(iter(["q1"]))
        assert not ids.isdisjoint(["q1", "e2"]) and not ids.isdisjoint({"s2"})
        assert ids.claim("e2", ("quote", 7)) == ("event", 1)  # a clash: where the first one is
        assert ids.where("e2") == ("event", 1) and "e2" not in ids.known("quote")


def test_a_set_given_with_a_table_is_kept_not_copied() -> None:
    ids, known = Ids(), {"e1", "e2"}
    ids.give("event", ["e1", "e2"], known)
    assert ids.known("event") is known and ids.where("e2") == ("event", 1)


def test_a_tables_later_records_claimed_one_by_one_follow_those_given() -> None:
    """As a loader claims the events from a piece in doubt on, after the gathered ones."""
    ids = Ids()
    ids.give("event", ["e1", "e2"])
    assert ids.claim("e3", ("event", 2)) is None and ids.claim("e1", ("event", 3)) == ("event", 0)
    assert ids.in_order("event") == ["e1", "e2", "e3"] and ids.where("e3") == ("event", 2)
    assert ids.known("event") == {"e1", "e2", "e3"} and len(ids) == 3
