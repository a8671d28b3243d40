"""SpanIndex finds by offset exactly what a scan of every record finds, in the same order."""

from __future__ import annotations

import random

from newsevents.spans import SpanIndex


def _span(record: tuple[int, int, str]) -> tuple[int, int]:
    return record[0], record[1]


def _records(seed: int, count: int) -> list[tuple[int, int, str]]:
    rng = random.Random(seed)
    records = []
    for k in range(count):
        start = rng.randrange(0, 500)
        records.append((start, start + rng.randrange(1, 40), f"r{k}"))
    return sorted(records, key=lambda r: r[0])


def test_lookups_match_a_full_scan() -> None:
    for seed in range(20):
        records = _records(seed, 60)
        index = SpanIndex(records, _span)
        rng = random.Random(seed + 1000)
        for _ in range(50):
            start = rng.randrange(-10, 520)
            end = start + rng.randrange(1, 60)
            assert index.overlapping(start, end) == [
                r for r in records if r[0] < end and start < r[1]]
            assert index.starting_in(start, end) == [r for r in records if start <= r[0] < end]
            assert index.covering(start) == [r for r in records if r[0] <= start < r[1]]


def test_added_records_keep_their_order_among_equal_starts() -> None:
    index: SpanIndex[tuple[int, int, str]] = SpanIndex([(5, 9, "first")], _span)
    index.add((5, 7, "second"))
    index.add((0, 100, "long"))
    assert [r[2] for r in index.covering(6)] == ["long", "first", "second"]
    assert [r[2] for r in index.overlapping(95, 99)] == ["long"]
    assert index.overlapping(200, 210) == []


def test_empty_index_finds_nothing() -> None:
    index: SpanIndex[tuple[int, int, str]] = SpanIndex([], _span)
    assert index.overlapping(0, 10) == []
    assert index.covering(3) == []
