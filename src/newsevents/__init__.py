"""newsevents: news articles in, source-attributed PLOVER/CAMEO political events out.

The public API (stable from 1.0; see docs/api.md): ``extract``, ``Pipeline``, ``Options`` and
the record types of the output contract.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Options, load_options
from .model import (
    Actor,
    Article,
    DateValue,
    Event,
    Extraction,
    Place,
    Quote,
    Timex,
)

__all__ = [
    "Actor",
    "Article",
    "DateValue",
    "Event",
    "Extraction",
    "Options",
    "Pipeline",
    "Place",
    "Quote",
    "Timex",
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
