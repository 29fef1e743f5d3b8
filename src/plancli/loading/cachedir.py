"""The cache directory and the files in it: a directory of the user's own, files of plancli's own.

Where: `PLANCLI_CACHE_DIR` (an absolute path), else `$XDG_CACHE_HOME/plancli` when
XDG_CACHE_HOME is absolute (a relative one is ignored, as the XDG base directory spec says),
else `$HOME/.cache/plancli` when HOME is absolute; otherwise there is no cache (never a write
into `/` or the working directory). Missing directories are created mode 0700, whatever the
umask; an existing one keeps its mode.

Trust, as ssh's StrictModes: the directory is used only when it is owned by the user and not
group- or world-writable, so nobody else can put a file in it; an entry only when it is a regular
file owned by the user and writable by nobody else, as seen through the descriptor it is read
from (opened without following a link and without blocking, so a named pipe never hangs a run).
Every file is opened relative to the directory's own descriptor: the directory checked is the
directory used.

Only plancli's own files are ever removed or replaced: entries are `plancli-<key>.entry` and
start with plancli's header; a write goes to `plancli-<key>.<random>.tmp` beside it, renamed
into place, with interrupting signals held back meanwhile and the file removed on any failure.
Pruning keeps the KEEP newest entries, and removes a temporary file only when it is plancli's
and untouched for STALE_TEMP seconds (a write takes well under a second: only a crash leaves
one behind). An entry larger than MAX_ENTRY bytes is neither written nor read.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import time
from contextlib import suppress
from pathlib import Path

from plancli.loading.sources import Unreadable, read_fd

ENV_DIR = "PLANCLI_CACHE_DIR"
ENV_DEBUG = "PLANCLI_CACHE_DEBUG"
PREFIX = "plancli-"
KEEP = 8  # entries kept; older ones are removed when a new one is written
MAX_ENTRY = 64 * 1024 * 1024  # bytes; bench's 100,000-target plan makes a 29 MB entry
STALE_TEMP = 3600  # seconds untouched before a leftover temporary file is removed

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
# Held back while a temporary file exists, so an interrupt lands before or after, never during.
_HOLD = {s for s in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, s)}


def debug(message: str) -> None:
    """Why the cache was or was not used, on stderr, when PLANCLI_CACHE_DEBUG is set."""
    if os.environ.get(ENV_DEBUG, "").strip() not in ("", "0"):
        print(f"plancli: cache: {message}", file=sys.stderr)


def entry_name(key: str) -> str:
    return f"{PREFIX}{key}.entry"


def location() -> tuple[Path | None, Path | None]:
    """(the cache directory, the directory above it that must already exist), or (None, None)."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        if os.path.isabs(chosen):
            return Path(chosen), None
        debug(f"no cache: {ENV_DIR}={chosen!r} is not an absolute path")
        return None, None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg, "plancli"), None
    home = os.environ.get("HOME")
    if home is None:  # unset (not empty): the account's home, as Python's expanduser finds it
        home = os.path.expanduser("~")
    if os.path.isabs(home):
        return Path(home, ".cache", "plancli"), Path(home)
    debug(f"no cache: neither XDG_CACHE_HOME ({xdg!r}) nor HOME ({home!r}) is an absolute path")
    return None, None


def open_dir(create: bool) -> int | None:
    """A descriptor of the cache directory if it can be trusted (created if asked), else None."""
    if not hasattr(os, "geteuid"):
        return None  # no owners to check: no cache
    path, top = location()
    if path is None:
        return None
    try:
        try:
            fd = os.open(path, _DIR)
        except FileNotFoundError:
            if not create:
                debug(f"miss: {path} does not exist yet")
                return None
            _make(path, top)
            fd = os.open(path, _DIR)
    except OSError as exc:
        debug(f"no cache: {path}: {exc.strerror or exc}")
        return None
    info = os.fstat(fd)
    why = _untrusted(info)
    if why:
        os.close(fd)
        debug(f"not using {path}: {why}")
        return None
    return fd


def _untrusted(info: os.stat_result) -> str | None:
    if info.st_uid != os.geteuid():
        return f"owned by uid {info.st_uid}, not by you (uid {os.geteuid()})"
    if info.st_mode & 0o022:
        return f"group- or world-writable (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


def _make(path: Path, top: Path | None) -> None:
    """Create path and its missing parents (never above top), mode 0700 whatever the umask."""
    missing = []
    while not os.path.lexists(path):
        if path == top or path.parent == path:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        missing.append(path.name)
        path = path.parent
    parent = os.open(path, _DIR)
    try:
        for name in reversed(missing):
            made = True
            try:
                os.mkdir(name, 0o700, dir_fd=parent)
            except FileExistsError:  # a parallel run made it first
                made = False
            fd = os.open(name, _DIR | _NOFOLLOW, dir_fd=parent)
            os.close(parent)
            parent = fd
            if made and os.fstat(fd).st_uid == os.geteuid():
                os.fchmod(fd, 0o700)
    finally:
        os.close(parent)


def read(dirfd: int, name: str) -> bytes | None:
    """The bytes of an entry if it is a regular file of the user's, else None (and why)."""
    try:
        fd = os.open(name, _READ, dir_fd=dirfd)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a link (ELOOP), a socket (ENXIO), no permission
        debug(f"entry {name} ignored: {exc.strerror or exc}")
        return None
    try:
        info = os.fstat(fd)
        why = None
        if not stat.S_ISREG(info.st_mode):
            why = "not a regular file"
        elif info.st_size > MAX_ENTRY:
            why = f"{info.st_size:,} bytes, over the limit of {MAX_ENTRY:,}"
        else:
            why = _untrusted(info)
        if why:
            debug(f"entry {name} ignored: {why}")
            return None
        return read_fd(fd, info.st_size, MAX_ENTRY)
    except (OSError, Unreadable) as exc:
        debug(f"entry {name} ignored: {exc}")
        return None
    finally:
        os.close(fd)


def write(dirfd: int, name: str, data: bytes) -> None:
    """Put data at name atomically: a temporary file beside it, renamed into place. Interrupting
    signals wait until the temporary file is renamed or removed. OSError if it cannot be done."""
    temp = f"{name.removesuffix('.entry')}.{os.urandom(8).hex()}.tmp"
    held = _to_hold()
    try:
        _block(held)
        try:
            fd = os.open(temp, _CREATE, 0o600, dir_fd=dirfd)
            try:
                os.fchmod(fd, 0o600)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            os.rename(temp, name, src_dir_fd=dirfd, dst_dir_fd=dirfd)
        except BaseException:  # incl. KeyboardInterrupt raised by a signal that came just before
            with suppress(OSError):
                os.unlink(temp, dir_fd=dirfd)
            raise
    finally:
        _release(held)


def _to_hold() -> set:
    """The interrupting signals not blocked already (those are left as they are)."""
    if not hasattr(signal, "pthread_sigmask"):
        return set()
    return {getattr(signal, s) for s in _HOLD} - set(signal.pthread_sigmask(signal.SIG_BLOCK, ()))


def _block(held: set) -> None:
    if held:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)


def _release(held: set) -> None:
    if held:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def prune(dirfd: int) -> None:
    """Remove entries beyond the KEEP newest, and stale temporary files: plancli's only."""
    import re

    entry = re.compile(rf"{PREFIX}[0-9a-f]{{64}}\.entry")
    temp = re.compile(rf"{PREFIX}[0-9a-f]{{64}}\.[0-9a-f]{{16}}\.tmp")
    now = time.time()
    entries = []
    with os.scandir(dirfd) as found:
        names = [e.name for e in found]
    for name in names:
        is_temp = temp.fullmatch(name) is not None
        if not (is_temp or entry.fullmatch(name)):
            continue
        mtime = _ours(dirfd, name, empty_ok=is_temp)
        if mtime is None:
            continue
        if not is_temp:
            entries.append((mtime, name))
        elif now - mtime > STALE_TEMP:
            _remove(dirfd, name)
    entries.sort(reverse=True)
    for _, name in entries[KEEP:]:
        _remove(dirfd, name)


def _ours(dirfd: int, name: str, empty_ok: bool) -> float | None:
    """The mtime of a regular file of the user's that starts with plancli's header, else None.
    (A temporary file may be empty: a crash can come between its creation and its writing.)"""
    from plancli.loading.cacheformat import MAGIC

    try:
        fd = os.open(name, _READ, dir_fd=dirfd)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or _untrusted(info):
            return None
        head = os.read(fd, len(MAGIC))
    except OSError:
        return None
    finally:
        os.close(fd)
    if head == MAGIC or (empty_ok and info.st_size == 0):
        return info.st_mtime
    return None


def _remove(dirfd: int, name: str) -> None:
    with suppress(OSError):
        os.unlink(name, dir_fd=dirfd)
        debug(f"removed {name}")
