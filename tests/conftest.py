"""Shared fixtures: run the CLI through Typer's CliRunner at a fixed width, on real data."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plancli.cli import app
from plancli.loading.files import default_data_dir
from plancli.loading.loader import load_plan

DATA = default_data_dir()


@pytest.fixture(scope="session")
def plan():
    """The shipped plan, loaded once."""
    return load_plan(DATA)


@pytest.fixture
def run(monkeypatch):
    """run(*args, width=100, env={}, lang=None) -> Result, with no colour and no inherited
    PLANCLI_* vars; lang="en" runs it with PLANCLI_LANG=en."""
    for var in ("PLANCLI_DATA", "PLANCLI_LANG", "PLANCLI_ACTUALS", "PLANCLI_NO_CACHE"):
        monkeypatch.delenv(var, raising=False)

    def _run(
        *args: str,
        width: int = 100,
        env: dict | None = None,
        input: str | None = None,
        lang: str | None = None,
    ):
        full_env = {"COLUMNS": str(width), "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
        full_env.update(env or {})
        if lang:  # as PLANCLI_LANG, so that the arguments stay as given
            full_env["PLANCLI_LANG"] = lang
        return CliRunner().invoke(app, list(args), env=full_env, input=input)

    return _run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data directory, for planting errors. Without the English
    paragraphs: while the translation is under way, their warnings (one per paragraph) would
    bury the planted problem. english_copy has them."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("__pycache__", "outline.en.yaml"))
    return dest


@pytest.fixture
def english_copy(tmp_path: Path) -> Path:
    """A writable copy of the whole shipped data directory, English paragraphs included."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """The tests' cache of validated plans lives in a temporary directory, not in ~/.cache."""
    import os

    folder = tmp_path_factory.mktemp("plancli-cache")
    old = os.environ.get("PLANCLI_CACHE_DIR")
    os.environ["PLANCLI_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("PLANCLI_CACHE_DIR", None)
    else:
        os.environ["PLANCLI_CACHE_DIR"] = old


@pytest.fixture
def small_disk_of(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """small_disk_of("64k"): a folder on a file system of its own of that size, to fill up
    (root only, where tmpfs can be mounted; skipped elsewhere); unmounted after the test."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        where = tmp_path / f"disk{len(mounted)}"
        where.mkdir()
        if os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("mounting a small file system needs root")
        if subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)]
        ).returncode:
            pytest.skip("cannot mount tmpfs here")
        mounted.append(where)
        return where

    yield mount
    for where in mounted:
        subprocess.run(["umount", str(where)], check=True)
