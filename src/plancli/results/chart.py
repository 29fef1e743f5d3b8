"""What a chart of one indicator draws (`chart`, and the site's indicator pages), as records:
the plan's path to each target (the `trajectory` records), the targets, the baselines and the
actual values, each actual marked primary or secondary by its source.

Actual values are those the trajectories judge against: the values chosen for each year
(maths.actuals.actual_series) in the scopes of the targets drawn; values published for other
scopes (a half year, the urban districts) are named, not drawn, since they are not comparable.
Where a target compares a figure made from those values (a total over the plan's years, a
change since a base year, a running total's yearly increase: maths.observe), its path is drawn
against that figure, year by year as `trajectory` finds it, not against the values themselves.
"""

from __future__ import annotations

from plancli.maths.actuals import actual_series
from plancli.model.models import Indicator, Target
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.series import compares_of, series_of
from plancli.model.vocab import WHOLE_CITY, Comparator, Compares, Direction, Series
from plancli.results.common import IndicatorRef, indicator_ref
from plancli.results.judgement import scope_names
from plancli.results.trajectory import TrajectoryResult, trajectory_result


class ChartPoint(Record):
    year: int
    value: float


class ChartPath(Record):
    """The plan's path to one target, year by year (only the years it has a value)."""

    target_id: str
    points: tuple[ChartPoint, ...]


class ChartTarget(Record):
    target_id: str
    year: int
    value: float | None  # None: a relative target whose base is unknown (not drawn)
    comparator: Comparator
    direction: Direction
    scope: str
    scope_en: str
    text: str
    compares: Compares
    derived: bool  # its actuals are a figure made from the indicator's values (derived_figure)


class ChartBaseline(Record):
    year: int
    value: float
    origin: str  # stated (the plan) or actual (a sourced actual for the base year)
    scope: str


class ChartActual(Record):
    year: int
    value: float  # in the indicator's unit
    scope: str
    primary: bool  # False: from a secondary source (drawn hollow)
    origin: str  # shipped or user
    source_title: str | None
    target_id: str | None = None  # the target whose derived figure this is, if it is one


class ChartResult(Record):
    indicator: IndicatorRef
    target_year: int | None  # --target-year, or None for every target
    first_year: int
    last_year: int
    paths: tuple[ChartPath, ...]
    targets: tuple[ChartTarget, ...]
    baselines: tuple[ChartBaseline, ...]
    actuals: tuple[ChartActual, ...]
    scopes: tuple[str, ...]  # the scopes drawn
    other_scopes: tuple[str, ...]  # scopes of actual values not drawn
    scope_names: tuple[tuple[str, str], ...]  # each scope named with its English
    trajectory: TrajectoryResult

    @property
    def drawable(self) -> bool:
        """Whether there is more to draw than the targets themselves."""
        return bool(self.baselines or self.actuals or any(len(p.points) > 1 for p in self.paths))

    @property
    def values(self) -> list[float]:
        found = [p.value for path in self.paths for p in path.points]
        found += [t.value for t in self.targets if t.value is not None]
        found += [b.value for b in self.baselines] + [a.value for a in self.actuals]
        return found


def chart_result(
    plan: Plan, ind: Indicator, targets: list[Target], target_year: int | None = None
) -> ChartResult:
    chosen = [t for t in targets if target_year is None or t.year == target_year]
    traj = trajectory_result(plan, ind, chosen)
    scopes = tuple(dict.fromkeys(t.scope for t in chosen)) or _scopes_without_targets(ind)
    paths = tuple(
        ChartPath(
            t.target_id,
            tuple(ChartPoint(p.year, p.path_value) for p in t.points if p.path_value is not None),
        )
        for t in traj.trajectories
    )
    marks = tuple(
        ChartTarget(
            t.id,
            t.year,
            r.value,
            t.comparator,
            t.effective_direction,
            t.scope,
            plan.scope_en(t.scope) or t.scope,
            t.text,
            compares_of(ind, t),
            derived_figure(ind, t),
        )
        for t, r in zip(chosen, traj.trajectories, strict=True)
    )
    # The scopes whose values are drawn as they are: those of a target that compares them so
    # (every scope, without targets); a derived figure is drawn for its own target.
    plain = tuple(
        s
        for s in scopes
        if not chosen or any(t.scope == s and not derived_figure(ind, t) for t in chosen)
    )
    baselines: dict[tuple[int, str], ChartBaseline] = {}
    for b in ind.baselines:
        if b.scope in plain:
            baselines.setdefault(
                (b.year, b.scope), ChartBaseline(b.year, b.value, "stated", b.scope)
            )
    for r in traj.trajectories:
        if r.baseline is not None and r.baseline_year is not None and r.baseline_origin != "zero":
            key = (r.baseline_year, r.scope)
            origin = r.baseline_origin or "stated"
            baselines.setdefault(key, ChartBaseline(key[0], r.baseline, origin, r.scope))
    actuals = []
    for scope in plain:
        for year, a in actual_series(plan, ind, scope).items():
            primary = bool(a.source.primary) if a.source else False
            title = a.source.title if a.source else None
            actuals.append(ChartActual(year, a.value, scope, primary, a.origin, title))
    for mark, r in zip(marks, traj.trajectories, strict=True):
        if mark.derived:
            actuals.extend(
                ChartActual(
                    p.year,
                    p.actual,
                    mark.scope,
                    bool(p.actual_source_primary),
                    p.actual_origin or "shipped",
                    p.actual_source_title,
                    mark.target_id,
                )
                for p in r.points
                if p.actual is not None
            )
    other = sorted({a.scope for a in plan.all_actuals if a.indicator == ind.id} - set(scopes))
    years = [plan.meta.base_year, *(t.year for t in chosen)]
    years += [y for y, _ in baselines] + [a.year for a in actuals]
    return ChartResult(
        indicator=indicator_ref(ind),
        target_year=target_year,
        first_year=min(years),
        last_year=max(years),
        paths=paths,
        targets=marks,
        baselines=tuple(sorted(baselines.values())),
        actuals=tuple(actuals),
        scopes=scopes,
        other_scopes=tuple(other),
        scope_names=scope_names(plan, *scopes, *other),
        trajectory=traj,
    )


def derived_figure(ind: Indicator, target: Target) -> bool:
    """Whether the target compares a figure made from the indicator's values rather than the
    values themselves: a sum, a change, or a running total's yearly increase (an average of
    yearly rates is judged against the rates drawn as they are)."""
    compares = compares_of(ind, target)
    if compares in (Compares.SUM, Compares.CHANGE):
        return True
    return compares is Compares.SINGLE_YEAR and series_of(ind) is Series.RUNNING_TOTAL


def _scopes_without_targets(ind: Indicator) -> tuple[str, ...]:
    """An indicator without targets: the scopes of its baselines, else the whole city."""
    return tuple(dict.fromkeys(b.scope for b in ind.baselines)) or (WHOLE_CITY,)
