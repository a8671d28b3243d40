"""What ``newsevents serve`` is started with."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Options

WRITE_TOKEN_ENV = "NEWSEVENTS_WRITE_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MAX_PAGE = 1000
DEFAULT_PAGE = 100


@dataclass(frozen=True)
class ServerSettings:
    db: str | None = None
    """SQLite file or database URL; None: $NEWSEVENTS_DB or ./newsevents.db."""
    write_token: str | None = None
    """``POST /articles`` is refused unless set and sent as ``Authorization: Bearer TOKEN``."""
    max_body_bytes: int = 10 * 1024 * 1024
    """Larger request bodies get 413."""
    workers: int = 1
    """Threads coding posted articles (each request's articles are coded in one batch)."""
    queue: int = 4
    """Write requests waiting for a worker at most; more get 429 with Retry-After."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to read the API from a browser; none: no CORS headers."""
    keep_text: bool = True
    """Store posted articles' text (False: like ``ingest --no-text``)."""
    options: Options | None = None
    """Coding options for posted articles (default: Options())."""
    explorer: bool = True
    """Serve the explorer at ``/``."""
    stats_cache: bool = True
    """Keep ``/stats`` results of a SQLite store until it changes (server/cache.py)."""
