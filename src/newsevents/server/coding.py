"""``POST /articles``: read the body (text, HTML, one JSON article or a JSONL batch), code the
articles on a small pool of worker threads and store them, one transaction per request."""

from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..config import Options
from ..errors import InputError, MalformedRecordError
from ..ingest import article_from_html, article_from_text
from ..ingest.article import Metadata
from ..model import Article, Extraction
from ..store.core import Store
from .problems import ProblemError
from .schemas import ArticleIn
from .settings import ServerSettings

TEXT_TYPES = ("text/plain", "text/html")
JSON_TYPES = ("application/json",)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
BODY_TYPES = TEXT_TYPES + JSON_TYPES + JSONL_TYPES
MAX_BATCH = 1000


@dataclass
class Parsed:
    """A request body as articles to code, or failures with the part of the body they name."""

    articles: list[tuple[str, Article]] = field(default_factory=list)
    failures: list[tuple[str, InputError]] = field(default_factory=list)


def parse_body(body: bytes, content_type: str, meta: Metadata, options: Options) -> Parsed:
    """Turn the body into articles; raise ProblemError for a body that is not one at all."""
    kind = content_type.split(";", 1)[0].strip().lower()
    parsed = Parsed()
    if kind in TEXT_TYPES:
        build = article_from_html if kind == "text/html" else article_from_text
        article = build(body, source="body", article_id=meta.article_id,
                        published=meta.published, url=meta.url, title=meta.title,
                        outlet=meta.outlet, options=options)
        parsed.articles.append(("body", article))
    elif kind in JSON_TYPES:
        parsed.articles.append(("body", _json_article(body, "body", options)))
    elif kind in JSONL_TYPES:
        _parse_lines(body, options, parsed)
    else:
        raise ProblemError(415, f"cannot code a body of type '{kind or 'none'}': send "
                           f"{', '.join(BODY_TYPES)}", kind="unsupported-media-type")
    return parsed


def _parse_lines(body: bytes, options: Options, parsed: Parsed) -> None:
    lines = [(n, line) for n, line in enumerate(body.splitlines(), start=1) if line.strip()]
    if len(lines) > MAX_BATCH:
        raise ProblemError(413, f"a batch holds at most {MAX_BATCH} articles, this one "
                           f"{len(lines)}: split it", kind="batch-too-large")
    for number, line in lines:
        source = f"line {number}"
        try:
            parsed.articles.append((source, _json_article(line, source, options)))
        except InputError as error:
            parsed.failures.append((source, error))


def _json_article(data: bytes, source: str, options: Options) -> Article:
    try:
        record = ArticleIn.model_validate(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MalformedRecordError(f"not UTF-8 JSON ({error})", source=source) from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "record"
        raise MalformedRecordError(f"{where}: {first.get('msg')}", source=source) from None
    fields = {"article_id": record.id, "published": record.published, "url": record.url,
              "title": record.title, "outlet": record.outlet}
    if record.text is not None and record.text.strip():
        return article_from_text(record.text, source=source, options=options, **fields)
    if record.html is not None and record.html.strip():
        return article_from_html(record.html, source=source, options=options, **fields)
    raise MalformedRecordError("the article has no 'text' or 'html' with content",
                               source=source)


class CodingPool:
    """Codes and stores posted articles on ``workers`` threads; at most ``queue`` requests wait.

    The pipeline (spaCy and the lexicons) loads once, on the first request.
    """

    def __init__(self, store: Store, settings: ServerSettings) -> None:
        self.store = store
        self.options = settings.options or Options()
        self.keep_text = settings.keep_text
        self.workers = settings.workers
        self.executor: ThreadPoolExecutor | None = None
        self.slots = threading.BoundedSemaphore(settings.workers + settings.queue)

    async def code(self, parsed: Parsed) -> list[dict[str, Any]]:
        if not self.slots.acquire(blocking=False):
            raise ProblemError(429, "the coders are busy: retry after a few seconds",
                               kind="busy", headers={"Retry-After": "5"})
        try:
            if self.executor is None:
                self.executor = ThreadPoolExecutor(max_workers=self.workers,
                                                   thread_name_prefix="newsevents-coder")
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self.executor, self._code_and_store, parsed)
        finally:
            self.slots.release()

    def _code_and_store(self, parsed: Parsed) -> list[dict[str, Any]]:
        from ..api import code_batch, get_pipeline

        pipeline = get_pipeline(self.options)
        coded = list(code_batch(pipeline, [a for _, a in parsed.articles]))
        extractions = [c for c in coded if isinstance(c, Extraction)]
        stored = iter(self.store.write(extractions, keep_text=self.keep_text)
                      if extractions else [])
        results = [
            _result(source, item, next(stored)) if isinstance(item, Extraction)
            else _failed(source, item.code, item.reason)
            for (source, _), item in zip(parsed.articles, coded, strict=True)
        ]
        results += [_failed(source, error.code, error.reason) for source, error in parsed.failures]
        return sorted(results, key=lambda r: _line_number(r["source"]))

    def close(self) -> None:
        """Stop the workers (a later request starts new ones)."""
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None


def _result(source: str, extraction: Extraction, stored: bool) -> dict[str, Any]:
    return {"source": source, "article_id": extraction.article.id, "stored": stored,
            "extraction": extraction.to_dict(), "failure": None}


def _failed(source: str, code: str, reason: str) -> dict[str, Any]:
    return {"source": source, "article_id": None, "stored": False, "extraction": None,
            "failure": {"code": code, "reason": reason}}


def _line_number(source: str) -> int:
    return int(source.split()[-1]) if source.startswith("line ") else 0
