"""The cache tried as an attacker and as an unlucky user would (issue 13): planted entries, files
changing under check, edited code, foreign files, odd HOMEs, odd entries, Ctrl-C, parallel runs.

What depends on a process (what a run executes, writes, leaves behind, or how it ends) runs
`python -m plancli` or the installed `plancli` in a new process. Only `cache.read_plan` and
`cache.load_plan` are used in-process, so that these tests say something about any version
of the cache, not only this one.
"""

from __future__ import annotations

import os
import pickle
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import plancli
from plancli.loading import cache

HEADER = b"plancli-cache 1\n"  # (cacheformat.HEADER, written out: see the module's docstring)
KEY = re.compile(r"[0-9a-f]{64}")
GAP = ("gap", "gdp", "--actual", "8000", "--year", "2023", "--format", "json")


def clean_env(**extra: str) -> dict:
    """The environment of a user's run: no PLANCLI_* or XDG_CACHE_HOME from this one. The
    messages are read in English (PLANCLI_LANG=en)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANCLI_")}
    env.pop("XDG_CACHE_HOME", None)
    env.update(NO_COLOR="1", COLUMNS="100", TERM="dumb", PLANCLI_LANG="en")
    env.update(extra)
    return env


def env_for(folder: Path, **extra: str) -> dict:
    return clean_env(PLANCLI_CACHE_DIR=str(folder), **extra)


def plancli_run(*args, env: dict, cwd=None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "plancli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
    )


def entry_point() -> list[str]:
    """The installed `plancli` command (a console script beside this Python)."""
    script = Path(sys.executable).with_name("plancli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plancli"]


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()) if folder.exists() else []


def learn_entry(data: Path, folder: Path) -> Path:
    """The path of the entry a cold run of `check` writes in folder (whatever its format)."""
    r = plancli_run("--data", data, "check", env=env_for(folder))
    assert r.returncode == 0, r.stderr
    (entry,) = files(folder)
    return entry


def is_entry(path: Path) -> bool:
    """A regular file of plancli's format, written for the key in its name."""
    from plancli.loading import cacheformat

    if path.is_symlink() or not path.is_file():
        return False
    key = KEY.search(path.name).group()
    try:
        cacheformat.decode(key, path.read_bytes(), path, "")
    except cacheformat.BadEntry:
        return False
    return True


def malicious(marker: Path) -> bytes:
    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch '{marker}'",))

    return pickle.dumps(Payload())


def break_targets(data: Path) -> None:
    path = data / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert "value: 17000" in text
    path.write_text(text.replace("value: 17000", "value: 17500", 1), encoding="utf-8")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANCLI_NO_CACHE", raising=False)
    return folder


# -- code execution ---------------------------------------------------------------------------


def test_a_planted_pickle_is_never_run_from_the_users_cache(data_copy, tmp_path):
    folder = tmp_path / "cache"
    entry = learn_entry(data_copy, folder)
    marker = tmp_path / "pwned"
    entry.write_bytes(malicious(marker))
    env = env_for(folder)
    r = plancli_run("--data", data_copy, "check", env=env)
    assert not marker.exists(), "the planted pickle ran"
    assert r.returncode == 0 and r.stdout.startswith("ok: ") and r.stderr == ""
    assert plancli_run("--data", data_copy, *GAP, env=env).returncode == 0
    assert not marker.exists()


OTHER_USER = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to plant as another user")


@pytest.mark.parametrize(
    "attacker", ["world-writable", pytest.param("other-user", marks=OTHER_USER)]
)
def test_a_planted_pickle_is_never_run_from_a_shared_sticky_directory(
    data_copy, tmp_path, attacker
):
    """XDG_CACHE_HOME points at a shared directory (mode 1777, as /tmp), where another user made
    plancli/ and planted an entry under the name anyone can compute."""
    name = learn_entry(data_copy, tmp_path / "learn").name
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    planted = shared / "plancli"
    planted.mkdir()
    marker = tmp_path / "pwned"
    (planted / name).write_bytes(malicious(marker))
    if attacker == "other-user":
        for path in (planted, planted / name):
            os.chown(path, 65534, 65534)
        os.chmod(planted, 0o755)
    else:
        os.chmod(planted, 0o777)
    before = {p.name: p.read_bytes() for p in files(planted)}
    env = clean_env(XDG_CACHE_HOME=str(shared), HOME=str(tmp_path / "home"))
    for args in (("check",), GAP):
        r = plancli_run("--data", data_copy, *args, env=env)
        assert not marker.exists(), "the planted pickle ran"
        assert r.returncode == 0 and r.stderr == ""
    assert {p.name: p.read_bytes() for p in files(planted)} == before  # not written there either


@pytest.mark.parametrize(
    "place", ["world-writable-dir", pytest.param("other-users-dir", marks=OTHER_USER)]
)
def test_a_well_formed_entry_planted_by_someone_else_never_vouches_for_bad_data(
    data_copy, tmp_path, place
):
    """The attack pickle cannot stop: a genuine entry of the valid plan, planted under the key
    of invalid data. Only a directory and an entry of the user's own are trusted."""
    from plancli.loading import cacheformat, loader
    from plancli.loading.sources import read_sources

    good = loader.load_plan(data_copy)
    break_targets(data_copy)
    key = cache.key(read_sources(data_copy))
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    planted = shared / "plancli"
    planted.mkdir()
    entry = planted / f"plancli-{key}.entry"
    entry.write_bytes(cacheformat.encode(key, good))
    os.chmod(entry, 0o600)
    if place == "other-users-dir":
        os.chmod(planted, 0o700)
        for path in (planted, entry):
            os.chown(path, 65534, 65534)
    else:
        os.chmod(planted, 0o777)
    env = clean_env(XDG_CACHE_HOME=str(shared), HOME=str(tmp_path / "home"))
    r = plancli_run("--data", data_copy, "check", env=env)
    assert r.returncode == 1, "a planted entry vouched for invalid data"


@OTHER_USER
def test_an_entry_of_another_user_in_the_users_own_cache_never_vouches(data_copy, tmp_path):
    from plancli.loading import cacheformat, loader
    from plancli.loading.sources import read_sources

    good = loader.load_plan(data_copy)
    break_targets(data_copy)
    key = cache.key(read_sources(data_copy))
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    entry = folder / f"plancli-{key}.entry"
    entry.write_bytes(cacheformat.encode(key, good))
    os.chmod(entry, 0o600)
    os.chown(entry, 65534, 65534)
    r = plancli_run("--data", data_copy, "check", env=env_for(folder))
    assert r.returncode == 1


# -- a poisoned verdict -----------------------------------------------------------------------


def test_a_file_flipping_during_check_never_leaves_ok_for_invalid_bytes(cache_home, data_copy):
    """An editor saving, a checkout: the file changes while check reads it. Whatever check saw
    then, the invalid bytes are never found valid afterwards (30 rounds)."""
    path = data_copy / "targets.yaml"
    good = path.read_bytes()
    bad = good.replace(b"value: 17000", b"value: 17500", 1)
    assert bad != good
    staged = data_copy / "staged.tmp"

    def put(data: bytes) -> None:
        staged.write_bytes(data)
        os.replace(staged, path)  # each read sees one version whole

    for _ in range(30):
        stop = threading.Event()

        def flip(stop=stop):
            n = 0
            while not stop.is_set():
                n += 1
                put(bad if n % 2 else good)
                time.sleep(0.001)

        flipper = threading.Thread(target=flip)
        flipper.start()
        try:
            cache.read_plan(data_copy)
        finally:
            stop.set()
            flipper.join()
        put(bad)
        assert cache.read_plan(data_copy)[1], "the invalid bytes were found valid"
        put(good)
        assert cache.read_plan(data_copy)[1] == []


def test_actuals_name_and_format_are_in_the_key(cache_home, data_copy, tmp_path):
    text = "indicator,year,value,unit\ngdp,2023,8700,亿元\n"
    as_csv, other, as_yaml = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "a.yaml"
    for path in (as_csv, other, as_yaml):
        path.write_text(text, encoding="utf-8")
    assert [a.value for a in cache.load_plan(data_copy, as_csv).user_actuals] == [8700]
    second = cache.load_plan(data_copy, other)  # the same bytes under another name
    assert second.user_actuals_file == str(other)
    assert second.user_actuals[0].source.title == "b.csv"
    _plan, problems = cache.read_plan(data_copy, as_yaml)  # the same bytes as YAML: not actuals
    assert problems


# -- stale verdicts after a code change -------------------------------------------------------


def test_an_edited_rule_is_seen_by_a_warm_check(data_copy, tmp_path):
    """The key covers every source file of the package that runs: edit a rule in a copy of the
    package, and a warm check of unchanged data runs the new rule."""
    package = tmp_path / "site" / "plancli"
    shutil.copytree(
        Path(plancli.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    env = env_for(tmp_path / "cache", PYTHONPATH=str(package.parent), PYTHONDONTWRITEBYTECODE="1")
    where = subprocess.run(
        [sys.executable, "-c", "import plancli; print(plancli.__file__)"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert where.stdout.strip() == str(package / "__init__.py")
    assert plancli_run("--data", data_copy, "check", env=env).returncode == 0  # cached now
    rules = package / "loading" / "validate.py"
    text = rules.read_text(encoding="utf-8")
    assert "MAX_QUOTE_CHARS = 80" in text
    rules.write_text(text.replace("MAX_QUOTE_CHARS = 80", "MAX_QUOTE_CHARS = 8"), encoding="utf-8")
    r = plancli_run("--data", data_copy, "check", env=env)
    assert r.returncode == 1, "the warm check ran the old rule"
    assert "(at most 8) (quote-length)" in r.stdout


# -- other people's files ---------------------------------------------------------------------


def test_foreign_files_in_the_cache_directory_survive_20_runs(cache_home, data_copy, tmp_path):
    cache_home.mkdir(mode=0o700)
    long_ago = time.time() - 86_400
    foreign = {
        "notes.txt": b"mine",
        "old.pickle": b"someone else's",
        f"{'b' * 64}.pickle": b"named like an entry of plancli 0.1",
        "plancli-notes.entry": HEADER + b"not named like an entry",
        f"plancli-{'a' * 64}.entry": b"named like an entry, not one",
        f"plancli-{'c' * 64}.{'d' * 16}.tmp": b"named like a temporary file, not one",
        "x.tmp": b"",
    }
    for name, data in foreign.items():
        (cache_home / name).write_bytes(data)
        os.utime(cache_home / name, (long_ago, long_ago))
    (cache_home / "sub").mkdir()
    (tmp_path / "outside").write_bytes(HEADER)
    link = cache_home / f"plancli-{'e' * 64}.entry"
    link.symlink_to(tmp_path / "outside")
    os.utime(link, (long_ago, long_ago), follow_symlinks=False)
    # plancli's own leftovers: a crash's, a day old, is removed; a running write's is not.
    crashed = cache_home / f"plancli-{'f' * 64}.{'0' * 16}.tmp"
    crashed.write_bytes(HEADER + b"half an entry")
    os.utime(crashed, (long_ago, long_ago))
    writing = cache_home / f"plancli-{'f' * 64}.{'1' * 16}.tmp"
    writing.write_bytes(b"")
    mine = tmp_path / "mine.csv"
    for n in range(20):  # 20 runs, 20 plans: more entries than are kept
        mine.write_text(f"indicator,year,value,unit\ngdp,2023,{8000 + n},亿元\n", encoding="utf-8")
        cache.load_plan(data_copy, mine)
    for name, data in foreign.items():
        assert (cache_home / name).read_bytes() == data, f"{name} was changed or removed"
    assert (cache_home / "sub").is_dir() and link.is_symlink() and (tmp_path / "outside").exists()
    assert not crashed.exists() and writing.exists()
    ours = [p for p in files(cache_home) if p.name not in foreign and is_entry(p)]
    assert 1 <= len(ours) <= 8


# -- writes outside any cache -----------------------------------------------------------------


@pytest.mark.parametrize(
    "home, xdg",
    [("", None), ("rel", None), ("~", None), ("", "rel"), ("HOME", "rel"), ("HOME", "~")],
)
def test_no_write_outside_a_cache(data_copy, tmp_path, home, xdg):
    """An empty or relative HOME and no usable XDG_CACHE_HOME: no cache at all. A relative
    XDG_CACHE_HOME is ignored: $HOME/.cache."""
    work = tmp_path / "work"
    work.mkdir()
    real_home = tmp_path / "home"
    real_home.mkdir()
    env = clean_env(HOME=str(real_home) if home == "HOME" else home)
    if xdg is not None:
        env["XDG_CACHE_HOME"] = xdg
    root_cache = Path("/.cache/plancli")
    before = files(root_cache)
    for _ in range(2):
        r = plancli_run("--data", data_copy, "check", env=env, cwd=work)
        assert r.returncode == 0 and r.stderr == ""
    assert files(work) == [], "wrote into the working directory"
    assert files(root_cache) == before, "wrote into /.cache"
    if home == "HOME":
        (entry,) = files(real_home / ".cache" / "plancli")
        assert is_entry(entry)
    else:
        assert files(real_home) == []


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_the_cache_directory_is_private_whatever_the_umask(data_copy, tmp_path, umask):
    folder = tmp_path / "a" / "b" / "plancli"
    r = subprocess.run(
        [sys.executable, "-m", "plancli", "--data", str(data_copy), "check"],
        capture_output=True,
        env=env_for(folder),
        umask=umask,
    )
    assert r.returncode == 0
    for path in (folder, folder.parent, folder.parent.parent):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    (entry,) = files(folder)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


# -- hangs, leaks, tracebacks -----------------------------------------------------------------


def put_in_place(entry: Path, kind: str, tmp_path: Path) -> None:
    data = entry.read_bytes()
    key = KEY.search(entry.name).group().encode()
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "directory":
        entry.mkdir()
    elif kind == "link to a fifo":
        os.mkfifo(tmp_path / "fifo")
        entry.symlink_to(tmp_path / "fifo")
    elif kind == "wrong type":  # a valid pickle, of something else than a plan
        entry.write_bytes(pickle.dumps({"plan": [1, 2, 3]}))
    elif kind == "wrong shape":  # plancli's frame around a body that is no plan
        import hashlib

        body = b'{"meta": 1}'
        digest = hashlib.sha256(body).hexdigest().encode()
        entry.write_bytes(b"%s%s\n%d %s\n%s" % (HEADER, key, len(body), digest, body))
    elif kind == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif kind == "empty":
        entry.write_bytes(b"")


@pytest.mark.parametrize(
    "kind",
    ["fifo", "directory", "link to a fifo", "wrong type", "wrong shape", "truncated", "empty"],
)
def test_anything_in_an_entrys_place_gives_the_right_answer(data_copy, tmp_path, kind):
    folder = tmp_path / "cache"
    entry = learn_entry(data_copy, folder)
    env = env_for(folder)
    expected = plancli_run("--no-cache", "--data", data_copy, *GAP, env=env)
    assert expected.returncode == 0
    put_in_place(entry, kind, tmp_path)
    for args, stdout in ((GAP, expected.stdout), (("check",), None)):
        r = plancli_run("--data", data_copy, *args, env=env, timeout=30)
        assert r.returncode == 0 and r.stderr == "", r.stderr
        assert r.stdout == stdout if stdout else r.stdout.startswith("ok: ")
    assert [p.name for p in files(folder)] == [entry.name], "a file was left behind"
    if kind == "directory":  # not ours to remove: left as it is, the cache unused
        assert entry.is_dir()
    else:  # replaced by a good entry
        assert is_entry(entry)


@pytest.mark.slow
def test_no_temporary_file_survives_sigint_at_50_random_points(data_copy, tmp_path):
    """Ctrl-C at random points of cold runs of the installed command: half at a random time of
    the run, half just after a temporary file appears in the cache directory. (Two at a time.)"""
    from concurrent.futures import ThreadPoolExecutor

    command = [*entry_point(), "--data", str(data_copy), "check"]
    start = time.perf_counter()
    subprocess.run(command, env=env_for(tmp_path / "calibrate"), capture_output=True, check=True)
    duration = time.perf_counter() - start

    def interrupt(n: int) -> tuple[bool, list[Path]]:
        rng = random.Random(n)
        folder = tmp_path / f"cache{n}"
        proc = subprocess.Popen(
            command, env=env_for(folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if n % 2:
            time.sleep(rng.uniform(0, duration))
        else:
            while proc.poll() is None and not any(p.suffix == ".tmp" for p in files(folder)):
                time.sleep(0.0001)
            time.sleep(rng.uniform(0, 0.002))
        sent = proc.poll() is None
        if sent:
            proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        return sent, files(folder)

    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(interrupt, range(50)))
    left = [p for _sent, found in runs for p in found]
    assert [p.name for p in left if p.suffix == ".tmp"] == [], "temporary files left"
    assert all(is_entry(p) for p in left)
    assert sum(sent for sent, _found in runs) >= 25


@pytest.mark.slow
def test_20_parallel_cold_runs_all_succeed_and_leave_one_entry(data_copy, tmp_path):
    folder = tmp_path / "a" / "cache"  # not there yet: the runs race to make it
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "plancli", "--data", str(data_copy), "check"],
            env=env_for(folder),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(20)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.startswith("ok: ") and err == "", err
    (entry,) = files(folder)
    assert is_entry(entry)
