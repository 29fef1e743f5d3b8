"""`plancli sqlite`: the plan as a database, opened with the standard sqlite3 module and asked
real questions; and, where Datasette is installed, served on 127.0.0.1 and read as JSON."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import small_plan
from plancli.loading.safewrite import APPLICATION_ID

# Two actual values that put a chapter-13 target behind its path in 2023: 85% in 2020 (its
# baseline, as no baseline is stated) and 86% in 2023, when the path to 93% is at 89.8%.
MINE = (
    "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
    "contaminated_farmland_safe_use_rate,2020,85,%,全市,a test,,\n"
    "contaminated_farmland_safe_use_rate,2023,86,%,全市,a test,,\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """The shipped plan with the test's two actuals, statuses for 2023."""
    from typer.testing import CliRunner

    from plancli.cli import app

    folder = tmp_path_factory.mktemp("db")
    mine = folder / "mine.csv"
    mine.write_text(MINE, encoding="utf-8")
    path = folder / "plan.sqlite"
    r = CliRunner().invoke(
        app, ["--actuals", str(mine), "--lang", "en", "sqlite", str(path), "--year", "2023"]
    )
    assert r.exit_code == 0, r.output
    said = " ".join(r.stdout.split())
    assert said == f"wrote {path}: 11 tables, 230 targets with their status in 2023"
    return path


@pytest.fixture
def sql(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_targets_behind_in_chapter_13(sql):
    rows = sql.execute(
        """SELECT t.target_id, s.actual, s.path_value, s.status
           FROM targets t JOIN target_status s USING (target_id)
           WHERE t.chapter = '13' AND s.status = 'behind'"""
    ).fetchall()
    assert rows == [
        ("contaminated_farmland_safe_use_rate@2025", 86.0, pytest.approx(89.8), "behind")
    ]
    assert sql.execute("SELECT status_year, status_year_defaulted FROM plan").fetchone() == (
        2023,
        0,
    )


def test_tasks_matching_数字经济_through_full_text_search(sql):
    found = [
        task
        for (task,) in sql.execute(
            """SELECT t.task FROM tasks_fts JOIN tasks t ON t.rowid = tasks_fts.rowid
               WHERE tasks_fts MATCH '数字经济' ORDER BY t.position"""
        )
    ]
    with_like = [
        task
        for (task,) in sql.execute(
            "SELECT task FROM tasks WHERE paragraph_zh LIKE '%数字经济%' OR title_zh LIKE "
            "'%数字经济%' ORDER BY position"
        )
    ]
    assert found == with_like and len(found) >= 5  # the trigram index finds every one
    english = sql.execute(
        "SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH '\"digital economy\"'"
    ).fetchone()[0]
    assert english >= 5


def test_the_schema_holds_its_keys(sql):
    assert sql.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    sql.execute("PRAGMA foreign_keys = ON")
    assert sql.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {
        (table, ref)
        for (table,) in sql.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for ref in [r[2] for r in sql.execute(f"PRAGMA foreign_key_list('{table}')")]
    }
    assert {
        ("targets", "indicators"),
        ("targets", "tasks"),
        ("target_paragraphs", "targets"),
        ("target_paragraphs", "tasks"),
        ("target_status", "targets"),
        ("sections", "chapters"),
        ("actuals", "indicators"),
        ("baselines", "indicators"),
    } <= fks
    counts = {
        t: sql.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("chapters", "sections", "tasks", "indicators", "targets", "target_status")
    }
    assert counts == {
        "chapters": 18,
        "sections": 70,
        "tasks": 246,
        "indicators": 228,
        "targets": 230,
        "target_status": 230,
    }


def test_a_target_stated_in_several_paragraphs_has_a_row_for_each(sql):
    rows = sql.execute(
        "SELECT task, quote FROM target_paragraphs WHERE target_id = 'new_talent@2025' "
        "ORDER BY task"
    ).fetchall()
    assert len(rows) >= 2 and len({task for task, _ in rows}) == len(rows)
    for task, quote in rows:  # each quote stands in the paragraph it is linked to
        (para,) = sql.execute("SELECT paragraph_zh FROM tasks WHERE task = ?", (task,)).fetchone()
        assert quote in para


def test_both_languages_and_the_sources_of_actuals(sql):
    row = sql.execute(
        "SELECT title_zh, title_en, paragraph_zh, paragraph_en FROM tasks WHERE task = '1.4.7'"
    ).fetchone()
    assert row[0] == "民生福祉大幅跃升" and row[1] and "城乡居民收入比" in row[2]
    assert "life expectancy" in row[3]
    user = sql.execute(
        "SELECT value, origin, source_title FROM actuals "
        "WHERE indicator = 'contaminated_farmland_safe_use_rate' ORDER BY year"
    ).fetchall()
    assert user == [(85.0, "user", "a test"), (86.0, "user", "a test")]
    secondary = sql.execute(
        "SELECT count(*) FROM actuals WHERE source_primary = 0 AND source_url LIKE 'http%'"
    ).fetchone()[0]
    assert secondary > 0
    assert sql.execute("SELECT count(*) FROM exclusions").fetchone()[0] > 0


def test_the_database_is_the_same_in_both_languages(run, tmp_path):
    zh, en = tmp_path / "zh.sqlite", tmp_path / "en.sqlite"
    assert run("sqlite", str(zh), "--year", "2024").exit_code == 0
    assert run("--lang", "en", "sqlite", str(en), "--year", "2024").exit_code == 0
    assert zh.read_bytes() == en.read_bytes()


def test_a_file_plancli_did_not_write_is_kept(run, tmp_path):
    path = tmp_path / "mine.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE precious (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    r = run("--lang", "en", "sqlite", str(path))
    assert r.exit_code == 2 and "--force" in r.stderr and path.read_bytes() == before
    assert run("sqlite", str(path), "--force").exit_code == 0
    assert run("sqlite", str(path)).exit_code == 0  # its own now


def test_another_plan(run, tmp_path):
    data = small_plan.make(tmp_path / "small")
    path = tmp_path / "small.sqlite"
    assert run("--data", str(data), "sqlite", str(path)).exit_code == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name_en FROM plan").fetchone() == (
        "Small <Town> Development Plan & Vision",
    )
    assert conn.execute("SELECT target_id FROM targets ORDER BY 1").fetchall() == [
        ("digital_share@2025",),
        ("town_gdp@2025",),
    ]
    conn.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_datasette_serves_the_database(db):
    pytest.importorskip("datasette", reason="Datasette is not installed (pip install datasette)")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}/plan"
        deadline = time.monotonic() + 60
        while True:
            try:
                rows = _get(f"{base}/targets.json?_shape=array&chapter=13&_size=100")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(server.stderr.read() if server.stderr else "") from None
                time.sleep(0.3)
        assert isinstance(rows, list) and len(rows) == 9
        assert {r["target_id"] for r in rows} >= {"pm25@2025"}
        # Datasette finds the full-text index of tasks by itself
        query = urllib.parse.quote("数字经济")
        found = _get(f"{base}/tasks.json?_shape=array&_search={query}&_size=100")
        assert isinstance(found, list) and len(found) >= 5
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_target_s_status_is_judged_on_the_figure_it_compares(run, tmp_path):
    """A five-year total sums the yearly flows; a change subtracts its base year's value: the
    database holds that figure, what it is made of, and what each target compares."""
    mine = tmp_path / "jobs.csv"
    mine.write_text(
        "indicator,year,value,unit\n"
        "urban_new_jobs,2021,12,万人\nurban_new_jobs,2022,11,万人\n"
        "urban_new_jobs,2024,10.5,万人\n",
        encoding="utf-8",
    )
    path = tmp_path / "plan.sqlite"
    r = run("--actuals", str(mine), "sqlite", str(path), "--year", "2024")
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            """SELECT t.target_id, t.compares, i.series, s.actual, s.actual_parts,
                      s.actual_missing_years
               FROM targets t JOIN target_status s USING (target_id)
               JOIN indicators i USING (indicator)
               WHERE t.indicator = 'urban_new_jobs' ORDER BY t.target_id"""
        ).fetchall()
        assert rows == [
            ("urban_new_jobs@2025", "sum", "flow", 33.5, 3, "2023"),
            ("urban_new_jobs@2025.yearly", "single_year", "flow", 10.5, 1, None),
        ]
        change = conn.execute(
            "SELECT s.actual, s.actual_base, s.actual_base_year FROM target_status s "
            "WHERE target_id = 'rural_disposable_income_per_capita@2025'"
        ).fetchone()
        assert change == (6054.0, 32428.0, 2020)  # 38,482 in 2022, less 2020's 32,428
        # the areas in both languages
        assert conn.execute(
            "SELECT scope, scope_en FROM targets WHERE target_id = 'gdp@2025.east_new_area'"
        ).fetchone() == ("温州东部新区", "Wenzhou East New Area")
        assert conn.execute(
            "SELECT DISTINCT scope_en FROM actuals WHERE scope = '全市(上半年)'"
        ).fetchall() == [("whole city (January–June)",)]
    finally:
        conn.close()
