"""What every step of a judgement reads (a Case) and returns (a Verdict with its Figures), and
the first step of all: met, gap and gap in % against the target."""

from __future__ import annotations

from plancli.maths.actuals import ActualPick
from plancli.maths.baselines import BaseValue
from plancli.maths.observe import Observed
from plancli.maths.shapes import Shape, gap_of, is_met
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg, msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import AROUND_TOLERANCE, Direction, Status


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


class Case(Record):
    """What every step of a judgement reads: the target, its value, its baseline, the figure
    compared (`pick`) and what it is made of, and each year's own figure in the target's scope."""

    plan: Plan
    indicator: Indicator
    target: Target
    pick: ActualPick
    value: float
    shape: Shape
    direction: Direction
    baseline: BaseValue | None
    observed: Observed
    yearly: dict[int, float]


def gap_verdict(case: Case, value: float) -> Verdict:
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
