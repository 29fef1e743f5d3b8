"""The scorecard as records (`score`, and `review`, its Markdown): every target with its score
and the judgement behind it, each chapter's summary, and the plan's."""

from __future__ import annotations

from typing import Annotated

from plancli.maths.scorecard import Scorecard, Summary, build
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.results import INLINE, Rows
from plancli.results.judgement import TargetJudgement, judgement_record


class SummaryRecord(Record):
    targets: int
    with_data: int
    coverage: float  # with_data / targets
    thin: bool  # under 20% of targets have data
    mean_score: float | None
    counts: dict[str, int]  # targets by status code


def summary_record(s: Summary) -> SummaryRecord:
    return SummaryRecord(s.targets, s.with_data, s.coverage, s.thin, s.mean_score, dict(s.counts))


class ChapterScoreRow(Record):
    chapter: str
    title_zh: str
    title_en: str
    summary: Annotated[SummaryRecord, INLINE]
    weakest: tuple[str, ...]  # the target ids with the lowest scores


class TargetScoreRow(Record):
    judgement: Annotated[TargetJudgement, INLINE]
    chapter: str
    score: float | None  # 0–100; None without data
    score_method: str | None  # progress (from the baseline) or ratio (no baseline)


class ScorecardResult(Record):
    plan_name_zh: str  # plan.yaml's short_name (else name)
    plan_name_en: str
    year: int  # the year scored (--year, or its default)
    year_defaulted: bool
    chapter: str | None  # the --chapter given
    overall: SummaryRecord
    chapters: tuple[ChapterScoreRow, ...]
    targets: tuple[TargetScoreRow, ...]

    def document(self) -> ScorecardResult:
        return self

    def rows(self) -> Rows:
        return Rows(TargetScoreRow, self.targets)


def scorecard_result(
    plan: Plan, year: int, defaulted: bool, chapter: str | None
) -> ScorecardResult:
    card: Scorecard = build(plan, year, chapter)
    return ScorecardResult(
        plan_name_zh=plan.short_name.zh,
        plan_name_en=plan.short_name.en,
        year=card.year,
        year_defaulted=defaulted,
        chapter=chapter,
        overall=summary_record(card.overall),
        chapters=tuple(
            ChapterScoreRow(
                c.chapter, c.title_zh, c.title_en, summary_record(c.summary), tuple(c.weakest)
            )
            for c in card.chapters
        ),
        targets=tuple(
            TargetScoreRow(judgement_record(t.judgement), t.chapter, t.score, t.method)
            for t in card.targets
        ),
    )
