"""Judging one target against one actual: met, gap, years left, the growth still needed, where
the plan's path stands, and a status, with notes (codes) saying why a figure is missing.

Small pure functions: each step returns what it finds (a Verdict) rather than filling in shared
state, and `evaluate` puts them together. The rules are in docs/methods.md.
"""

from __future__ import annotations

from plancli.maths.actuals import ActualPick, actual_series, latest_actual
from plancli.maths.baselines import BaseValue, baseline_of, target_value
from plancli.maths.shapes import (
    Shape,
    average_rate,
    gap_of,
    is_met,
    path_value,
    progress_ratio,
    rate_for_remaining_years,
    required,
    shape_of,
    sign,
    status_from_ratio,
)
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg, distinct, msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import AROUND_TOLERANCE, WHOLE_CITY, Direction, Status


class Figures(Record):
    """The figures of one judgement; None where a figure does not exist (a note says why)."""

    met: bool | None = None
    gap: float | None = None
    gap_pct: float | None = None
    years_left: int | None = None
    required_annual_growth_pct: float | None = None
    required_annual_change: float | None = None
    path_value: float | None = None  # the value the plan's path has reached by the actual's year
    progress_ratio: float | None = None  # R = (A - B) / (V(t) - B)


class Verdict(Record):
    status: Status
    figures: Figures
    notes: tuple[Msg, ...] = ()


class Judgement(Record):
    """One target judged against one actual (or none), with everything the judgement used."""

    indicator: Indicator
    target: Target
    value: float | None  # the target in the indicator's unit (None: a relative one's base unknown)
    direction: Direction
    shape: Shape
    baseline: BaseValue | None
    actual: ActualPick | None
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


class _Case(Record):
    """What every step of a judgement reads: the target, its value, its baseline, the actual."""

    plan: Plan
    indicator: Indicator
    target: Target
    pick: ActualPick
    value: float
    shape: Shape
    direction: Direction
    baseline: BaseValue | None


def evaluate(
    plan: Plan,
    indicator: Indicator,
    target: Target,
    pick: ActualPick | None,
    *,
    as_of: int | None = None,
) -> Judgement:
    """Judge one target against one actual (None: no actual value is known).

    as_of is the year asked about, when it may be later than the actual's year.
    """
    value = target_value(plan, indicator, target)
    shape = shape_of(target.kind, indicator.unit)
    direction = target.effective_direction
    baseline = baseline_of(plan, indicator, target)
    if pick is None:
        verdict = Verdict(Status.NO_DATA, Figures(), (msg("no_actual"),))
    elif value is None:
        assert target.relative is not None  # only a relative target's value can be unknown
        why = msg("relative_base_unknown", base_year=target.relative.base_year)
        verdict = Verdict(Status.NO_BASELINE, Figures(), (why,))
    else:
        case = _Case(plan, indicator, target, pick, value, shape, direction, baseline)
        verdict = _judge(case)
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
        pick,
        as_of,
        verdict.status,
        *verdict.figures,
        distinct(notes),
    )


def _judge(case: _Case) -> Verdict:
    t, year = case.target, case.pick.year
    if case.target.every_year:  # each year's own value (a rate too) against the floor or ceiling
        found = _every_year(case)
    elif case.shape is Shape.RATE:
        found = _rate(case)
    else:
        found = _level(case)
    late = (msg("actual_after_deadline", actual_year=year, deadline=t.year),)
    return Verdict(
        found.status,
        found.figures._replace(years_left=max(t.year - year, 0)),
        (late if year > t.year else ()) + found.notes,
    )


def _gap(case: _Case, value: float) -> Verdict:
    """Met, gap and gap in % of value against the target (status left for the caller)."""
    met = is_met(value, case.value, case.target.comparator, case.direction)
    gap = gap_of(value, case.value, case.direction)
    notes: list[Msg] = []
    gap_pct = gap / case.value * 100 if case.value != 0 else None
    if case.value == 0:
        notes.append(msg("target_zero"))
    if met and gap > 0:
        notes.append(msg("within_tolerance", tolerance_pct=AROUND_TOLERANCE * 100))
    return Verdict(Status.NO_DATA, Figures(met, gap, gap_pct), tuple(notes))


def _level(case: _Case) -> Verdict:
    """A level, share, count, total or change: against the deadline, then the plan's path."""
    t, A, year = case.target, case.pick.value, case.pick.year
    found = _gap(case, A)
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


def _against_path(case: _Case, A: float, year: int) -> Verdict:
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


def _every_year(case: _Case) -> Verdict:
    """A floor or ceiling held in each year of the period: each year is its own deadline."""
    t, year = case.target, case.pick.year
    found = _gap(case, case.pick.value)
    start = case.plan.meta.period.start
    series = actual_series(case.plan, case.indicator, t.scope)
    series[year] = case.pick
    failed = [
        y
        for y, p in series.items()
        if start <= y <= min(year, t.year)
        and not is_met(p.value, case.value, t.comparator, case.direction)
    ]
    notes = (*found.notes, msg("every_year_hold"))
    if failed:
        return Verdict(Status.MISSED, found.figures, (*notes, msg("not_held_in", years=failed)))
    if year >= t.year:
        return Verdict(Status.ACHIEVED, found.figures, notes)
    return Verdict(Status.ON_TRACK, found.figures, (*notes, msg("held_so_far", year=t.year)))


def _rate(case: _Case) -> Verdict:
    """An average annual growth rate over the period: judged on the average of the annual
    rates known from the period's first year up to the actual's year."""
    t, year, T = case.target, case.pick.year, case.value
    t0 = case.plan.meta.base_year
    is_rate = msg("need_is_rate")
    if year <= t0:
        # A rate for the base year (or before) lies outside the period: nothing is due yet.
        found = _gap(case, case.pick.value)
        figures = found.figures._replace(required_annual_growth_pct=T)
        why = msg("rate_base_year", base_year=t0)
        return Verdict(Status.ON_TRACK, figures, (*found.notes, is_rate, why))
    series = {y: p.value for y, p in actual_series(case.plan, case.indicator, t.scope).items()}
    series[year] = case.pick.value
    wanted = range(t0 + 1, min(year, t.year) + 1)
    known = [series[y] for y in wanted if y in series]
    missing = [y for y in wanted if y not in series]
    avg = average_rate(known) if known else case.pick.value
    notes: list[Msg] = []
    if len(known) > 1:
        notes.append(msg("average_rate", rate=avg, years=len(known), up_to=min(year, t.year)))
    if missing:
        notes.append(msg("rates_unknown", years=missing))
    found = _gap(case, avg)
    notes += [*found.notes, is_rate]
    met = bool(found.figures.met)
    if year >= t.year:
        done = msg("deadline_achieved" if met else "deadline_missed", deadline=t.year)
        return Verdict(Status.ACHIEVED if met else Status.MISSED, found.figures, (*notes, done))
    figures = found.figures
    if not missing:
        need = rate_for_remaining_years(T, t.year - t0, known, t.year - year)
        figures = figures._replace(required_annual_growth_pct=need)
    if met:
        # An average over the period is only achieved when the period is over.
        return Verdict(Status.ON_TRACK, figures, tuple(notes))
    # Compare as levels (Open SDG: growth-rate indicators are converted to levels first).
    level, path = (1 + avg / 100) ** len(known), (1 + T / 100) ** len(known)
    R = progress_ratio(level, 1.0, path)
    status = Status.OFF_TRACK if R is None else status_from_ratio(R)
    return Verdict(status, figures._replace(path_value=path, progress_ratio=R), tuple(notes))


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
