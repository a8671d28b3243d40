"""``newsevents import-petrarch DIR --out OUTDIR``: PETRARCH2 dictionaries → lexicon files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("import-petrarch")(import_petrarch)


def import_petrarch(
    src: Annotated[Path, typer.Argument(
        help="folder with CAMEO.2.0.txt, Phoenix.agents.txt and Phoenix.*.actors.txt",
        exists=True, file_okay=False)],
    out: Annotated[Path, typer.Option("--out", help="folder for the petrarch-*.yml files")],
) -> None:
    """Convert PETRARCH2's verb, agent and actor dictionaries into newsevents lexicon files.

    Writes petrarch-verbs.yml (a --lexicon file), petrarch-{agents,groups,institutions,
    persons}.yml (--actors files), LICENSE-PETRARCH2 and petrarch-report.json (counts, and
    what was skipped and why). Curated entries win: known lemmas and names are not imported.
    """
    from ..petrarch import convert

    report = convert(src, out)
    for part, counts in report.to_dict()["parts"].items():
        typer.echo(f"{part}: read {counts['read']}, produced {counts['produced']}")
        for reason, n in counts["skipped"].items():
            typer.echo(f"    skipped {n:6d}  {reason}")
    typer.echo(json.dumps(report.files, indent=2))
