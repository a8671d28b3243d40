"""Records with character offsets, found by offset without scanning them all.

Stages look up "the mention over these characters" once per token, quote or event; a scan of
every mention makes long articles quadratic. A ``SpanIndex`` keeps its records sorted by start
(stable: records that start together keep their order) and bounds each search by the longest
record, so a lookup costs a bisection plus the records near it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    def __init__(self, records: Iterable[T], span: Callable[[T], tuple[int, int]]):
        self._span = span
        self._records: list[T] = sorted(records, key=lambda r: span(r)[0])
        self._starts = [span(r)[0] for r in self._records]
        self._longest = max((end - start for start, end in map(span, self._records)), default=0)

    def add(self, record: T) -> None:
        start, end = self._span(record)
        at = bisect_right(self._starts, start)  # after the records that start there
        self._starts.insert(at, start)
        self._records.insert(at, record)
        self._longest = max(self._longest, end - start)

    def starting_in(self, start: int, end: int) -> list[T]:
        """Records whose first character lies in [start, end), in order."""
        return self._records[bisect_left(self._starts, start): bisect_left(self._starts, end)]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Records that share a character with [start, end), in order."""
        near = self.starting_in(start - self._longest, end)
        return [r for r in near if self._span(r)[1] > start]

    def covering(self, char: int) -> list[T]:
        """Records that contain character ``char``, in order."""
        return self.overlapping(char, char + 1)
