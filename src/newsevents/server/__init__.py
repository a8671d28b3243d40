"""The HTTP API and explorer (``newsevents serve``; needs ``pip install 'newsevents[server]'``).

``create_app(ServerSettings(db=...))`` builds the FastAPI app; docs/http-api.md documents the
endpoints and what stays stable. ``ServerSettings`` imports without the extra installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .settings import ServerSettings

if TYPE_CHECKING:
    from .app import create_app

API_VERSION = "1.0"

__all__ = ["API_VERSION", "ServerSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
