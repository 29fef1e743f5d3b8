"""The growth each target needs, as records (`growth`): the judgement of `gap`, with the growth
the plan itself implies from its baseline and the growth rates it states."""

from __future__ import annotations

from typing import Annotated

from plancli.maths.growth import plan_need, stated_growth_rates
from plancli.model.msg import distinct
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.results import INLINE, Rows
from plancli.results.common import IndicatorRef, indicator_ref
from plancli.results.judgement import (
    Asked,
    Question,
    TargetJudgement,
    judgement_record,
    judgements,
    question,
)


class StatedRateRow(Record):
    """A growth rate the plan states for the indicator (or its companion `<id>_growth`)."""

    indicator: str
    value: float  # in %
    year: int
    text: str
    stated_as: str  # target or baseline
    note: str | None  # the data file's note, as written there


class GrowthRow(Record):
    judgement: Annotated[
        TargetJudgement, INLINE
    ]  # inlined; its notes include the plan's own need's
    plan_years: int | None  # from the baseline's year to the deadline
    plan_annual_growth_pct: float | None  # what the plan implies from its baseline
    plan_annual_change: float | None
    stated_growth_rates: tuple[StatedRateRow, ...]


class GrowthResult(Record):
    """`growth`: the growth each target of one indicator needs."""

    indicator: IndicatorRef
    as_of: int
    year_defaulted: bool
    base_year: int
    targets: tuple[GrowthRow, ...]
    stated: tuple[StatedRateRow, ...]
    asked: Question

    def document(self) -> tuple[GrowthRow, ...]:
        return self.targets

    def rows(self) -> Rows:
        return Rows(GrowthRow, self.targets)


def growth_result(plan: Plan, asked: Asked) -> GrowthResult:
    ind = asked.indicator
    stated = tuple(StatedRateRow(*s) for s in stated_growth_rates(plan, ind))
    rows = []
    for j in judgements(plan, asked):
        own = plan_need(plan, ind, j.target)
        record = judgement_record(j)
        record = record._replace(notes=distinct([*record.notes, *own.need.notes]))
        rows.append(GrowthRow(record, own.years, own.need.growth_pct, own.need.change, stated))
    return GrowthResult(
        indicator_ref(ind),
        asked.year,
        asked.year_defaulted,
        plan.meta.base_year,
        tuple(rows),
        stated,
        question(plan, asked),
    )
