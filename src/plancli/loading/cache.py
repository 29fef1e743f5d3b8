"""A cache of validated plans, so that a query costs what Typer and Rich cost and little more.

The key is a hash of plancli's version, the Python and pydantic versions, the source of the
classes an entry is made of, and the bytes of every file the plan was read from (the --actuals
file included), so a cached plan is never stale: any edit to the data or to those classes gives a
new key. A corrupt entry is ignored and rebuilt; an unwritable cache directory only
means no cache. Only plans without problems are cached. Off with PLANCLI_NO_CACHE=1.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path

from plancli import __version__
from plancli.loading.files import FILE_NAMES

ENV_DIR = "PLANCLI_CACHE_DIR"
ENV_OFF = "PLANCLI_NO_CACHE"
# The modules whose classes are pickled: an entry made by another version of them is not used.
CODE_DIR = Path(__file__).parents[1]
PICKLED = (
    "model/models.py",
    "model/plan.py",
    "model/outline.py",
    "model/translation.py",
    "model/problems.py",
    "model/msg.py",
)
KEEP = 8  # entries kept; older ones are removed when a new one is written


_disabled = False  # set by the --no-cache option


def use(on: bool) -> None:
    global _disabled
    _disabled = not on


def enabled() -> bool:
    off = os.environ.get(ENV_OFF, "").strip().lower() not in ("", "0", "false", "no")
    return not (_disabled or off)


def cache_dir() -> Path:
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plancli"


def key(data_dir: Path, actuals_file: Path | None) -> str | None:
    """The cache key of these files, or None when one of them is not a plain file of a
    readable size (a pipe, a device, a file over the limit): those are for the loader to
    report, never to be read here."""
    import pydantic

    from plancli.model.limits import MAX_BYTES

    paths = [(name, data_dir / name) for name in FILE_NAMES]
    if actuals_file is not None:
        paths.append(("--actuals", Path(actuals_file)))
    present = []
    for label, path in paths:  # look at every file before reading any
        try:
            info = path.stat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        present.append(label)
    h = hashlib.sha256()
    h.update(f"{__version__}|{sys.version}|{pydantic.VERSION}".encode())
    for name in PICKLED:
        h.update((CODE_DIR / name).read_bytes())
    for label, path in paths:
        h.update(b"\0" + label.encode() + b"\0")
        try:
            h.update(path.read_bytes() if label in present else b"<missing>")
        except OSError:
            return None
    return h.hexdigest()


def get(k: str):
    path = cache_dir() / f"{k}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except OSError:  # no entry yet, or no usable cache directory
        return None
    except Exception:  # a corrupt or foreign entry: rebuild it
        path.unlink(missing_ok=True)
        return None


def put(k: str, plan) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a reader never sees half an entry.
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(plan, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{k}.pickle")
        _prune(folder)
    except OSError:
        return  # read-only or full: run without a cache


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def read_plan(data_dir: Path, actuals_file: Path | None = None):
    """`loader.read_plan` with the cache: the same bytes, already found valid, are valid again."""
    k = key(data_dir, actuals_file) if enabled() else None
    plan = get(k) if k is not None else None
    if plan is not None:
        plan.root = data_dir
        return plan, list(plan.warnings)
    from plancli.loading import loader  # the YAML reader and the validators: only on a miss

    plan, problems = loader.read_plan(data_dir, actuals_file)
    if k is None:
        return plan, problems
    if plan is not None and not any(p.is_error for p in problems):
        put(k, plan)
    return plan, problems


def load_plan(data_dir: Path, actuals_file: Path | None = None):
    """The validated plan, from the cache when its files are unchanged; DataError otherwise."""
    k = key(data_dir, actuals_file) if enabled() else None
    plan = get(k) if k is not None else None
    if plan is None:
        from plancli.loading import loader  # only on a miss: a cached plan needs no reading

        plan = loader.load_plan(data_dir, actuals_file)
        if k is not None:
            put(k, plan)
    plan.root = data_dir  # the same bytes may live in another directory
    return plan
