"""The layout rule in every width a user reads plancli in: every command × 60, 80, 100 and 120
columns × Chinese and English, on the shipped data (docs/output.md, "Tables in a narrow
terminal").

What holds everywhere: the command succeeds; no line is wider than the terminal (measured in
terminal cells: a Chinese character takes two); every row's identity (a target id, a year, a
chapter or task number) stands whole on one line; no number or status word is cut with "…";
and every status a result has is printed whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from plancli.cli import COMMANDS
from plancli.model.vocab import Status
from plancli.report.catalogue import text
from plancli.report.page import Column
from plancli.report.table import CHART_LEAST, GAP, PROSE_LEAST, fit

WIDTHS = (60, 80, 100, 120)
LANGS = ("zh", "en")
TODAY = {"PLANCLI_TODAY": "2026-06-30"}  # the default year is 2025 whenever the tests run


def target_ids(doc: Any) -> list[str]:
    return [t["target_id"] for t in doc]


def after_at(doc: Any) -> list[str]:
    return [t["target_id"].split("@", 1)[1] for t in doc]


def trajectory_years(doc: Any) -> list[str]:
    return [str(p["year"]) for t in doc for p in t["points"]]


def score_ids(doc: Any) -> list[str]:
    return [t["target_id"] for t in doc["targets"]] + [c["chapter"] for c in doc["chapters"]]


def chapter_ids(doc: Any) -> list[str]:
    tasks = [t["task"] for t in doc["introduction"]]
    tasks += [t["task"] for s in doc["sections"] for t in s["tasks"]]
    return tasks + [t["target_id"] for t in doc["targets"]]


def show_ids(doc: Any) -> list[str]:
    years = [str(r["year"]) for r in (*doc["baselines"], *doc["actuals"])]
    return [t["target_id"] for t in doc["targets"]] + years


def search_ids(doc: Any) -> list[str]:
    return [h["id"] for h in doc if h["kind"] != "paragraph" and h["id"]]


def nothing(doc: Any) -> list[str]:
    return []


# Each command with real arguments, and the identities its output must show whole (read from
# its JSON, which is the same in every language). A command added to the registry must be
# added here (test_every_command_is_in_the_matrix).
MATRIX: dict[str, list[tuple[tuple[str, ...], Callable[[Any], list[str]] | None]]] = {
    "gap": [
        (("gap", "gdp"), after_at),
        (("gap", "gdp", "--actual", "8000", "--year", "2023"), after_at),
        (("gap", "urban_rural_income_ratio"), after_at),
    ],
    "growth": [(("growth", "gdp"), after_at), (("growth", "urbanization_rate"), after_at)],
    "trajectory": [
        (("trajectory", "urbanization_rate"), trajectory_years),
        (("trajectory", "gdp_per_capita"), trajectory_years),
    ],
    "score": [(("score",), score_ids), (("score", "--chapter", "1"), score_ids)],
    "review": [(("review",), None)],
    "chapters": [(("chapters",), lambda doc: [c["chapter"] for c in doc])],
    "chapter": [(("chapter", "1"), chapter_ids), (("chapter", "3"), chapter_ids)],
    "tasks": [(("tasks",), lambda doc: [t["task"] for t in doc])],
    "task": [(("task", "1.4.2"), lambda doc: doc["target_ids"])],
    "targets": [(("targets",), target_ids), (("targets", "--chapter", "1"), target_ids)],
    "show": [(("show", "gdp"), show_ids), (("show", "urbanization_rate"), show_ids)],
    "search": [(("search", "研发"), search_ids), (("search", "income"), search_ids)],
    "actuals": [
        (("actuals", "--indicator", "gdp"), lambda doc: [r["indicator"] for r in doc]),
        (("actuals", "--missing"), lambda doc: [r["indicator"] for r in doc]),
    ],
    "chart": [(("chart", "gdp"), None), (("chart", "urbanization_rate"), None)],
    "check": [(("check",), None)],
    "schema": [(("schema",), None)],
}
# The commands that write files say what they wrote in a line or two: test_what_a_writer_says.
WRITERS = ("site", "sqlite")
CASES = [
    (args, ids, width, lang)
    for runs in MATRIX.values()
    for args, ids in runs
    for width in WIDTHS
    for lang in LANGS
]
# Output that is not wrapped to the terminal: check's problem lines (tools parse them), schema's
# list and review's Markdown.
UNWRAPPED = ("check", "schema", "review")
STATUS_SHOWN = ("gap", "score")  # the commands whose tables have a status column


def test_every_command_is_in_the_matrix():
    assert sorted([*MATRIX, *WRITERS]) == sorted(COMMANDS)


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", LANGS)
def test_what_a_writer_says_fits_the_width(run, tmp_path, width, lang):
    for args in (
        ("sqlite", str(tmp_path / "plan.sqlite"), "--force"),
        ("site", str(tmp_path / "site")),
        ("chart", "gdp", "-o", str(tmp_path / "gdp.svg"), "--force"),
    ):
        result = run(*args, width=width, lang=lang, env=TODAY)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        # wrapped at spaces; only a path longer than the width stands alone, whole
        assert all(cell_len(line) <= width or " " not in line for line in lines), lines
        assert str(tmp_path) in result.stdout


def statuses(lang: str) -> list[str]:
    return [text(f"status.{s}", lang) for s in Status]


def whole(token: str, lines: Iterable[str]) -> bool:
    """token stands on one line, not run into a longer id or number."""
    pattern = re.compile(rf"(?<![\w@.]){re.escape(token)}(?![\w@]|\.\w)")
    return any(pattern.search(line) for line in lines)


def cut(lines: list[str], lang: str) -> list[str]:
    """Lines where "…" cuts a number or a status word."""
    words = statuses(lang)
    found = []
    for line in lines:
        if re.search(r"\d[,.%]?…|…[\d%]", line):
            found.append(line)
        for word in words:  # a status word begun and cut: "on tra…", "进度…"
            prefixes = [re.escape(word[:n]) for n in range(1, len(word))]
            if re.search(rf"(?<!\w)(?:{'|'.join(prefixes)})…", line):
                found.append(line)
    return found


@pytest.fixture(scope="module")
def documents():
    """Each case's JSON, once (it does not depend on the width or the language)."""
    from typer.testing import CliRunner

    from plancli.cli import app

    docs = {}
    for runs in MATRIX.values():
        for args, ids in runs:
            if ids is not None:
                result = CliRunner().invoke(app, [*args, "--format", "json"], env=TODAY)
                assert result.exit_code == 0, result.output
                docs[args] = json.loads(result.stdout)
    return docs


@pytest.mark.parametrize(
    ("args", "ids", "width", "lang"),
    CASES,
    ids=[f"{' '.join(a)}-{w}-{lang}" for a, _, w, lang in CASES],
)
def test_layout_rule(run, documents, args, ids, width, lang):
    result = run(*args, width=width, lang=lang, env=TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines
    if args[0] not in UNWRAPPED:
        wide = [line for line in lines if cell_len(line) > width]
        assert wide == [], f"wider than {width}: {wide[:3]}"
    assert cut(lines, lang) == []
    if ids is None:
        return
    doc = documents[args]
    missing = [i for i in ids(doc) if not whole(i, lines)]
    assert missing == [], f"not shown whole on one line: {missing[:5]}"
    for code in _statuses_of(doc) if args[0] in STATUS_SHOWN else ():
        word = text(f"status.{code}", lang)
        assert whole(word, lines), word


def _statuses_of(doc: Any) -> set[str]:
    rows = doc["targets"] if isinstance(doc, dict) and "overall" in doc else doc
    if not isinstance(rows, list):
        return set()
    return {r["status"] for r in rows if isinstance(r, dict) and "status" in r}


# -- the rule's parts, one by one ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_readme_gap_keeps_its_target_column_at_80(run, lang):
    """The issue's first sight: at 80 columns (a pipe's width) the four targets can be told
    apart, whole, with their statuses whole."""
    r = run("gap", "gdp", "--actual", "8000", "--year", "2023", width=80, lang=lang)
    head = r.stdout.splitlines()
    for shown in ("2025", "2035", "2035.double", "2025.east_new_area"):
        assert any(line.startswith(shown + " ") for line in head), shown
    assert whole(text("status.behind", lang), head) and whole(text("status.on_track", lang), head)


def test_columns_left_out_are_named(run):
    r = run("gap", "gdp", "--actual", "8000", "--year", "2023", width=60, lang="en")
    assert "Not shown at this width: Met, Left, Growth/yr, Change/yr" in " ".join(r.stdout.split())
    wide = run("gap", "gdp", "--actual", "8000", "--year", "2023", width=120, lang="en")
    assert "Not shown" not in wide.stdout and "Change/yr" in wide.stdout


def test_a_table_too_wide_for_its_ids_becomes_blocks(run, plan):
    """`targets` at 60 columns: the longest target id leaves no room for its columns, so each
    target is a block: the id on a line of its own, then one line per column."""
    r = run("--lang", "en", "targets", width=60)
    lines = r.stdout.splitlines()
    longest = max((t.id for _, t in plan.targets), key=len)
    at = lines.index(longest)  # alone on its line
    assert lines[at + 1].startswith("  indicator ")
    assert "─" not in r.stdout  # no table rule: blocks only


def test_charts_take_the_width_left(run):
    def longest_bar(width: int) -> int:
        out = run("trajectory", "urbanization_rate", width=width).stdout
        return max(line.count("█") for line in out.splitlines())

    assert longest_bar(60) < longest_bar(80) < longest_bar(120)


def test_piped_output_is_80_columns(tmp_path):
    """Without a terminal and without COLUMNS, output is laid out for 80 columns."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(NO_COLOR="1", PLANCLI_LANG="en", **TODAY)
    out = subprocess.run(
        [sys.executable, "-m", "plancli", "gap", "gdp", "--actual", "8000", "--year", "2023"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "2025.east_new_area" in out
    wide = subprocess.run(
        [sys.executable, "-m", "plancli", "gap", "gdp", "--actual", "8000", "--year", "2023"],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "150"},
        check=True,
    ).stdout
    assert max(cell_len(line) for line in wide.splitlines()) > 80


# -- the fitting itself, on any columns --------------------------------------------------------

words = st.text(alphabet="ab温州 ,.1", min_size=1, max_size=40)


@st.composite
def tables(draw):
    n = draw(st.integers(1, 7))
    roles = draw(
        st.lists(
            st.sampled_from(["id", "figure", "status", "prose", "chart", "code"]),
            min_size=n,
            max_size=n,
        )
    )
    columns = [
        Column(
            f"h{i}",
            lambda r, i=i: r[i],
            role=role,
            drop=draw(st.integers(0, 4)),
            width=draw(st.integers(5, 40)) if role == "chart" else None,
        )
        for i, role in enumerate(roles)
    ]
    rows = draw(st.lists(st.tuples(*[words] * n), min_size=1, max_size=5))
    return columns, rows, draw(st.integers(20, 160))


@settings(max_examples=300, deadline=None)
@given(tables())
def test_fit_never_cuts_and_never_exceeds(table):
    """Whatever the columns: the layout fits the width; every id, figure, status and code column
    is as wide as its widest cell; prose is never below its least; only columns with a rank are
    left out, lowest rank first; and nothing fits means blocks (None)."""
    columns, rows, width = table
    layout = fit(columns, rows, width)
    if layout is None:
        kept = [c for c in columns if not c.drop]
        assert kept  # only the columns never left out can fail to fit
        return
    assert sum(layout.values()) + GAP * (len(layout) - 1) <= width
    for col, w in layout.items():
        widest = max(cell_len(line) for r in rows for line in col.cell(r).split("\n"))
        if col.kind in ("id", "figure", "status", "code"):
            assert w >= widest
        elif col.kind == "prose":
            assert w >= min(widest, PROSE_LEAST)
        else:
            assert w >= CHART_LEAST
    left_out = [c for c in columns if c not in layout]
    assert all(c.drop for c in left_out)
    if left_out:
        assert max(c.drop for c in left_out) <= min((c.drop for c in layout if c.drop), default=99)


def _as_rich_draws_it(out: Any, rows: Any, layout: Any) -> list:
    """The table as a Rich Table with the reporter's widths and box: what `_table_lines` lays
    out line by line, faster, and must match."""
    from rich import box
    from rich.table import Table as RichTable

    from plancli.report import table as t

    table = RichTable(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, t.GAP - 1, 0, 0)
    )
    for col, width in layout.items():
        table.add_column(
            t._header(col.label, width),
            justify="right" if col.right else "left",
            width=width,
            no_wrap=col.kind != "prose",
            overflow="fold",
        )
    for rec in rows:
        table.add_row(*(t._cell(col, rec, width) for col, width in layout.items()))
    return list(out.render(table))


@pytest.mark.parametrize("width", (44, 60, 80, 100, 120, 160))
@pytest.mark.parametrize("lang", LANGS)
def test_tables_are_the_lines_rich_would_draw(run, monkeypatch, width, lang):
    from plancli.report import table as t

    pages = [
        ("gap", "gdp"),
        ("growth", "gdp"),
        ("score",),
        ("chapter", "2"),
        ("search", "研发"),
        ("actuals", "-i", "gdp"),
    ]
    ours = [run(*args, width=width, lang=lang, env=TODAY).stdout for args in pages]
    monkeypatch.setattr(t, "_table_lines", _as_rich_draws_it)
    assert [run(*a, width=width, lang=lang, env=TODAY).stdout for a in pages] == ours
