"""Where a target's path starts (its baseline) and what a target comes to in the indicator's unit
(a relative target such as 比2020年翻一番 from its base year's value)."""

from __future__ import annotations

from plancli.maths.actuals import actual_series
from plancli.maths.shapes import Shape, shape_of
from plancli.model.models import Indicator, Source, Target
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import Kind


class BaseValue(Record):
    """A value a path or a relative target starts from, with what it rests on."""

    value: float
    year: int
    origin: str  # "stated" (the plan says it), "actual" (a sourced actual), "zero" (a total)
    quote: str | None = None  # the outline's words (stated) or the source's sentence (actual)
    task: str | None = None  # the paragraph that states it (stated)
    source: Source | None = None  # where an actual comes from


def base_value(plan: Plan, indicator: Indicator, year: int, scope: str) -> BaseValue | None:
    """The plan's stated value for year, else the chosen actual for it."""
    for b in indicator.baselines:
        if b.year == year and b.scope == scope:
            return BaseValue(b.value, year, "stated", b.quote, b.task)
    pick = actual_series(plan, indicator, scope).get(year)
    if pick is None:
        return None
    quote = pick.source.quote if pick.source else None
    return BaseValue(pick.value, year, "actual", quote, None, pick.source)


def baseline_of(plan: Plan, indicator: Indicator, target: Target) -> BaseValue | None:
    """Where the target's path starts: the base year's stated value, else a sourced actual
    for it, else the latest stated value before it; a period total starts from zero."""
    t0 = plan.meta.base_year
    shape = shape_of(target.kind, indicator.unit)
    if shape is Shape.FROM_ZERO:  # a sum from the period's start, a change from its base year
        start = target.relative.base_year if target.relative is not None else t0
        return BaseValue(0.0, start, "zero")
    if shape is Shape.RATE:
        return None
    found = base_value(plan, indicator, t0, target.scope)
    if found:
        return found
    earlier = [b for b in indicator.baselines if b.year < t0 and b.scope == target.scope]
    if earlier:
        b = max(earlier, key=lambda b: b.year)
        return BaseValue(b.value, b.year, "stated", b.quote, b.task)
    return None


def target_value(plan: Plan, indicator: Indicator, target: Target) -> float | None:
    """The target in the indicator's unit; a relative target (翻一番) from its base year's value,
    or None when that value is unknown; a change (提高2个百分点) is its amount."""
    if target.value is not None:
        return target.value
    rel = target.relative
    assert rel is not None  # a target has a value or a relative (models.Target)
    if rel.amount is not None and target.kind is Kind.CHANGE:
        return rel.amount
    base = base_value(plan, indicator, rel.base_year, target.scope)
    return None if base is None else rel.apply(base.value)
