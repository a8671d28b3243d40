"""A record of one input that could not be read: bad input is data, not a crash."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..errors import InputError


@dataclass
class Failure:
    """One input that was refused, with the reason and what to do.

    ``source`` is the path, ``path:LINE`` for a JSONL line, or ``path#N`` for the N-th record
    of a feed or WARC file. ``offset`` is the byte offset in the file where the problem is (a
    bad byte, a record's start) when it is known.
    """

    source: str
    reason: str
    code: str
    offset: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason} [{self.code}]"

    @classmethod
    def from_error(cls, error: InputError, source: str | None = None) -> Failure:
        return cls(
            source=source or error.source or "<input>",
            reason=error.reason,
            code=error.code,
            offset=error.offset,
        )
