"""The cache of validated plans: the key, the format, the directory's rules, pruning, off.

Attacks and accidents run as processes are in test_cache_hostile.py.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from plancli.loading import cache, cachedir, cacheformat, loader
from plancli.loading.files import FILE_NAMES as PLAN_FILES
from plancli.loading.sources import read_sources
from plancli.model import models, translation
from plancli.model.plan import Plan
from plancli.model.problems import DataError, problem_line
from wording import english


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en)."""
    return functools.partial(run, lang="en")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    monkeypatch.delenv(cachedir.ENV_DEBUG, raising=False)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("plancli-*.entry")) if folder.exists() else []


def no_parse(*_a, **_k):
    raise AssertionError("the cached plan should have been used")


def csv_actuals(path: Path, value: float) -> Path:
    path.write_text(f"indicator,year,value,unit\ngdp,2023,{value},亿元\n", encoding="utf-8")
    return path


# -- hits, misses, never stale ----------------------------------------------------------------


def test_second_load_comes_from_the_cache(cache_home, data_copy, monkeypatch):
    first = cache.load_plan(data_copy)
    assert len(entries(cache_home)) == 1
    monkeypatch.setattr("plancli.loading.loader.plan_from", no_parse)
    again = cache.load_plan(data_copy)
    assert again.target_by_id.keys() == first.target_by_id.keys()
    assert again.root == data_copy and again.outline.text == first.outline.text
    assert again.indicators == first.indicators and again.chapters == first.chapters


def test_an_edit_is_never_served_stale(cache_home, data_copy):
    cache.load_plan(data_copy)
    path = data_copy / "targets.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 17000", "value: 17500"), encoding="utf-8"
    )
    with pytest.raises(DataError):  # 17500 disagrees with the text 1.7万亿元
        cache.load_plan(data_copy)


def test_check_uses_the_cache_only_for_valid_data(cache_home, data_copy, run, monkeypatch):
    assert run("--data", str(data_copy), "check").exit_code == 0
    assert len(entries(cache_home)) == 1
    monkeypatch.setattr("plancli.loading.loader.plan_from", no_parse)
    result = run("--data", str(data_copy), "check")
    assert result.exit_code == 0 and result.stdout.startswith("ok: 18 chapters")
    monkeypatch.undo()
    monkeypatch.setenv(cache.ENV_DIR, str(cache_home))
    path = data_copy / "targets.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("task: 1.4.3", "task: 1.4.99", 1), encoding="utf-8"
    )
    assert run("--data", str(data_copy), "check").exit_code == 1
    assert len(entries(cache_home)) == 1  # data with problems is never cached


def test_a_cached_plan_reports_its_warnings_again(cache_home, english_copy, monkeypatch):
    data_copy = english_copy
    untranslate_a_paragraph(data_copy)
    plan, problems = cache.read_plan(data_copy)
    assert problems and not any(p.is_error for p in problems)
    assert len(entries(cache_home)) == 1  # warnings do not stop a plan being cached
    monkeypatch.setattr("plancli.loading.loader.plan_from", no_parse)
    again, reported = cache.read_plan(data_copy)
    assert [english(problem_line(p)) for p in reported] == [
        english(problem_line(p)) for p in problems
    ]
    assert reported == problems
    assert [(p.path, p.related, p.level) for p in reported] == [
        (p.path, p.related, p.level) for p in problems
    ]
    assert cache.load_plan(data_copy).english == plan.english


def test_no_cache_option(cache_home, data_copy, run):
    assert run("--no-cache", "--data", str(data_copy), "check").exit_code == 0
    assert entries(cache_home) == []
    assert run("--data", str(data_copy), "check").exit_code == 0
    assert len(entries(cache_home)) == 1


def test_off_by_environment(cache_home, data_copy, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    cache.load_plan(data_copy)
    assert not cache_home.exists()


# -- the key ----------------------------------------------------------------------------------


def test_each_file_is_read_once_per_run(cache_home, data_copy, tmp_path, monkeypatch):
    mine = csv_actuals(tmp_path / "mine.csv", 8700)
    opened: list[str] = []
    real_open = os.open

    def counting(path, *args, **kwargs):
        if "dir_fd" not in kwargs:
            opened.append(os.path.basename(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting)
    monkeypatch.setattr(Path, "read_bytes", no_parse)
    for _ in range(2):  # cold (key, then validation), then warm
        opened.clear()
        cache.load_plan(data_copy, mine)
        read = [name for name in opened if name in (*PLAN_FILES, "mine.csv")]
        assert sorted(read) == sorted(set(read)), read
        assert set(read) == {*PLAN_FILES, "mine.csv"}


def test_validation_sees_the_bytes_the_key_was_made_of(data_copy):
    sources = read_sources(data_copy)
    path = data_copy / "targets.yaml"
    path.write_text("not: [valid", encoding="utf-8")  # changed after the read
    plan, problems = loader.plan_from(sources)
    assert problems == [] and plan.target_by_id


def test_user_actuals_are_part_of_the_key(cache_home, data_copy, tmp_path):
    csv = csv_actuals(tmp_path / "mine.csv", 8700)
    assert cache.load_plan(data_copy).user_actuals == []
    assert [a.value for a in cache.load_plan(data_copy, csv).user_actuals] == [8700]
    csv_actuals(csv, 8800)
    assert [a.value for a in cache.load_plan(data_copy, csv).user_actuals] == [8800]
    assert len(entries(cache_home)) == 3


def copy_package(dest: Path) -> Path:
    shutil.copytree(cache.CODE_DIR, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_the_key_covers_every_source_file_of_the_package(data_copy, tmp_path, monkeypatch):
    sources = read_sources(data_copy)
    code = copy_package(tmp_path / "plancli")
    monkeypatch.setattr(cache, "CODE_DIR", code)
    monkeypatch.setattr(cache, "_code", None)
    keys = {cache.key(sources)}
    for change in (
        lambda: (code / "loading" / "validate.py").write_text("# a new rule\n", encoding="utf-8"),
        lambda: (code / "cli" / "check.py").write_text("# edited\n", encoding="utf-8"),
        lambda: (code / "cli" / "new_module.py").write_text("x = 1\n", encoding="utf-8"),
        lambda: (code / "model" / "units.py").rename(code / "model" / "units2.py"),
    ):
        change()
        monkeypatch.setattr(cache, "_code", None)
        keys.add(cache.key(sources))
    assert len(keys) == 5
    (code / "notes.txt").write_text("not code", encoding="utf-8")
    monkeypatch.setattr(cache, "_code", None)
    assert cache.key(sources) in keys


@pytest.mark.parametrize(
    "target, value",
    [
        ("sys.version", "3.99.0 (other build)"),
        ("pydantic.VERSION", "2.99.0"),
        ("pydantic_core.__version__", "9.9.9"),
        ("plancli.loading.cache.__version__", "99.0"),
    ],
)
def test_the_key_covers_the_versions(data_copy, monkeypatch, target, value):
    sources = read_sources(data_copy)
    before = cache.key(sources)
    monkeypatch.setattr(target, value)
    assert cache.key(sources) != before


def test_the_key_covers_pyyaml_and_libyaml(data_copy, tmp_path, monkeypatch):
    import importlib.util

    sources = read_sources(data_copy)
    fake = tmp_path / "yaml"
    fake.mkdir()
    (fake / "__init__.py").write_text("__version__ = '6.0.4'\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location(
        "yaml", fake / "__init__.py", submodule_search_locations=[str(fake)]
    )
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: spec)
    without = cache.key(sources)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (fake / f"_yaml{suffix}").write_bytes(b"libyaml")
    with_libyaml = cache.key(sources)
    (fake / "__init__.py").write_text("__version__ = '6.0.5'\n", encoding="utf-8")
    assert len({without, with_libyaml, cache.key(sources)}) == 3
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    assert cache.key(sources) is None  # no PyYAML to fingerprint: no cache


def test_a_cached_run_imports_no_yaml_to_fingerprint_it(data_copy):
    sys.modules.pop("yaml", None)  # (restored by the next test that imports it)
    try:
        cache._yaml_fingerprint()
        assert "yaml" not in sys.modules
    finally:
        import yaml  # noqa: F401


# -- the format -------------------------------------------------------------------------------


def same(a, b, where="plan") -> None:
    assert type(a) is type(b), where
    if isinstance(a, BaseModel):
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__, where
        assert (a.__pydantic_extra__, a.__pydantic_private__) == (None, None), where
        assert (b.__pydantic_extra__, b.__pydantic_private__) == (None, None), where
        assert a.__dict__.keys() == b.__dict__.keys(), where
        for k in a.__dict__:
            same(a.__dict__[k], b.__dict__[k], f"{where}.{k}")
    elif isinstance(a, list | tuple | dict):
        assert len(a) == len(b), where
        if isinstance(a, dict):
            assert list(a) == list(b), where
            a, b = list(a.values()), list(b.values())
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    else:
        assert a == b, where


def untranslate_a_paragraph(data: Path) -> None:
    """A paragraph without its English, in a translation not marked complete: a warning."""
    plan_yaml, english = data / "plan.yaml", data / "outline.en.yaml"
    text = plan_yaml.read_text(encoding="utf-8")
    plan_yaml.write_text(text.replace("complete: true", "complete: false"), encoding="utf-8")
    text = english.read_text(encoding="utf-8")
    start = text.index("- id: 0.0.1\n") + len("- id: 0.0.1\n")
    end = text.index("\n- id: ", start)
    english.write_text(text[:start] + "  en: null" + text[end:], encoding="utf-8")


def test_an_entry_rebuilds_the_validated_plan_exactly(english_copy, tmp_path):
    data_copy = english_copy
    mine = csv_actuals(tmp_path / "mine.csv", 8700)
    untranslate_a_paragraph(data_copy)
    plan = loader.load_plan(data_copy, mine)
    assert plan.warnings and plan.glossary and plan.english and plan.meta.translation
    data = cacheformat.encode("0" * 64, plan)
    again = cacheformat.decode("0" * 64, data, data_copy, plan.outline.text)
    for f in dataclasses.fields(Plan):
        if f.name != "outline":
            same(getattr(plan, f.name), getattr(again, f.name), f.name)
    assert again.outline.text == plan.outline.text
    assert again.indicators == plan.indicators and again.root == data_copy


def test_every_model_can_be_rebuilt():
    """A new kind of field (a tuple, a dict, a union of records) fails here, not at run time."""
    for cls in [*vars(models).values(), *vars(translation).values()]:
        if isinstance(cls, type) and issubclass(cls, models.Record) and cls is not models.Record:
            assert callable(cacheformat._decoder(cls))
    for tp in cacheformat.RECORDS.values():
        assert callable(cacheformat._decoder(tp))
    with pytest.raises(TypeError):
        cacheformat._decoder(tuple[int, str])
    with pytest.raises(TypeError):
        cacheformat._decoder(models.Name | models.Task)


def test_the_format_knows_every_field_of_a_plan(data_copy):
    known = {*cacheformat.RECORDS, *cacheformat.PLAIN, *cacheformat.GIVEN}
    assert {f.name for f in dataclasses.fields(Plan)} == known


def test_a_plan_with_a_field_the_format_does_not_know_is_not_cached(data_copy):
    plan = loader.load_plan(data_copy)

    @dataclasses.dataclass
    class Wider(Plan):
        extra: int = 0

    wider = Wider(**{f.name: getattr(plan, f.name) for f in dataclasses.fields(Plan)})
    with pytest.raises(TypeError):
        cacheformat.encode("0" * 64, wider)


@pytest.mark.parametrize(
    "damage, why",
    [
        (lambda d: d[: len(d) // 2], "truncated"),
        (lambda d: d[:-10] + b"X" + d[-9:], "checksum"),
        (lambda d: b"\x80\x05K\x01." + d, "format"),
        (lambda d: d.replace(b"plancli-cache 1", b"plancli-cache 0", 1), "old format"),
        (lambda d: d.replace(b"\n" + b"0" * 64, b"\n" + b"1" * 64, 1), "another key"),
        (lambda d: b"", "format"),
    ],
)
def test_a_damaged_entry_is_refused(data_copy, damage, why):
    data = cacheformat.encode("0" * 64, loader.load_plan(data_copy))
    with pytest.raises(cacheformat.BadEntry, match=why):
        cacheformat.decode("0" * 64, damage(data), data_copy, "")


@pytest.mark.parametrize(
    "body",
    [b"[]", b"{}", b'{"meta": 1}', b"null", b'{"meta": [1, 2, 3]}', b"[" * 100_000],
)
def test_a_well_framed_entry_of_the_wrong_shape_is_refused(data_copy, body):
    good = cacheformat.encode("0" * 64, loader.load_plan(data_copy))
    doc = cacheformat._body("0" * 64, good)
    doc["meta"] = body.decode()  # one field wrong, the rest right
    for wrong in (frame("0" * 64, body), frame_doc(doc)):
        with pytest.raises(cacheformat.BadEntry):
            cacheformat.decode("0" * 64, wrong, data_copy, "")


def frame(key: str, body: bytes) -> bytes:
    import hashlib

    digest = hashlib.sha256(body).hexdigest().encode()
    return b"%s%s\n%d %s\n%s" % (cacheformat.HEADER, key.encode(), len(body), digest, body)


def frame_doc(doc: dict) -> bytes:
    import json

    return frame("0" * 64, json.dumps(doc).encode())


def test_a_bug_in_the_format_costs_the_cache_never_the_run(cache_home, data_copy, monkeypatch):
    cache.load_plan(data_copy)

    def buggy(*_a, **_k):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cacheformat, "decode", buggy)
    assert cache.load_plan(data_copy).target_by_id


# -- the directory and its files --------------------------------------------------------------


def test_a_corrupt_entry_is_rebuilt(cache_home, data_copy):
    cache.load_plan(data_copy)
    (entry,) = entries(cache_home)
    entry.write_bytes(b"not an entry")
    assert cache.load_plan(data_copy).target_by_id
    assert entry.read_bytes().startswith(cacheformat.HEADER)


def test_an_entry_over_the_cap_is_not_written(cache_home, data_copy, monkeypatch, capsys):
    monkeypatch.setattr(cachedir, "MAX_ENTRY", 1000)
    monkeypatch.setenv(cachedir.ENV_DEBUG, "1")
    assert cache.load_plan(data_copy).target_by_id
    assert entries(cache_home) == []
    assert "over the limit of 1,000" in capsys.readouterr().err


def spy(monkeypatch, module, name) -> list:
    """Calls of module.name, recorded (an exception raised there might be caught)."""
    calls: list = []
    real = getattr(module, name)

    def record(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, record)
    return calls


def test_an_entry_over_the_cap_is_not_read(cache_home, data_copy, monkeypatch):
    cache.load_plan(data_copy)
    monkeypatch.setattr(cachedir, "MAX_ENTRY", 1000)
    decoded = spy(monkeypatch, cacheformat, "decode")
    assert cache.load_plan(data_copy).target_by_id
    assert decoded == []


def test_a_write_that_fails_leaves_nothing(cache_home, data_copy, monkeypatch):
    cache_home.mkdir(mode=0o700)
    real_write = os.write

    def full(fd, data):
        real_write(fd, bytes(data[:100]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    assert cache.load_plan(data_copy).target_by_id
    assert list(cache_home.iterdir()) == []


def test_an_interrupted_write_leaves_nothing(cache_home, data_copy, monkeypatch):
    cache_home.mkdir(mode=0o700)

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.load_plan(data_copy)
    assert list(cache_home.iterdir()) == []


def test_signals_are_held_while_a_temporary_file_exists(cache_home, data_copy, monkeypatch):
    import signal

    held = []
    real_rename = os.rename

    def rename(*args, **kwargs):
        held.append(signal.pthread_sigmask(signal.SIG_BLOCK, ()))
        return real_rename(*args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    cache.load_plan(data_copy)
    assert {signal.SIGINT, signal.SIGTERM} <= held[0]
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, ())


def test_an_unusable_cache_path_only_means_no_cache(tmp_path, monkeypatch, data_copy):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))  # a directory under a file
    assert cache.load_plan(data_copy).target_by_id


def test_a_read_only_cache_directory_only_means_no_cache(cache_home, data_copy, monkeypatch):
    # Simulated: as root (CI) a chmod'ed directory is still writable.
    def refuse(*_a, **_k):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(cachedir, "write", refuse)
    assert cache.load_plan(data_copy).target_by_id
    assert entries(cache_home) == []


def test_an_existing_directory_keeps_its_mode(cache_home, data_copy):
    cache_home.mkdir(mode=0o755)
    os.chmod(cache_home, 0o755)
    cache.load_plan(data_copy)
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o755
    assert len(entries(cache_home)) == 1


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757, 0o1777])
def test_a_group_or_world_writable_directory_is_not_used(
    cache_home, data_copy, monkeypatch, capsys, mode
):
    cache_home.mkdir()
    os.chmod(cache_home, mode)
    monkeypatch.setenv(cachedir.ENV_DEBUG, "1")
    cache.load_plan(data_copy)
    assert list(cache_home.iterdir()) == []
    assert "group- or world-writable" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_a_directory_or_entry_of_another_user_is_not_used(cache_home, data_copy, monkeypatch):
    cache.load_plan(data_copy)
    (entry,) = entries(cache_home)
    os.chown(entry, 65534, 65534)
    decoded = spy(monkeypatch, cacheformat, "decode")
    written = spy(monkeypatch, cachedir, "write")
    os.chown(cache_home, 65534, 65534)
    assert cache.load_plan(data_copy).target_by_id  # the directory is neither read nor written
    assert decoded == written == []
    os.chown(cache_home, 0, 0)
    assert cache.load_plan(data_copy).target_by_id  # the entry is ignored, and replaced
    assert decoded == [] and len(written) == 1
    assert entry.stat().st_uid == 0


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"PLANCLI_CACHE_DIR": "/x/c"}, "/x/c"),
        ({"PLANCLI_CACHE_DIR": "rel/c"}, None),
        ({"PLANCLI_CACHE_DIR": "", "XDG_CACHE_HOME": "/x"}, "/x/plancli"),
        ({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/plancli"),
        ({"XDG_CACHE_HOME": "rel", "HOME": "/h"}, "/h/.cache/plancli"),
        ({"XDG_CACHE_HOME": "~", "HOME": "/h"}, "/h/.cache/plancli"),
        ({"XDG_CACHE_HOME": "", "HOME": "/h"}, "/h/.cache/plancli"),
        ({"HOME": ""}, None),
        ({"HOME": "rel"}, None),
        ({"HOME": "~"}, None),
        ({"XDG_CACHE_HOME": "rel", "HOME": ""}, None),
    ],
)
def test_where_the_cache_is(monkeypatch, env, expected):
    for var in ("PLANCLI_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    path, _top = cachedir.location()
    assert (str(path) if path else None) == expected


def test_an_unset_home_is_the_accounts_home(monkeypatch):
    for var in ("PLANCLI_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda p: "/accounts/me" if p == "~" else p)
    assert cachedir.location() == (Path("/accounts/me/.cache/plancli"), Path("/accounts/me"))


def test_home_itself_is_never_created(tmp_path, monkeypatch, data_copy):
    monkeypatch.delenv(cache.ENV_DIR)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "gone"))
    assert cache.load_plan(data_copy).target_by_id
    assert not (tmp_path / "gone").exists()


# -- what it says -----------------------------------------------------------------------------


def test_silent_unless_asked_why(cache_home, data_copy, run, monkeypatch):
    cache.load_plan(data_copy)
    (entry,) = entries(cache_home)
    entry.write_bytes(b"garbage")
    result = run("--data", str(data_copy), "check")
    assert result.exit_code == 0 and result.stderr == ""
    entry.write_bytes(b"garbage")
    monkeypatch.setenv(cachedir.ENV_DEBUG, "1")
    result = run("--data", str(data_copy), "check")
    assert result.exit_code == 0
    assert f"plancli: cache: entry {entry.name} ignored: not in plancli's format" in result.stderr
    assert f"plancli: cache: wrote {entry.name}" in result.stderr
