"""Properties of the plan maths that must hold for any values, checked with hypothesis."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import metrics_helpers
from metrics_helpers import indicator, with_data
from plancli.maths import actuals, judge, shapes, trajectory
from plancli.model.vocab import AROUND_TOLERANCE, Comparator, Direction, Status

positive = st.floats(min_value=1e-3, max_value=1e7, allow_nan=False, allow_infinity=False)
anything = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=1, max_value=15)
comparators = st.sampled_from(list(Comparator))
directions = st.sampled_from(list(Direction))


@given(start=positive, end=positive, n=years)
def test_growing_at_the_required_rate_reaches_the_target(start, end, n):
    # Plan targets lie within a factor of 1000 of today's value; beyond it, float rounding of
    # a rate near -100% dominates.
    assume(1e-3 <= end / start <= 1e3)
    need = shapes.required(shapes.Shape.COMPOUND, start, end, n, "亿元")
    assert math.isclose(start * (1 + need.growth_pct / 100) ** n, end, rel_tol=1e-9)
    assert math.isclose(start + need.change * n, end, rel_tol=1e-9, abs_tol=1e-6)


@given(start=anything, end=anything, n=years, shape=st.sampled_from(["linear", "from_zero"]))
def test_adding_the_required_change_reaches_the_target(start, end, n, shape):
    need = shapes.required(shapes.Shape(shape), start, end, n, "%")
    assert need.growth_pct is None
    assert math.isclose(start + need.change * n, end, rel_tol=1e-9, abs_tol=1e-6)


@given(actual=anything, target=anything)
def test_at_most_is_met_exactly_when_actual_is_at_or_below(actual, target):
    assert shapes.is_met(actual, target, Comparator.AT_MOST, Direction.DOWN) is (actual <= target)
    assert shapes.is_met(actual, target, Comparator.AT_LEAST, Direction.UP) is (actual >= target)


@given(actual=anything, target=anything, comparator=comparators, direction=directions)
def test_gap_sign_agrees_with_met(actual, target, comparator, direction):
    if comparator is Comparator.AT_LEAST:
        direction = Direction.UP
    elif comparator is Comparator.AT_MOST:
        direction = Direction.DOWN
    met = shapes.is_met(actual, target, comparator, direction)
    gap = shapes.gap_of(actual, target, direction)
    if gap <= 0:
        assert met  # at or beyond the target is always met
    if comparator is not Comparator.AROUND:
        assert met is (gap <= 0)
    elif met:
        # An around target may be met short of its value, but only within the tolerance.
        assert gap <= AROUND_TOLERANCE * abs(target) * (1 + 1e-6)


@given(
    base=positive,
    target=positive,
    t0=st.integers(2000, 2030),
    span=years,
    shape=st.sampled_from(list(shapes.Shape)),
)
def test_path_ends_at_baseline_and_target(base, target, t0, span, shape):
    y = t0 + span
    assert math.isclose(shapes.path_value(shape, base, target, t0, y, t0), base, rel_tol=1e-9)
    assert math.isclose(shapes.path_value(shape, base, target, t0, y, y), target, rel_tol=1e-9)
    # and moves monotonically between them
    path = [shapes.path_value(shape, base, target, t0, y, t) for t in range(t0, y + 1)]
    steps = [b - a for a, b in zip(path, path[1:], strict=False)]
    assert all(s * (target - base) >= -1e-9 * max(base, target) for s in steps)


@given(
    g=st.floats(min_value=-20, max_value=30),
    known=st.lists(st.floats(min_value=-30, max_value=40), min_size=0, max_size=4),
)
def test_remaining_years_at_the_required_rate_give_the_period_average(g, known):
    n = 5
    left = n - len(known)
    need = shapes.rate_for_remaining_years(g, n, known, left)
    whole = known + [need] * left
    assert math.isclose(shapes.average_rate(whole), g, rel_tol=1e-7, abs_tol=1e-7)


# -- end to end on the shipped targets ---------------------------------------------------------


@pytest.fixture(scope="module")
def bare(plan):
    return with_data(plan)


@given(value=st.floats(min_value=1, max_value=16999), year=st.integers(2021, 2034))
def test_evaluate_gdp_2035_required_rate_reaches_it(bare, value, year):
    gdp, target = bare.target_by_id["gdp@2035"]
    r = judge.evaluate(bare, gdp, target, actuals.ActualPick(value, year, "全市", "option"))
    assert r.years_left == 2035 - year
    grown = value * (1 + r.required_annual_growth_pct / 100) ** r.years_left
    assert math.isclose(grown, 17000, rel_tol=1e-9)
    assert r.met is False and r.gap > 0


RANK = {Status.OFF_TRACK: 0, Status.BEHIND: 1, Status.ON_TRACK: 2, Status.ACHIEVED: 3}


@given(a=st.floats(0, 20000), b=st.floats(0, 20000), year=st.integers(2021, 2024))
def test_more_gdp_never_worsens_the_status(bare, a, b, year):
    lo, hi = sorted((a, b))
    gdp, target = bare.target_by_id["gdp@2025"]

    def status(v):
        return judge.evaluate(
            bare, gdp, target, actuals.ActualPick(v, year, "全市", "option")
        ).status

    assert RANK[status(lo)] <= RANK[status(hi)]


@given(value=st.floats(min_value=0, max_value=100), year=st.integers(2021, 2026))
def test_at_most_target_met_exactly_when_at_or_below(plan, value, year):
    ceiling = indicator(
        "pm25",
        "微克/立方米",
        [{"value": 27, "comparator": "at_most", "kind": "level"}],
        [{"value": 35}],
    )
    p = with_data(plan, indicators=[ceiling])
    ind, target = p.target_by_id["pm25@2025"]
    r = judge.evaluate(p, ind, target, actuals.ActualPick(value, year, "全市", "option"))
    assert r.met is (value <= 27)
    assert (r.gap <= 0) is r.met
    if r.required_annual_change is not None:
        assert r.required_annual_change < 0  # the need of an at-most target is a reduction


@given(year=st.integers(2021, 2024))
def test_an_actual_on_the_path_is_on_track(bare, year):
    for tid in ("gdp@2025", "urbanization_rate@2025"):
        ind, target = bare.target_by_id[tid]
        traj = trajectory.trajectory(bare, ind, target)
        on_path = next(p.path for p in traj.points if p.year == year)
        assume(on_path is not None)
        r = judge.evaluate(bare, ind, target, actuals.ActualPick(on_path, year, "全市", "option"))
        assert r.progress_ratio == pytest.approx(1.0)
        assert r.status is Status.ON_TRACK


@given(year=st.integers(2021, 2024))
def test_yearly_flows_on_the_path_are_on_track(bare, year):
    # A five-year total of yearly flows: a fifth of 1万亿元 a year keeps to the plan's path.
    flows = [
        metrics_helpers.actual("major_project_investment", y, 2000, "亿元")
        for y in range(2021, year)
    ]
    p = with_data(bare, actuals=flows)
    ind, target = p.target_by_id["major_project_investment@2025"]
    r = judge.evaluate(p, ind, target, actuals.ActualPick(2000.0, year, "全市", "option"))
    assert r.actual.value == pytest.approx(2000 * (year - 2020))
    assert r.progress_ratio == pytest.approx(1.0)
    assert r.status is Status.ON_TRACK
