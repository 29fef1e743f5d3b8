"""Reading a plan's files once: bounded, never blocking, never more than the limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plancli.loading.files import FILE_NAMES as PLAN_FILES
from plancli.loading.sources import Unreadable, actuals_format, read_fd, read_file, read_sources
from wording import english


def test_read_file_refuses_a_file_over_the_limit(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a" * 11)
    with pytest.raises(Unreadable) as err:
        read_file(path, limit=10)
    assert (err.value.rule, english(err.value.msg)) == (
        "file-size",
        "file is 11 bytes, over the limit of 10 bytes",
    )
    path.write_bytes(b"a" * 10)
    assert read_file(path, limit=10) == b"a" * 10


def test_a_file_that_grows_while_read_is_read_to_the_limit_only(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a" * 8)
    with path.open("rb") as f:  # stat said 5 bytes; there are 8 by the time it is read
        assert read_fd(f.fileno(), 5, 10) == b"a" * 8
    path.write_bytes(b"a" * 20)
    with path.open("rb") as f, pytest.raises(Unreadable) as err:
        read_fd(f.fileno(), 5, 10)
    assert english(err.value.msg) == "file is more than 11 bytes, over the limit of 10 bytes"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(Unreadable) as err:
        read_file(tmp_path / "pipe")
    assert english(err.value.msg).startswith("not a regular file") and not err.value.regular


def test_read_plan_says_what_each_file_is(data_copy, tmp_path):
    (data_copy / "exclusions.yaml").unlink()
    (data_copy / "actuals.yaml").unlink()
    (data_copy / "actuals.yaml").mkdir()
    mine = tmp_path / "mine.CSV"
    mine.write_bytes(b"indicator,year,value,unit\n")
    sources = read_sources(data_copy, mine)
    assert list(sources.files) == list(PLAN_FILES)
    assert sources.files["targets.yaml"].raw == (data_copy / "targets.yaml").read_bytes()
    assert sources.files["exclusions.yaml"].missing
    dir_source = sources.files["actuals.yaml"]
    assert not dir_source.missing and not dir_source.regular and dir_source.raw is None
    assert sources.actuals.label == str(mine) and actuals_format(mine) == "csv"
    assert [s.label for s in sources.all()][-1] == str(mine)


def test_an_actuals_file_named_like_a_plan_file_is_named_apart(data_copy, monkeypatch):
    monkeypatch.chdir(data_copy)
    sources = read_sources(data_copy, Path("actuals.yaml"))
    assert sources.actuals.label == "./actuals.yaml"
    assert actuals_format(Path("actuals.yaml")) == "yaml"
