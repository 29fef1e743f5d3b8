"""Actual values: which one is chosen for each year, the latest up to a year, and a user's value
(`--actual`) read in the indicator's unit and checked for sense."""

from __future__ import annotations

import math

from plancli.model.models import Actual, Indicator, Source
from plancli.model.msg import msg
from plancli.model.plan import Plan
from plancli.model.plausible import value_problem
from plancli.model.problems import UsageError
from plancli.model.record import Record
from plancli.model.units import UnitError, convert, parse_quantity, parse_unit, to_unit


class ActualPick(Record):
    """One actual value chosen for a target, in the indicator's unit, with where it came from."""

    value: float
    year: int
    scope: str
    origin: str  # "shipped" (actuals.yaml), "user" (--actuals FILE) or "option" (--actual)
    source: Source | None = None


def indicator_of(plan: Plan, indicator: Indicator | str) -> Indicator:
    return indicator if isinstance(indicator, Indicator) else plan.indicator_by_id[indicator]


def _preferred(group: list[Actual]) -> Actual:
    chosen = [a for a in group if a.preferred]
    return chosen[0] if chosen else group[-1]


def actual_series(plan: Plan, indicator: Indicator | str, scope: str) -> dict[int, ActualPick]:
    """The actual chosen for each year in this scope: a user's value (--actuals) wins over a
    shipped one; among duplicates in one file the `preferred: true` one."""
    ind = indicator_of(plan, indicator)
    chosen: dict[int, ActualPick] = {}
    shipped, user = plan.actuals_of(ind.id, scope)
    for origin, actuals in (("shipped", shipped), ("user", user)):
        by_year: dict[int, list[Actual]] = {}
        for a in actuals:
            by_year.setdefault(a.year, []).append(a)
        for year, group in by_year.items():
            a = _preferred(group)
            value = convert(a.value, a.unit, ind.unit)
            chosen[year] = ActualPick(value, year, scope, origin, a.source)
    return dict(sorted(chosen.items()))


def latest_actual(
    plan: Plan, indicator: Indicator | str, scope: str, up_to_year: int
) -> ActualPick | None:
    """The latest actual for the indicator in this scope with a year <= up_to_year."""
    series = actual_series(plan, indicator, scope)
    years = [y for y in series if y <= up_to_year]
    return series[max(years)] if years else None


def parse_actual(indicator: Indicator, text: str) -> float:
    """A user's value (8000, 8000亿, 0.8万亿, 80%) in the indicator's unit; UsageError if it
    cannot be read, is in another family of units, or is not plausible for the indicator
    (plausible.value_problem: the rules every actual goes through)."""
    try:
        given = parse_quantity(text).unit
        if given is not None and given.family != parse_unit(indicator.unit).family:
            raise UsageError(
                "actual_unit",
                text=text,
                indicator=indicator.id,
                given=given.text,
                unit=indicator.unit or msg("plain_numbers"),
            )
        value = to_unit(text, indicator.unit)
    except UnitError as exc:
        raise UsageError(
            "actual_unreadable", text=text, indicator=indicator.id, reason=exc.msg
        ) from None
    if not math.isfinite(value):
        reason = msg("not_finite", text=text)
        raise UsageError("actual_unreadable", text=text, indicator=indicator.id, reason=reason)
    problem = value_problem(indicator, value)
    if problem:
        raise UsageError("actual_implausible", text=text, indicator=indicator.id, reason=problem)
    return value
