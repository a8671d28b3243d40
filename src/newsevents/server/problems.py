"""Errors as RFC 9457 problem details: ``application/problem+json`` with ``type``, ``title``,
``status``, ``detail`` and ``instance``; validation errors list what was wrong in ``errors``;
errors of the coder carry their stable ``code`` (E###)."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "urn:newsevents:problem:"
"""Problem ``type`` URIs: names, not addresses (docs/http-api.md lists them)."""

log = logging.getLogger("newsevents.server")


class ValidationIssue(BaseModel):
    location: list[str | int] = Field(description="Where: ['query', 'since'], ['body'] …")
    message: str
    kind: str = Field(description="pydantic's error type, e.g. 'enum' or 'string_pattern_mismatch'.")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field("about:blank", description="A URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.", ge=400, le=599)
    detail: str | None = Field(None, description="What went wrong here and what to do.")
    instance: str | None = Field(None, description="The request path.")
    code: str | None = Field(None, description="newsevents error code (E###) when one applies.")
    errors: list[ValidationIssue] | None = Field(
        None, description="For 422: each invalid parameter or body field.")

    model_config = {"json_schema_extra": {"examples": [{
        "type": PROBLEM_BASE + "invalid-parameter", "title": "Invalid parameter", "status": 422,
        "detail": "since: 'May' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
        "instance": "/events",
    }]}}


class ProblemError(Exception):
    """Raised by handlers for an error the client can act on."""

    def __init__(self, status: int, detail: str, *, kind: str | None = None,
                 title: str | None = None, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.title = title or HTTPStatus(status).phrase
        self.code = code
        self.headers = headers or {}


def problem_response(request: Request, status: int, detail: str | None, *,
                     kind: str | None = None, title: str | None = None,
                     code: str | None = None, errors: list[dict[str, Any]] | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    body = Problem(
        type=PROBLEM_BASE + kind if kind else "about:blank",
        title=title or _phrase(status), status=status, detail=detail,
        instance=request.url.path, code=code,
        errors=[ValidationIssue(**e) for e in errors] if errors is not None else None,
    )
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status,
                        media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def _on_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProblemError)
    return problem_response(request, error.status, error.detail, kind=error.kind,
                            title=error.title, code=error.code, headers=error.headers)


async def _on_http(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    headers = dict(error.headers or {})
    return problem_response(request, error.status_code, str(error.detail), headers=headers)


async def _on_validation(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    issues = [_issue(e) for e in error.errors()]
    detail = "; ".join(f"{'.'.join(str(p) for p in i['location'][1:]) or i['location'][0]}: "
                       f"{i['message']}" for i in issues)
    return problem_response(request, 422, detail, kind="invalid-parameter",
                            title="Invalid parameter", errors=issues)


def _issue(error: dict[str, Any]) -> dict[str, Any]:
    location = [p if isinstance(p, int) else str(p) for p in error.get("loc", ())]
    return {"location": jsonable_encoder(location), "message": str(error.get("msg", "")),
            "kind": str(error.get("type", ""))}


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("internal error on %s", request.url.path, exc_info=error)
    return problem_response(
        request, 500, f"internal error ({type(error).__name__}); the server log has the "
        "traceback: please report it with the request", kind="internal-error")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(Exception, _on_unexpected)


def problem_content(description: str) -> dict[str, Any]:
    """An OpenAPI ``responses`` entry whose body is a Problem."""
    return {"description": description, "model": Problem,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
