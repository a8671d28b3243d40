"""``newsevents extract PATH...``: articles in, one Extraction (JSON) per article out.

Exit status: 0 every input was coded; 1 some inputs failed (each is named on stderr with its
reason, and the others are still coded); 2 usage or setup error (bad option, config file or
model), nothing coded.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from ..api import extract_paths, get_pipeline
from ..config import Options, load_options
from ..errors import NewsEventsError
from ..ingest import Failure, yields_one_article
from ..ingest.article import published_problem
from ..model import Extraction

if TYPE_CHECKING:
    from ..pipeline import Pipeline

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


def published_option(value: str | None) -> str | None:
    """``--published``: an ISO date from 1900 to next year, else a usage error that says so."""
    if value is None:
        return None
    if not value.strip():
        raise typer.BadParameter("is empty: give a date (YYYY-MM-DD) or leave the option out")
    problem = published_problem(value.strip())
    if problem:
        raise typer.BadParameter(problem)
    return value.strip()


def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Text, HTML or JSONL files, directories, globs, or - for standard input.",
            metavar="PATH...",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (ISO) of plain-text inputs; HTML pages keep their own "
            "date when they state one.",
            callback=published_option,
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL of plain-text inputs.")] = None,
    title: Annotated[str | None, typer.Option(help="Title of plain-text inputs.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet of plain-text inputs.")] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="json: one object, or an array for several; jsonl."),
    ] = OutputFormat.json,
    model: Annotated[
        str | None, typer.Option(help="spaCy model (default: the best installed).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="TOML options file.", exists=True, dir_okay=False, readable=True),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse texts larger than this (default 1 MB).", min=1)
    ] = None,
    actors: Annotated[
        list[str] | None, typer.Option("--actors", help="Extra actor dictionary (repeatable).")
    ] = None,
    lexicon: Annotated[
        list[str] | None, typer.Option("--lexicon", help="Extra verb lexicon (repeatable).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Worker processes that code (each loads the model once); "
                          "the output keeps the input order.", min=1)
    ] = 1,
) -> None:
    """Code articles into events: one Extraction (JSON) per article.

    Exit status: 0 all coded, 1 some inputs failed (named on stderr), 2 usage error.
    """
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    options = _options_or_exit(errors, config, model, max_bytes, actors, lexicon)
    defaults = {"published": published, "url": url, "title": title, "outlet": outlet}
    single = yields_one_article(paths) and output_format is OutputFormat.json
    coded = failed = 0
    with ExitStack() as stack:
        items = _extracted(errors, stack, paths, options, defaults, workers)
        stream = stack.enter_context(_open_output(errors, output))
        writer = _Writer(stream, output_format, single)
        for item in items:
            if isinstance(item, Failure):
                failed += 1
                _report_failure(errors, item)
            else:
                coded += 1
                writer.write(item)
        writer.close()
    _report_summary(errors, coded, failed)
    raise typer.Exit(EXIT_SOME_FAILED if failed or not coded else EXIT_OK)


def _extracted(errors: Console, stack: ExitStack, paths: list[str], options: Options,
               defaults: dict[str, str | None], workers: int) -> Iterator[Extraction | Failure]:
    """The Extractions and Failures of ``paths``, coded here or in ``workers`` processes."""
    if workers <= 1:
        return extract_paths(paths, options, defaults, _pipeline_or_exit(errors, options))
    from ..ingest import read_inputs
    from ..store.workers import ProcessCoding, WorkerSpec, code_in_order

    coding = stack.enter_context(ProcessCoding(WorkerSpec(options), workers))
    try:
        _ = coding.coder  # the workers built their pipelines
    except Exception as error:
        errors.print(f"[red]error:[/] cannot build the pipeline in the worker processes "
                     f"({type(error).__name__}: {escape(str(error))})")
        raise typer.Exit(EXIT_USAGE) from None
    return code_in_order(coding, read_inputs(paths, options, defaults), options.batch_size)


def _options_or_exit(
    errors: Console,
    config: Path | None,
    model: str | None,
    max_bytes: int | None,
    actors: list[str] | None,
    lexicon: list[str] | None,
) -> Options:
    try:
        return load_options(
            config,
            model=model,
            max_bytes=max_bytes,
            actor_files=actors or None,
            lexicon_files=lexicon or None,
        )
    except (ValueError, TypeError, OSError) as error:
        errors.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None


def _pipeline_or_exit(errors: Console, options: Options) -> Pipeline:
    try:
        return get_pipeline(options)
    except NewsEventsError as error:
        errors.print(f"[red]error:[/] {escape(str(error))}")
    except Exception as error:
        if os.environ.get("NEWSEVENTS_DEBUG"):
            raise
        errors.print(
            f"[red]error:[/] cannot build the pipeline ({type(error).__name__}: "
            f"{escape(str(error))}); set NEWSEVENTS_DEBUG=1 for the traceback"
        )
    raise typer.Exit(EXIT_USAGE)


@contextmanager
def _open_output(errors: Console, output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    try:
        handle = output.open("w", encoding="utf-8")
    except OSError as error:
        errors.print(f"[red]error:[/] cannot write {escape(str(output))}: {error.strerror}")
        raise typer.Exit(EXIT_USAGE) from None
    with handle:
        yield handle


class _Writer:
    """JSON: one object for one article, else an array written as it goes; JSONL: one a line."""

    def __init__(self, stream: TextIO, output_format: OutputFormat, single: bool) -> None:
        self.stream = stream
        self.jsonl = output_format is OutputFormat.jsonl
        self.single = single
        self.count = 0

    def write(self, extraction: Extraction) -> None:
        data = extraction.to_dict()
        if self.jsonl:
            self.stream.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif self.single:
            self.stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            self.stream.write("[\n" if self.count == 0 else ",\n")
            self.stream.write(json.dumps(data, ensure_ascii=False, indent=2))
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.jsonl or self.single:
            return
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")


def _report_failure(errors: Console, failure: Failure) -> None:
    errors.print(
        f"[red]failed:[/] [bold]{escape(failure.source)}[/]: {escape(failure.reason)} "
        f"[dim]\\[{failure.code}][/]"
    )


def _report_summary(errors: Console, coded: int, failed: int) -> None:
    if failed:
        errors.print(f"{coded} article(s) coded, {failed} input(s) failed")
    elif not coded:
        errors.print("no article found in the inputs")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
