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

from plancli.loading.files import FILE_NAMES
from plancli.model.limits import MAX_BYTES
from plancli.model.msg import Msg, msg
from plancli.model.record import Record

_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Unreadable(Exception):
    """A file that exists but is not read: its rule and message, as a problem at line 1."""

    def __init__(self, rule: str, message: Msg, regular: bool = True):
        super().__init__(rule, message)
        self.rule, self.msg, self.regular = rule, message, regular

    def __str__(self) -> str:  # (the cache's debug output; a reader sees the worded message)
        return f"{self.rule}: {self.msg.code} {dict(self.msg.params)}"


class Source(Record):
    """One file as read: its bytes, or why there are none."""

    label: str  # how problems name it: "targets.yaml", or the --actuals path as given
    path: Path
    raw: bytes | None = None  # None: missing, or not read (see problem)
    problem: tuple[str, Msg] | None = None  # (rule, message) when it exists but was not read
    regular: bool = True  # False: a directory, pipe, socket or device

    @property
    def missing(self) -> bool:
        return self.raw is None and self.problem is None


class Sources(Record):
    """The files of one plan directory (in the order of loading.files.PLAN_FILES) and the
    user's --actuals file."""

    root: Path
    files: dict[str, Source]
    actuals: Source | None = None

    def all(self) -> list[Source]:
        return [*self.files.values(), *([self.actuals] if self.actuals is not None else [])]


def actuals_label(path: Path) -> str:
    """A user's --actuals file is named as given, but never like a file of the plan
    (`--actuals actuals.yaml` becomes ./actuals.yaml)."""
    return f"./{path}" if str(path) in FILE_NAMES else str(path)


def actuals_format(path: Path) -> str:
    """How an --actuals file is read: "csv" by its suffix, else "yaml"."""
    return "csv" if path.suffix.lower() == ".csv" else "yaml"


def read_sources(root: Path, actuals_file: Path | None = None) -> Sources:
    """Every file of the plan directory `root`, and the --actuals file if there is one."""
    files = {name: read_source(name, root / name) for name in FILE_NAMES}
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
        return Source(label, path, problem=(exc.rule, exc.msg), regular=exc.regular)
    except OSError as exc:
        return Source(label, path, problem=("file", msg("cannot_read", reason=_reason(exc))))


def read_file(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; Unreadable for anything else,
    OSError (FileNotFoundError when it is missing) when it cannot be opened."""
    fd = os.open(path, _OPEN)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("file", msg("not_regular_file"), False)
        if info.st_size > limit:
            raise Unreadable("file-size", msg("file_too_big", size=info.st_size, limit=limit))
        return read_fd(fd, info.st_size, limit)
    finally:
        os.close(fd)


def read_fd(fd: int, size: int, limit: int) -> bytes:
    """The bytes of an open file stat gave `size` for, refusing more than `limit`."""
    chunks: list[bytes] = []
    total, want = 0, size + 1  # one more byte than stat said: did it grow?
    while True:
        chunk = os.read(fd, want - total)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise Unreadable("file-size", msg("file_too_big_more", size=total, limit=limit))
        if total == want:  # it grew: read on, never past the limit
            want = min(want + (1 << 20), limit + 1)


def _reason(exc: OSError) -> str:
    """Why a file could not be read, as the system says it (in English)."""
    return str(exc.strerror or exc)
