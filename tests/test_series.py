"""Flows, totals and levels: what a target compares, found from its indicator's actuals, for
each combination of what the actuals are (series) and what the target compares (compares), by
hand and as properties (docs/methods.md, "Flows, totals and levels")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics_helpers import actual, indicator, with_data
from plancli.maths.actuals import ActualPick
from plancli.maths.judge import evaluate, evaluate_indicator
from plancli.maths.needs import needed_actuals
from plancli.maths.scorecard import score_of
from plancli.maths.trajectory import trajectory
from plancli.model.models import Indicator
from plancli.model.series import compares_of, series_of
from plancli.model.vocab import Compares, Series, Status


def given_(value: float, year: int, scope: str = "全市") -> ActualPick:
    return ActualPick(float(value), year, scope, "option")


def judge(plan, target_id: str, pick: ActualPick | None, **kw):
    ind, target = plan.target_by_id[target_id]
    return evaluate(plan, ind, target, pick, **kw)


def flows(ident: str, unit: str, values: dict[int, float], scope: str = "全市") -> list:
    return [actual(ident, y, v, unit, scope=scope) for y, v in values.items()]


# -- the defaults: what an indicator's actuals are, what a target compares ----------------------


def test_what_each_kind_compares_by_default(plan):
    pairs = {t.id: compares_of(i, t) for i, t in plan.targets}
    assert pairs["urban_new_jobs@2025"] is Compares.SUM
    assert pairs["urban_new_jobs@2025.yearly"] is Compares.SINGLE_YEAR
    assert pairs["public_transport_share@2025"] is Compares.CHANGE
    assert pairs["fiscal_sci_tech_spending_growth@2025"] is Compares.AVERAGE
    assert pairs["low_income_group_income_growth@2025.yearly"] is Compares.SINGLE_YEAR
    assert pairs["gdp@2025"] is Compares.LEVEL
    assert pairs["international_air_routes@2025"] is Compares.LEVEL


def test_every_target_that_sums_says_what_its_actuals_are(plan):
    for ind, t in plan.targets:
        if compares_of(ind, t) is Compares.SUM:
            assert ind.series in (Series.FLOW, Series.RUNNING_TOTAL), t.id
    assert series_of(plan.indicator_by_id["urban_new_jobs"]) is Series.FLOW
    assert series_of(plan.indicator_by_id["specialized_little_giants"]) is Series.RUNNING_TOTAL
    assert series_of(plan.indicator_by_id["international_air_routes"]) is Series.RUNNING_TOTAL
    assert series_of(plan.indicator_by_id["gdp"]) is Series.LEVEL


def test_a_flow_compared_as_a_level_is_its_single_year(plan):
    jobs = indicator("jobs", "万人", [{"value": 9, "kind": "level"}], series="flow")
    assert compares_of(jobs, jobs.targets[0]) is Compares.SINGLE_YEAR


# -- flow: the urban_new_jobs ------------------------------------------------------------

JOBS = {2021: 12, 2022: 11, 2023: 10, 2024: 10.5}


@pytest.fixture
def jobs(plan):
    """urban_new_jobs with the issue's yearly actuals for 2021–2024 (total 43.5)."""
    return with_data(plan, user=flows("urban_new_jobs", "万人", JOBS))


def test_a_five_year_total_sums_the_yearly_flows(jobs):
    (total, floor) = evaluate_indicator(jobs, jobs.indicator_by_id["urban_new_jobs"], year=2025)
    assert total.actual.value == 43.5 and total.actual.year == 2024
    assert [p.year for p in total.observed.parts] == [2021, 2022, 2023, 2024]
    assert total.gap == pytest.approx(1.5) and total.years_left == 1
    assert total.path_value == pytest.approx(36) and total.progress_ratio == pytest.approx(
        43.5 / 36
    )
    assert total.status is Status.ON_TRACK and total.required_annual_change == pytest.approx(1.5)
    assert "sum_of_years" in total.codes
    # the yearly floor sees the latest year alone
    assert floor.actual.value == 10.5 and floor.status is Status.ON_TRACK


def test_a_given_actual_is_the_years_flow_not_the_total(jobs):
    ind = jobs.indicator_by_id["urban_new_jobs"]
    total, floor = evaluate_indicator(jobs, ind, year=2025, given=30)
    assert total.actual.value == pytest.approx(73.5)  # 43.5 + 30, not 30
    assert [p.year for p in total.observed.parts] == [2021, 2022, 2023, 2024, 2025]
    assert total.status is Status.ACHIEVED
    assert floor.actual.value == 30 and floor.status is Status.ACHIEVED


def test_a_sum_with_years_missing_judges_nothing_but_a_met_floor(plan):
    p = with_data(plan, actuals=flows("urban_new_jobs", "万人", {2021: 12, 2023: 10}))
    r = judge(p, "urban_new_jobs@2025", given_(10, 2024))
    assert r.actual.value == 32 and r.observed.missing == (2022,)
    assert r.status is Status.NO_DATA and r.gap is None and r.progress_ratio is None
    (why,) = [n for n in r.notes if n.code == "sum_incomplete"]
    assert why.params["years"] == [2022]
    assert score_of(r) == (None, None)
    # the known years alone reach 45: achieved, whatever 2022 was (flows are never negative)
    r = judge(p, "urban_new_jobs@2025", given_(30, 2024))
    assert r.actual.value == 52 and r.status is Status.ACHIEVED and r.met is True
    assert "sum_years_missing" in r.codes


def test_a_yearly_floor_names_the_years_it_was_not_held(plan):
    p = with_data(plan, actuals=flows("urban_new_jobs", "万人", {2021: 12, 2022: 8}))
    r = judge(p, "urban_new_jobs@2025.yearly", given_(10, 2023))
    assert r.status is Status.MISSED and r.actual.value == 10
    assert next(n for n in r.notes if n.code == "not_held_in").params["years"] == [2022]


def test_a_flows_average_over_the_years(plan):
    avg = indicator(
        "hires",
        "万人",
        [{"value": 10, "kind": "level", "compares": "average"}],
        series="flow",
    )
    p = with_data(plan, indicators=[avg], actuals=flows("hires", "万人", {2021: 12}))
    r = judge(p, "hires@2025", given_(9, 2022))
    assert r.actual.value == 10.5 and r.status is Status.ON_TRACK  # met so far, not over yet
    assert r.required_annual_change == pytest.approx((50 - 21) / 3)
    p = with_data(plan, indicators=[avg], actuals=flows("hires", "万人", {2021: 8}))
    r = judge(p, "hires@2025", given_(9, 2022))
    assert r.actual.value == 8.5 and r.progress_ratio == pytest.approx(0.85)
    assert r.status is Status.BEHIND
    r = judge(p, "hires@2025", given_(20, 2025), as_of=2025)  # 2022–2024 unknown
    assert r.observed.missing == (2022, 2023, 2024) and "average_years_missing" in r.codes
    assert r.actual.value == 14
    assert r.status is Status.ACHIEVED  # the mean of the known years is judged at the end


# -- running totals ------------------------------------------------------------------------------


def stock(**target) -> Indicator:
    return indicator(
        "firms", "家", [{"value": 50, "kind": "cumulative", **target}], series="running_total"
    )


def test_a_running_totals_sum_is_its_rise_since_the_base_year(plan):
    p = with_data(plan, indicators=[stock()], actuals=flows("firms", "家", {2020: 100}))
    r = judge(p, "firms@2025", given_(130, 2023))
    assert r.actual.value == 30 and r.observed.base.value == 100 and r.observed.base.year == 2020
    assert r.path_value == pytest.approx(30) and r.status is Status.ON_TRACK
    # without the total at the end of 2020 there is no sum: no_baseline, naming the figure
    r = judge(with_data(plan, indicators=[stock()]), "firms@2025", given_(130, 2023))
    assert r.status is Status.NO_BASELINE and r.actual is None
    (why,) = r.notes
    assert why.code == "total_base_unknown"
    assert why.params | {} == {
        "indicator": "firms",
        "name_zh": "firms",
        "name_en": "firms",
        "year": 2020,
        "scope_zh": "全市",
        "scope_en": "whole city",
    }


def test_a_running_total_from_a_stated_baseline(plan):
    ind = indicator(
        "firms",
        "家",
        [{"value": 50, "kind": "cumulative"}],
        [{"value": 90}],
        series="running_total",
    )
    r = judge(with_data(plan, indicators=[ind]), "firms@2025", given_(130, 2024))
    assert r.actual.value == 40 and r.observed.base.origin == "stated"


def test_a_running_total_as_a_level_is_itself(plan):
    routes = with_data(plan, actuals=flows("international_air_routes", "条", {2024: 35}))
    r = judge(routes, "international_air_routes@2025", given_(35, 2024))
    assert r.actual.value == 35 and r.gap == 5 and r.observed.base is None


def test_a_running_totals_single_year_is_its_rise_over_the_year(plan):
    yearly = indicator(
        "firms",
        "家",
        [{"value": 5, "kind": "count", "every_year": True}],
        series="running_total",
    )
    p = with_data(plan, indicators=[yearly], actuals=flows("firms", "家", {2020: 100, 2021: 106}))
    r = judge(p, "firms@2025", given_(110, 2022))
    assert r.actual.value == 4 and r.status is Status.MISSED  # 2022 rose by 4 < 5
    assert next(n for n in r.notes if n.code == "not_held_in").params["years"] == [2022]
    lone = with_data(plan, indicators=[yearly])
    r = judge(lone, "firms@2025", given_(110, 2022))
    assert r.status is Status.NO_DATA and r.codes == ("previous_total_unknown",)


def test_a_running_totals_change(plan):
    ind = indicator(
        "firms",
        "家",
        [{"kind": "change", "relative": {"base_year": 2020, "amount": 5}, "text": "增加5家"}],
        series="running_total",
    )
    p = with_data(plan, indicators=[ind], actuals=flows("firms", "家", {2020: 100}))
    r = judge(p, "firms@2025", given_(103, 2024))
    assert r.value == 5 and r.actual.value == 3 and r.gap == 2


# -- levels: changes, averages -------------------------------------------------------------------


def test_a_change_in_points_compares_the_change(plan):
    p = with_data(plan, actuals=flows("public_transport_share", "%", {2020: 28}, scope="主城区"))
    r = judge(p, "public_transport_share@2025", given_(29, 2024, "主城区"))
    assert r.value == 2 and r.actual.value == pytest.approx(1) and r.gap == pytest.approx(1)
    assert r.observed.base.value == 28 and r.met is False
    # from 0 in 2020 to +2 in 2025, linear: 1.6 due by 2024
    assert r.path_value == pytest.approx(1.6) and r.progress_ratio == pytest.approx(1 / 1.6)
    assert r.status is Status.BEHIND
    done = judge(p, "public_transport_share@2025", given_(30.5, 2025, "主城区"))
    assert done.status is Status.ACHIEVED and done.actual.value == pytest.approx(2.5)


def test_a_change_without_its_base_has_no_baseline(plan):
    r = judge(with_data(plan), "public_transport_share@2025", given_(28, 2024, "主城区"))
    assert r.status is Status.NO_BASELINE and r.actual is None and r.gap is None
    assert r.value == 2  # the target itself is known: a rise of 2 points
    (why,) = r.notes
    assert why.code == "change_base_unknown"
    assert (why.params["indicator"], why.params["year"], why.params["scope_zh"]) == (
        "public_transport_share",
        2020,
        "主城区",
    )
    assert why.params["scope_en"] == "main urban area"
    assert score_of(r) == (None, None)


def test_a_change_of_money_over_2020(plan):
    # 比2020年增加1.5万元: 32428 in 2020 (shipped), 38482 in 2022: a rise of 6054
    r = judge(plan, "rural_disposable_income_per_capita@2025", given_(38482, 2022))
    assert r.value == 15000 and r.actual.value == pytest.approx(6054)
    assert r.gap == pytest.approx(8946) and r.required_annual_change == pytest.approx(8946 / 3)


def test_a_levels_average_over_the_years(plan):
    share = indicator("consumption", "%", [{"value": 45, "kind": "share", "compares": "average"}])
    p = with_data(plan, indicators=[share], actuals=flows("consumption", "%", {2021: 40}))
    r = judge(p, "consumption@2025", given_(44, 2022))
    assert r.actual.value == 42 and r.progress_ratio == pytest.approx(42 / 45)
    assert r.status is Status.BEHIND


def test_trajectory_shows_the_total_so_far_and_the_change(jobs, plan):
    ind, target = jobs.target_by_id["urban_new_jobs@2025"]
    points = {
        p.year: p.actual.value if p.actual else None for p in trajectory(jobs, ind, target).points
    }
    assert points == {2020: None, 2021: 12, 2022: 23, 2023: 33, 2024: 43.5, 2025: None}
    gaps = with_data(plan, actuals=flows("urban_new_jobs", "万人", {2021: 12, 2023: 10}))
    traj = trajectory(gaps, ind, target)
    assert [p.actual.value if p.actual else None for p in traj.points][1:4] == [12, None, None]
    assert "sum_of_years" in {n.code for n in traj.notes}
    p = with_data(
        plan, actuals=flows("public_transport_share", "%", {2020: 28, 2022: 29}, scope="主城区")
    )
    ind, target = p.target_by_id["public_transport_share@2025"]
    shown = {pt.year: pt.actual.value for pt in trajectory(p, ind, target).points if pt.actual}
    assert shown == {2020: 0, 2022: 1}


# -- what the targets need -------------------------------------------------------------------------


def test_the_targets_need_each_years_actual_and_their_bases(plan):
    needed = {(n.indicator.id, n.scope): n for n in needed_actuals(plan, 2025)}
    assert ("gdp", "全市") not in needed  # 2025 is shipped
    assert needed[("gdp", "温州东部新区")].target_ids == ("gdp@2025.east_new_area",)
    assert needed[("urban_new_jobs", "全市")].series is Series.FLOW
    assert ("public_transport_share", "主城区") in needed
    base = {(n.indicator.id, n.scope) for n in needed_actuals(plan, 2020)}
    # 2020: a change's base, a running total's start, a level with no stated baseline
    assert ("public_transport_share", "主城区") in base
    assert ("specialized_little_giants", "全市") in base
    assert ("population", "全市") not in base  # 2020 is shipped
    assert ("life_expectancy", "全市") in base
    assert ("gdp", "全市") not in base and ("urban_new_jobs", "全市") not in base


# -- properties ----------------------------------------------------------------------------------

amounts = st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)


@settings(deadline=None, max_examples=60)
@given(values=st.lists(amounts, min_size=1, max_size=5), extra=amounts)
def test_a_given_actual_is_added_once_to_the_total_and_alone_to_the_floor(plan, values, extra):
    years = range(2021, 2021 + len(values))
    p = with_data(
        plan, actuals=flows("urban_new_jobs", "万人", dict(zip(years, values, strict=True)))
    )
    last = years[-1]
    total, floor = evaluate_indicator(
        p, p.indicator_by_id["urban_new_jobs"], year=last, given=extra
    )
    assert total.actual.value == pytest.approx(sum(values[:-1]) + extra)
    assert floor.actual.value == extra


@settings(deadline=None, max_examples=60)
@given(
    values=st.dictionaries(st.integers(2021, 2024), amounts, min_size=1, max_size=4),
    last=amounts,
)
def test_a_sum_with_years_missing_is_achieved_or_says_nothing(plan, values, last):
    p = with_data(plan, actuals=flows("urban_new_jobs", "万人", values))
    r = judge(p, "urban_new_jobs@2025", given_(last, 2025))
    if len(values) < 4:
        assert r.status in (Status.ACHIEVED, Status.NO_DATA)
        assert (r.status is Status.ACHIEVED) == (sum(values.values()) + last >= 45)
    else:
        assert r.status in (Status.ACHIEVED, Status.MISSED)


@settings(deadline=None, max_examples=60)
@given(start=amounts, steps=st.lists(amounts, min_size=1, max_size=5))
def test_a_running_total_sums_as_its_yearly_flows_would(plan, start, steps):
    years = list(range(2021, 2021 + len(steps)))
    totals = {2020: start}
    for y, step in zip(years, steps, strict=True):
        totals[y] = totals[y - 1] + step
    running = stock()
    flow = indicator("added", "家", [{"value": 50, "kind": "cumulative"}], series="flow")
    p = with_data(
        plan,
        indicators=[running, flow],
        actuals=flows("firms", "家", totals)
        + flows("added", "家", dict(zip(years, steps, strict=True))),
    )
    a = judge(p, "firms@2025", given_(totals[years[-1]], years[-1]))
    b = judge(p, "added@2025", given_(steps[-1], years[-1]))
    assert a.actual.value == pytest.approx(b.actual.value, abs=1e-6)
    assert a.status is b.status


@settings(deadline=None, max_examples=60)
@given(base=st.floats(0, 98), level=st.floats(0, 100))
def test_a_change_is_the_level_less_its_base(plan, base, level):
    p = with_data(plan, actuals=flows("public_transport_share", "%", {2020: base}, scope="主城区"))
    r = judge(p, "public_transport_share@2025", given_(level, 2025, "主城区"))
    assert r.actual.value + r.observed.base.value == pytest.approx(level)
    assert r.met is (level - base >= 2)
    assert r.status is (Status.ACHIEVED if level - base >= 2 else Status.MISSED)


@settings(deadline=None, max_examples=40)
@given(values=st.lists(amounts, min_size=5, max_size=5))
def test_an_average_at_the_end_is_met_as_the_sum_of_n_times_it(plan, values):
    avg = indicator(
        "hires", "万人", [{"value": 10, "kind": "level", "compares": "average"}], series="flow"
    )
    total = indicator("added", "万人", [{"value": 50, "kind": "cumulative"}], series="flow")
    years = dict(zip(range(2021, 2026), values, strict=True))
    p = with_data(
        plan,
        indicators=[avg, total],
        actuals=flows("hires", "万人", years) + flows("added", "万人", years),
    )
    a = judge(p, "hires@2025", given_(values[-1], 2025))
    b = judge(p, "added@2025", given_(values[-1], 2025))
    assert a.met is b.met and a.status is b.status
