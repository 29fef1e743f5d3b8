"""The README and docs show real output, and document every command."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("refresh_docs", ROOT / "tools" / "refresh_docs.py")
refresh_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(refresh_docs)

EXAMPLES = [
    (path.name, args, plant, out)
    for path in refresh_docs.doc_files()
    for args, plant, out in refresh_docs.examples(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(
    ("doc", "args", "plant", "shown"),
    EXAMPLES,
    ids=[f"{d}: {a}" + (f" ({p})" if p else "") for d, a, p, _ in EXAMPLES],
)
def test_examples_show_real_output(doc, args, plant, shown):
    assert refresh_docs.run(args, plant) == shown, f"run `python tools/refresh_docs.py` ({doc})"


def test_checking_and_methods_examples_are_real_output():
    """The examples of docs/checking.md (on planted mistakes) and docs/methods.md are console
    blocks that refresh_docs re-runs, not text written by hand."""
    checking = (ROOT / "docs" / "checking.md").read_text(encoding="utf-8")
    planted = [e for e in refresh_docs.examples(checking) if e[1]]
    formats = {a.replace("--lang en ", "") for a, _, _ in planted}
    assert formats >= {"check", "check --format json", "check --format github"}
    methods = (ROOT / "docs" / "methods.md").read_text(encoding="utf-8")
    assert any("--format json" in a for a, _, _ in refresh_docs.examples(methods))
    assert "```json" not in methods and "```text\n$ plancli" not in checking


def test_the_layout_table_is_the_pages():
    text = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    assert refresh_docs.LAYOUT.search(text)[0] == refresh_docs.layout_table()


def test_every_command_is_documented_in_the_readme():
    from plancli.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = list(COMMANDS)
    missing = [
        name for name in commands if f"plancli {name}" not in readme and f"`{name}`" not in readme
    ]
    assert missing == []


def test_the_notes_table_is_the_catalogues():
    text = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    assert refresh_docs.NOTES.search(text)[0] == refresh_docs.notes_table()


def _sections(text: str) -> dict[str, str]:
    """docs/output.md's record sections by the class named in their heading."""
    parts = re.split(r"^### .*\(`(\w+)`\)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _keys(cls) -> list[str]:
    from plancli.report.records import inlined, page_only

    own, hidden = inlined(cls), page_only(cls)  # page-only fields are not machine output
    keys = []
    for name in cls._fields:
        keys += [] if name in own or name in hidden else [name]
    return keys


def test_every_record_and_its_keys_are_documented():
    from plancli.results import (
        actuals,
        check,
        growth,
        judgement,
        reading,
        scorecard,
        search,
        targets,
    )
    from plancli.results import trajectory as traj

    printed = [
        judgement.TargetJudgement,
        judgement.ActualPart,
        actuals.NeededRow,
        actuals.SheetRow,
        growth.GrowthRow,
        growth.StatedRateRow,
        traj.TrajectoryRecord,
        traj.PointRow,
        traj.PathCsvRow,
        scorecard.ScorecardResult,
        scorecard.SummaryRecord,
        scorecard.ChapterScoreRow,
        scorecard.TargetScoreRow,
        reading.ChapterRow,
        reading.ChapterResult,
        reading.SectionRecord,
        reading.StructureRow,
        reading.TaskRow,
        reading.TaskDetailRow,
        targets.TargetRow,
        targets.StatementRow,
        targets.IndicatorResult,
        targets.BaselineRow,
        targets.ActualRow,
        targets.FactRow,
        search.HitRow,
        check.CheckResult,
        check.CheckSummary,
        check.ProblemRow,
    ]
    sections = _sections((ROOT / "docs" / "output.md").read_text(encoding="utf-8"))
    # The task in full is documented as one record: its detail, then its targets and spans.
    sections["TaskDetailRow"] = sections["TaskResult"]
    for cls in printed:
        assert cls.__name__ in sections, f"docs/output.md has no section for {cls.__name__}"
        missing = [k for k in _keys(cls) if f"`{k}`" not in sections[cls.__name__]]
        assert missing == [], (cls.__name__, missing)


def test_the_conventions_page_is_there_and_true():
    """docs/conventions.md (which data/targets.yaml and vocab.py point to) says what the code
    does: the status words, the outline's words of each comparator, every kind."""
    from plancli.model.vocab import COMPARATOR_WORDS, Comparator, Kind, Status
    from plancli.report.catalogue import CATALOGUE

    page = (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8")
    for status in Status:
        en, zh = CATALOGUE[f"status.{status}"]
        assert f"| `{status}` | {en} | {zh} |" in page, status
    for code in Comparator:
        (row,) = [line for line in page.splitlines() if line.startswith(f"| `{code}` |")]
        words = [w for w, c in COMPARATOR_WORDS.items() if c == code]
        assert words and all(w in row for w in words), code
        assert CATALOGUE[f"comparator.{code}"][1] in row
    for kind in Kind:
        assert f"`{kind}`" in page, kind
    for path in (ROOT / "data" / "targets.yaml", ROOT / "src" / "plancli" / "model" / "vocab.py"):
        assert "docs/conventions.md" in path.read_text(encoding="utf-8")[:1500], path
