"""The command line: ``newsevents COMMAND``. Each command group lives in its own module with a
``register(app)`` function; built-in commands use the same hook a plug-in would."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="newsevents",
    help="News articles in, source-attributed political event data out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES: tuple[str, ...] = ("extract", "evaluate", "quotes", "store", "petrarch",
                                   "serve")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        module.register(app)


@app.callback()
def _root() -> None:
    """newsevents: who did what to whom, when, where, and who says so."""


def main() -> None:
    _register_all()
    app()
