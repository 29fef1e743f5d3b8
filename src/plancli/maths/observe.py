"""The figure a target compares, found from its indicator's actuals: one year's figure, a sum or
an average over the plan's years, a level, or a change since a base year (what the indicator's
actuals are and what the target compares: plancli.model.series).

The rules, each stated in docs/methods.md ("Flows, totals and levels"):

| actuals \\ compares | single_year     | sum                 | average   | level | change      |
|--------------------|-----------------|---------------------|-----------|-------|-------------|
| flow               | F(t)            | F(start) + … + F(t) | mean of F | —     | F(t) − F(b) |
| running_total      | R(t) − R(t − 1) | R(t) − R(start − 1) | —         | R(t)  | R(t) − R(b) |
| level              | L(t)            | —                   | mean of L | L(t)  | L(t) − L(b) |

t is the year of the latest actual taken (or of --actual), start the plan period's first year,
b a change's base year; a growth rate's average is its geometric mean. Where a figure cannot be
found, the observation says why (a status and a note) instead.
"""

from __future__ import annotations

from plancli.maths.actuals import ActualPick, actual_series
from plancli.maths.baselines import BaseValue, base_value
from plancli.maths.shapes import average_rate
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg, msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.series import compares_of, series_of
from plancli.model.vocab import Compares, Kind, Series, Status


class Observed(Record):
    """What a target compares, and what it is made of."""

    value: float | None  # in the indicator's unit; None: it cannot be found (status says why)
    year: int  # the latest year it includes
    compares: Compares
    series: Series
    parts: tuple[ActualPick, ...]  # the actuals it is made of, by year
    missing: tuple[int, ...] = ()  # the years it needs that have no actual
    base: BaseValue | None = None  # what it subtracts: a change's base, a running total's start
    status: Status | None = None  # why value is None: no_data or no_baseline
    notes: tuple[Msg, ...] = ()


def figures_of(
    plan: Plan, indicator: Indicator, scope: str, pick: ActualPick | None
) -> dict[int, ActualPick]:
    """The actual of each year in this scope, with `pick` (a given --actual) in its year."""
    found = actual_series(plan, indicator, scope)
    if pick is not None:
        found[pick.year] = pick
    return dict(sorted(found.items()))


def observe(
    plan: Plan,
    indicator: Indicator,
    target: Target,
    figures: dict[int, ActualPick],
    pick: ActualPick,
) -> Observed:
    """The figure target compares, as of pick's year, from the actuals of its scope."""
    compares, series = compares_of(indicator, target), series_of(indicator)
    plain = Observed(pick.value, pick.year, compares, series, (pick,))
    if compares is Compares.SUM:
        if series is Series.RUNNING_TOTAL:
            start = plan.meta.period.start
            return _since(plan, indicator, target, pick, plain, start - 1, "total_base_unknown")
        return _sum(plan, target, figures, pick, plain)
    if compares is Compares.CHANGE:
        assert target.relative is not None  # a change is an amount over a base year (models)
        return _since(plan, indicator, target, pick, plain, target.relative.base_year)
    if compares is Compares.AVERAGE:
        return _average(plan, target, figures, pick, plain)
    if compares is Compares.SINGLE_YEAR and series is Series.RUNNING_TOTAL:
        return _increase(plan, indicator, target, figures, pick, plain)
    return plain


def _span(plan: Plan, target: Target, year: int) -> range:
    """The plan's years a sum or an average takes in, up to year (and the deadline)."""
    return range(plan.meta.period.start, min(year, target.year) + 1)


def _sum(
    plan: Plan,
    target: Target,
    figures: dict[int, ActualPick],
    pick: ActualPick,
    plain: Observed,
) -> Observed:
    """A yearly flow's sum over the plan's years up to pick's year; the years without an actual
    are named (judge decides what a sum with years missing can say)."""
    span = _span(plan, target, pick.year)
    if not span:
        why = msg("sum_before_period", year=pick.year, first=plan.meta.period.start)
        return plain._replace(value=None, status=Status.NO_DATA, notes=(why,))
    parts = tuple(figures[y] for y in span if y in figures)
    missing = tuple(y for y in span if y not in figures)
    if not parts:
        return _none_in_span(plain, span)
    total = sum(p.value for p in parts)
    note = msg("sum_of_years", first=span[0], last=span[-1], years=len(parts))
    return plain._replace(value=total, year=span[-1], parts=parts, missing=missing, notes=(note,))


def _none_in_span(plain: Observed, span: range) -> Observed:
    why = msg("no_actual_in_years", first=span[0], last=span[-1])
    return plain._replace(value=None, status=Status.NO_DATA, notes=(why,))


def _since(
    plan: Plan,
    indicator: Indicator,
    target: Target,
    pick: ActualPick,
    plain: Observed,
    base_year: int,
    unknown: str = "change_base_unknown",
) -> Observed:
    """The change of the value since base_year: a change target's figure, and a running total's
    sum over the plan's years (its total to date less its total at the start)."""
    base = base_value(plan, indicator, base_year, target.scope)
    if base is None:
        why = msg(
            unknown,
            indicator=indicator.id,
            name_zh=indicator.name.zh,
            name_en=indicator.name.en,
            year=base_year,
            scope_zh=target.scope,
            scope_en=plan.scope_en(target.scope) or target.scope,
        )
        return plain._replace(value=None, status=Status.NO_BASELINE, notes=(why,))
    note = msg("change_since", year=base_year, base=base.value, unit=indicator.unit)
    return plain._replace(value=pick.value - base.value, base=base, notes=(note,))


def _increase(
    plan: Plan,
    indicator: Indicator,
    target: Target,
    figures: dict[int, ActualPick],
    pick: ActualPick,
    plain: Observed,
) -> Observed:
    """One year's figure of a running total: its increase over the year before."""
    before = increase_base(plan, indicator, target.scope, figures, pick.year)
    if before is None:
        why = msg("previous_total_unknown", year=pick.year - 1)
        return plain._replace(value=None, status=Status.NO_DATA, notes=(why,))
    return plain._replace(value=pick.value - before.value, base=before)


def increase_base(
    plan: Plan, indicator: Indicator, scope: str, figures: dict[int, ActualPick], year: int
) -> BaseValue | None:
    """A running total at the end of the year before `year`: an actual, or the plan's value."""
    earlier = figures.get(year - 1)
    if earlier is not None:
        quote = earlier.source.quote if earlier.source else None
        return BaseValue(earlier.value, year - 1, "actual", quote, None, earlier.source)
    return base_value(plan, indicator, year - 1, scope)


def _average(
    plan: Plan,
    target: Target,
    figures: dict[int, ActualPick],
    pick: ActualPick,
    plain: Observed,
) -> Observed:
    """The average over the plan's years known up to pick's year: a growth rate's geometric
    mean (the average annual rate), any other value's arithmetic mean."""
    span = _span(plan, target, pick.year)
    if not span:  # a rate for the base year or before: judge.py says nothing is due yet
        return plain
    parts = tuple(figures[y] for y in span if y in figures)
    missing = tuple(y for y in span if y not in figures)
    if not parts:
        return _none_in_span(plain, span)
    values = [p.value for p in parts]
    rate = target.kind is Kind.GROWTH_RATE
    mean = average_rate(values) if rate else sum(values) / len(values)
    notes: list[Msg] = []
    if rate and len(parts) > 1:
        notes.append(msg("average_rate", rate=mean, years=len(parts), up_to=span[-1]))
    elif not rate:
        notes.append(msg("average_of_years", mean=mean, years=len(parts), up_to=span[-1]))
    if missing:
        notes.append(msg("rates_unknown" if rate else "average_years_missing", years=list(missing)))
    return plain._replace(
        value=mean, year=span[-1], parts=parts, missing=missing, notes=tuple(notes)
    )


def yearly_values(
    plan: Plan, indicator: Indicator, scope: str, figures: dict[int, ActualPick]
) -> dict[int, float]:
    """Each year's own figure: the actual itself, or a running total's increase over the year
    before (where that is known). What a yearly floor holds each year to."""
    if series_of(indicator) is not Series.RUNNING_TOTAL:
        return {y: p.value for y, p in figures.items()}
    out = {}
    for year, p in figures.items():
        before = increase_base(plan, indicator, scope, figures, year)
        if before is not None:
            out[year] = p.value - before.value
    return out
