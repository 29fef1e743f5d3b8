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
    (path.name, args, out)
    for path in refresh_docs.doc_files()
    for args, out in refresh_docs.examples(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(
    ("doc", "args", "shown"), EXAMPLES, ids=[f"{d}: {a}" for d, a, _ in EXAMPLES]
)
def test_examples_show_real_output(doc, args, shown):
    assert refresh_docs.run(args) == shown, f"run `python tools/refresh_docs.py` ({doc})"


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
