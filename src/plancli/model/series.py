"""What an indicator's actuals are (yearly flows, running totals, levels) and what each target
compares (one year's figure, a sum or an average over the plan's years, a level, a change since
a base year): the fields as stated, else the defaults their kinds make safe.

docs/data.md says how to state them; docs/methods.md what the maths makes of each combination;
`plancli check` (rule `series`) refuses the combinations that mean nothing (SERIES_CANNOT).
"""

from __future__ import annotations

from plancli.model.models import Indicator, Target
from plancli.model.vocab import Comparator, Compares, Direction, Kind, Series

# What a series' actuals cannot be made into: a level is not added up; a yearly flow has no
# level (its single year is what a level target of it compares); the average of a running
# total's yearly increases is not a figure the plan uses.
SERIES_CANNOT: dict[Series, frozenset[Compares]] = {
    Series.LEVEL: frozenset({Compares.SUM}),
    Series.FLOW: frozenset({Compares.LEVEL}),
    Series.RUNNING_TOTAL: frozenset({Compares.AVERAGE}),
}

# What a target of each kind may compare (the first is its default); kinds not listed compare
# a level (single_year on a flow) or, stated explicitly, a single year or an average.
KIND_COMPARES: dict[Kind, tuple[Compares, ...]] = {
    Kind.CUMULATIVE: (Compares.SUM,),
    Kind.CHANGE: (Compares.CHANGE,),
    Kind.GROWTH_RATE: (Compares.AVERAGE, Compares.SINGLE_YEAR),
}
OTHER_COMPARES = (Compares.LEVEL, Compares.SINGLE_YEAR, Compares.AVERAGE)


def series_of(indicator: Indicator) -> Series:
    """What the indicator's actuals are: as stated, else levels (a target that sums them must
    say which: check's rule `series`)."""
    return indicator.series or Series.LEVEL


def compares_of(indicator: Indicator, target: Target) -> Compares:
    """What the target compares: as stated, else what its kind says: a cumulative total sums,
    a change compares with its base year, a growth rate averages over the period, a yearly
    floor or ceiling takes each year's figure, and the rest compare a level (on a yearly flow,
    the figure of a single year)."""
    if target.compares is not None:
        return target.compares
    if target.kind in KIND_COMPARES:
        if target.every_year:
            return Compares.SINGLE_YEAR
        return KIND_COMPARES[target.kind][0]
    if target.every_year or series_of(indicator) is Series.FLOW:
        return Compares.SINGLE_YEAR
    return Compares.LEVEL


def allowed_compares(target: Target) -> tuple[Compares, ...]:
    """What a target of its kind (and, for a yearly floor, its every_year) may compare."""
    if target.every_year:
        return (Compares.SINGLE_YEAR,)
    return KIND_COMPARES.get(target.kind, OTHER_COMPARES)


def goes_up(target: Target) -> bool:
    """A floor, or an around target going up: how a sum or an average over the years must be
    stated (a ceiling on a running sum is not judged: docs/methods.md)."""
    if target.comparator is Comparator.AT_LEAST:
        return True
    return target.comparator is Comparator.AROUND and target.direction is Direction.UP
