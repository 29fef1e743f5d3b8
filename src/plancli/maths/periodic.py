"""Targets judged over the period's years rather than at one point: a floor or ceiling held in
each year, and an average over the years (a growth rate's average annual rate, or the mean of a
yearly value). docs/methods.md states the rules.
"""

from __future__ import annotations

from plancli.maths.shapes import (
    is_met,
    progress_ratio,
    rate_for_remaining_years,
    status_from_ratio,
)
from plancli.maths.verdict import Case, Verdict, gap_verdict
from plancli.model.msg import Msg, msg
from plancli.model.vocab import Kind, Status


def every_year(case: Case) -> Verdict:
    """A floor or ceiling held in each year of the period: each year is its own deadline."""
    t, year = case.target, case.pick.year
    found = gap_verdict(case, case.pick.value)
    start = case.plan.meta.period.start
    failed = [
        y
        for y, v in case.yearly.items()
        if start <= y <= min(year, t.year)
        and not is_met(v, case.value, t.comparator, case.direction)
    ]
    notes = (*found.notes, msg("every_year_hold"))
    if failed:
        return Verdict(Status.MISSED, found.figures, (*notes, msg("not_held_in", years=failed)))
    if year >= t.year:
        return Verdict(Status.ACHIEVED, found.figures, notes)
    return Verdict(Status.ON_TRACK, found.figures, (*notes, msg("held_so_far", year=t.year)))


def average(case: Case) -> Verdict:
    """An average over the period's years, judged on the years known up to the actual's year
    (case.pick holds that average; observe.py found it): achieved or missed once the period is
    over, on track while the average so far meets the target, else by the progress ratio."""
    t, year, T = case.target, case.pick.year, case.value
    t0 = case.plan.meta.base_year
    rate = t.kind is Kind.GROWTH_RATE
    if year <= t0:
        # A figure for the base year (or before) lies outside the period: nothing is due yet.
        found = gap_verdict(case, case.pick.value)
        figures = found.figures._replace(required_annual_growth_pct=T if rate else None)
        why = msg("rate_base_year" if rate else "average_base_year", base_year=t0)
        return Verdict(Status.ON_TRACK, figures, (*found.notes, *_kind_note(rate), why))
    known = [p.value for p in case.observed.parts]
    found = gap_verdict(case, case.pick.value)
    notes = [*found.notes, *_kind_note(rate)]
    met = bool(found.figures.met)
    if year >= t.year:
        done = msg("deadline_achieved" if met else "deadline_missed", deadline=t.year)
        return Verdict(Status.ACHIEVED if met else Status.MISSED, found.figures, (*notes, done))
    figures = found.figures
    if not case.observed.missing:
        need = _need(case, known)
        if rate:
            figures = figures._replace(required_annual_growth_pct=need)
        else:
            figures = figures._replace(required_annual_change=need)
    if met:
        # An average over the period is only achieved when the period is over.
        return Verdict(Status.ON_TRACK, figures, tuple(notes))
    if rate:
        # Compare as levels (Open SDG: growth-rate indicators are converted to levels first).
        level, path = (1 + case.pick.value / 100) ** len(known), (1 + T / 100) ** len(known)
        R = progress_ratio(level, 1.0, path)
    else:
        # The mean so far against the target: the sum so far against the sum due by now.
        path = T
        R = progress_ratio(case.pick.value, 0.0, T)
    status = Status.OFF_TRACK if R is None else status_from_ratio(R)
    return Verdict(status, figures._replace(path_value=path, progress_ratio=R), tuple(notes))


def _kind_note(rate: bool) -> tuple[Msg, ...]:
    return (msg("need_is_rate"),) if rate else ()


def _need(case: Case, known: list[float]) -> float | None:
    """What the remaining years need so that the period averages the target: a rate
    ((1+g)^n / Π(1+g_i))^(1/left) − 1, or a mean value (n·T − Σ) / left."""
    t = case.target
    left = t.year - case.pick.year
    if t.kind is Kind.GROWTH_RATE:
        n = t.year - case.plan.meta.base_year
        return rate_for_remaining_years(case.value, n, known, left)
    n = t.year - case.plan.meta.period.start + 1
    return (n * case.value - sum(known)) / left if left > 0 else None
