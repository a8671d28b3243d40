"""The explorer: static assets (HTML, CSS, ES modules, the bundled chart library and world
map under ``static/vendor``) served by ``newsevents serve`` at ``/``. Nothing is fetched from
another host; ``tools/web/build.mjs`` rebuilds the vendored files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def static_dir() -> Path:
    """The folder of the explorer's assets inside the installed package."""
    return Path(str(resources.files(__name__) / "static"))
