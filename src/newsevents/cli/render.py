"""Printing tables whole: a pipe gets the width a table needs, a terminal keeps its own."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

MAX_PIPE_WIDTH = 240
"""Widest line written to a pipe or file; wider tables fold their cells there."""


def print_table(table: Table, console: Console | None = None) -> None:
    """Print ``table``; where the output is not a terminal, as wide as the table needs (up to
    ``MAX_PIPE_WIDTH``) rather than Rich's 80 columns, so cells do not fold into slivers."""
    console = console or Console(soft_wrap=False, highlight=False)
    if not console.is_terminal:
        needed = console.measure(table, options=console.options.update(width=MAX_PIPE_WIDTH))
        console = Console(width=max(console.width, min(needed.maximum, MAX_PIPE_WIDTH)),
                          soft_wrap=False, highlight=False, file=console.file)
    console.print(table)
