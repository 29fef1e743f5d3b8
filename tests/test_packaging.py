"""A plain, non-editable install of the wheel must find the packaged data."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_the_data(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("plancli-*.whl")
    env_dir = tmp_path / "venv"
    # A venv of its own, not one with system site-packages: those are the *base* interpreter's,
    # which on a fresh machine has none of the dependencies. The running environment (where the
    # README's `pip install -e '.[test]'` put them) is made visible explicitly instead, after the
    # venv's own site-packages, so that the wheel installed there is what gets imported.
    venv.create(env_dir, system_site_packages=False, with_pip=False)
    py = env_dir / "bin" / "python"
    own_site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    running = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (Path(own_site) / "running-env.pth").write_text("\n".join(running) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-deps",
            # plancli is visible already (the running environment's editable install): the
            # wheel must still go into the venv.
            "--ignore-installed",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANCLI_")}
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [
            str(py),
            "-c",
            "import plancli.loading.files as d; print(d.__file__); print(d.default_data_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.split()
    assert str(env_dir) in where[0], "the venv must import the installed wheel"
    assert str(env_dir) in where[1] and (Path(where[1]) / "outline.txt").is_file()
    out = subprocess.run(
        [str(env_dir / "bin" / "plancli"), "--lang", "en", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith("ok: 18 chapters")
    # The site's templates and style sheet travel as package data: a site builds from the wheel.
    site = tmp_path / "site"
    out = subprocess.run(
        [str(env_dir / "bin" / "plancli"), "--lang", "en", "site", str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert (site / "assets" / "site.css").stat().st_size > 1000
    assert "<h1>" in (site / "en" / "chapters" / "1.html").read_text(encoding="utf-8")
