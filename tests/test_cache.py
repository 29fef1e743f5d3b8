"""The cache of validated plans: never stale, safe when corrupt or unwritable, can be off."""

from __future__ import annotations

import pytest

from plancli.loading import cache
from plancli.model.problems import DataError


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    return folder


def entries(folder):
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


def test_second_load_comes_from_the_cache(cache_home, data_copy, monkeypatch):
    first = cache.load(data_copy)
    assert len(entries(cache_home)) == 1

    def no_parse(*_a, **_k):
        raise AssertionError("the cached plan should have been used")

    monkeypatch.setattr("plancli.loading.loader.load", no_parse)
    again = cache.load(data_copy)
    assert again.target_by_id.keys() == first.target_by_id.keys()


def test_an_edit_is_never_served_stale(cache_home, data_copy):
    cache.load(data_copy)
    path = data_copy / "targets.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 17000", "value: 17500"), encoding="utf-8"
    )
    with pytest.raises(DataError):  # 17500 disagrees with the text 1.7万亿元
        cache.load(data_copy)


def test_a_corrupt_entry_is_rebuilt(cache_home, data_copy):
    cache.load(data_copy)
    (entry,) = entries(cache_home)
    entry.write_bytes(b"not a pickle")
    plan = cache.load(data_copy)
    assert plan.target_by_id
    assert entries(cache_home)[0].read_bytes() != b"not a pickle"


def test_a_read_only_cache_directory_only_means_no_cache(cache_home, data_copy, monkeypatch):
    # Simulated: as root (CI) a chmod'ed directory is still writable.
    def refuse(*_a, **_k):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(cache.tempfile, "mkstemp", refuse)
    assert cache.load(data_copy).target_by_id
    assert entries(cache_home) == []


def test_an_unusable_cache_path_only_means_no_cache(tmp_path, monkeypatch, data_copy):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))  # a directory under a file
    assert cache.load(data_copy).target_by_id


def test_off_by_environment(cache_home, data_copy, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    cache.load(data_copy)
    assert entries(cache_home) == []


def test_user_actuals_are_part_of_the_key(cache_home, data_copy, tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text("indicator,year,value,unit\ngdp,2023,8700,亿元\n", encoding="utf-8")
    assert cache.load(data_copy).user_actuals == []
    assert [a.value for a in cache.load(data_copy, csv).user_actuals] == [8700]
    assert len(entries(cache_home)) == 2


def test_check_uses_the_cache_only_for_valid_data(cache_home, data_copy, run, monkeypatch):
    assert run("--data", str(data_copy), "check").exit_code == 0
    assert len(entries(cache_home)) == 1

    def no_parse(*_a, **_k):
        raise AssertionError("valid, unchanged data is not validated again")

    monkeypatch.setattr("plancli.loading.loader.check", no_parse)
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


def test_no_cache_option(cache_home, data_copy, run):
    assert run("--no-cache", "--data", str(data_copy), "check").exit_code == 0
    assert entries(cache_home) == []
    assert run("--data", str(data_copy), "check").exit_code == 0
    assert len(entries(cache_home)) == 1


def test_an_entry_is_tied_to_the_code_of_its_classes(cache_home, data_copy, tmp_path, monkeypatch):
    # An entry pickled by an edited models.py (in development, without a new version number)
    # must not be unpickled into other classes.
    before = cache.key(data_copy, None)
    code = tmp_path / "code"
    code.mkdir()
    for name in cache.PICKLED:
        (code / name).parent.mkdir(exist_ok=True)
        (code / name).write_bytes((cache.CODE_DIR / name).read_bytes())
    monkeypatch.setattr(cache, "CODE_DIR", code)
    assert cache.key(data_copy, None) == before
    (code / "model" / "models.py").write_text("# edited\n", encoding="utf-8")
    assert cache.key(data_copy, None) != before
