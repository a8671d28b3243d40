"""``newsevents serve``: the HTTP API and the explorer over a store (extra ``server``)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import MissingExtraError, NewsEventsError
from ..server.settings import DEFAULT_HOST, DEFAULT_PORT, WRITE_TOKEN_ENV, ServerSettings
from ..store.db import resolve_url
from .store import EXIT_ERROR, EXIT_USAGE, DbOption, _errors, _options

Host = Annotated[str, typer.Option(help="Address to listen on; the default is loopback only.")]
Port = Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)]


def serve_command(
    db: DbOption = None,
    host: Host = DEFAULT_HOST,
    port: Port = DEFAULT_PORT,
    write_token: Annotated[str | None, typer.Option(
        help="Accept POST /articles from requests carrying 'Authorization: Bearer TOKEN'; "
        "without it the server is read-only.", envvar=WRITE_TOKEN_ENV, show_envvar=True)] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        help="Let pages of this origin read the API (repeatable); default: no CORS.")] = None,
    max_body: Annotated[int, typer.Option(help="Refuse request bodies larger than this many "
                                          "bytes (413).", min=1)] = 10 * 1024 * 1024,
    workers: Annotated[int, typer.Option(help="Threads coding posted articles.", min=1)] = 1,
    no_text: Annotated[bool, typer.Option(
        "--no-text", help="Store posted articles without their text.")] = False,
    config: Annotated[Path | None, typer.Option(help="TOML options for coding posted articles.",
                                                 exists=True, dir_okay=False)] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Count /stats afresh on every request (benchmarks).")] = False,
) -> None:
    """Serve the JSON API and the explorer (open http://HOST:PORT/ in a browser).

    Read-only unless started with --write-token. The OpenAPI schema is at /openapi.json;
    docs/http-api.md documents the endpoints.
    """
    options = _options(config, None, None, None)
    settings = ServerSettings(db=db, write_token=write_token or None, max_body_bytes=max_body,
                              workers=workers, cors_origins=tuple(cors_origin or ()),
                              keep_text=options.keep_text and not no_text, options=options,
                              stats_cache=not no_cache)
    run_server(settings, host, port)


def run_server(settings: ServerSettings, host: str, port: int) -> None:
    """Open the store and serve until interrupted; usage errors exit with status 2."""
    try:
        import uvicorn

        from ..server import create_app
    except ModuleNotFoundError as error:
        missing = MissingExtraError(error.name or "fastapi", "server")
        _errors().print(f"[red]error:[/] {escape(str(missing))}")
        raise typer.Exit(EXIT_USAGE) from None
    _refuse_missing_store(settings)
    if not _is_loopback(host):
        _errors().print(f"[yellow]warning:[/] listening on {escape(host)}: anyone who can reach "
                        "this machine can read the store")
    try:
        app = create_app(settings)
    except NewsEventsError as error:
        _errors().print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None
    except Exception as error:
        _errors().print(f"[red]error:[/] cannot open the store: {type(error).__name__}: "
                        f"{escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from None
    _errors().print(f"newsevents explorer on http://{_url_host(host)}:{port}/ "
                    f"({'writes with the token' if settings.write_token else 'read-only'}); "
                    "Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _refuse_missing_store(settings: ServerSettings) -> None:
    """Serving a store that is not there would create an empty one: say what to run instead."""
    url = resolve_url(settings.db)
    if not url.startswith("sqlite:///") or settings.write_token:
        return
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        _errors().print(f"[red]error:[/] no store at {escape(str(path))}: fill one with "
                        "`newsevents ingest PATH...` (or `newsevents demo --serve` for the "
                        "samples), or pass --db")
        raise typer.Exit(EXIT_USAGE)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
