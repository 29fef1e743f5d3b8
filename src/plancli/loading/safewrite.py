"""Writing files: the one way plancli puts a file on disk (docs/limits.md, "Files plancli writes").

- Each file is written to a temporary file beside its target, flushed to disk and renamed over
  the target in one step: a reader never sees half a file, and a failure (a full disk, a
  read-only folder, Ctrl-C) leaves the target as it was and no temporary file behind.
- plancli replaces only files it wrote. Every file it writes carries MARK near its start (in a
  JSON Schema, its `$comment`); an existing file without it is refused unless force=True. An
  empty file has nothing to lose and may be replaced. Whatever is not a regular file (a
  directory, a symbolic link, a device) is never read and is refused without force.
- Several files are checked before any is written, so a refusal changes nothing.
- A file that cannot carry text near its start says whose it is in its own way: a SQLite
  database by its header's application id (APPLICATION_ID, `PRAGMA application_id`).
- A folder of many files (`plancli site DIR`) is plancli's when it holds SITE_MARKER, which
  carries MARK and lists the files written there (write_site): only those are replaced or
  removed when the folder is written again, and a non-empty folder without it is refused.

Errors: NotOurs (a usage error, exit 2: "use --force") and WriteError (exit 74, the
conventions' "could not write its output").
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path, PurePosixPath

from plancli.model.problems import PlancliError, UsageError

MARK = "Written by plancli"
HEAD = 4096  # MARK must stand within the first HEAD bytes of a file
# A SQLite database plancli wrote: the application id in its header (bytes 68–71), "plnc".
APPLICATION_ID = 0x706C6E63
SQLITE_MAGIC = b"SQLite format 3\x00"


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
            return carries_mark(f.read(HEAD))
    except OSError:
        return False


def carries_mark(head: bytes) -> bool:
    """Whether the first bytes of a file say plancli wrote it: MARK, or a SQLite header with
    plancli's application id."""
    if head.startswith(SQLITE_MAGIC):
        return int.from_bytes(head[68:72], "big") == APPLICATION_ID
    return MARK.encode() in head


def write_files(files: Mapping[Path, str], *, force: bool = False) -> list[Path]:
    """Write each text (UTF-8) to its path, all or none refused; the paths written."""
    for path, text in files.items():
        if MARK not in text[:HEAD]:
            raise ValueError(f"{path}: a file plancli writes must carry {MARK!r} near its start")
        if not force and _present(path) and not is_ours(path):
            raise NotOurs("not_ours", path=str(path))
    for path, text in files.items():
        write_one(path, text.encode("utf-8"))
    return list(files)


def write_data(path: Path, data: bytes, *, force: bool = False) -> Path:
    """write_files for one file of bytes (an image, a database), which must say it is
    plancli's (carries_mark); its folder is created if need be."""
    if not carries_mark(data[:HEAD]):
        raise ValueError(f"{path}: a file plancli writes must say so near its start")
    if not force and _present(path) and not is_ours(path):
        raise NotOurs("not_ours", path=str(path))
    made = make_dir(path.parent)
    try:
        write_one(path, data)
    except BaseException:
        _remove_dirs(made)
        raise
    return path


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
        _remove_dirs(made)
        raise


def _remove_dirs(made: list[Path]) -> None:
    for path in reversed(made):
        with suppress(OSError):
            path.rmdir()  # only if empty: a file written before the failure stays


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
        raise WriteError("cannot_make_folder", path=str(path), reason=_reason(exc)) from None
    return missing[::-1]


def write_one(path: Path, data: bytes) -> None:
    """Replace path with data atomically (temporary file, fsync, rename); WriteError if not."""
    tmp = _stage(path, data, sync=True)
    _commit(tmp, path)


def _stage(path: Path, data: bytes, *, sync: bool) -> Path:
    """data in a new temporary file beside path (flushed to disk if sync), with path's
    permissions; WriteError if not, and nothing left behind."""
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
                if sync:
                    os.fsync(f.fileno())
            if mode is not None:  # a file replaced keeps its permissions
                os.chmod(tmp, mode)
        except OSError as exc:
            raise WriteError("cannot_write_file", path=str(path), reason=_reason(exc)) from None
    except BaseException:  # any failure, Ctrl-C included: nothing left behind
        with suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _commit(tmp: Path, path: Path) -> None:
    """Rename a staged file over path in one step; WriteError (and the file removed) if not."""
    try:
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise WriteError("cannot_write_file", path=str(path), reason=_reason(exc)) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


# -- a folder of files: a site ------------------------------------------------------------------

SITE_MARKER = ".plancli-site.json"
MAX_MARKER_BYTES = 16 * 1024 * 1024


def write_site(folder: Path, files: Mapping[str, bytes], *, force: bool = False) -> list[Path]:
    """Write files (relative POSIX names: `zh/index.html`) into folder as a site plancli owns.

    The folder must be new, empty, or a site plancli wrote (its SITE_MARKER lists the files);
    else NotOurs, unless force. A file is replaced only if the marker lists it or plancli wrote
    it (is_ours); files of the last build that this one no longer has are removed. Everything
    is checked before anything is written; each file is replaced atomically, as by write_one."""
    for name in files:
        _check_name(name)
    before = _site_files(folder, force)
    for name in files:
        path = folder / name
        for parent in _parents_within(folder, name):
            if _present(parent) and not _is_real_dir(parent) and not force:
                raise NotOurs("not_ours", path=str(parent))
        if not force and name not in before and _present(path) and not is_ours(path):
            raise NotOurs("not_ours", path=str(path))
    made = make_dir(folder)
    try:
        try:
            _write_site_files(folder, files, before)
        except OSError as exc:
            raise WriteError("cannot_write_file", path=str(folder), reason=_reason(exc)) from None
    except BaseException:
        if made:  # a folder made for this site: nothing of it is left
            for name in [*files, SITE_MARKER]:
                _remove_stale(folder, name)
        _remove_dirs(made)
        raise
    return [folder / name for name in files]


def _write_site_files(folder: Path, files: Mapping[str, bytes], before: set[str]) -> None:
    # The marker first lists every file this build may leave, so that an interrupted build is
    # still known as plancli's; the last one lists what was written.
    _write_marker(folder, sorted(before | set(files)))
    # Every file is staged, then flushed to disk in one sync (a thousand fsyncs cost seconds),
    # then renamed into place: the same guarantee as write_one's, file by file.
    batch = hasattr(os, "sync")
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            for parent in _parents_within(folder, name):
                if _present(parent) and not _is_real_dir(parent):  # only with force
                    parent.unlink()
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_stage(path, data, sync=not batch), path))
        if batch:
            os.sync()
        while staged:
            tmp, path = staged.pop(0)
            _commit(tmp, path)
    finally:
        for tmp, _ in staged:  # what a failure or an interrupt left staged
            with suppress(OSError):
                os.unlink(tmp)
    for name in sorted(before - set(files)):
        _remove_stale(folder, name)
    _write_marker(folder, sorted(files))


def _check_name(name: str) -> None:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or name == SITE_MARKER:
        raise ValueError(f"{name!r}: not a file name within a site")


def _parents_within(folder: Path, name: str) -> list[Path]:
    """The folders between folder and the file name, outermost first."""
    parts = PurePosixPath(name).parts[:-1]
    return [folder.joinpath(*parts[: n + 1]) for n in range(len(parts))]


def _is_real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def check_site(folder: Path, *, force: bool = False) -> None:
    """NotOurs now if write_site would refuse the folder itself (before a site is built)."""
    _site_files(folder, force)


def _site_files(folder: Path, force: bool) -> set[str]:
    """The files the folder's marker lists (none for a new or empty folder); NotOurs for
    anything else that stands at folder, unless force."""
    if not _present(folder):
        return set()
    if not _is_real_dir(folder):
        raise NotOurs("not_ours", path=str(folder))
    listed = _marker_files(folder / SITE_MARKER)
    if listed is not None:
        return listed
    try:
        empty = next(os.scandir(folder), None) is None
    except OSError as exc:
        raise WriteError("cannot_write_file", path=str(folder), reason=_reason(exc)) from None
    if not empty and not force:
        raise NotOurs("not_a_site", path=str(folder), marker=SITE_MARKER)
    return set()


def _marker_files(marker: Path) -> set[str] | None:
    """The names a marker lists, or None where there is no marker plancli wrote."""
    if not is_ours(marker):
        return None
    try:
        with marker.open("rb") as f:
            data = json.loads(f.read(MAX_MARKER_BYTES + 1)[:MAX_MARKER_BYTES])
        names = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(names, list):
        return None
    good = set()
    for name in names:
        try:
            if isinstance(name, str):
                _check_name(name)
                good.add(name)
        except ValueError:
            continue  # a name that would leave the folder: never touched
    return good


def _write_marker(folder: Path, names: list[str]) -> None:
    body = {
        "written_by": f"{MARK}: a site built by `plancli site`",
        "about": "plancli replaces or removes only the files listed here when it builds the "
        "site in this folder again; delete this file to keep it from doing so.",
        "files": names,
    }
    write_one(folder / SITE_MARKER, (json.dumps(body, indent=1) + "\n").encode("utf-8"))


def _remove_stale(folder: Path, name: str) -> None:
    """Remove a file of the last build, and the folders it leaves empty (within folder)."""
    path = folder / name
    with suppress(OSError):
        if stat.S_ISREG(path.lstat().st_mode):
            path.unlink()
    for parent in reversed(_parents_within(folder, name)):
        try:
            parent.rmdir()
        except OSError:
            break


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
