"""The safe writer for what publishes a plan: one file of bytes (a chart, a database), and a
folder of files (a site) that plancli owns through its marker."""

from __future__ import annotations

import json
import sqlite3

import pytest

from plancli.loading import safewrite
from plancli.loading.safewrite import (
    APPLICATION_ID,
    MARK,
    SITE_MARKER,
    NotOurs,
    carries_mark,
    write_data,
    write_site,
)


def sqlite_bytes(app_id: int | None) -> bytes:
    conn = sqlite3.connect(":memory:")
    if app_id is not None:
        conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute("CREATE TABLE t (x)")
    data = conn.serialize()
    conn.close()
    return data


def test_a_database_says_whose_it_is_by_its_application_id():
    assert carries_mark(sqlite_bytes(APPLICATION_ID)[:4096])
    assert not carries_mark(sqlite_bytes(None)[:4096])
    assert not carries_mark(sqlite_bytes(1234)[:4096])
    assert carries_mark(b"<svg><!-- " + MARK.encode() + b" -->")


def test_write_data_replaces_only_files_plancli_wrote(tmp_path):
    ours = sqlite_bytes(APPLICATION_ID)
    target = tmp_path / "sub" / "plan.sqlite"
    assert write_data(target, ours) == target and target.read_bytes() == ours
    write_data(target, ours)  # its own file: replaced
    foreign = tmp_path / "theirs.sqlite"
    foreign.write_bytes(sqlite_bytes(None))
    with pytest.raises(NotOurs):
        write_data(foreign, ours)
    assert foreign.read_bytes() == sqlite_bytes(None)
    write_data(foreign, ours, force=True)
    assert foreign.read_bytes() == ours
    with pytest.raises(ValueError):  # what plancli writes must say so
        write_data(tmp_path / "x.png", b"\x89PNG no mark")


def test_write_data_never_follows_a_link(tmp_path):
    real = tmp_path / "real.svg"
    real.write_text(f"<svg>{MARK}</svg>")
    link = tmp_path / "link.svg"
    link.symlink_to(real)
    with pytest.raises(NotOurs):
        write_data(link, f"<svg>{MARK} new</svg>".encode())
    assert real.read_text() == f"<svg>{MARK}</svg>"


def files(version: str) -> dict[str, bytes]:
    return {
        "index.html": f"<!-- {MARK} --> {version}".encode(),
        "zh/index.html": f"<!-- {MARK} --> zh {version}".encode(),
        "downloads/targets.csv": f"a,b\n{version}\n".encode(),
    }


def test_a_site_goes_into_a_new_or_empty_folder_with_its_marker(tmp_path):
    for folder in (tmp_path / "new" / "site", tmp_path / "empty"):
        if folder.name == "empty":
            folder.mkdir()
        written = write_site(folder, files("1"))
        assert sorted(p.relative_to(folder).as_posix() for p in written) == sorted(files("1"))
        marker = json.loads((folder / SITE_MARKER).read_text())
        assert MARK in marker["written_by"] and marker["files"] == sorted(files("1"))
        assert (folder / "downloads/targets.csv").read_text() == "a,b\n1\n"


def test_a_folder_that_is_not_a_site_is_refused_unless_forced(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes")
    with pytest.raises(NotOurs) as refused:
        write_site(folder, files("1"))
    assert refused.value.msg.code == "not_a_site"
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]  # nothing written
    write_site(folder, files("1"), force=True)
    assert (folder / "notes.txt").read_text() == "my notes"  # never removed: not listed
    assert (folder / "zh/index.html").exists()


def test_a_file_is_refused_too(tmp_path):
    path = tmp_path / "site"
    path.write_text("a file")
    with pytest.raises(NotOurs):
        write_site(path, files("1"))


def test_building_again_replaces_the_sites_files_and_removes_what_it_no_longer_has(tmp_path):
    folder = tmp_path / "site"
    write_site(folder, {**files("1"), "zh/old/gone.html": b"old"})
    (folder / "extra.txt").write_text("a reader's file")
    write_site(folder, files("2"))
    assert (folder / "index.html").read_bytes().endswith(b"2")
    assert not (folder / "zh/old").exists()  # the stale file and its empty folder
    assert (folder / "extra.txt").read_text() == "a reader's file"
    assert json.loads((folder / SITE_MARKER).read_text())["files"] == sorted(files("2"))


def test_a_file_of_someone_else_inside_the_site_is_not_replaced(tmp_path):
    folder = tmp_path / "site"
    write_site(folder, files("1"))
    (folder / "downloads/mine.csv").write_text("mine")
    with pytest.raises(NotOurs):
        write_site(folder, {**files("2"), "downloads/mine.csv": b"x"})
    assert (folder / "downloads/mine.csv").read_text() == "mine"
    assert (folder / "index.html").read_bytes().endswith(b"1")  # a refusal changes nothing


def test_a_linked_folder_inside_the_site_is_refused(tmp_path):
    folder, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_site(folder, files("1"))
    (folder / "downloads/targets.csv").unlink()
    (folder / "downloads").rmdir()
    (folder / "downloads").symlink_to(elsewhere)
    with pytest.raises(NotOurs):
        write_site(folder, files("2"))
    assert list(elsewhere.iterdir()) == []


def test_a_marker_cannot_make_plancli_touch_files_outside_the_site(tmp_path):
    folder = tmp_path / "site"
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    write_site(folder, files("1"))
    marker = folder / SITE_MARKER
    body = json.loads(marker.read_text())
    body["files"] += ["../precious.txt", "/etc/hostname", 7]
    marker.write_text(json.dumps(body))
    write_site(folder, files("2"))
    assert outside.read_text() == "keep me"


def test_names_that_leave_the_site_are_a_bug(tmp_path):
    for name in ("../x.html", "/abs.html", SITE_MARKER):
        with pytest.raises(ValueError):
            write_site(tmp_path / "site", {name: b"x"})


def test_a_failed_write_leaves_no_folder_behind(tmp_path, monkeypatch):
    real = safewrite._stage
    staged = []

    def fail(path, data, *, sync):
        if len(staged) == 2:
            raise safewrite.WriteError("cannot_write_file", path=str(path), reason="disk full")
        staged.append(real(path, data, sync=sync))
        return staged[-1]

    monkeypatch.setattr(safewrite, "_stage", fail)
    with pytest.raises(safewrite.WriteError):
        write_site(tmp_path / "new", files("1"))
    assert staged and not any(tmp.exists() for tmp in staged)  # no temporary file left
    assert not (tmp_path / "new").exists()  # nor the folder made for it


def test_a_failed_write_into_a_site_leaves_it_plancli_s(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    write_site(folder, files("1"))

    real = safewrite._stage

    def fail(path, data, *, sync):
        if path.name == "new.html":
            raise safewrite.WriteError("cannot_write_file", path=str(path), reason="disk full")
        return real(path, data, sync=sync)

    monkeypatch.setattr(safewrite, "_stage", fail)
    with pytest.raises(safewrite.WriteError):
        write_site(folder, {**files("2"), "new.html": b"x"})
    assert (folder / "index.html").read_bytes().endswith(b"1")  # nothing renamed yet
    monkeypatch.undo()
    # the marker lists whatever the failed build may have left, so the next build may replace it
    assert "new.html" in json.loads((folder / SITE_MARKER).read_text())["files"]
    write_site(folder, files("3"))
    assert (folder / "index.html").read_bytes().endswith(b"3")


@pytest.fixture
def small_disk(small_disk_of):
    """A 512 KiB file system of its own (root only)."""
    return small_disk_of("512k")


def test_a_database_too_large_for_the_disk_is_exit_74_and_leaves_nothing(run, small_disk):
    out = small_disk / "plan.sqlite"
    r = run("--lang", "en", "sqlite", str(out))
    assert r.exit_code == 74, r.output
    assert r.stderr.startswith(f"plancli: error: cannot write {out}: No space left on device")
    assert list(small_disk.iterdir()) == []


def test_a_site_too_large_for_the_disk_is_exit_74_and_leaves_nothing(run, small_disk):
    site = small_disk / "site"
    r = run("--lang", "en", "site", str(site))
    assert r.exit_code == 74, r.output
    assert "No space left on device" in r.stderr and "Traceback" not in r.output
    assert list(small_disk.iterdir()) == []  # not even the folder made for it
