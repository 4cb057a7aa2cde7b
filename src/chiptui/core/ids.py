"""The ids a file's records give, as the checks claim them: whose each one is (its record's table
and place) and those of each kind of record (its table), for references. A table checked at once
gives its ids as one list, kept as it is with a set of them: a million events' ids are not also
a million entries of a dict, each with its place as a tuple (0.9 s of `check` under cProfile).
No Textual."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from itertools import chain


class Ids(Set[str]):
    """The ids claimed so far, each once (see `claim` and `give`): a set of them, as the checks
    at once take it (`bulk.checked`), that can say where each one is."""

    def __init__(self) -> None:
        self._one_by_one: dict[str, tuple[str, int]] = {}  # each claimed id: its table and place
        self._tables: dict[str, list[str]] = {}  # a table given at once: its ids at their places
        self._of_kind: dict[str, set[str]] = {}  # the ids of each table, however they came

    def claim(self, record_id: str, where: tuple[str, int]) -> tuple[str, int] | None:
        """Claim one record's id; if another record has it, where that one is (nothing claimed)."""
        first = self.where(record_id)
        if first is None:
            self._one_by_one[record_id] = where
            self._of_kind.setdefault(where[0], set()).add(record_id)
        return first

    def give(self, name: str, ids: list[str], known: set[str] | None = None) -> None:
        """The ids of table `name`, every one good and none claimed before (see `isdisjoint`), in
        their places; `known`: a set of them, if one was made (it is kept, not copied)."""
        self._tables[name] = ids
        self._of_kind[name] = set(ids) if known is None else known

    def where(self, record_id: str) -> tuple[str, int] | None:
        """The table and place of the record with the id, or None."""
        found = self._one_by_one.get(record_id)
        if found is None:  # (a problem is being worded: the place is found in its table's list)
            for name, ids in self._tables.items():
                if record_id in self._of_kind[name]:
                    return name, ids.index(record_id)
        return found

    def known(self, kind: str) -> set[str] | frozenset[str]:
        """The ids of the records of `kind` (its table)."""
        return self._of_kind.get(kind) or frozenset()

    def in_order(self, kind: str) -> list[str]:
        """The ids of the records of `kind`, in file order."""
        claimed = [i for i, (table, _) in self._one_by_one.items() if table == kind]
        return [*self._tables.get(kind, ()), *claimed]  # (a table's later records claimed one by one)

    def isdisjoint(self, other: Iterable[object]) -> bool:
        """Whether none of `other` is claimed (at C speed: a set of `other`, checked against each
        kind's, the smaller side looked up in the larger)."""
        other = other if isinstance(other, Set) else set(other)
        return all(map(other.isdisjoint, self._of_kind.values()))

    def __contains__(self, record_id: object) -> bool:
        return any(record_id in ids for ids in self._of_kind.values())

    def __iter__(self) -> Iterator[str]:
        return chain(self._one_by_one, *self._tables.values())

    def __len__(self) -> int:
        return sum(map(len, self._of_kind.values()))
