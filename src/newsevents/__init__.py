"""newsevents: news articles in, source-attributed PLOVER/CAMEO political events out.

The public API (stable from 1.0; see docs/api.md): ``extract``, ``Pipeline``, ``Options``,
the record types of the output contract and their enumerated values, ``Failure`` and the
error classes.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from .config import Options, load_options
from .errors import (
    BinaryInputError,
    CodingError,
    EmptyInputError,
    EncodingError,
    FilterError,
    InputError,
    InputNotFoundError,
    LanguageNotSupportedError,
    LexiconError,
    MalformedRecordError,
    MissingExtraError,
    ModelNotFoundError,
    NewsEventsError,
    NoArticleError,
    NoSentencesError,
    ReadOnlyStoreError,
    StoreError,
    StoreNotFoundError,
    StoreUnreachableError,
    TooLargeError,
    UnreadableInputError,
    UnsupportedInputError,
    UnsupportedStoreError,
)
from .ingest.failure import Failure
from .model import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    Coder,
    DateBasis,
    DateValue,
    Event,
    EventType,
    Evidence,
    Extraction,
    Magnitude,
    Modality,
    Place,
    PlacePrecision,
    Polarity,
    Precision,
    Quote,
    QuoteKind,
    Span,
    Timex,
    Trigger,
)

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Attribution",
    "BinaryInputError",
    "Coder",
    "CodingError",
    "DateBasis",
    "DateValue",
    "EmptyInputError",
    "EncodingError",
    "Event",
    "EventType",
    "Evidence",
    "Extraction",
    "Failure",
    "FilterError",
    "InputError",
    "InputNotFoundError",
    "LanguageNotSupportedError",
    "LexiconError",
    "Magnitude",
    "MalformedRecordError",
    "MissingExtraError",
    "Modality",
    "ModelNotFoundError",
    "NewsEventsError",
    "NoArticleError",
    "NoSentencesError",
    "Options",
    "Pipeline",
    "Place",
    "PlacePrecision",
    "Polarity",
    "Precision",
    "Quote",
    "QuoteKind",
    "ReadOnlyStoreError",
    "Span",
    "StoreError",
    "StoreNotFoundError",
    "StoreUnreachableError",
    "Timex",
    "TooLargeError",
    "Trigger",
    "UnreadableInputError",
    "UnsupportedInputError",
    "UnsupportedStoreError",
    "__version__",
    "extract",
    "load_options",
]


def __getattr__(name: str) -> object:
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


def extract(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    html: bool = False,
    options: Options | None = None,
) -> Extraction:
    """Code one article (plain text, or HTML with ``html=True``) into an Extraction."""
    from .api import extract_one

    return extract_one(
        text,
        published=published,
        url=url,
        title=title,
        outlet=outlet,
        article_id=article_id,
        html=html,
        options=options,
    )
