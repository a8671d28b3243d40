"""Command-line paths → the files to read, and a Failure for every path that cannot be read.

Nothing is passed over in silence: a directory that cannot be listed, a symbolic link that
points to itself or around a loop, and a link to nothing each become a Failure with the path
and the reason. Directories are walked in sorted order, hidden names left out; a directory
reached twice (through a link) is read once.
"""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError, InputNotFoundError, UnreadableInputError
from .failure import Failure

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
Wanted = Callable[[Path], bool]
"""Whether a file found in a directory is of a kind that has a reader."""


def expand_path(path: str, wanted: Wanted) -> Iterator[str | Failure]:
    """A path, a directory's readable files (recursively, sorted) or a glob's matches."""
    if path == STDIN:
        yield STDIN
        return
    problem = _stat_problem(path)
    if problem is None:
        if os.path.isdir(path):
            yield from walk_directory(Path(path), wanted)
        else:
            yield path
    elif isinstance(problem, InputNotFoundError) and _GLOB_CHARS & set(path):
        yield from _expand_glob(path, wanted)
    else:
        yield Failure.from_error(problem, path)


def walk_directory(directory: Path, wanted: Wanted) -> Iterator[str | Failure]:
    """The wanted files under ``directory`` in sorted order; Failures for what cannot be read."""
    found: list[str | Failure] = []
    _walk(directory, wanted, found, set())
    yield from sorted(found, key=lambda item: item.source if isinstance(item, Failure) else item)


def _walk(directory: Path, wanted: Wanted, found: list[str | Failure], seen: set[str]) -> None:
    real = os.path.realpath(directory)
    if real in seen:
        return  # reached again through a link: its files are read once
    seen.add(real)
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as error:
        found.append(_unreadable(str(directory), error, "directory"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        problem = _stat_problem(entry.path) if entry.is_symlink() else None
        if problem is not None:
            if not isinstance(problem, InputNotFoundError) or wanted(path):
                found.append(Failure.from_error(problem, entry.path))
        elif _is_dir(entry):
            _walk(path, wanted, found, seen)
        elif wanted(path):
            found.append(entry.path)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _stat_problem(path: str) -> InputError | None:
    """None when ``path`` can be stat'ed; else why not (missing, a link loop, no permission)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            target = os.readlink(path)
            return InputNotFoundError(
                f"broken symbolic link: it points to '{target}', which does not exist; "
                "fix or remove the link", source=path)
        return InputNotFoundError("no such file or directory", source=path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return UnreadableInputError(
                "symbolic link loop: the link points to itself, or through other links back "
                "to itself; fix or remove the link", source=path)
        return UnreadableInputError(f"cannot read: {error.strerror or error}", source=path)
    return None


def _unreadable(path: str, error: OSError, what: str) -> Failure:
    reason = error.strerror or str(error)
    if isinstance(error, PermissionError):
        reason = (f"cannot read the {what}: permission denied; give this user read access "
                  f"(chmod +rx) or leave the {what} out")
    else:
        reason = f"cannot read the {what}: {reason}"
    return Failure(path, reason, UnreadableInputError.code)


def _expand_glob(pattern: str, wanted: Wanted) -> Iterator[str | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure.from_error(InputNotFoundError("no file matches this pattern", source=pattern))
    for match in matches:
        if os.path.isdir(match):
            yield from walk_directory(Path(match), wanted)
        else:
            yield match


def unreadable_file(path: str, error: OSError) -> Failure:
    """The Failure for a file that exists but cannot be opened or read."""
    if isinstance(error, IsADirectoryError):
        return _unreadable(path, error, "directory")
    if error.errno == errno.ELOOP:
        problem = _stat_problem(path)
        if problem is not None:
            return Failure.from_error(problem, path)
    return _unreadable(path, error, "file")
