"""The plan-implied path as records (`trajectory`): for each target, its path year by year from
the baseline, with the actual known for each year."""

from __future__ import annotations

from typing import Annotated

from plancli.maths.growth import plan_need
from plancli.maths.shapes import Shape
from plancli.maths.trajectory import PathPoint, trajectory
from plancli.model.models import Indicator, Target
from plancli.model.msg import Msg
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import Comparator, Compares, Direction, Kind, Series
from plancli.results import INLINE, Rows
from plancli.results.common import IndicatorRef, indicator_ref, target_keys
from plancli.results.judgement import scope_names


class PointRow(Record):
    year: int
    path_value: float | None  # the plan's path in this year
    actual: float | None
    deviation: float | None  # actual − path value
    actual_origin: str | None
    actual_source_title: str | None
    actual_source_url: str | None
    actual_source_quote: str | None
    actual_source_primary: bool | None


def point_row(p: PathPoint) -> PointRow:
    a = p.actual
    src = a.source if a else None
    return PointRow(
        p.year,
        p.path,
        a.value if a else None,
        p.deviation,
        a.origin if a else None,
        src.title if src else None,
        src.url if src else None,
        src.quote if src else None,
        src.primary if src else (False if a else None),
    )


class TrajectoryRecord(Record):
    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    unit: str
    kind: Kind
    series: Series  # what the indicator's actuals are
    compares: Compares  # what the target compares: each point's actual is that figure
    scope: str
    year: int  # the target's deadline
    comparator: Comparator
    direction: Direction
    value: float | None  # the target in the unit
    shape: Shape  # compound, linear, from_zero or rate
    baseline: float | None
    baseline_year: int | None
    baseline_origin: str | None
    annual_growth_pct: float | None  # the path's step: a compound rate …
    annual_change: float | None  # … or a change in the unit a year
    notes: tuple[Msg, ...]  # why the path is flat or missing, if it is
    points: tuple[PointRow, ...]


class PathCsvRow(Record):
    """One line of `trajectory`'s CSV: one year of one target's path."""

    target_id: str
    indicator: str
    unit: str
    shape: Shape
    point: Annotated[PointRow, INLINE]


class TrajectoryResult(Record):
    indicator: IndicatorRef
    trajectories: tuple[TrajectoryRecord, ...]
    scope: str | None = None  # --scope: only the targets for this area
    scopes: tuple[str, ...] = ()  # the areas of the indicator's targets
    scope_names: tuple[tuple[str, str], ...] = ()  # each area above with its English

    def document(self) -> tuple[TrajectoryRecord, ...]:
        return self.trajectories

    def rows(self) -> Rows:
        return Rows(
            PathCsvRow,
            [
                PathCsvRow(t.target_id, t.indicator, t.unit, t.shape, p)
                for t in self.trajectories
                for p in t.points
            ],
        )


def trajectory_record(plan: Plan, ind: Indicator, target: Target) -> TrajectoryRecord:
    traj = trajectory(plan, ind, target)
    B = traj.baseline
    need = plan_need(plan, ind, target).need
    growth = change = None
    if traj.path_note is None and need.change is not None:
        change = need.change
        if traj.shape is Shape.COMPOUND:
            growth = need.growth_pct
    return TrajectoryRecord(
        **target_keys(ind, target),
        direction=target.effective_direction,
        value=traj.target_value,
        shape=traj.shape,
        baseline=B.value if B else None,
        baseline_year=B.year if B else None,
        baseline_origin=B.origin if B else None,
        annual_growth_pct=growth,
        annual_change=change,
        notes=traj.notes,
        points=tuple(point_row(p) for p in traj.points),
    )


def trajectory_result(
    plan: Plan, ind: Indicator, targets: list[Target], scope: str | None = None
) -> TrajectoryResult:
    """The paths of the targets asked about (only those for --scope, when given)."""
    chosen = [t for t in targets if scope is None or t.scope == scope]
    records = tuple(trajectory_record(plan, ind, t) for t in chosen)
    scopes = tuple(dict.fromkeys(t.scope for t in ind.targets))
    return TrajectoryResult(
        indicator_ref(ind), records, scope, scopes, scope_names(plan, scope, *scopes)
    )
