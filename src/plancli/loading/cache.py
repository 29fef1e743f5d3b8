"""A cache of validated plans, so that a query costs what Typer and Rich cost and little more.

Each file is read once (loading.sources): the key is a hash of those bytes and the plan is
validated from the same bytes, so a file that changes meanwhile cannot lend its verdict to other
bytes. The key covers everything that decides the verdict: the bytes of every data file and of
the --actuals file, with that file's name as given and its format; the bytes of every source
file of the plancli package that is running; plancli's, Python's, pydantic's, pydantic-core's
and PyYAML's versions, and whether PyYAML runs on libyaml. Typer and Rich are left out: they
only print a plan, after the cache. Only plans without errors are cached (with their warnings,
which a cached plan reports again).

Entries are plain data (loading.cacheformat), kept in a directory of the user's own
(loading.cachedir); anything else found there is ignored, never a hang or a traceback.
Off with --no-cache or PLANCLI_NO_CACHE=1; PLANCLI_CACHE_DEBUG=1 says on stderr what the cache
did and why.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import plancli
from plancli import __version__
from plancli.loading import cachedir
from plancli.loading.sources import Sources, Unreadable, actuals_format, read_file, read_sources
from plancli.model.problems import DataError, Problem

if TYPE_CHECKING:
    from plancli.model.plan import Plan

ENV_OFF = "PLANCLI_NO_CACHE"
ENV_DIR = cachedir.ENV_DIR
CODE_DIR = Path(plancli.__file__).parent  # the package whose source is part of the key
KEY_VERSION = b"plancli cache key 1"

_disabled = False  # set by the --no-cache option
_code: bytes | None = None  # the digest of the package's source, once per process


def use(on: bool) -> None:
    global _disabled
    _disabled = not on


def enabled() -> bool:
    off = os.environ.get(ENV_OFF, "").strip().lower() not in ("", "0", "false", "no")
    return not (_disabled or off)


def read_plan(data_dir: Path, actuals_file: Path | None = None) -> tuple[Plan, list[Problem]]:
    """`loader.read_plan` with the cache: the same bytes, already found valid, are valid again."""
    sources = read_sources(data_dir, actuals_file)
    k = _key_if_enabled(sources)
    plan = get(k, sources) if k is not None else None
    if plan is not None:
        return plan, list(plan.warnings)
    from plancli.loading import loader  # only on a miss: a cached plan needs no parsing

    plan, problems = loader.plan_from(sources)
    if k is not None and not any(p.is_error for p in problems):
        put(k, plan)
    return plan, problems


def load_plan(data_dir: Path, actuals_file: Path | None = None) -> Plan:
    """The validated plan, from the cache when its files are unchanged; DataError if the data
    has errors (warnings do not stop it)."""
    plan, problems = read_plan(data_dir, actuals_file)
    if any(p.is_error for p in problems):
        raise DataError(problems)
    return plan


def _key_if_enabled(sources: Sources) -> str | None:
    if not enabled():
        cachedir.debug("off (--no-cache or PLANCLI_NO_CACHE)")
        return None
    return key(sources)


def key(sources: Sources) -> str | None:
    """The key of a plan read from these sources; None when one of them could not be read
    (the loader reports it) or the running code cannot be fingerprinted."""
    unread = [s.label for s in sources.all() if s.problem is not None]
    if unread:
        cachedir.debug(f"not keyed: {', '.join(unread)} could not be read")
        return None
    try:
        h = hashlib.sha256(_environment())
    except (OSError, ImportError, ValueError, Unreadable) as exc:
        cachedir.debug(f"not keyed: cannot fingerprint the running code: {exc}")
        return None
    for s in sources.all():
        _field(h, s.label.encode(errors="surrogateescape"))
        if s is sources.actuals:
            _field(h, b"--actuals " + actuals_format(s.path).encode())
        _field(h, s.raw)
    return h.hexdigest()


def _field(h, value: bytes | None) -> None:
    """Length-prefixed, so no two different lists of fields hash alike; None (a missing file)
    is not the same as empty bytes."""
    if value is None:
        h.update(b"-")
    else:
        h.update(b"+%d:" % len(value))
        h.update(value)


def _environment() -> bytes:
    """What the verdict depends on besides the data: the code that reaches it and runs it."""
    import pydantic
    import pydantic_core

    global _code
    if _code is None:
        _code = _package_digest(CODE_DIR)
    parts = (
        KEY_VERSION,
        __version__.encode(),
        sys.version.encode(),
        sys.implementation.cache_tag.encode(),
        pydantic.VERSION.encode(),
        pydantic_core.__version__.encode(),
        _yaml_fingerprint(),
        _code,
    )
    h = hashlib.sha256()
    for part in parts:
        _field(h, part)
    return h.digest()


def _package_digest(root: Path) -> bytes:
    """A digest of every .py file under the package directory, found at run time."""
    files = sorted(_python_files(root, ""))
    h = hashlib.sha256()
    for rel, path in files:
        _field(h, rel.encode(errors="surrogateescape"))
        _field(h, read_file(path))
    return h.digest()


def _python_files(folder: Path | str, rel: str) -> list[tuple[str, str]]:
    found = []
    with os.scandir(folder) as entries:
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                if e.name != "__pycache__":
                    found += _python_files(e.path, f"{rel}{e.name}/")
            elif e.name.endswith(".py"):
                found.append((rel + e.name, e.path))
    return found


def _yaml_fingerprint() -> bytes:
    """PyYAML's version (its __init__.py, which also decides whether libyaml is used) and its
    libyaml extension module, found without importing YAML (a cached run never loads it)."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec

    spec = find_spec("yaml")
    if spec is None or not spec.origin or not spec.submodule_search_locations:
        raise ImportError("PyYAML is not installed")
    with open(spec.origin, "rb") as f:
        h = hashlib.sha256(f.read())
    folder = spec.submodule_search_locations[0]
    for name in sorted(os.listdir(folder)):
        if name.startswith("_yaml") and name.endswith(tuple(EXTENSION_SUFFIXES)):
            info = os.stat(os.path.join(folder, name))
            h.update(b"%s %d %d\n" % (name.encode(), info.st_size, info.st_mtime_ns))
    return h.digest()


def get(k: str, sources: Sources):
    """The cached plan of key k, made from these sources, or None: anything but an entry of
    plancli's own, written for this key, is ignored (and replaced when the plan is cached
    again)."""
    dirfd = cachedir.open_dir(create=False)
    if dirfd is None:
        return None
    name = cachedir.entry_name(k)
    try:
        data = cachedir.read(dirfd, name)
    finally:
        os.close(dirfd)
    if data is None:
        cachedir.debug(f"miss: {name}")
        return None
    from plancli.loading.cacheformat import BadEntry, decode

    try:
        # A valid plan's outline is its file's bytes as UTF-8 (as the loader decodes them).
        outline = (sources.files["outline.txt"].raw or b"").decode("utf-8")
        plan = decode(k, data, sources.root, outline)
    except BadEntry as exc:
        cachedir.debug(f"entry {name} ignored: {exc}")
        return None
    except Exception as exc:  # a bug in the format must cost the cache, never the run
        cachedir.debug(f"entry {name} ignored: {exc.__class__.__name__}: {exc}")
        return None
    cachedir.debug(f"hit: {name}")
    return plan


def put(k: str, plan) -> None:
    """Cache a valid plan; when that cannot be done, the run goes on without."""
    from plancli.loading.cacheformat import encode

    name = cachedir.entry_name(k)
    try:
        data = encode(k, plan)
    except (TypeError, ValueError) as exc:
        cachedir.debug(f"not cached: {exc}")
        return
    if len(data) > cachedir.MAX_ENTRY:
        cachedir.debug(f"not cached: {len(data):,} bytes, over the limit of {cachedir.MAX_ENTRY:,}")
        return
    dirfd = cachedir.open_dir(create=True)
    if dirfd is None:
        return
    try:
        cachedir.write(dirfd, name, data)
        cachedir.debug(f"wrote {name} ({len(data):,} bytes)")
        cachedir.prune(dirfd)
    except OSError as exc:  # read-only, full, or a directory in the entry's place
        cachedir.debug(f"not cached: {name}: {exc.strerror or exc}")
    finally:
        os.close(dirfd)
