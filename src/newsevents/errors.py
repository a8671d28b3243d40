"""Coded errors that name the input and say what to do."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base error: ``code`` is stable (E###), the message says what to do."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {prefix}{message}")
        self.reason = message


class InputError(NewsEventsError):
    """An input that cannot be coded; the batch goes on without it."""

    code = "E100"
    offset: int | None = None
    """Byte offset in the input where the problem is (a bad byte, a record's start), if known."""


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class TooLargeError(InputError):
    code = "E104"


class LanguageNotSupportedError(InputError):
    code = "E105"


class NoArticleError(InputError):
    code = "E106"


class MalformedRecordError(InputError):
    code = "E107"


class InputNotFoundError(InputError):
    """A path that does not exist, or a pattern that matches no file."""

    code = "E108"


class UnreadableInputError(InputError):
    """A path that exists but cannot be read: permission denied, a symbolic link loop."""

    code = "E109"


class UnsupportedInputError(InputError):
    """An input of a kind newsevents does not code: XML that is no feed, JSON that holds no
    articles (such as ``extract``'s own output)."""

    code = "E110"


class NoSentencesError(InputError):
    """A text without sentence structure (a long run with no sentence end or line break: word
    salad, a flattened table): the parser would invent sentences and events in it."""

    code = "E111"


class CodingError(NewsEventsError):
    """An unexpected failure while coding one article (a bug: please report it)."""

    code = "E500"


class ModelNotFoundError(NewsEventsError):
    code = "E200"


class LexiconError(NewsEventsError):
    code = "E300"


class MissingExtraError(NewsEventsError):
    """An optional dependency is missing: the message gives the pip command."""

    code = "E400"

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the '{module}' package: pip install 'newsevents[{extra}]'"
        )


class StoreError(NewsEventsError):
    """The event store cannot be opened or used; the message says why and what to do."""

    code = "E600"


class StoreNotFoundError(StoreError):
    """A reading command (query, stats, export, timeline, serve) was given a store that does
    not exist: it is refused rather than created empty."""

    code = "E601"


class ReadOnlyStoreError(StoreError):
    code = "E602"


class UnsupportedStoreError(StoreError):
    """A database URL of a kind the store does not support (only SQLite and PostgreSQL)."""

    code = "E603"


class StoreUnreachableError(StoreError):
    """The database server does not answer (nothing listening, host unknown, timeout)."""

    code = "E604"


class FilterError(NewsEventsError, ValueError):
    """A query filter value that can match nothing as written (an unknown type, quad class,
    an impossible date): refused with the allowed values. ``field`` names the filter."""

    code = "E610"

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")
