"""Store commands: ``ingest``, ``query``, ``stats``, ``export``, ``failures``, ``timeline``,
``demo``.

``ingest`` exit status: 0 the run completed (inputs that could not be read or coded are
recorded in the ``failures`` table and listed by ``newsevents failures``; with ``--strict``
they make the status 3); 1 the run stopped on an error (database unreachable, disk full:
re-run the same command to resume, nothing is stored twice); 2 usage error.
"""

from __future__ import annotations

import csv
import json
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..config import Options, load_options
from ..errors import FilterError, NewsEventsError, StoreUnreachableError
from ..store import IngestCounts, IngestSettings, Store, run_ingest, run_recode_stored
from ..store.db import readable
from ..store.query import (
    EventFilter,
    check_filter,
    count_events,
    find_events,
    full_records,
    iter_summaries,
    stats,
)
from ..store.workers import available_cores
from .extract import published_option
from .render import print_table

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_FAILURES = 0, 1, 2, 3
QUERY_PAGE, TIMELINE_PAGE = 50, 100
"""Events the table of ``query`` / ``timeline`` shows at a time without ``--limit``; csv, json
and jsonl give every event."""

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or database URL (postgresql://…); "
                 "default $NEWSEVENTS_DB or ./newsevents.db.", envvar="NEWSEVENTS_DB"),
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ExportLayout(StrEnum):
    native = "native"
    gdelt = "gdelt"
    icews = "icews"
    polecat = "polecat"


def _errors() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _open_store(db: str | None, *, create: bool = True) -> Iterator[Store]:
    """The store at ``db``; reading commands pass ``create=False``: a store that does not
    exist is refused (status 2), not created empty. An unreachable server is status 1."""
    try:
        store = Store.open(db, create=create)
    except StoreUnreachableError as error:
        _errors().print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_ERROR) from None
    except NewsEventsError as error:
        _errors().print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None
    except Exception as error:
        _errors().print(f"[red]error:[/] cannot open the store {escape(str(db or ''))}: "
                        f"{escape(readable(error))}")
        raise typer.Exit(EXIT_ERROR) from None
    try:
        yield store
    finally:
        store.close()


# --- ingest -----------------------------------------------------------------------------

class IngestProgress:
    """A Rich progress line on stderr: articles, events and failures, their rates, and the
    time left when the number of inputs is known beforehand (``estimate_inputs``)."""

    def __init__(self, quiet: bool, total: int | None = None) -> None:
        self.progress = None if quiet else Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            console=_errors(), transient=False,
        )
        self.started = time.monotonic()
        self.total = total
        self.task: Any = None
        self.partitions = self.coded = 0

    def __enter__(self) -> IngestProgress:
        if self.progress is not None:
            self.progress.start()
            self.task = self.progress.add_task(self.describe(IngestCounts()), total=None)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-6)

    def describe(self, counts: IngestCounts) -> str:
        elapsed = self.elapsed()
        coded = counts.articles + counts.versions + counts.recoded
        text = (f"{counts.articles} articles stored, {counts.skipped} skipped, "
                f"{counts.events} events, {counts.failures} errors, "
                f"{coded / elapsed:.1f} articles/s, {counts.events / elapsed:.1f} events/s")
        if self.total and counts.inputs:
            left = max(self.total - counts.inputs, 0) * elapsed / counts.inputs
            text += f", {counts.inputs}/{self.total} inputs, ETA {_duration(left)}"
        return text

    def summary(self, counts: IngestCounts) -> str:
        elapsed = self.elapsed()
        coded = counts.articles + counts.versions + counts.recoded
        return (f"{counts.inputs} input(s): {counts.articles} new article(s), {counts.versions} "
                f"new version(s), {counts.skipped} unchanged, {counts.duplicates} duplicate(s) "
                f"recorded, {counts.recoded} re-coded, {counts.failures} failed; "
                f"{counts.events} event(s) in {_duration(elapsed)} ({coded / elapsed:.1f} "
                f"articles/s, {counts.events / elapsed:.1f} events/s)"
                + (" — see `newsevents failures`" if counts.failures else ""))

    def update(self, counts: IngestCounts) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=self.describe(counts))

    def partition_done(self, _name: str, articles: int) -> None:
        """``--dask``: one more partition coded on the cluster (before the merge)."""
        self.partitions += 1
        self.coded += articles
        if self.progress is not None:
            rate = self.coded / self.elapsed()
            self.progress.update(self.task, description=(
                f"coding on the cluster: {self.partitions} partition(s), {self.coded} "
                f"article(s), {rate:.1f} articles/s"))


def ingest_command(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Text, HTML, JSONL, RSS/Atom, WARC files, directories, globs, or - for stdin.",
        metavar="PATH...")] = None,
    db: DbOption = None,
    recode: Annotated[bool, typer.Option(
        "--recode", help="Re-code stored articles coded by another coder version (with no "
        "PATH: every stored article that has its text).")] = False,
    no_text: Annotated[bool, typer.Option(
        "--no-text", help="Store offsets and hashes, not the article text.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit with status 3 when any input failed.")] = False,
    config: Annotated[Path | None, typer.Option(help="TOML options file.", exists=True,
                                                 dir_okay=False)] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model.")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse larger texts.", min=1)] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per parse batch and per store transaction.",
                                                   min=1)] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (ISO) of plain-text inputs that do not state one.",
        callback=published_option)] = None,
    workers: Annotated[int | None, typer.Option(
        help="Worker processes that code (each loads the model once; one writer stores); "
        "default: n_process of --config, else the cores available; 1 codes in this process.",
        min=1, envvar="NEWSEVENTS_WORKERS")] = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="ADDRESS",
        help="Code on a Dask cluster: tcp://SCHEDULER:8786, or local:N for a local cluster of "
        "N workers (extra 'dask'); results go to a run folder, then into the store.")] = None,
    run_dir: Annotated[Path | None, typer.Option(
        help="With --dask: the run folder (partitions, Parquet results, manifest); the same "
        "folder resumes a run. Default: ./newsevents-runs/<hash of the inputs>.")] = None,
) -> None:
    """Code articles into the event store; safe to interrupt and re-run.

    Exit status: 0 completed (failed inputs are in `newsevents failures`), 1 stopped on an
    error (re-run to resume), 2 usage error, 3 with --strict when some input failed.
    """
    if not paths and not recode:
        _errors().print("[red]error:[/] give PATH... to ingest, or --recode alone to re-code "
                        "the stored articles")
        raise typer.Exit(EXIT_USAGE)
    options = _options(config, model, max_bytes, batch_size)
    options = replace(options, n_process=_workers(workers, config, options))
    settings = IngestSettings(recode=recode, keep_text=options.keep_text and not no_text,
                              batch_size=options.batch_size)
    progress = IngestProgress(quiet, estimate_inputs(paths or []) if paths else None)
    if dask is not None:
        counts = _run_dask(db, paths or [], options, settings, progress, dask, run_dir,
                           {"published": published})
    else:
        counts = _run_ingest(db, paths or [], options, settings, quiet,
                             {"published": published}, progress)
    if not quiet:
        _errors().print(progress.summary(counts))
    raise typer.Exit(EXIT_FAILURES if strict and counts.failures else EXIT_OK)


def _workers(given: int | None, config: Path | None, options: Options) -> int:
    """``--workers``, else ``n_process`` of the --config file, else the cores available."""
    if given is not None:
        return given
    if config is not None and "n_process" in _config_table(config):
        return max(1, options.n_process)
    return available_cores()


def _config_table(config: Path) -> dict[str, Any]:
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    table = data.get("newsevents", data)
    return table if isinstance(table, dict) else {}


def _run_dask(db: str | None, paths: list[str], options: Options, settings: IngestSettings,
              progress: IngestProgress, address: str, run_dir: Path | None,
              defaults: dict[str, Any]) -> IngestCounts:
    if not paths or settings.recode:
        _errors().print("[red]error:[/] --dask codes PATH...; --recode runs without it")
        raise typer.Exit(EXIT_USAGE)
    try:
        from ..distributed import run_dask_ingest
    except NewsEventsError as error:
        _errors().print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None
    with _open_store(db) as store, progress, _run_errors_reported():
        return run_dask_ingest(store, paths, options, address, settings=settings,
                               run_dir=run_dir, defaults=defaults,
                               on_progress=progress.update,
                               on_partition=progress.partition_done)


@contextmanager
def _run_errors_reported() -> Iterator[None]:
    """An input or usage error exits 2 with its message; anything else stops the run with
    exit 1 and says how to resume it."""
    try:
        yield
    except NewsEventsError as error:
        _errors().print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None
    except Exception as error:
        _errors().print(f"[red]error:[/] the run stopped: {escape(readable(error))}; "
                        "re-run the same command to resume")
        raise typer.Exit(EXIT_ERROR) from None


def _options(config: Path | None, model: str | None, max_bytes: int | None,
             batch_size: int | None) -> Options:
    try:
        return load_options(config, model=model, max_bytes=max_bytes, batch_size=batch_size)
    except (ValueError, TypeError, OSError) as error:
        _errors().print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None


def _run_ingest(db: str | None, paths: list[str], options: Options,
                settings: IngestSettings, quiet: bool,
                defaults: dict[str, Any] | None = None,
                progress: IngestProgress | None = None) -> IngestCounts:

    with _open_store(db) as store, (progress or IngestProgress(quiet)) as progress, (
            _run_errors_reported()):
        if paths:
            return run_ingest(store, paths, options, settings=settings,
                              on_progress=progress.update, defaults=defaults)
        return run_recode_stored(store, options, settings=settings,
                                 on_progress=progress.update)


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


ONE_ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
LINE_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def estimate_inputs(paths: list[str]) -> int | None:
    """How many inputs ``paths`` hold, when that is cheap to know (text and HTML files one
    each, JSONL files a line each); None for standard input, feeds, WARC, globs."""
    total = 0
    for given in paths:
        path = Path(given)
        files = ([p for p in path.rglob("*") if p.is_file()] if path.is_dir()
                 else [path] if path.is_file() else None)
        if files is None:
            return None
        for file in files:
            suffix = file.suffix.lower()
            if suffix in ONE_ARTICLE_SUFFIXES:
                total += 1
            elif suffix in LINE_SUFFIXES:
                total += _lines(file)
            else:
                return None
    return total


def _lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


# --- query, stats, failures, timeline -----------------------------------------------------

def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [p.strip() for p in value.replace("-", ":").split(":") if p.strip()]
    if len(parts) != 2:
        raise typer.BadParameter("use two actor codes or countries: --dyad USA:IRN")
    return parts[0], parts[1]


def build_filter(
    since: str | None = None, until: str | None = None, event_type: list[str] | None = None,
    quad: list[int] | None = None, source_country: str | None = None,
    target_country: str | None = None, source_sector: str | None = None,
    target_sector: str | None = None, dyad: str | None = None, actor: str | None = None,
    location_country: str | None = None, modality: list[str] | None = None,
    polarity: list[str] | None = None, search: str | None = None,
    limit: int | None = None, outlet: list[str] | None = None,
) -> EventFilter:
    return EventFilter(
        since=since, until=until, types=_split(event_type), quad_classes=tuple(quad or ()),
        source_country=source_country, target_country=target_country,
        source_sector=source_sector, target_sector=target_sector, dyad=_dyad(dyad),
        actor=actor, location_country=location_country, modalities=_split(modality),
        polarities=_split(polarity), text=search, limit=limit, outlets=_split(outlet),
    )


def query_command(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Events on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before.")] = None,
    event_type: Annotated[list[str] | None, typer.Option(
        "--type", help="PLOVER type(s), repeatable or comma-separated.")] = None,
    quad: Annotated[list[int] | None, typer.Option(help="Quad class 1-4 (repeatable).")] = None,
    source_country: Annotated[str | None, typer.Option(help="Source actor country (ISO3).")] = None,
    target_country: Annotated[str | None, typer.Option(help="Target actor country (ISO3).")] = None,
    source_sector: Annotated[str | None, typer.Option(help="Source sector (GOV, MIL…).")] = None,
    target_sector: Annotated[str | None, typer.Option(help="Target sector.")] = None,
    dyad: Annotated[str | None, typer.Option(
        help="A:B actor codes or countries, either direction (USA:IRN).")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    location_country: Annotated[str | None, typer.Option(
        help="Country (ISO3) where the event happened.")] = None,
    modality: Annotated[list[str] | None, typer.Option(
        help="actual, future, possible, hypothetical.")] = None,
    polarity: Annotated[list[str] | None, typer.Option(help="positive, negative.")] = None,
    search: Annotated[str | None, typer.Option(
        "--search", "-s", help="Full-text search over article text, titles and quotes.")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    limit: Annotated[int | None, typer.Option(
        help="At most this many events (default: csv/json/jsonl every event, the table "
        f"{QUERY_PAGE} at a time).", min=0)] = None,
    offset: Annotated[int, typer.Option(help="Skip this many events first (the table's next "
                                        "page).", min=0)] = 0,
    outlet: Annotated[list[str] | None, typer.Option(
        help="The article's outlet (repeatable or comma-separated).")] = None,
    all_versions: Annotated[bool, typer.Option(
        "--all-versions", help="Also the events of superseded versions of edited inputs.")
    ] = False,
) -> None:
    """List stored events matching the filters, in a stable order (date, article, position)."""
    flt = build_filter(since, until, event_type, quad, source_country, target_country,
                       source_sector, target_sector, dyad, actor, location_country, modality,
                       polarity, search, limit, outlet)
    flt = _checked(replace(flt, all_versions=all_versions, offset=offset))
    with _open_store(db, create=False) as store:
        if output_format is TableFormat.table:
            _print_page(store, flt, QUERY_PAGE)
        elif output_format in (TableFormat.json, TableFormat.jsonl):
            _print_records(full_records(store, flt), output_format)
        else:
            _print_rows(iter_summaries(store, flt), output_format, "events")


def _checked(flt: EventFilter) -> EventFilter:
    """Refuse filter values that cannot match (status 2), naming the allowed values."""
    try:
        check_filter(flt)
    except FilterError as error:
        _errors().print(f"[red]error:[/] {escape(f'[{error.code}] --{error.reason}')}")
        raise typer.Exit(EXIT_USAGE) from None
    return flt


def _print_page(store: Store, flt: EventFilter, page: int,
                shape: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                columns: list[str] | None = None) -> None:
    """A table of one page of events (``--limit``, else ``page``) titled with how many there
    are; on stderr, when more follow, how to see them."""
    shown = flt if flt.limit is not None else replace(flt, limit=page)
    rows = [shape(r) if shape else r for r in find_events(store, shown)]
    total = count_events(store, flt)
    last = flt.offset + len(rows)
    title = (f"{total} events" if len(rows) == total
             else f"events {flt.offset + 1 if rows else flt.offset}–{last} of {total}")
    _print_table(rows, title, columns or (list(rows[0]) if rows else []))
    if last < total:
        _errors().print(f"{total - last} more event(s): --offset {last} shows the next page, "
                        "--limit N more at once, --format csv or jsonl every event")


def _print_records(records: Iterable[dict[str, Any]], output_format: TableFormat) -> None:
    """JSON Lines, or one JSON array, written as the records come (memory stays flat)."""
    if output_format is TableFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    sys.stdout.write("[")
    for index, record in enumerate(records):
        sys.stdout.write(("," if index else "") + "\n"
                         + json.dumps(record, ensure_ascii=False, indent=2))
    sys.stdout.write("\n]\n")


def _print_rows(rows: Iterable[dict[str, Any]], output_format: TableFormat, title: str,
                columns: list[str] | None = None) -> None:
    """Rows as a table, JSON, JSON Lines or CSV; every format but the table streams."""
    if output_format in (TableFormat.json, TableFormat.jsonl):
        _print_records(rows, output_format)
    elif output_format is TableFormat.csv:
        _print_csv(rows, columns)
    else:
        listed = list(rows)
        _print_table(listed, f"{len(listed)} {title}",
                     columns or (list(listed[0]) if listed else []))


def _print_csv(rows: Iterable[dict[str, Any]], columns: list[str] | None) -> None:
    """CSV with a header (the first row's keys unless ``columns``), written row by row."""
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = _csv_writer(columns or list(row))
        writer.writerow(row)
    if writer is None and columns:
        _csv_writer(columns)


def _csv_writer(columns: list[str]) -> csv.DictWriter[str]:
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    return writer


def _print_table(rows: list[dict[str, Any]], title: str, columns: list[str]) -> None:
    if not columns:  # Rich prints nothing at all for a table without columns
        Console(highlight=False).print(escape(title))
        return
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    print_table(table)


def stats_command(
    db: DbOption = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    top: Annotated[int, typer.Option(help="How many dyads (with --runs: runs) to list.",
                                     min=1)] = 20,
    runs: Annotated[bool, typer.Option(
        "--runs", help="The latest ingest runs instead: status, counts, duration, rates.")
    ] = False,
) -> None:
    """Counts of stored events by type, month and dyad (source → target actor code); with
    --runs, what each ingest run did and how fast."""
    if runs:
        with _open_store(db, create=False) as store:
            rows = run_rows(store, top)
        if output_format in (TableFormat.json, TableFormat.jsonl):
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        else:
            _print_rows(rows, output_format, "runs")
        return
    with _open_store(db, create=False) as store:
        result = stats(store, top_dyads=top)
    if output_format in (TableFormat.json, TableFormat.jsonl):
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    data = result.to_dict()
    console = Console()
    console.print(f"{result.articles} articles, {result.events} events, "
                  f"{result.failures} failed inputs; {result.coarser_than_month} events dated "
                  "only to a span longer than a month are not counted by month")
    for key, title in (("by_type", "events by type"), ("by_month", "events by month"),
                       ("by_dyad", "events by dyad")):
        _print_rows(data[key], output_format, title)


RUN_COLUMNS = ("id", "command", "status", "started_at", "seconds", "articles", "versions",
               "duplicates", "skipped", "failures", "events", "articles_per_s", "events_per_s")


def run_rows(store: Store, limit: int) -> list[dict[str, Any]]:
    """The latest runs, newest first, with their duration and rates (None while running)."""
    from datetime import datetime

    from sqlalchemy import select

    from ..store import schema

    table = schema.runs
    with store.engine.connect() as connection:
        found = connection.execute(select(table).order_by(table.c.started_at.desc())
                                   .limit(limit)).mappings().all()
    rows = []
    for run in found:
        seconds = None
        if run["finished_at"]:
            seconds = round((datetime.fromisoformat(run["finished_at"])
                             - datetime.fromisoformat(run["started_at"])).total_seconds(), 1)
        row = {name: run[name] for name in RUN_COLUMNS if name in run}
        coded = run["articles"] + run["versions"]
        row.update(seconds=seconds,
                   articles_per_s=round(coded / seconds, 2) if seconds else None,
                   events_per_s=round(run["events"] / seconds, 2) if seconds else None)
        rows.append({name: row[name] for name in RUN_COLUMNS})
    return rows


def failures_command(
    db: DbOption = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    limit: Annotated[int | None, typer.Option(help="At most this many.", min=0)] = None,
) -> None:
    """Inputs that could not be read or coded: where (path, line or record, byte offset),
    why, and under which coder version."""
    from sqlalchemy import select

    from ..store import schema

    table = schema.failures
    with _open_store(db, create=False) as store, store.engine.connect() as connection:
        query = select(table.c.source, table.c.offset, table.c.code, table.c.reason,
                       table.c.coder_version, table.c.created_at).order_by(
            table.c.source, table.c.offset, table.c.code)
        if limit is not None:
            query = query.limit(limit)
        rows = [dict(r) for r in connection.execute(query).mappings()]
    _print_rows(rows, output_format, "failed inputs",
                ["source", "offset", "code", "reason", "coder_version", "created_at"])


def timeline_command(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(
        help="At most this many events (default: csv/json/jsonl every event, the table "
        f"{TIMELINE_PAGE} at a time).", min=0)] = None,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    offset: Annotated[int, typer.Option(help="Skip this many events first (the table's next "
                                        "page).", min=0)] = 0,
) -> None:
    """The stored events in date order: who did what to whom, when, where."""
    flt = EventFilter(limit=limit, offset=offset)
    with _open_store(db, create=False) as store:
        if output_format is TableFormat.table:
            _print_page(store, flt, TIMELINE_PAGE, _timeline_row, TIMELINE_COLUMNS)
        else:
            _print_rows((_timeline_row(r) for r in iter_summaries(store, flt)), output_format,
                        "events", TIMELINE_COLUMNS)


TIMELINE_COLUMNS = ["date", "type", "source", "target", "trigger", "modality", "location",
                    "outlet"]


def _timeline_row(row: dict[str, Any]) -> dict[str, Any]:
    modality = row["modality"] if row["polarity"] == "positive" else f"not {row['modality']}"
    return {**row, "modality": modality,
            "location": row["location"] or row["location_country"]}


def demo_command(
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Then serve the explorer on it (needs the 'server' extra).")] = False,
    port: Annotated[int, typer.Option(help="With --serve: the port.", min=0, max=65535)] = 8000,
) -> None:
    """Ingest the sample articles that ship with newsevents, then print the timeline (or, with
    --serve, open the explorer on http://127.0.0.1:PORT/)."""
    samples = resources.files("newsevents") / "samples"
    if not samples.is_dir() or not any(samples.iterdir()):
        _errors().print("[red]error:[/] no sample articles are installed with this newsevents")
        raise typer.Exit(EXIT_ERROR)
    articles = samples / "articles.jsonl"
    inputs = [str(articles)] if articles.is_file() else [str(samples)]
    options = _options(None, None, None, None)
    _run_ingest(db, inputs, options, IngestSettings(batch_size=options.batch_size),
                quiet)
    if serve:
        from ..server.settings import ServerSettings
        from .serve import run_server

        run_server(ServerSettings(db=db, options=options), "127.0.0.1", port)
        return
    timeline_command(db=db, limit=None, output_format=TableFormat.table, offset=0)


def export_command(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here (required for parquet); default stdout.")] = None,
    db: DbOption = None,
    output_format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.jsonl,
    layout: Annotated[ExportLayout, typer.Option(
        help="native (everything), or GDELT 2.0 / ICEWS / POLECAT columns and codes.")
    ] = ExportLayout.native,
    all_events: Annotated[bool, typer.Option(
        "--all", help="GDELT/ICEWS/POLECAT: keep negative and non-actual events too.")] = False,
    with_text: Annotated[bool, typer.Option(
        "--with-text", help="Include the article text.")] = False,
    header: Annotated[bool | None, typer.Option(
        "--header/--no-header", help="CSV header row (default: the layout's convention).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before.")] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="PLOVER type(s).")
    ] = None,
    all_versions: Annotated[bool, typer.Option(
        "--all-versions", help="Also the events of superseded versions of edited inputs.")
    ] = False,
) -> None:
    """Export stored events as JSONL, CSV (GDELT/ICEWS/POLECAT: tab-separated) or Parquet."""
    from ..errors import MissingExtraError
    from ..export import ExportSettings, write_export

    settings = ExportSettings(format=output_format.value, layout=layout.value,
                              all_events=all_events, with_text=with_text, header=header)
    flt = _checked(replace(build_filter(since=since, until=until, event_type=event_type),
                           all_versions=all_versions))
    if output_format is ExportFormat.parquet and output is None:
        _errors().print("[red]error:[/] Parquet export needs --output FILE.parquet")
        raise typer.Exit(EXIT_USAGE)
    with _open_store(db, create=False) as store:
        try:
            count = write_export(store, output or sys.stdout, settings, flt)
        except MissingExtraError as error:
            _errors().print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(EXIT_USAGE) from None
    if output is not None:
        _errors().print(f"{count} row(s) written to {escape(str(output))}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("query")(query_command)
    app.command("stats")(stats_command)
    app.command("export")(export_command)
    app.command("failures")(failures_command)
    app.command("timeline")(timeline_command)
    app.command("demo")(demo_command)
