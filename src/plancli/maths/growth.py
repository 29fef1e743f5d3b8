"""The growth the plan itself implies (from its baseline to each target), and the growth rates
it states for an indicator."""

from __future__ import annotations

from plancli.maths.baselines import BaseValue, baseline_of, target_value
from plancli.maths.shapes import Need, Shape, required, shape_of
from plancli.model.models import Indicator, Target
from plancli.model.msg import msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import Kind


class PlanNeed(Record):
    """The annual growth the plan itself implies: from its baseline to the target."""

    baseline: BaseValue | None
    years: int | None
    need: Need


def plan_need(plan: Plan, indicator: Indicator, target: Target) -> PlanNeed:
    shape = shape_of(target.kind, indicator.unit)
    T = target_value(plan, indicator, target)
    if shape is Shape.RATE:
        years = target.year - plan.meta.base_year
        return PlanNeed(None, years, Need(T, None, (msg("need_is_rate"),)))
    B = baseline_of(plan, indicator, target)
    if B is None:
        return PlanNeed(
            None, None, Need(None, None, (msg("no_baseline", base_year=plan.meta.base_year),))
        )
    if T is None:
        assert target.relative is not None
        why = msg("relative_base_unknown", base_year=target.relative.base_year)
        return PlanNeed(B, None, Need(None, None, (why,)))
    years = target.year - B.year
    return PlanNeed(B, years, required(shape, B.value, T, years, indicator.unit))


class StatedRate(Record):
    indicator: str
    value: float  # in %
    year: int
    text: str
    stated_as: str  # "target" or "baseline"
    note: str | None  # the data file's note, as written there


def stated_growth_rates(plan: Plan, indicator: Indicator) -> list[StatedRate]:
    """Growth rates the plan states for an indicator: its own growth-rate targets, and the
    baselines and targets of its companion rate indicator `<id>_growth` (gdp → gdp_growth)."""
    found: list[StatedRate] = []
    rate_ind = plan.indicator_by_id.get(f"{indicator.id}_growth")
    for ind in (indicator, rate_ind):
        if ind is None:
            continue
        for t in ind.targets:
            if t.kind is Kind.GROWTH_RATE and t.value is not None:
                found.append(StatedRate(ind.id, t.value, t.year, t.text, "target", t.note))
        if ind is rate_ind:
            for b in ind.baselines:
                found.append(StatedRate(ind.id, b.value, b.year, b.text, "baseline", b.note))
    return found
