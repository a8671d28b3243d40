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

from ..errors import NewsEventsError
from ..model import Quote


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
        Path, typer.Argument(help="A plain-text article.", exists=True, dir_okay=False)
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO) of the article.")
    ] = None,
    output_format: Annotated[
        QuoteFormat, typer.Option("--format", help="table (default) or json (a list of Quotes).")
    ] = QuoteFormat.table,
) -> None:
    """Print the quotes of FILE: kind, speaker, cue, offsets and text."""
    from ..api import get_pipeline
    from ..config import Options
    from ..ingest import article_from_text

    options = Options()
    try:
        article = article_from_text(
            file.read_bytes(),
            source=str(file),
            article_id=file.stem,
            published=published,
            options=options,
        )
        quotes = get_pipeline(options)(article).quotes
    except (OSError, NewsEventsError) as error:
        typer.echo(f"newsevents quotes: {error}", err=True)
        raise typer.Exit(1) from error
    if output_format is QuoteFormat.json:
        typer.echo(json.dumps([q.to_dict() for q in quotes], ensure_ascii=False, indent=2))
    else:
        Console().print(quotes_table(quotes))


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_command)
