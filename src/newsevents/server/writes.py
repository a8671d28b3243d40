"""``POST /articles``: the one write endpoint, off unless the server has a write token."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from .coding import BODY_TYPES, CodingPool, Metadata, parse_body
from .filters import TEXT_PATTERN
from .problems import ProblemError, problem_content
from .schemas import ArticleIn, WriteResult
from .settings import ServerSettings

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="The server's write token "
                    "(`newsevents serve --write-token`, or $NEWSEVENTS_WRITE_TOKEN).")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
Text = Annotated[str | None, Query(min_length=1, max_length=2000, pattern=TEXT_PATTERN)]

BODY_DOC: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}, "example":
                   "Mexico rejected the offer of U.S. troops, President Claudia Sheinbaum said."},
    "text/html": {"schema": {"type": "string"}},
    "application/json": {"schema": {"$ref": "#/components/schemas/ArticleIn"}},
    "application/x-ndjson": {"schema": {"type": "string"}, "example":
                             '{"id": "a1", "text": "…"}\n{"id": "a2", "html": "<html>…"}\n'},
}}}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: problem_content("No or wrong bearer token."),
    403: problem_content("The server was started without a write token: writes are off."),
    413: problem_content("The body is larger than the server's limit."),
    415: problem_content("A body type other than " + ", ".join(BODY_TYPES) + "."),
    422: problem_content("The text or HTML cannot be coded (empty, binary, not English …)."),
    429: problem_content("The coders are busy: retry after the Retry-After seconds."),
}


def authorise(settings: ServerSettings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if not settings.write_token:
        raise ProblemError(403, "this server is read-only: start it with --write-token "
                           "(or $NEWSEVENTS_WRITE_TOKEN) to accept articles", kind="read-only")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8"), settings.write_token.encode("utf-8")):
        raise ProblemError(401, "send the server's write token as 'Authorization: Bearer TOKEN'",
                           kind="unauthorised", headers={"WWW-Authenticate": "Bearer"})


async def read_limited(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> ProblemError:
    return ProblemError(413, f"the body is larger than this server's limit of {limit} bytes: "
                        "send fewer articles per request", kind="body-too-large")


@router.post("/articles", response_model=WriteResult, responses=WRITE_RESPONSES,
             openapi_extra=BODY_DOC, tags=["articles"], summary="Code articles and store them")
async def post_articles(
    request: Request, credentials: Credentials,
    article_id: Annotated[str | None, Query(alias="id", min_length=1, max_length=200,
                                            pattern=TEXT_PATTERN)] = None,
    published: Annotated[str | None, Query(min_length=1, max_length=40,
                                           description="ISO date or datetime.")] = None,
    url: Text = None, title: Text = None, outlet: Text = None,
) -> dict[str, Any]:
    """A text (`text/plain`) or HTML page (`text/html`), with its metadata in the query; one
    article as JSON (`ArticleIn`); or a JSONL batch (`application/x-ndjson`: one `ArticleIn`
    a line). Each article is coded and stored (an article already stored is not re-coded:
    `stored` is false) and its Extraction returned. Needs `Authorization: Bearer TOKEN`."""
    settings: ServerSettings = request.app.state.settings
    authorise(settings, credentials)
    body = await read_limited(request, settings.max_body_bytes)
    pool: CodingPool = request.app.state.coders
    meta = Metadata(article_id, published, url, title, outlet)
    try:
        parsed = await run_in_threadpool(
            parse_body, body, request.headers.get("content-type", ""), meta, pool.options)
    except InputError as error:
        raise ProblemError(422, error.reason, kind="input-refused", title="Input refused",
                           code=error.code) from None
    return {"results": await pool.code(parsed)}


__all__ = ["ArticleIn", "router"]
