"""``newsevents quotes FILE``: the quotes of one article with their speakers and cues.

Exit status: 0 printed; 1 the file could not be read or coded (the reason is on stderr).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..config import Options
from ..errors import InputError, NewsEventsError
from ..ingest import Failure
from ..model import Article, Quote
from .extract import published_option


class QuoteFormat(StrEnum):
    table = "table"
    json = "json"


def _speaker_label(quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        return "-"
    code = f" ({speaker.code})" if speaker.code else ""
    return f"{speaker.name or speaker.text}{code}"


def quotes_table(quotes: list[Quote]) -> Table:
    table = Table(show_lines=False)
    for column in ("kind", "speaker", "cue", "offsets", "text"):
        table.add_column(column, overflow="fold")
    for quote in quotes:
        flag = " (unbalanced)" if quote.unbalanced else ""
        spans = ", ".join(f"{m.start}-{m.end}" for m in quote.mentions)
        table.add_row(quote.kind + flag, _speaker_label(quote), quote.cue or "-", spans, quote.text)
    return table


def quotes_command(
    file: Annotated[
        Path, typer.Argument(help="One article: plain text or an HTML page (read as `extract` "
                             "reads it).", exists=True, dir_okay=False)
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO) of the article.",
                                 callback=published_option)
    ] = None,
    output_format: Annotated[
        QuoteFormat, typer.Option("--format", help="table (default) or json (a list of Quotes).")
    ] = QuoteFormat.table,
) -> None:
    """Print the quotes of FILE: kind, speaker, cue, offsets and text."""
    from ..api import get_pipeline

    options = Options()
    try:
        article = _one_article(file, options, published)
        if isinstance(article, Failure):
            typer.echo(f"newsevents quotes: {article}", err=True)
            raise typer.Exit(1)
        quotes = get_pipeline(options)(article).quotes
    except (OSError, NewsEventsError) as error:
        typer.echo(f"newsevents quotes: {error}", err=True)
        raise typer.Exit(1) from error
    if output_format is QuoteFormat.json:
        typer.echo(json.dumps([q.to_dict() for q in quotes], ensure_ascii=False, indent=2))
    else:
        Console().print(quotes_table(quotes))


def _one_article(file: Path, options: Options, published: str | None) -> Article | Failure:
    """The file's article, read by the reader ``extract`` uses (HTML pages by their text)."""
    from ..ingest import read_inputs

    items = list(read_inputs([str(file)], options, {"published": published}))
    if len(items) == 1:
        return items[0]
    raise InputError(f"holds {len(items)} records, not one article: give `quotes` one "
                     "article (or use `newsevents extract` for many)", source=str(file))


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_command)
