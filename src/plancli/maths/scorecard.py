"""The scorecard: a 0–100 score and a status for every target with data, then per chapter and
for the plan as a whole (docs/scoring.md gives the method and its sources).

Target score (the SDSN SDG Index normalisation, with the plan's baseline as the lower bound and
the target as the upper): 100 · d·(A − B) / |T − B|, clamped to 0–100. Without a baseline, the
ratio actual/target (target/actual for at-most targets), flagged. A met target scores 100.
Chapter score: the mean of its targets' scores (a target stated in several chapters counts in
each); overall: the mean of the chapter scores, so a chapter with many targets does not drown
the rest. Targets without data are counted, never scored as zero; the plan's counts count each
target once.
"""

from __future__ import annotations

import math

from plancli.maths.judge import Judgement, evaluate_indicator
from plancli.maths.shapes import Shape, sign
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import THIN_COVERAGE, Comparator, Status

WEAKEST = 3  # targets named per chapter as its weakest, as SDSN's dashboards do


class Method:
    PROGRESS = "progress"  # share of the distance from baseline to target
    RATIO = "ratio"  # no baseline: actual / target (target / actual for at-most)


class TargetScore(Record):
    judgement: Judgement
    chapter: str
    score: float | None
    method: str | None

    @property
    def status(self) -> Status:
        return self.judgement.status

    @property
    def target_id(self) -> str:
        return self.judgement.target.id


class Summary(Record):
    """Scores of a group of targets: a chapter, or the plan."""

    targets: int
    with_data: int
    mean_score: float | None
    counts: dict[str, int]

    @property
    def coverage(self) -> float:
        return self.with_data / self.targets if self.targets else 0.0

    @property
    def thin(self) -> bool:
        """Under 20% of the targets have data (SDSN computes no index there)."""
        return self.coverage < THIN_COVERAGE


class ChapterScore(Record):
    chapter: str
    title_zh: str
    title_en: str
    summary: Summary
    weakest: list[str]


class Scorecard(Record):
    year: int
    targets: list[TargetScore]
    chapters: list[ChapterScore]
    overall: Summary


def clamp(x: float) -> float:
    return min(max(x, 0.0), 100.0)


def score_of(m: Judgement) -> tuple[float | None, str | None]:
    """The target's score (0–100) and how it was found; (None, None) without data."""
    T = m.value
    # No figure, or one that says nothing yet (a sum with years missing: maths/judge.py)
    if m.actual is None or T is None or m.status is Status.NO_DATA:
        return None, None
    A = m.actual.value
    B = m.baseline
    method = Method.PROGRESS if B is not None else Method.RATIO
    if m.met:
        return 100.0, method
    if m.shape is Shape.RATE:
        B = None  # a growth rate has no level to start from: judged by the ratio
        method = Method.RATIO
    if B is not None:
        distance = abs(T - B.value)
        if distance == 0:  # the target only holds the baseline, and it has slipped
            return 0.0, method
        return clamp(100 * sign(m.direction) * (A - B.value) / distance), method
    comparator = m.target.comparator
    if comparator is Comparator.AT_MOST or (
        comparator is Comparator.AROUND and sign(m.direction) < 0
    ):
        return (clamp(100 * T / A) if A > 0 else 100.0), method
    return (clamp(100 * A / T) if T > 0 else None), method


def mean(values: list[float]) -> float | None:
    # statistics.fmean, without importing statistics (~1 ms) on every score
    return math.fsum(values) / len(values) if values else None


def summarise(scores: list[TargetScore]) -> Summary:
    scored = [s.score for s in scores if s.score is not None]
    counts = {str(st): 0 for st in Status}
    for s in scores:
        counts[str(s.status)] += 1
    return Summary(
        targets=len(scores),
        with_data=len(scored),
        mean_score=mean(scored),
        counts=counts,
    )


def build(plan: Plan, year: int, chapter: str | None = None) -> Scorecard:
    """Score every target (of one chapter, if given) on the latest actuals up to year."""
    targets: list[TargetScore] = []
    # A target stated in several chapters is scored once, and counts in each chapter's score.
    stated = {
        t.id: list(dict.fromkeys(plan.chapter_of_task(task) for task in t.tasks))
        for _, t in plan.targets
    }
    for ind in plan.indicators:
        chosen = [t for t in ind.targets if chapter is None or chapter in stated[t.id]]
        if not chosen:
            continue
        for m, t in zip(
            evaluate_indicator(plan, ind, year=year, targets=chosen), chosen, strict=True
        ):
            score, method = score_of(m)
            targets.append(TargetScore(m, plan.chapter_of_task(t.task), score, method))
    targets.sort(key=lambda s: (int(s.chapter), s.target_id))
    chapters = []
    for c in plan.chapters:
        mine = [s for s in targets if c.id in stated[s.target_id]]
        if not mine or chapter not in (None, c.id):
            continue
        weakest = sorted((s for s in mine if s.score is not None), key=lambda s: s.score or 0.0)
        chapters.append(
            ChapterScore(
                c.id,
                c.title.zh,
                c.title.en,
                summarise(mine),
                [s.target_id for s in weakest[:WEAKEST]],
            )
        )
    return Scorecard(year, targets, chapters, _overall(targets, chapters))


def _overall(targets: list[TargetScore], chapters: list[ChapterScore]) -> Summary:
    """Counts over all targets; the score is the mean of the chapter means."""
    whole = summarise(targets)
    means = [c.summary.mean_score for c in chapters if c.summary.mean_score is not None]
    return Summary(whole.targets, whole.with_data, mean(means), whole.counts)
