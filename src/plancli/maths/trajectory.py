"""The plan-implied path year by year, from the baseline to a target, with the actuals known for
those years beside it."""

from __future__ import annotations

from collections.abc import Callable

from plancli.maths.actuals import ActualPick
from plancli.maths.baselines import BaseValue, baseline_of, target_value
from plancli.maths.observe import figures_of, observe
from plancli.maths.shapes import Shape, is_met, path_value, shape_of
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg, distinct, msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.series import compares_of
from plancli.model.vocab import Compares


class PathPoint(Record):
    year: int
    path: float | None
    actual: ActualPick | None

    @property
    def deviation(self) -> float | None:
        """Actual minus path, in the indicator's unit."""
        if self.path is None or self.actual is None:
            return None
        return self.actual.value - self.path


class Trajectory(Record):
    target: Target
    target_value: float | None
    baseline: BaseValue | None
    shape: Shape
    points: list[PathPoint]
    path_note: Msg | None  # why the path is flat or missing, if it is
    notes: tuple[Msg, ...]  # that note, and why a year with an actual has no figure


def trajectory(plan: Plan, indicator: Indicator, target: Target) -> Trajectory:
    """The year-by-year path from the baseline to the target that the plan implies, with the
    figure the target compares beside it for each year that has one (a total so far, a change
    since the base year; a growth rate's own yearly rate)."""
    shape = shape_of(target.kind, indicator.unit)
    T = target_value(plan, indicator, target)
    B = baseline_of(plan, indicator, target)
    start = B.year if B else plan.meta.base_year
    at, note = _path(plan, target, shape, T, B)
    figures = figures_of(plan, indicator, target.scope, None)
    points: list[PathPoint] = []
    why: list[Msg] = []
    for year in range(start, target.year + 1):
        pick = figures.get(year)
        if pick is not None and compares_of(indicator, target) is not Compares.AVERAGE:
            seen = observe(plan, indicator, target, figures, pick)
            if seen.value is not None and not seen.missing and seen.year == year:
                pick = pick._replace(value=seen.value)
            else:
                why += seen.notes
                pick = None
        points.append(PathPoint(year, at(year), pick))
    notes = distinct([*([note] if note else []), *why])
    return Trajectory(target, T, B, shape, points, note, notes)


def _path(
    plan: Plan, target: Target, shape: Shape, T: float | None, B: BaseValue | None
) -> tuple[Callable[[int], float | None], Msg | None]:
    """The path as a function of the year, and a note where it is flat or missing."""

    def flat(value: float | None) -> Callable[[int], float | None]:
        return lambda _year: value

    if T is None:
        assert target.relative is not None
        return flat(None), msg("relative_base_unknown", base_year=target.relative.base_year)
    if shape is Shape.RATE:
        return flat(T), msg("path_rate", rate=T)
    if target.every_year:
        return flat(T), msg("path_every_year")
    if B is None:
        return flat(None), msg("no_baseline", base_year=plan.meta.base_year)
    if is_met(B.value, T, target.comparator, target.effective_direction):
        return flat(T), msg("path_baseline_met", baseline=B.value, baseline_year=B.year)
    base = B

    def at(year: int) -> float | None:
        return path_value(shape, base.value, T, base.year, target.year, year)

    return at, None
