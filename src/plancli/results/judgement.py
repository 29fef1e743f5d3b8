"""A target judged against an actual, as a record (`gap`; `growth` and `score` build on it),
carrying everything the judgement used so that a reader can recompute it: the target, the
baseline and what it rests on, the actual and its source, and the plan's path value due."""

from __future__ import annotations

from plancli.maths.actuals import parse_actual
from plancli.maths.judge import Judgement, evaluate_indicator
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import Comparator, Direction, Kind, Status
from plancli.results import Rows
from plancli.results.common import IndicatorRef, indicator_ref


class TargetJudgement(Record):
    # The target
    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    unit: str
    kind: Kind
    scope: str
    year: int  # the target's deadline
    comparator: Comparator
    direction: Direction
    value: float | None  # in the unit; None when a relative target's base is unknown
    text: str  # the target as written: 1万亿元, 翻一番
    as_of: int | None  # the year asked about (--year, or its default)
    # Where the plan's path starts
    baseline: float | None
    baseline_year: int | None
    baseline_origin: str | None  # stated (the plan), actual (a sourced actual), zero (a total)
    baseline_task: str | None  # the paragraph stating it (stated)
    baseline_quote: str | None  # the outline's words (stated), or the source's sentence (actual)
    baseline_source_title: str | None  # (actual)
    baseline_source_url: str | None  # (actual)
    # The actual judged
    actual: float | None  # in the unit
    actual_year: int | None
    actual_scope: str | None
    actual_origin: str | None  # shipped (actuals.yaml), user (--actuals), option (--actual)
    actual_source_title: str | None
    actual_source_url: str | None
    actual_source_quote: str | None
    actual_source_primary: bool | None
    # The judgement
    path_value: float | None  # the value the plan's path has reached by the actual's year
    progress_ratio: float | None  # R = (actual − baseline) / (path value − baseline)
    met: bool | None
    gap: float | None
    gap_pct: float | None
    years_left: int | None
    required_annual_growth_pct: float | None
    required_annual_change: float | None
    status: Status
    notes: tuple[Msg, ...]


def judgement_record(j: Judgement) -> TargetJudgement:
    t, ind, b, a, f = j.target, j.indicator, j.baseline, j.actual, j
    src = a.source if a else None
    bsrc = b.source if b else None
    return TargetJudgement(
        target_id=t.id,
        indicator=ind.id,
        name_zh=ind.name.zh,
        name_en=ind.name.en,
        unit=ind.unit,
        kind=t.kind,
        scope=t.scope,
        year=t.year,
        comparator=t.comparator,
        direction=j.direction,
        value=j.value,
        text=t.text,
        as_of=j.as_of,
        baseline=b.value if b else None,
        baseline_year=b.year if b else None,
        baseline_origin=b.origin if b else None,
        baseline_task=b.task if b else None,
        baseline_quote=b.quote if b else None,
        baseline_source_title=bsrc.title if bsrc else None,
        baseline_source_url=bsrc.url if bsrc else None,
        actual=a.value if a else None,
        actual_year=a.year if a else None,
        actual_scope=a.scope if a else None,
        actual_origin=a.origin if a else None,
        actual_source_title=src.title if src else None,
        actual_source_url=src.url if src else None,
        actual_source_quote=src.quote if src else None,
        actual_source_primary=src.primary if src else (False if a else None),
        path_value=f.path_value,
        progress_ratio=f.progress_ratio,
        met=f.met,
        gap=f.gap,
        gap_pct=f.gap_pct,
        years_left=f.years_left,
        required_annual_growth_pct=f.required_annual_growth_pct,
        required_annual_change=f.required_annual_change,
        status=j.status,
        notes=j.notes,
    )


class Asked(Record):
    """What gap and growth were asked: the indicator, its targets, the year and the actual."""

    indicator: Indicator
    targets: list[Target]
    year: int
    year_defaulted: bool
    given: float | None  # --actual, in the indicator's unit


def ask(
    plan: Plan,
    indicator: Indicator,
    target: Target | None,
    actual: str | None,
    year: int,
    defaulted: bool,
) -> Asked:
    """The targets asked about (only the one named, for a target id) and --actual read."""
    given = parse_actual(indicator, actual) if actual is not None else None
    targets = [target] if target is not None else list(indicator.targets)
    return Asked(indicator, targets, year, defaulted, given)


def judgements(plan: Plan, asked: Asked) -> list[Judgement]:
    return evaluate_indicator(
        plan, asked.indicator, year=asked.year, given=asked.given, targets=asked.targets
    )


class GapResult(Record):
    """`gap`: each target of one indicator judged against an actual."""

    indicator: IndicatorRef
    as_of: int
    year_defaulted: bool
    targets: tuple[TargetJudgement, ...]

    def document(self) -> tuple[TargetJudgement, ...]:
        return self.targets

    def rows(self) -> Rows:
        return Rows(TargetJudgement, self.targets)


def gap_result(plan: Plan, asked: Asked) -> GapResult:
    rows = tuple(judgement_record(j) for j in judgements(plan, asked))
    return GapResult(indicator_ref(asked.indicator), asked.year, asked.year_defaulted, rows)
