"""``create_app(settings)``: the FastAPI app behind ``newsevents serve``: the JSON API, the
explorer at ``/`` and the OpenAPI schema at ``/openapi.json``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ..store.core import Store
from . import API_VERSION, routes, writes
from .cache import StoreCache
from .coding import CodingPool
from .middleware import SecurityHeaders
from .problems import PROBLEM_MEDIA_TYPE, install_problem_handlers
from .settings import ServerSettings

DESCRIPTION = """\
Read the event store of newsevents (events with their evidence, articles, actors, quotes,
counts) and, with a write token, code and store new articles. Read-only by default.

Shapes are versioned: `info.version` (also the `NewsEvents-API-Version` header) changes its
major number only with an incompatible change; docs/http-api.md states what stays stable.
Errors are RFC 9457 problem details (`application/problem+json`).
"""


def create_app(settings: ServerSettings | None = None, store: Store | None = None) -> FastAPI:
    """The app for ``settings``; ``store`` (opened by the caller) is used instead of opening
    ``settings.db``, and is then not closed when the app stops. Without a write token a store
    that does not exist is refused (``StoreNotFoundError``), never created empty."""
    settings = settings or ServerSettings()
    owned = store is None
    opened = store or Store.open(settings.db, create=settings.write_token is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.coders.close()
        if owned:
            opened.close()

    app = FastAPI(title="newsevents", version=API_VERSION, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = opened
    app.state.coders = CodingPool(opened, settings)
    app.state.cache = StoreCache(opened, enabled=settings.stats_cache)
    install_problem_handlers(app)
    app.include_router(routes.router)
    app.include_router(writes.router)
    if settings.explorer:
        _mount_explorer(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"],
                           expose_headers=["Link", "NewsEvents-API-Version"])
    app.add_middleware(SecurityHeaders)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _mount_explorer(app: FastAPI) -> None:
    from ..web import static_dir

    folder = static_dir()
    app.mount("/static", StaticFiles(directory=folder), name="static")

    @app.get("/", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html; charset=utf-8")


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema with every error as a problem document, and examples."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    problem = {"$ref": "#/components/schemas/Problem"}
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            responses["422"] = {"description": "Invalid parameters or body.",
                                "content": {PROBLEM_MEDIA_TYPE: {"schema": problem}}}
            responses.setdefault("default", {"description": "An error (problem details).",
                                             "content": {PROBLEM_MEDIA_TYPE: {"schema": problem}}})
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    if "Problem" not in components:
        from .problems import Problem

        components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    app.openapi_schema = schema
    return schema
