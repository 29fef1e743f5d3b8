"""Judging one target against one actual: met, gap, years left, the growth still needed, where
the plan's path stands, and a status, with notes (codes) saying why a figure is missing.

Small pure functions: each step returns what it finds (a Verdict) rather than filling in shared
state, and `evaluate` puts them together. The rules are in docs/methods.md.
"""

from __future__ import annotations

from plancli.maths import periodic
from plancli.maths.actuals import ActualPick, latest_actual
from plancli.maths.baselines import BaseValue, baseline_of, target_value
from plancli.maths.observe import Observed, figures_of, observe, yearly_values
from plancli.maths.shapes import (
    Shape,
    is_met,
    path_value,
    progress_ratio,
    required,
    shape_of,
    sign,
    status_from_ratio,
)
from plancli.maths.verdict import Case, Figures, Verdict, gap_verdict
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg, distinct, msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import WHOLE_CITY, Compares, Direction, Status


class Judgement(Record):
    """One target judged against one actual (or none), with everything the judgement used."""

    indicator: Indicator
    target: Target
    value: float | None  # the target in the indicator's unit (None: a relative one's base unknown)
    direction: Direction
    shape: Shape
    baseline: BaseValue | None
    actual: ActualPick | None  # the figure compared (a sum, a change …), as of its latest year
    observed: Observed | None  # what that figure is made of (None: no actual at all)
    as_of: int | None  # the year asked about
    status: Status
    met: bool | None
    gap: float | None
    gap_pct: float | None
    years_left: int | None
    required_annual_growth_pct: float | None
    required_annual_change: float | None
    path_value: float | None
    progress_ratio: float | None
    notes: tuple[Msg, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the notes, in order."""
        return tuple(n.code for n in self.notes)


def evaluate(
    plan: Plan,
    indicator: Indicator,
    target: Target,
    pick: ActualPick | None,
    *,
    as_of: int | None = None,
) -> Judgement:
    """Judge one target against one actual (None: no actual value is known).

    pick is the indicator's actual for its year (a given --actual, or the latest known): what
    the target compares is found from it and the other actuals of the target's scope (a sum
    adds the earlier years' flows, a change subtracts its base year's value). as_of is the
    year asked about, when it may be later than the actual's year.
    """
    value = target_value(plan, indicator, target)
    shape = shape_of(target.kind, indicator.unit)
    direction = target.effective_direction
    baseline = baseline_of(plan, indicator, target)
    observed = compared = None
    if pick is not None:
        figures = figures_of(plan, indicator, target.scope, pick)
        observed = observe(plan, indicator, target, figures, pick)
        if observed.value is not None:
            compared = pick._replace(value=observed.value, year=observed.year)
    if pick is None:
        verdict = Verdict(Status.NO_DATA, Figures(), (msg("no_actual"),))
    elif value is None:
        assert target.relative is not None  # only a relative target's value can be unknown
        why = msg("relative_base_unknown", base_year=target.relative.base_year)
        verdict = Verdict(Status.NO_BASELINE, Figures(), (why,))
    elif observed is None or compared is None:
        assert observed is not None and observed.status is not None  # observe says why
        verdict = Verdict(observed.status, Figures(), observed.notes)
    else:
        yearly = yearly_values(plan, indicator, target.scope, figures)
        case = Case(
            plan, indicator, target, compared, value, shape, direction, baseline, observed, yearly
        )
        found = _judge(case)
        verdict = found._replace(notes=observed.notes + found.notes)
    notes = list(verdict.notes)
    if as_of is not None and pick is not None and pick.year < target.year <= as_of:
        # Asked about the deadline's own year, its figure is most often not published yet (a
        # year's statistics come out the next spring): the status stands on the latest figure,
        # and the note says the deadline's is pending. Only a later year finds it passed.
        code = "data_pending" if target.year == as_of else "deadline_passed"
        notes.append(msg(code, deadline=target.year, actual_year=pick.year))
    return Judgement(
        indicator,
        target,
        value,
        direction,
        shape,
        baseline,
        compared,
        observed,
        as_of,
        verdict.status,
        *verdict.figures,
        distinct(notes),
    )


def _judge(case: Case) -> Verdict:
    t, year = case.target, case.pick.year
    compares = case.observed.compares
    if case.target.every_year:  # each year's own value (a rate too) against the floor or ceiling
        found = periodic.every_year(case)
    elif compares is Compares.AVERAGE:
        found = periodic.average(case)
    elif compares is Compares.SUM and case.observed.missing:
        found = _partial_sum(case)
    else:
        found = _level(case)
    late = (msg("actual_after_deadline", actual_year=year, deadline=t.year),)
    return Verdict(
        found.status,
        found.figures._replace(years_left=max(t.year - year, 0)),
        (late if year > t.year else ()) + found.notes,
    )


def _partial_sum(case: Case) -> Verdict:
    """A sum with years missing is a floor of the true sum (flows are never negative): it can
    say a floor is met, and nothing else."""
    found = gap_verdict(case, case.pick.value)
    if found.figures.met and all(p.value >= 0 for p in case.observed.parts):
        deadline = case.pick.year >= case.target.year
        done = msg("deadline_achieved", deadline=case.target.year) if deadline else None
        note = done or msg("already_met")
        floor = msg("sum_years_missing", years=list(case.observed.missing))
        return Verdict(Status.ACHIEVED, found.figures, (*found.notes, floor, note))
    missing = list(case.observed.missing)
    why = msg("sum_incomplete", years=missing, n=len(missing))
    return Verdict(Status.NO_DATA, Figures(), (why,))


def _level(case: Case) -> Verdict:
    """A level, share, count, total or change: against the deadline, then the plan's path."""
    t, A, year = case.target, case.pick.value, case.pick.year
    found = gap_verdict(case, A)
    met = bool(found.figures.met)
    if year >= t.year:
        status = Status.ACHIEVED if met else Status.MISSED
        done = msg("deadline_achieved" if met else "deadline_missed", deadline=t.year)
        return Verdict(status, found.figures, (*found.notes, done))
    if met:
        if t.maintain:
            return Verdict(
                Status.ON_TRACK, found.figures, (*found.notes, msg("hold_until", year=t.year))
            )
        return Verdict(Status.ACHIEVED, found.figures, (*found.notes, msg("already_met")))
    need = required(case.shape, A, case.value, t.year - year, case.indicator.unit)
    path = _against_path(case, A, year)
    figures = found.figures._replace(
        required_annual_growth_pct=need.growth_pct,
        required_annual_change=need.change,
        path_value=path.figures.path_value,
        progress_ratio=path.figures.progress_ratio,
    )
    return Verdict(path.status, figures, found.notes + need.notes + path.notes)


def _against_path(case: Case, A: float, year: int) -> Verdict:
    """Before the deadline and unmet: compare with the plan-implied path."""
    t, B = case.target, case.baseline
    if B is None:
        return Verdict(
            Status.NO_BASELINE, Figures(), (msg("no_baseline", base_year=case.plan.meta.base_year),)
        )
    if is_met(B.value, case.value, t.comparator, case.direction):
        why = msg("baseline_slipped", baseline=B.value, baseline_year=B.year)
        return Verdict(Status.OFF_TRACK, Figures(), (why,))
    if year <= B.year:
        moved = sign(case.direction) * (A - B.value)
        code = "no_time_elapsed" if moved >= 0 else "no_time_elapsed_below"
        status = Status.ON_TRACK if moved >= 0 else Status.OFF_TRACK
        return Verdict(status, Figures(), (msg(code, base_year=B.year),))
    V = path_value(case.shape, B.value, case.value, B.year, t.year, year)
    R = progress_ratio(A, B.value, V)
    status = Status.OFF_TRACK if R is None else status_from_ratio(R)
    return Verdict(status, Figures(path_value=V, progress_ratio=R))


def evaluate_indicator(
    plan: Plan,
    indicator: Indicator,
    *,
    year: int,
    given: float | None = None,
    given_scope: str = WHOLE_CITY,
    targets: list[Target] | None = None,
) -> list[Judgement]:
    """Every target of the indicator (or the given ones) against `given` for `year`, or else
    the latest actual in the target's scope up to `year` (and up to its deadline: a target is
    judged on the figure for its own year, as the UN progress chart does)."""
    results = []
    for target in targets if targets is not None else indicator.targets:
        if given is None:
            pick = latest_actual(plan, indicator, target.scope, min(year, target.year))
        elif target.scope == given_scope:
            pick = ActualPick(float(given), year, target.scope, "option")
        else:  # an actual scores a target only when their scopes match
            pick = None
        result = evaluate(plan, indicator, target, pick, as_of=year)
        if given is not None and pick is None:
            en = plan.scope_en  # each language says the scopes in its own words
            why = msg(
                "scope_mismatch",
                given_zh=given_scope,
                given_en=en(given_scope) or given_scope,
                target_zh=target.scope,
                target_en=en(target.scope) or target.scope,
            )
            result = result._replace(notes=(why,))
        results.append(result)
    return results
