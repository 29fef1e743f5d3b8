"""The plan as one SQLite database (`plancli sqlite`, and the site's download), for Datasette and
any SQL tool. Built from the same records every other format prints (results.publication), in
both languages, like JSON and CSV; the schema is docs/publishing.md's.

The standard library's sqlite3, not sqlite-utils: the schema is small and fixed and is the
contract (explicit CREATE TABLE statements with their primary and foreign keys, checked by
SQLite), the FTS5 table needs its own declaration either way, and `plancli sqlite` then works in
any install, with no extra. The database is built in memory and written in one piece through
the safe writer (safewrite.write_data): its header's application id says plancli wrote it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from plancli import __version__
from plancli.loading.safewrite import APPLICATION_ID, MARK
from plancli.model.problems import UsageError
from plancli.query.browse import section_of
from plancli.report.catalogue import render
from plancli.report.records import NOTE_SEPARATOR
from plancli.results.publication import Publication, paragraphs

SCHEMA_VERSION = 2  # PRAGMA user_version: raised when a table changes

SCHEMA = """
CREATE TABLE plan (
    plan_id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
    short_name_zh TEXT NOT NULL, short_name_en TEXT NOT NULL,
    issuer_zh TEXT NOT NULL, issuer_en TEXT NOT NULL,
    base_year INTEGER NOT NULL, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL,
    horizon_years TEXT NOT NULL,
    translation_en_official INTEGER, translation_en_note TEXT,
    status_year INTEGER NOT NULL, status_year_defaulted INTEGER NOT NULL,
    written_by TEXT NOT NULL
);
CREATE TABLE chapters (
    chapter TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
    heading TEXT NOT NULL
);
CREATE TABLE sections (
    section TEXT PRIMARY KEY,
    chapter TEXT NOT NULL REFERENCES chapters (chapter),
    title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
    heading TEXT NOT NULL
);
CREATE TABLE tasks (
    task TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    chapter TEXT REFERENCES chapters (chapter),
    section TEXT REFERENCES sections (section),
    title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
    lead INTEGER NOT NULL,
    line INTEGER,
    paragraph_zh TEXT, paragraph_en TEXT
);
CREATE TABLE indicators (
    indicator TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
    unit TEXT NOT NULL,
    series TEXT NOT NULL CHECK (series IN ('flow', 'running_total', 'level')),
    aliases TEXT NOT NULL,
    note TEXT
);
CREATE TABLE targets (
    target_id TEXT PRIMARY KEY,
    indicator TEXT NOT NULL REFERENCES indicators (indicator),
    year INTEGER NOT NULL,
    comparator TEXT NOT NULL CHECK (comparator IN ('at_least', 'at_most', 'around')),
    value REAL,
    relative_base_year INTEGER, relative_factor REAL, relative_percent REAL,
    relative_amount REAL,
    unit TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    compares TEXT NOT NULL
        CHECK (compares IN ('single_year', 'sum', 'average', 'level', 'change')),
    direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    every_year INTEGER NOT NULL, maintain INTEGER NOT NULL, aspirational INTEGER NOT NULL,
    implied_by_name INTEGER NOT NULL, value_in_words INTEGER NOT NULL,
    qualifier TEXT, year_stated INTEGER NOT NULL,
    scope TEXT NOT NULL, scope_en TEXT,
    chapter TEXT NOT NULL REFERENCES chapters (chapter),
    section TEXT REFERENCES sections (section),
    task TEXT NOT NULL REFERENCES tasks (task),
    note TEXT
);
CREATE TABLE target_paragraphs (
    target_id TEXT NOT NULL REFERENCES targets (target_id),
    task TEXT NOT NULL REFERENCES tasks (task),
    quote TEXT NOT NULL,
    PRIMARY KEY (target_id, task, quote)
);
CREATE TABLE target_status (
    target_id TEXT PRIMARY KEY REFERENCES targets (target_id),
    as_of INTEGER NOT NULL,
    status TEXT NOT NULL,
    score REAL, score_method TEXT,
    baseline REAL, baseline_year INTEGER, baseline_origin TEXT,
    actual REAL, actual_year INTEGER, actual_scope TEXT, actual_origin TEXT,
    actual_source_title TEXT, actual_source_url TEXT, actual_source_primary INTEGER,
    actual_parts INTEGER NOT NULL, actual_missing_years TEXT,
    actual_base REAL, actual_base_year INTEGER,
    path_value REAL, progress_ratio REAL, met INTEGER,
    gap REAL, gap_pct REAL, years_left INTEGER,
    required_annual_growth_pct REAL, required_annual_change REAL,
    notes_code TEXT NOT NULL, notes_zh TEXT NOT NULL, notes_en TEXT NOT NULL
);
CREATE TABLE baselines (
    baseline_id INTEGER PRIMARY KEY,
    indicator TEXT NOT NULL REFERENCES indicators (indicator),
    year INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, text TEXT NOT NULL,
    year_stated INTEGER NOT NULL, scope TEXT NOT NULL, scope_en TEXT,
    task TEXT NOT NULL REFERENCES tasks (task),
    quote TEXT NOT NULL, note TEXT
);
CREATE TABLE actuals (
    actual_id INTEGER PRIMARY KEY,
    indicator TEXT NOT NULL REFERENCES indicators (indicator),
    year INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
    scope TEXT NOT NULL, scope_en TEXT,
    origin TEXT NOT NULL,
    source_title TEXT NOT NULL, source_url TEXT, source_quote TEXT,
    source_primary INTEGER NOT NULL,
    note TEXT
);
CREATE TABLE exclusions (
    exclusion_id INTEGER PRIMARY KEY,
    context TEXT NOT NULL, reason TEXT NOT NULL, ledger TEXT NOT NULL
);
CREATE INDEX targets_indicator ON targets (indicator);
CREATE INDEX targets_chapter ON targets (chapter);
CREATE INDEX target_paragraphs_task ON target_paragraphs (task);
CREATE INDEX actuals_indicator ON actuals (indicator, year);
CREATE INDEX baselines_indicator ON baselines (indicator);
CREATE INDEX tasks_chapter ON tasks (chapter);
CREATE VIRTUAL TABLE tasks_fts USING fts5 (
    title_zh, title_en, paragraph_zh, paragraph_en,
    content = 'tasks', content_rowid = 'rowid', tokenize = 'trigram'
);
"""

TABLES = (
    "plan", "chapters", "sections", "tasks", "indicators", "targets", "target_paragraphs",
    "target_status", "baselines", "actuals", "exclusions",
)  # fmt: skip


def database(pub: Publication) -> bytes:
    """The database's file, as bytes."""
    _require_trigram()
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript(SCHEMA)
        with conn:
            _fill(conn, pub)
            conn.execute("INSERT INTO tasks_fts (tasks_fts) VALUES ('rebuild')")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # the results reference what they hold: a bug if not
            raise AssertionError(f"foreign keys broken: {problems[:5]}")
        conn.execute("VACUUM")
        return conn.serialize()
    finally:
        conn.close()


def _require_trigram() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'trigram')")
    except sqlite3.OperationalError:
        raise UsageError("no_fts5", version=sqlite3.sqlite_version, tokenizer="trigram") from None
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, table: str, rows: Iterable[Sequence[Any]]) -> None:
    rows = list(rows)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _fill(conn: sqlite3.Connection, pub: Publication) -> None:
    p, card = pub.plan, pub.scorecard
    _insert(conn, "plan", [(
        p.plan_id, p.name_zh, p.name_en, p.short_name_zh, p.short_name_en, p.issuer_zh,
        p.issuer_en, p.base_year, p.period_start, p.period_end,
        ", ".join(str(y) for y in p.horizon_years), _flag(p.translation_en_official),
        p.translation_en_note, card.year, int(card.year_defaulted),
        f"{MARK} {__version__} (plancli sqlite)",
    )])  # fmt: skip
    _insert(conn, "chapters", [
        (c.chapter, n, c.title_zh, c.title_en, c.heading) for n, c in enumerate(pub.chapters, 1)
    ])  # fmt: skip
    _insert(conn, "sections", [
        (s.section, c.chapter, s.title_zh, s.title_en, s.heading)
        for c in pub.chapters for s in c.sections
    ])  # fmt: skip
    _insert(conn, "tasks", [
        (t.detail.task.task, n, t.detail.task.chapter, t.detail.task.section,
         t.detail.task.title_zh, t.detail.task.title_en, int(t.detail.task.lead), t.detail.line,
         *paragraphs(t))
        for n, t in enumerate(pub.tasks, 1)
    ])  # fmt: skip
    _insert(conn, "indicators", [
        (i.indicator, i.name_zh, i.name_en, i.unit, str(i.series), "; ".join(i.aliases), i.note)
        for i in pub.indicators
    ])  # fmt: skip
    sections = {s.section for c in pub.chapters for s in c.sections}
    _insert(conn, "targets", [
        (t.target_id, t.indicator, t.year, str(t.comparator), t.value, t.relative_base_year,
         t.relative_factor, t.relative_percent, t.relative_amount, t.unit, t.text, str(t.kind),
         str(t.compares), str(t.direction), int(t.every_year), int(t.maintain),
         int(t.aspirational), int(t.implied_by_name), int(t.value_in_words), t.qualifier,
         int(t.year_stated), t.scope, t.scope_en, t.chapter,
         section_of(t.task) if section_of(t.task) in sections else None, t.task, t.note)
        for t in pub.targets.targets
    ])  # fmt: skip
    _insert(conn, "target_paragraphs", [(s.target_id, s.task, s.quote) for s in pub.statements])
    _insert(conn, "target_status", [_status_row(row) for row in card.targets])
    _insert(conn, "baselines", [
        (None, b.indicator, b.year, b.value, b.unit, b.text, int(b.year_stated), b.scope,
         b.scope_en, b.task, b.quote, b.note)
        for i in pub.indicators for b in i.baselines
    ])  # fmt: skip
    _insert(conn, "actuals", [
        (None, a.indicator, a.year, a.value, a.unit, a.scope, a.scope_en, a.origin,
         a.source_title, a.source_url, a.source_quote, int(a.source_primary), a.note)
        for i in pub.indicators for a in i.actuals
    ])  # fmt: skip
    _insert(conn, "exclusions", [(None, *e) for e in pub.exclusions])


def _status_row(row: Any) -> tuple[Any, ...]:
    j = row.judgement
    notes = j.notes
    return (
        j.target_id, j.as_of, str(j.status), row.score, row.score_method,
        j.baseline, j.baseline_year, j.baseline_origin,
        j.actual, j.actual_year, j.actual_scope, j.actual_origin,
        j.actual_source_title, j.actual_source_url, _flag(j.actual_source_primary),
        len(j.actual_parts), ", ".join(str(y) for y in j.actual_missing_years) or None,
        j.actual_base, j.actual_base_year,
        j.path_value, j.progress_ratio, _flag(j.met), j.gap, j.gap_pct, j.years_left,
        j.required_annual_growth_pct, j.required_annual_change,
        NOTE_SEPARATOR.join(m.code for m in notes),
        NOTE_SEPARATOR.join(render(m, "zh") for m in notes),
        NOTE_SEPARATOR.join(render(m, "en") for m in notes),
    )  # fmt: skip
