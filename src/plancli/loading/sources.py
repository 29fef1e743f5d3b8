"""A plan's files, each read once per run: the bytes the cache key hashes are the bytes the
loader parses and validates, so a file that changes meanwhile can never lend its old verdict to
its new bytes.

Reading refuses what is not a plain file of a readable size without blocking on it: a file is
opened non-blocking (a named pipe with no writer never hangs the open), then looked at through
the descriptor it was opened as (no window between a look and a read), and read only to the
limit (a file that grows meanwhile is refused, never read without end). Free of YAML and
pydantic, so a cached run pays for none of them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from plancli.loading.datadir import PLAN_FILES
from plancli.loading.limits import MAX_BYTES

_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Unreadable(Exception):
    """A file that exists but is not read: its rule and message, as a problem at line 1."""

    def __init__(self, rule: str, message: str, regular: bool = True):
        super().__init__(message)
        self.rule, self.message, self.regular = rule, message, regular


class Source(NamedTuple):
    """One file as read: its bytes, or why there are none."""

    label: str  # how problems name it: "targets.yaml", or the --actuals path as given
    path: Path
    raw: bytes | None = None  # None: missing, or not read (see problem)
    problem: tuple[str, str] | None = None  # (rule, message) when it exists but was not read
    regular: bool = True  # False: a directory, pipe, socket or device

    @property
    def missing(self) -> bool:
        return self.raw is None and self.problem is None


class Sources(NamedTuple):
    """The files of one plan directory (in PLAN_FILES order) and the user's --actuals file."""

    root: Path
    files: dict[str, Source]
    actuals: Source | None = None

    def all(self) -> list[Source]:
        return [*self.files.values(), *([self.actuals] if self.actuals is not None else [])]


def actuals_label(path: Path) -> str:
    """A user's --actuals file is named as given, but never like a file of the plan
    (`--actuals actuals.yaml` becomes ./actuals.yaml)."""
    return f"./{path}" if str(path) in PLAN_FILES else str(path)


def actuals_format(path: Path) -> str:
    """How an --actuals file is read: "csv" by its suffix, else "yaml"."""
    return "csv" if path.suffix.lower() == ".csv" else "yaml"


def read_plan(root: Path, actuals_file: Path | None = None) -> Sources:
    files = {name: read_source(name, root / name) for name in PLAN_FILES}
    actuals = None
    if actuals_file is not None:
        path = Path(actuals_file)
        actuals = read_source(actuals_label(path), path)
    return Sources(root, files, actuals)


def read_source(label: str, path: Path) -> Source:
    try:
        return Source(label, path, read_file(path))
    except (FileNotFoundError, NotADirectoryError):  # nothing there (a link to itself is)
        return Source(label, path)
    except Unreadable as exc:
        return Source(label, path, problem=(exc.rule, exc.message), regular=exc.regular)
    except OSError as exc:
        return Source(label, path, problem=("file", f"cannot read file: {exc.strerror or exc}"))


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; Unreadable for anything else,
    OSError (FileNotFoundError when it is missing) when it cannot be opened."""
    fd = os.open(path, _OPEN)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("file", "not a regular file (a device, pipe or socket)", False)
        if info.st_size > limit:
            raise Unreadable("file-size", too_big(info.st_size, limit))
        return read_fd(fd, info.st_size, limit)
    finally:
        os.close(fd)


def read_fd(fd: int, size: int, limit: int) -> bytes:
    """The bytes of an open file stat gave `size` for, refusing more than `limit`."""
    chunks, total, want = [], 0, size + 1  # one more byte than stat said: did it grow?
    while True:
        chunk = os.read(fd, want - total)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise Unreadable("file-size", too_big(total, limit, at_least=True))
        if total == want:  # it grew: read on, never past the limit
            want = min(want + (1 << 20), limit + 1)


def too_big(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"file is {more}{size:,} bytes, over the limit of {limit:,} bytes"
