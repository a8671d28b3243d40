from datetime import date

import pytest

from newsevents.evaluate.dates import inside_widened, overlaps, record_interval, value_interval


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-03", (date(2025, 5, 3), date(2025, 5, 3))),
        ("2025-05-03T14:00", (date(2025, 5, 3), date(2025, 5, 3))),
        ("2025-02", (date(2025, 2, 1), date(2025, 2, 28))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2025", (date(2025, 1, 1), date(2025, 12, 31))),
        ("2025-W06", (date(2025, 2, 3), date(2025, 2, 9))),
        ("2025-Q2", (date(2025, 4, 1), date(2025, 6, 30))),
        ("2025-SP", (date(2025, 3, 1), date(2025, 5, 31))),
        ("199X", (date(1990, 1, 1), date(1999, 12, 31))),
        ("PAST_REF", None),
        ("P3D", None),
        (None, None),
    ],
)
def test_value_interval(value: str | None, expected: object) -> None:
    assert value_interval(value) == expected


def test_record_interval_prefers_earliest_latest() -> None:
    rec = {"value": "2025-02", "earliest": "2025-02-11", "latest": "2025-02-20"}
    assert record_interval(rec) == (date(2025, 2, 11), date(2025, 2, 20))
    assert record_interval({"value": "2025-02"}) == (date(2025, 2, 1), date(2025, 2, 28))
    assert record_interval({"value": None}) is None


def test_overlap_and_widening() -> None:
    feb = (date(2025, 2, 1), date(2025, 2, 28))
    assert overlaps(feb, (date(2025, 2, 28), date(2025, 3, 5)))
    assert not overlaps(feb, (date(2025, 3, 1), date(2025, 3, 5)))
    assert inside_widened((date(2025, 3, 1), date(2025, 3, 1)), feb)
    assert not inside_widened((date(2025, 3, 2), date(2025, 3, 2)), feb)
