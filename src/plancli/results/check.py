"""What `check` found, as records: the counts read, and every problem with where it is."""

from __future__ import annotations

from pathlib import Path

from plancli.loading.files import FILE_NAMES
from plancli.model.msg import Msg
from plancli.model.plan import Plan
from plancli.model.problems import Problem, full_message, problem_line
from plancli.model.record import Record
from plancli.results import Rows


class CheckSummary(Record):
    chapters: int
    sections: int
    tasks: int
    indicators: int
    targets: int
    baselines: int
    actuals: int


class ProblemRow(Record):
    file: str  # as a user can open it: relative to the working directory where it is below it
    line: int
    column: int
    id: str | None
    rule: str  # the problem's code
    message: Msg  # JSON: `message` in English and `message_zh`
    level: str  # error, or warning (reported, but the data is still valid)

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def line_msg(self) -> Msg:
        """The text format's line: `FILE:LINE:COL: [error] id: message (rule)`."""
        p = Problem(self.file, self.rule, self.message, self.line, self.column, self.id,
                    level=self.level)  # fmt: skip
        return problem_line(p)


class CheckResult(Record):
    summary: CheckSummary
    problems: tuple[ProblemRow, ...]  # the errors, and the warnings unless --no-warnings

    def document(self) -> CheckResult:
        return self

    def rows(self) -> Rows:
        return Rows(ProblemRow, self.problems)

    @property
    def errors(self) -> list[ProblemRow]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> int:
        return len(self.problems) - len(self.errors)


def summary_counts(plan: Plan | None) -> CheckSummary:
    if plan is None:
        return CheckSummary(0, 0, 0, 0, 0, 0, 0)
    return CheckSummary(
        chapters=len(plan.chapters),
        sections=len(plan.section_by_id),
        tasks=len(plan.task_places),
        indicators=len(plan.indicators),
        targets=len(plan.target_by_id),
        baselines=len(plan.baselines),
        actuals=len(plan.all_actuals),
    )


def check_result(
    root: Path, plan: Plan | None, problems: list[Problem], *, warnings: bool = True
) -> CheckResult:
    """What check reports: every error, and every warning unless warnings=False."""
    rows = tuple(
        ProblemRow(
            display_path(root, p.file), p.line or 1, p.column or 1, p.id, p.rule,
            full_message(p), p.level,
        )
        for p in problems
        if warnings or p.is_error
    )  # fmt: skip
    return CheckResult(summary_counts(plan), rows)


def display_path(root: Path, file: str) -> str:
    """The path as a user can open it: a plan file relative to where plancli runs when it is
    below it, else in full; a user's --actuals file as given."""
    if file not in FILE_NAMES:
        return file
    full = root / file
    try:
        return str(full.resolve().relative_to(Path.cwd().resolve()))
    # Not below the working directory, gone, or a symbolic link to itself (RuntimeError).
    except (ValueError, OSError, RuntimeError):
        return str(full)
