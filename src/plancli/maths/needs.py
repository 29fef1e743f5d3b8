"""Which actuals the targets need for a year and do not have: what `plancli actuals --missing`
writes as a fill-in sheet for the people who hold the figures.

A target needs its indicator's actual, in its own scope, for every year of the plan period up
to its deadline (the latest of them is what it is judged on; a sum or an average needs each);
and for the year its figure or path counts from: a change's base year, a relative target's base
year, a running total's value before the period, a level's base year where the plan states no
baseline. A need is met by an actual (shipped or --actuals) or a value the plan states for that
year and scope.
"""

from __future__ import annotations

from plancli.maths.baselines import baseline_of
from plancli.model.models import Indicator, Target
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.series import compares_of, series_of
from plancli.model.vocab import Compares, Series


class Needed(Record):
    """An actual the targets need for a year: of one indicator, in one scope."""

    indicator: Indicator
    scope: str
    year: int
    series: Series  # what to give: the year's flow, the total to date, or the year's value
    target_ids: tuple[str, ...]  # the targets that need it


def needed_actuals(
    plan: Plan, year: int, indicators: list[Indicator] | None = None
) -> list[Needed]:
    """The actuals the targets need for `year` that no actual or stated value gives, by
    indicator (in the plan's order) and scope."""
    out: list[Needed] = []
    for ind in indicators if indicators is not None else plan.indicators:
        by_scope: dict[str, list[str]] = {}
        for t in ind.targets:
            if needs_year(plan, ind, t, year) and not known(plan, ind, year, t.scope):
                by_scope.setdefault(t.scope, []).append(t.id)
        out += [
            Needed(ind, scope, year, series_of(ind), tuple(ids)) for scope, ids in by_scope.items()
        ]
    return out


def needs_year(plan: Plan, indicator: Indicator, target: Target, year: int) -> bool:
    """Whether the target uses its indicator's actual for `year` (docs/methods.md)."""
    if plan.meta.period.start <= year <= target.year:
        return True
    return year == counts_from(plan, indicator, target)


def counts_from(plan: Plan, indicator: Indicator, target: Target) -> int | None:
    """The year before the period whose value the target's figure or path starts from, where
    the plan does not state it: a change's or a relative target's base year, a running total's
    last value before the period, a level's base year without a stated baseline."""
    compares = compares_of(indicator, target)
    if target.relative is not None:
        return target.relative.base_year
    if compares is Compares.SUM:
        running = series_of(indicator) is Series.RUNNING_TOTAL
        return plan.meta.period.start - 1 if running else None
    if compares is Compares.LEVEL and baseline_of(plan, indicator, target) is None:
        return plan.meta.base_year
    return None


def known(plan: Plan, indicator: Indicator, year: int, scope: str) -> bool:
    """Whether an actual (shipped or the user's) or a stated value gives the year's figure."""
    shipped, user = plan.actuals_of(indicator.id, scope)
    if any(a.year == year for a in (*shipped, *user)):
        return True
    return any(b.year == year and b.scope == scope for b in indicator.baselines)
