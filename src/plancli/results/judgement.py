"""A target judged against an actual, as a record (`gap`; `growth` and `score` build on it),
carrying everything the judgement used so that a reader can recompute it: the target, the
baseline and what it rests on, the actual and its source, and the plan's path value due."""

from __future__ import annotations

from plancli.maths.actuals import ActualPick, parse_actual
from plancli.maths.judge import Judgement, evaluate_indicator
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg, distinct, msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.series import compares_of, series_of
from plancli.model.vocab import WHOLE_CITY, Comparator, Compares, Direction, Kind, Series, Status
from plancli.results import Rows
from plancli.results.common import IndicatorRef, indicator_ref, target_keys


class ActualPart(Record):
    """One actual a judged figure is made of (a year of a sum, the latest value of a change)."""

    year: int
    value: float  # in the unit, as the indicator's actuals give it for that year
    origin: str  # shipped, user or option
    source_title: str | None
    source_url: str | None
    source_primary: bool | None  # a secondary source is marked wherever the actual is shown


def part_of(pick: ActualPick) -> ActualPart:
    src = pick.source
    return ActualPart(
        pick.year,
        pick.value,
        pick.origin,
        src.title if src else None,
        src.url if src else None,
        src.primary if src else None,
    )


class TargetJudgement(Record):
    # The target
    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    unit: str
    kind: Kind
    series: Series  # what the indicator's actuals are: flow, running_total or level
    compares: Compares  # what the target compares: single_year, sum, average, level or change
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
    # What the actual is made of: the actuals it adds up or averages (or the latest, alone),
    # the years of the plan it needs that have none, and what it subtracts (a change's base)
    actual_parts: tuple[ActualPart, ...]
    actual_missing_years: tuple[int, ...]
    actual_base: float | None
    actual_base_year: int | None
    actual_base_origin: str | None  # stated (the plan) or actual
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
    seen = j.observed
    base = seen.base if seen else None
    return TargetJudgement(
        **target_keys(ind, t),
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
        actual_parts=tuple(part_of(p) for p in seen.parts) if seen else (),
        actual_missing_years=seen.missing if seen else (),
        actual_base=base.value if base else None,
        actual_base_year=base.year if base else None,
        actual_base_origin=base.origin if base else None,
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
    scope: str | None = None  # --scope: only the targets for this area
    given_scope: str = WHOLE_CITY  # the area --actual is for
    scope_assumed: str | None = None  # how, when --scope was not given: "shared" or "whole_city"


def ask(
    plan: Plan,
    indicator: Indicator,
    target: Target | None,
    actual: str | None,
    year: int,
    defaulted: bool,
    scope: str | None = None,
) -> Asked:
    """The targets asked about (only the one named, for a target id; only those for --scope)
    and --actual read, with the area it is for: --scope, else the one area all the targets
    asked about share, else the whole city."""
    given = parse_actual(indicator, actual) if actual is not None else None
    targets = [target] if target is not None else list(indicator.targets)
    if scope is not None:
        return Asked(
            indicator,
            [t for t in targets if t.scope == scope],
            year,
            defaulted,
            given,
            scope,
            scope,
        )
    scopes = {t.scope for t in targets}
    if len(scopes) == 1:
        return Asked(indicator, targets, year, defaulted, given, None, scopes.pop(), "shared")
    return Asked(indicator, targets, year, defaulted, given, None, WHOLE_CITY, "whole_city")


def judgements(plan: Plan, asked: Asked) -> list[Judgement]:
    found = evaluate_indicator(
        plan,
        asked.indicator,
        year=asked.year,
        given=asked.given,
        given_scope=asked.given_scope,
        targets=asked.targets,
    )
    if asked.given is None:
        return found
    # Say what the given value was taken as: for which area, and as which figure.
    code = "actual_scope_shared" if asked.scope_assumed == "shared" else "actual_scope_whole_city"
    scope = asked.given_scope
    assumed = msg(code, scope_zh=scope, scope_en=plan.scope_en(scope) or scope)
    series = series_of(asked.indicator)
    out = []
    for j in found:
        notes = list(j.notes)
        compares = compares_of(asked.indicator, j.target)
        plain = series is Series.LEVEL and compares in (Compares.LEVEL, Compares.SINGLE_YEAR)
        if j.observed is not None and not plain:  # a level compared as it stands goes unsaid
            notes.insert(
                0,
                msg(
                    "given_as",
                    year=asked.year,
                    series=msg(f"series_one.{series}"),
                    compares=msg(f"compares.{compares}"),
                ),
            )
        if asked.scope_assumed is not None:
            notes.insert(0, assumed)
        out.append(j._replace(notes=distinct(notes)))
    return out


class Question(Record):
    """What a page says of the question beside its answers (not in JSON or CSV): --actual and
    the area it was taken for, --scope, and the areas of the indicator's targets."""

    given: float | None
    given_scope: str
    scope: str | None
    scopes: tuple[str, ...]
    scope_names: tuple[tuple[str, str], ...]  # each area above with its English


def scope_names(plan: Plan, *scopes: str | None) -> tuple[tuple[str, str], ...]:
    """The areas with their English (the glossary's), for pages that name them."""
    return tuple((s, plan.scope_en(s) or s) for s in dict.fromkeys(scopes) if s is not None)


def question(plan: Plan, asked: Asked) -> Question:
    scopes = tuple(dict.fromkeys(t.scope for t in asked.indicator.targets))
    names = scope_names(plan, asked.given_scope, asked.scope, *scopes)
    return Question(asked.given, asked.given_scope, asked.scope, scopes, names)


class GapResult(Record):
    """`gap`: each target of one indicator judged against an actual."""

    indicator: IndicatorRef
    as_of: int
    year_defaulted: bool
    targets: tuple[TargetJudgement, ...]
    asked: Question

    def document(self) -> tuple[TargetJudgement, ...]:
        return self.targets

    def rows(self) -> Rows:
        return Rows(TargetJudgement, self.targets)


def gap_result(plan: Plan, asked: Asked) -> GapResult:
    rows = tuple(judgement_record(j) for j in judgements(plan, asked))
    ref = indicator_ref(asked.indicator)
    return GapResult(ref, asked.year, asked.year_defaulted, rows, question(plan, asked))
