"""Writing files: the one way plancli puts a file on disk (docs/limits.md, "Files plancli writes").

- Each file is written to a temporary file beside its target, flushed to disk and renamed over
  the target in one step: a reader never sees half a file, and a failure (a full disk, a
  read-only folder, Ctrl-C) leaves the target as it was and no temporary file behind.
- plancli replaces only files it wrote. Every file it writes carries MARK near its start (in a
  JSON Schema, its `$comment`); an existing file without it is refused unless force=True. An
  empty file has nothing to lose and may be replaced. Whatever is not a regular file (a
  directory, a symbolic link, a device) is never read and is refused without force.
- Several files are checked before any is written, so a refusal changes nothing.

Errors: NotOurs (a usage error, exit 2: "use --force") and WriteError (exit 74, the
conventions' "could not write its output").
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from plancli.model.problems import PlancliError, UsageError

MARK = "Written by plancli"
HEAD = 4096  # MARK must stand within the first HEAD bytes of a file


class WriteError(PlancliError):
    """A file could not be written (exit 74, EX_IOERR of sysexits.h)."""

    exit_code = 74


class NotOurs(UsageError):
    """A file exists that plancli did not write, and replacing it was not asked for."""


def is_ours(path: Path) -> bool:
    """True if path is a regular file plancli wrote (MARK near its start), or is empty."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            return False
        if info.st_size == 0:
            return True
        with path.open("rb") as f:
            return MARK.encode() in f.read(HEAD)
    except OSError:
        return False


def write_files(files: Mapping[Path, str], *, force: bool = False) -> list[Path]:
    """Write each text (UTF-8) to its path, all or none refused; the paths written."""
    for path, text in files.items():
        if MARK not in text[:HEAD]:
            raise ValueError(f"{path}: a file plancli writes must carry {MARK!r} near its start")
        if not force and _present(path) and not is_ours(path):
            raise NotOurs(
                f"{path} exists and plancli did not write it; "
                "give --force to replace it, or choose another place"
            )
    for path, text in files.items():
        write_one(path, text.encode("utf-8"))
    return list(files)


def _present(path: Path) -> bool:
    """Whether anything (a file, a link, even a broken one) stands at path."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:  # cannot tell (no permission): as if something were there
        return True
    return True


def write_into(folder: Path, files: Mapping[str, str], *, force: bool = False) -> list[Path]:
    """write_files for files named within folder, which is created if need be; a folder
    created here is removed again if nothing could be written into it."""
    made = make_dir(folder)
    try:
        return write_files({folder / name: text for name, text in files.items()}, force=force)
    except BaseException:
        for path in reversed(made):
            with suppress(OSError):
                path.rmdir()  # only if empty: a file written before the failure stays
        raise


def make_dir(path: Path) -> list[Path]:
    """Create a directory and its missing parents to write into; the folders created, the
    outermost first. WriteError if that fails."""
    missing = []
    for folder in (path, *path.parents):
        if _present(folder):
            break
        missing.append(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create the folder {path}: {_reason(exc)}") from None
    return missing[::-1]


def write_one(path: Path, data: bytes) -> None:
    """Replace path with data atomically (temporary file, fsync, rename); WriteError if not."""
    # The name is chosen before the file exists, so cleanup knows it whenever an interrupt
    # lands; O_EXCL makes sure the file removed on failure is the one made here.
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    try:
        try:
            mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else None
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
            with open(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            if mode is not None:  # a file replaced keeps its permissions
                os.chmod(tmp, mode)
            os.replace(tmp, path)
        except OSError as exc:
            raise WriteError(f"cannot write {path}: {_reason(exc)}") from None
    except BaseException:  # any failure, Ctrl-C included: nothing left behind
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
