"""The whole plan as records, for what publishes it at once (`site`, `sqlite`): the records the
other commands print (`score`, `chapter`, `task`, `show`, `trajectory`), gathered, not computed
again, plus the plan's own description, where each target is stated, and the exclusions."""

from __future__ import annotations

from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.query.browse import TargetFilter
from plancli.query.statements import statements
from plancli.results.chart import ChartResult, chart_result
from plancli.results.reading import (
    ChapterResult,
    ChaptersResult,
    TaskResult,
    chapter_result,
    chapters_result,
    task_result,
)
from plancli.results.scorecard import ScorecardResult, scorecard_result
from plancli.results.targets import IndicatorResult, TargetsResult, indicator_result
from plancli.results.targets import targets_result as all_targets


class PlanRecord(Record):
    """The plan itself, as plan.yaml describes it."""

    plan_id: str
    name_zh: str
    name_en: str
    short_name_zh: str
    short_name_en: str
    issuer_zh: str
    issuer_en: str
    base_year: int
    period_start: int
    period_end: int
    horizon_years: tuple[int, ...]
    # The English: None where the plan has none; official False for plancli's own translation.
    translation_en_official: bool | None
    translation_en_complete: bool | None
    translation_en_note: str | None


class StatementRow(Record):
    """A target stated in a paragraph: a target has one for each paragraph stating it."""

    target_id: str
    task: str
    quote: str


class ExclusionRow(Record):
    """A number or quantity word of the outline that is not a target, and why."""

    context: str
    reason: str
    ledger: str


class Publication(Record):
    plan: PlanRecord
    scorecard: ScorecardResult  # every target judged and scored for the year
    contents: ChaptersResult
    chapters: tuple[ChapterResult, ...]
    tasks: tuple[TaskResult, ...]  # every paragraph, preface to closing, in both languages
    targets: TargetsResult
    indicators: tuple[IndicatorResult, ...]
    charts: tuple[ChartResult, ...]  # one per indicator, in the same order
    statements: tuple[StatementRow, ...]
    exclusions: tuple[ExclusionRow, ...]

    @property
    def year(self) -> int:
        return self.scorecard.year


def paragraphs(task: TaskResult) -> tuple[str | None, str | None]:
    """A task's paragraph in Chinese and in English (None where there is none). Read here, in
    one place, from the record of `task` that holds them: the task in full, or its task row."""
    for holder in (task.detail, task.detail.task):
        if hasattr(holder, "paragraph_zh"):
            return getattr(holder, "paragraph_zh", None), getattr(holder, "paragraph_en", None)
    return None, None


def plan_record(plan: Plan) -> PlanRecord:
    meta = plan.meta
    english = meta.translation.get("en")
    return PlanRecord(
        plan_id=meta.id,
        name_zh=meta.name.zh,
        name_en=meta.name.en,
        short_name_zh=plan.short_name.zh,
        short_name_en=plan.short_name.en,
        issuer_zh=meta.issuer.zh,
        issuer_en=meta.issuer.en,
        base_year=meta.base_year,
        period_start=meta.period.start,
        period_end=meta.period.end,
        horizon_years=tuple(meta.horizon_years),
        translation_en_official=english.official if english else None,
        translation_en_complete=english.complete if english else None,
        translation_en_note=english.note if english else None,
    )


def publication(plan: Plan, year: int, defaulted: bool) -> Publication:
    return Publication(
        plan=plan_record(plan),
        scorecard=scorecard_result(plan, year, defaulted, None),
        contents=chapters_result(plan),
        chapters=tuple(chapter_result(plan, c, None, None) for c in plan.chapters),
        tasks=tuple(task_result(plan, place) for place in plan.task_places.values()),
        targets=all_targets(plan, TargetFilter()),
        indicators=tuple(indicator_result(plan, ind) for ind in plan.indicators),
        charts=tuple(chart_result(plan, ind, list(ind.targets)) for ind in plan.indicators),
        statements=tuple(StatementRow(*s) for s in statements(plan)),
        exclusions=tuple(ExclusionRow(e.context, e.reason, e.ledger) for e in plan.exclusions),
    )
