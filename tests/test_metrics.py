"""The plan maths against hand-computed values, one test per formula and per edge rule."""

from __future__ import annotations

import math

import pytest

from metrics_helpers import actual, indicator, with_data
from plancli.maths import actuals, growth, shapes, trajectory
from plancli.maths.judge import evaluate, evaluate_indicator
from plancli.model.problems import UsageError
from plancli.model.vocab import (
    AROUND_TOLERANCE,
    ON_TRACK_RATIO,
    Comparator,
    Direction,
    Kind,
    Status,
)
from wording import english


@pytest.fixture
def bare(plan):
    """The shipped plan without any actuals: results cannot move when actuals are shipped."""
    return with_data(plan)


def judge(plan, target_id: str, value: float | None, year: int, **kw):
    ind, target = plan.target_by_id[target_id]
    pick = None if value is None else actuals.ActualPick(float(value), year, target.scope, "option")
    return evaluate(plan, ind, target, pick, **kw)


# -- formulas on plain numbers -----------------------------------------------------------------


def test_plan_rate_6871_to_10000_over_five_years():
    rate = shapes.compound_rate(6871, 10000, 5)
    # 10000 / 6871 = 1.45539; its fifth root is 1.07795.
    assert round(rate * 100, 2) == 7.79
    assert math.isclose(6871 * (1 + rate) ** 5, 10000)


def test_compound_rate_has_none_for_zero_or_negative():
    assert shapes.compound_rate(0, 10, 2) is None
    assert shapes.compound_rate(-1, 10, 2) is None
    assert shapes.compound_rate(5, 10, 0) is None


@pytest.mark.parametrize(
    ("comparator", "direction", "actual", "target", "met"),
    [
        (Comparator.AT_LEAST, Direction.UP, 10, 10, True),
        (Comparator.AT_LEAST, Direction.UP, 9.99, 10, False),
        (Comparator.AT_MOST, Direction.DOWN, 27, 27, True),
        (Comparator.AT_MOST, Direction.DOWN, 27.01, 27, False),
        # around, down, 1.9: within 2% (up to 1.938) or below it is met.
        (Comparator.AROUND, Direction.DOWN, 1.938, 1.9, True),
        (Comparator.AROUND, Direction.DOWN, 1.94, 1.9, False),
        (Comparator.AROUND, Direction.DOWN, 1.5, 1.9, True),
        # around, up, 3.0: from 2.94 up is met.
        (Comparator.AROUND, Direction.UP, 2.94, 3.0, True),
        (Comparator.AROUND, Direction.UP, 2.93, 3.0, False),
    ],
)
def test_met(comparator, direction, actual, target, met):
    assert shapes.is_met(actual, target, comparator, direction) is met


def test_tolerance_is_the_conventions_two_percent():
    assert AROUND_TOLERANCE == 0.02 and ON_TRACK_RATIO == 0.95


def test_gap_signs_by_direction():
    assert shapes.gap_of(8000, 10000, Direction.UP) == 2000
    assert shapes.gap_of(30, 27, Direction.DOWN) == 3  # at most 27, at 30: 3 still to go
    assert shapes.gap_of(22, 27, Direction.DOWN) == -5


def test_compound_path():
    # 6871 → 10000 over 2020–2025: 2023 is 6871 × 1.45539^(3/5) = 8606.13
    value = shapes.path_value(shapes.Shape.COMPOUND, 6871, 10000, 2020, 2025, 2023)
    assert round(value, 2) == 8606.13


def test_linear_path_and_ends():
    assert shapes.path_value(shapes.Shape.LINEAR, 2.2, 3.0, 2020, 2025, 2023) == pytest.approx(2.68)
    assert shapes.path_value(shapes.Shape.LINEAR, 2.2, 3.0, 2020, 2025, 2019) == 2.2
    assert shapes.path_value(shapes.Shape.LINEAR, 2.2, 3.0, 2020, 2025, 2030) == 3.0


def test_compound_path_falls_back_to_linear_from_zero():
    assert shapes.path_value(shapes.Shape.COMPOUND, 0, 100, 2020, 2025, 2021) == 20


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (1.2, Status.ON_TRACK),
        (0.95, Status.ON_TRACK),
        (0.9499, Status.BEHIND),
        (0.0, Status.BEHIND),
        (-0.01, Status.OFF_TRACK),
    ],
)
def test_status_bands(ratio, status):
    assert shapes.status_from_ratio(ratio) is status


def test_shape_by_kind_and_unit():
    assert shapes.shape_of(Kind.LEVEL, "亿元") is shapes.Shape.COMPOUND
    assert shapes.shape_of(Kind.COUNT, "万家") is shapes.Shape.COMPOUND
    assert shapes.shape_of(Kind.LEVEL, "%") is shapes.Shape.LINEAR  # a rate is never compounded
    assert shapes.shape_of(Kind.SHARE, "%") is shapes.Shape.LINEAR
    assert shapes.shape_of(Kind.RATIO, "") is shapes.Shape.LINEAR
    assert shapes.shape_of(Kind.CUMULATIVE, "亿元") is shapes.Shape.FROM_ZERO
    assert shapes.shape_of(Kind.GROWTH_RATE, "%") is shapes.Shape.RATE


def test_rate_for_remaining_years_by_hand():
    # 15% a year over 2021–2025; 20%, 10%, 12% done: (1.15^5 / (1.2·1.1·1.12))^(1/2) − 1
    need = shapes.rate_for_remaining_years(15, 5, [20, 10, 12], 2)
    assert round(need, 2) == round((2.0113571875 / 1.4784) ** 0.5 * 100 - 100, 2) == 16.64


# -- gap and required growth on the shipped targets --------------------------------------------


def test_gap_gdp_8000_in_2023(bare):
    r = judge(bare, "gdp@2025", 8000, 2023)
    assert (r.value, r.actual.value, r.actual.year) == (10000, 8000, 2023)
    assert r.met is False
    assert r.gap == 2000 and r.gap_pct == 20
    assert r.years_left == 2
    # Two annual steps, 2023 → 2025: sqrt(10000 / 8000) − 1 = 11.80%
    assert r.required_annual_growth_pct == pytest.approx((1.25**0.5 - 1) * 100)
    assert r.required_annual_change == 1000
    # The plan's path is at 8606.13 in 2023: R = 1129 / 1735.13 = 0.65 → behind
    assert r.progress_ratio == pytest.approx(1129 / (8606.1315 - 6871), rel=1e-6)
    assert r.status is Status.BEHIND


def test_gdp_2035_and_the_doubling_target(bare):
    r = judge(bare, "gdp@2035", 8000, 2023)
    assert r.years_left == 12
    assert r.required_annual_growth_pct == pytest.approx(((17000 / 8000) ** (1 / 12) - 1) * 100)
    double = judge(bare, "gdp@2035.double", 8000, 2023)
    assert double.value == 2 * 6871  # 比2020年翻一番, from the stated baseline


def test_share_needs_points_per_year_not_a_rate(bare):
    r = judge(bare, "rd_intensity@2025", 2.5, 2023)
    assert r.gap == pytest.approx(0.5)
    assert r.required_annual_change == pytest.approx(0.25)  # 0.5 pp over two years
    assert r.required_annual_growth_pct is None
    assert "moves_in_points_pct" in r.codes
    # path 2.2 + 0.8 × 3/5 = 2.68; R = 0.3 / 0.48 = 0.625
    assert r.progress_ratio == pytest.approx(0.625)
    assert r.status is Status.BEHIND


def test_around_down_ratio_met_within_tolerance(bare):
    r = judge(bare, "urban_rural_income_ratio@2025", 1.93, 2023)
    assert r.met is True and r.gap == pytest.approx(0.03)
    assert r.status is Status.ACHIEVED
    assert "within_tolerance" in r.codes
    assert dict(r.notes[r.codes.index("within_tolerance")].params) == {"tolerance_pct": 2.0}
    short = judge(bare, "urban_rural_income_ratio@2025", 1.95, 2023)
    assert short.met is False and short.gap == pytest.approx(0.05)
    assert short.required_annual_change == pytest.approx(-0.025)  # a reduction


def test_cumulative_total_needs_the_remainder_per_year(plan):
    # Yearly flows: 2021's shipped (here), 2022's given; the five-year total so far is 5000.
    p = with_data(plan, actuals=[actual("major_project_investment", 2021, 2000, "亿元")])
    r = judge(p, "major_project_investment@2025", 3000, 2022)
    assert r.actual.value == 5000 and [x.year for x in r.observed.parts] == [2021, 2022]
    assert r.required_annual_change == pytest.approx(5000 / 3)
    assert r.required_annual_growth_pct is None
    # A five-year total starts at zero: 2/5 of 10000 is due by 2022; 5000 / 4000 = 1.25
    assert r.baseline.origin == "zero"
    assert r.progress_ratio == pytest.approx(1.25)
    assert r.status is Status.ON_TRACK


def test_urban_new_jobs_on_track(plan):
    flows = [actual("urban_new_jobs", 2021, 9, "万人"), actual("urban_new_jobs", 2022, 11, "万人")]
    r = judge(with_data(plan, actuals=flows), "urban_new_jobs@2025", 10, 2023)
    assert r.actual.value == 30
    assert r.path_value == pytest.approx(27)
    assert r.status is Status.ON_TRACK
    assert r.required_annual_change == pytest.approx(7.5)


def test_at_most_target_needs_a_reduction(plan):
    pm = indicator(
        "pm25",
        "微克/立方米",
        [{"value": 27, "comparator": "at_most", "kind": "level"}],
        [{"value": 35}],
    )
    p = with_data(plan, indicators=[pm])
    r = judge(p, "pm25@2025", 30, 2023)
    assert r.gap == 3 and r.met is False
    assert r.required_annual_growth_pct == pytest.approx(((27 / 30) ** 0.5 - 1) * 100)
    assert r.required_annual_growth_pct < 0 and r.required_annual_change == -1.5
    # compound path 35 → 27: in 2023 35 × (27/35)^(3/5) = 29.95; R = 5 / 5.05 = 0.99
    assert r.path_value == pytest.approx(29.953, abs=1e-3)
    assert r.status is Status.ON_TRACK
    slower = judge(p, "pm25@2025", 31, 2023)  # R = 4 / 5.05 = 0.79
    assert slower.progress_ratio == pytest.approx(4 / (35 - 29.953355), rel=1e-6)
    assert slower.status is Status.BEHIND
    assert judge(p, "pm25@2025", 36, 2023).status is Status.OFF_TRACK
    assert judge(p, "pm25@2025", 27, 2023).status is Status.ACHIEVED


# -- edge rules --------------------------------------------------------------------------------


def test_deadline_reached_achieved_or_missed(bare):
    done = judge(bare, "gdp@2025", 10213.9, 2025)
    assert done.status is Status.ACHIEVED and done.years_left == 0
    assert done.required_annual_growth_pct is None and done.required_annual_change is None
    assert ("deadline_achieved", {"deadline": 2025}) in [
        (n.code, dict(n.params)) for n in done.notes
    ]
    missed = judge(bare, "gdp@2025", 9800, 2025)
    assert missed.status is Status.MISSED and missed.gap == 200
    late = judge(bare, "gdp@2025", 9800, 2026)
    assert late.status is Status.MISSED and "actual_after_deadline" in late.codes


def test_zero_actual_has_a_gap_but_no_compound_rate(bare):
    r = judge(bare, "gdp@2025", 0, 2023)
    assert r.gap == 10000 and r.required_annual_change == 5000
    assert r.required_annual_growth_pct is None
    assert "zero_no_rate" in r.codes
    assert r.status is Status.OFF_TRACK  # below the baseline: moving away


def test_actual_for_the_base_year_means_no_time_elapsed(bare):
    r = judge(bare, "gdp@2025", 6871, 2020)
    assert r.status is Status.ON_TRACK and r.progress_ratio is None
    assert "no_time_elapsed" in r.codes
    assert r.required_annual_growth_pct == pytest.approx(shapes.compound_rate(6871, 10000, 5) * 100)
    assert judge(bare, "gdp@2025", 6500, 2020).status is Status.OFF_TRACK


@pytest.fixture
def lone(plan):
    """Targets as the outline states some: without a baseline, relative to an unknown base,
    a rank to hold (稳居30强) with no baseline."""
    extra = [
        indicator("residents", "万人", [{"value": 1000}]),
        indicator(
            "income",
            "元",
            [
                {
                    "id": "income@2035.double",
                    "year": 2035,
                    "relative": {"base_year": 2020, "factor": 2},
                }
            ],
        ),
        indicator(
            "rank30",
            "强",
            [{"value": 30, "comparator": "at_most", "kind": "rank", "maintain": True}],
        ),
    ]
    return with_data(plan, indicators=extra)


def test_no_baseline(lone):
    r = judge(lone, "residents@2025", 960, 2023)
    assert r.status is Status.NO_BASELINE and r.progress_ratio is None
    assert r.gap == 40  # the gap and the need do not depend on a baseline
    assert r.required_annual_growth_pct == pytest.approx(((1000 / 960) ** 0.5 - 1) * 100)


def test_baseline_from_a_sourced_actual_for_the_base_year(lone):
    p = with_data(lone, actuals=[actual("residents", 2020, 930, "万人")])
    r = judge(p, "residents@2025", 960, 2023)
    assert r.baseline.origin == "actual" and r.baseline.value == 930
    assert r.status is not Status.NO_BASELINE


def test_relative_target_with_unknown_base(lone):
    r = judge(lone, "income@2035.double", 70000, 2023)
    assert r.value is None and r.met is None and r.gap is None
    assert r.status is Status.NO_BASELINE
    assert [(n.code, dict(n.params)) for n in r.notes] == [
        ("relative_base_unknown", {"base_year": 2020})
    ]


def test_relative_target_resolved_from_an_actual_for_its_base_year(lone):
    p = with_data(lone, user=[actual("income", 2020, 6.3, "万元")])
    r = judge(p, "income@2035.double", 70000, 2023)
    assert r.value == pytest.approx(126000)


def test_baseline_already_beyond_the_target(plan):
    share = indicator(
        "good_water",
        "%",
        [{"value": 92, "comparator": "at_least", "kind": "share"}],
        [{"value": 95}],
    )
    p = with_data(plan, indicators=[share])
    slipped = judge(p, "good_water@2025", 90, 2023)
    assert slipped.status is Status.OFF_TRACK and "baseline_slipped" in slipped.codes
    held = judge(p, "good_water@2025", 96, 2023)
    assert held.status is Status.ACHIEVED


def test_maintain_targets(plan, lone):
    pm = indicator(
        "pm25_hold",
        "微克/立方米",
        [{"value": 27, "comparator": "at_most", "kind": "level", "maintain": True}],
        [{"value": 22}],
    )
    p = with_data(plan, indicators=[pm])
    held = judge(p, "pm25_hold@2025", 23, 2023)
    assert held.status is Status.ON_TRACK and "hold_until" in held.codes
    assert judge(p, "pm25_hold@2025", 23, 2025).status is Status.ACHIEVED
    slipped = judge(p, "pm25_hold@2025", 29, 2023)
    assert slipped.status is Status.OFF_TRACK
    # A rank to hold (稳居30强) with no baseline: held is on track, lost is no_baseline.
    assert judge(lone, "rank30@2025", 28, 2023).status is Status.ON_TRACK
    lost = judge(lone, "rank30@2025", 32, 2023)
    assert lost.status is Status.NO_BASELINE and lost.gap == 2


def test_every_year_floor(plan):
    floor = indicator(
        "jobless",
        "%",
        [{"value": 3.5, "comparator": "at_most", "kind": "share", "every_year": True}],
    )
    held = with_data(
        plan,
        indicators=[floor],
        actuals=[actual("jobless", 2021, 3.0, "%"), actual("jobless", 2022, 3.4, "%")],
    )
    r = judge(held, "jobless@2025", 3.1, 2023)
    assert r.status is Status.ON_TRACK and r.met is True
    assert r.required_annual_growth_pct is None and r.years_left == 2
    assert judge(held, "jobless@2025", 3.1, 2025).status is Status.ACHIEVED
    assert judge(held, "jobless@2025", 3.6, 2023).status is Status.MISSED
    once = with_data(
        plan,
        indicators=[floor],
        actuals=[actual("jobless", 2021, 3.0, "%"), actual("jobless", 2022, 3.8, "%")],
    )
    r = judge(once, "jobless@2025", 3.1, 2023)
    assert r.status is Status.MISSED
    assert ("not_held_in", {"years": [2022]}) in [(n.code, dict(n.params)) for n in r.notes]


def test_every_year_growth_rate_is_judged_year_by_year(plan):
    floor = indicator(
        "yearly_growth",
        "%",
        [{"value": 6, "comparator": "at_least", "kind": "growth_rate", "every_year": True}],
    )
    p = with_data(plan, indicators=[floor], actuals=[actual("yearly_growth", 2021, 8, "%")])
    assert judge(p, "yearly_growth@2025", 6.5, 2022).status is Status.ON_TRACK
    below = judge(p, "yearly_growth@2025", 5, 2022)
    assert below.status is Status.MISSED and below.gap == pytest.approx(1)


@pytest.fixture
def rate_plan(plan):
    """財政科技投入年均增长15%以上 as a growth-rate target, with 2021 and 2022 known."""
    ind = indicator(
        "sci_growth",
        "%",
        [{"value": 15, "comparator": "at_least", "kind": "growth_rate"}],
    )
    rates = [actual("sci_growth", 2021, 20, "%"), actual("sci_growth", 2022, 10, "%")]
    return with_data(plan, indicators=[ind], actuals=rates)


def test_growth_rate_target_with_earlier_years_known(rate_plan):
    r = judge(rate_plan, "sci_growth@2025", 12, 2023)
    done = 1.2 * 1.1 * 1.12
    avg = (done ** (1 / 3) - 1) * 100  # 13.93% a year over 2021–2023
    assert r.gap == pytest.approx(15 - avg)
    assert r.met is False
    assert r.required_annual_growth_pct == pytest.approx(((1.15**5 / done) ** 0.5 - 1) * 100)
    assert r.required_annual_change is None
    assert r.progress_ratio == pytest.approx((done - 1) / (1.15**3 - 1))
    assert r.status is Status.BEHIND


def test_growth_rate_target_with_earlier_years_unknown(plan):
    ind = indicator(
        "sci_growth", "%", [{"value": 15, "comparator": "at_least", "kind": "growth_rate"}]
    )
    p = with_data(plan, indicators=[ind])
    r = judge(p, "sci_growth@2025", 12, 2023)
    assert r.gap == pytest.approx(3)  # in percentage points
    assert r.required_annual_growth_pct is None
    assert ("rates_unknown", {"years": [2021, 2022]}) in [(n.code, dict(n.params)) for n in r.notes]
    first = judge(p, "sci_growth@2025", -3, 2021)  # a negative rate is a valid actual
    assert first.gap == pytest.approx(18)
    assert first.required_annual_growth_pct == pytest.approx(((1.15**5 / 0.97) ** 0.25 - 1) * 100)
    assert first.status is Status.OFF_TRACK


def test_growth_rate_target_at_the_deadline(rate_plan):
    p = with_data(
        rate_plan,
        actuals=[actual("sci_growth", y, 16, "%") for y in range(2021, 2026)],
    )
    r = judge(p, "sci_growth@2025", 16, 2025)
    assert r.status is Status.ACHIEVED and r.gap == pytest.approx(-1)


def test_at_the_deadline_the_figure_is_pending_not_passed(plan):
    """At --year 2025 (the default, the latest complete year) a 2025 target with a 2023 actual
    keeps that actual's status, and the note says the 2025 figure is not in yet."""
    p = with_data(plan, actuals=[actual("gdp", 2023, 8730, "亿元")])
    gdp = p.indicator_by_id["gdp"]
    r = evaluate_indicator(p, gdp, year=2025, targets=[gdp.targets[0]])[0]
    earlier = evaluate_indicator(p, gdp, year=2023, targets=[gdp.targets[0]])[0]
    assert r.status is earlier.status and r.status is not Status.MISSED
    codes = [(n.code, dict(n.params)) for n in r.notes]
    assert ("data_pending", {"deadline": 2025, "actual_year": 2023}) in codes
    assert "deadline_passed" not in r.codes


def test_no_data(bare):
    r = judge(bare, "gdp@2025", None, 2023)
    assert r.status is Status.NO_DATA and r.actual is None
    assert r.codes == ("no_actual",)


def test_deadline_passed_but_latest_actual_earlier_is_noted(plan):
    p = with_data(plan, actuals=[actual("gdp", 2023, 8730, "亿元")])
    gdp = p.indicator_by_id["gdp"]
    r = evaluate_indicator(p, gdp, year=2026, targets=[gdp.targets[0]])[0]
    assert r.actual.year == 2023
    assert ("deadline_passed", {"deadline": 2025, "actual_year": 2023}) in [
        (n.code, dict(n.params)) for n in r.notes
    ]


# -- actual values -----------------------------------------------------------------------------


def test_latest_actual_converts_and_takes_the_latest_up_to_a_year(plan):
    p = with_data(
        plan,
        actuals=[
            actual("gdp", 2022, 0.803, "万亿元"),
            actual("gdp", 2023, 8730, "亿元"),
            actual("gdp", 2024, 9719, "亿元"),
            actual("gdp", 2024, 9000, "亿元", scope="市区"),
        ],
    )
    pick = actuals.latest_actual(p, "gdp", "全市", 2023)
    assert (pick.year, pick.value, pick.origin) == (2023, 8730, "shipped")
    assert actuals.latest_actual(p, "gdp", "全市", 2022).value == pytest.approx(8030)
    assert actuals.latest_actual(p, "gdp", "市区", 2025).value == 9000  # scopes never mix
    assert actuals.latest_actual(p, "gdp", "全市", 2021) is None


def test_user_actual_wins_and_preferred_breaks_ties(plan):
    p = with_data(
        plan,
        actuals=[
            actual("gdp", 2023, 8700, "亿元"),
            actual("gdp", 2023, 8730, "亿元", preferred=True),
            actual("gdp", 2022, 8030, "亿元"),
        ],
        user=[actual("gdp", 2022, 8100, "亿元", source={"title": "mine"})],
    )
    assert actuals.latest_actual(p, "gdp", "全市", 2023).value == 8730
    mine = actuals.latest_actual(p, "gdp", "全市", 2022)
    assert (mine.value, mine.origin, mine.source.title) == (8100, "user", "mine")


@pytest.mark.parametrize(
    ("ident", "text", "value"),
    [
        ("gdp", "8000", 8000),
        ("gdp", "8000亿", 8000),
        ("gdp", "0.8万亿", 8000),
        ("gdp", "8000亿元", 8000),
        ("gdp", "80000000万元", 8000),
        ("urbanization_rate", "80%", 80),
        ("urbanization_rate", "80", 80),
        ("urban_rural_income_ratio", "1.93", 1.93),
        ("urban_new_jobs", "30万人", 30),
    ],
)
def test_parse_actual(plan, ident, text, value):
    assert actuals.parse_actual(plan.indicator_by_id[ident], text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("ident", "text", "message"),
    [
        ("gdp", "80%", "does not convert"),
        ("gdp", "3万人", "does not convert"),
        ("urban_rural_income_ratio", "80%", "plain numbers"),
        ("gdp", "abc", "cannot read"),
        ("gdp", "", "cannot read"),
        ("gdp", "-5", "negative"),
        ("urbanization_rate", "120", "above 100%"),
        ("urbanization_rate", "-1%", "negative"),
        ("rank30", "0", "below 1"),
    ],
)
def test_parse_actual_rejects(lone, ident, text, message):
    with pytest.raises(UsageError) as err:
        actuals.parse_actual(lone.indicator_by_id[ident], text)
    assert message in english(err.value)


def test_negative_growth_rate_is_valid_but_not_below_minus_100(rate_plan):
    ind = rate_plan.indicator_by_id["sci_growth"]
    assert actuals.parse_actual(ind, "-3%") == -3
    with pytest.raises(UsageError) as err:
        actuals.parse_actual(ind, "-100")
    assert "below -100%" in english(err.value)


# -- growth and trajectory ---------------------------------------------------------------------


def test_plan_need_from_the_baseline(bare):
    gdp, target = bare.target_by_id["gdp@2025"]
    own = growth.plan_need(bare, gdp, target)
    assert own.baseline.value == 6871 and own.years == 5
    assert round(own.need.growth_pct, 2) == 7.79
    share, target = bare.target_by_id["urbanization_rate@2025"]
    own = growth.plan_need(bare, share, target)
    assert own.need.growth_pct is None and own.need.change == pytest.approx(0.8)


def test_stated_growth_rates_come_from_the_companion_rate_indicator(bare):
    rates = growth.stated_growth_rates(bare, bare.indicator_by_id["gdp"])
    assert ("gdp_growth", 7.2, "baseline") in [(r.indicator, r.value, r.stated_as) for r in rates]
    assert growth.stated_growth_rates(bare, bare.indicator_by_id["urbanization_rate"]) == []


def test_trajectory_compound_ends_at_baseline_and_target(plan):
    p = with_data(plan, actuals=[actual("gdp", 2022, 8030, "亿元")])
    gdp, target = p.target_by_id["gdp@2025"]
    traj = trajectory.trajectory(p, gdp, target)
    assert [pt.year for pt in traj.points] == list(range(2020, 2026))
    assert traj.points[0].path == 6871 and traj.points[-1].path == pytest.approx(10000)
    ratios = [b.path / a.path for a, b in zip(traj.points, traj.points[1:], strict=False)]
    assert all(r == pytest.approx(ratios[0]) for r in ratios)  # a constant rate
    known = traj.points[2]
    assert known.actual.value == 8030 and known.deviation == pytest.approx(8030 - known.path)


def test_trajectory_linear_for_shares_and_totals(bare):
    ind, target = bare.target_by_id["urbanization_rate@2025"]
    steps = [pt.path for pt in trajectory.trajectory(bare, ind, target).points]
    assert steps == pytest.approx([71, 71.8, 72.6, 73.4, 74.2, 75])
    ind, target = bare.target_by_id["urban_new_jobs@2025"]
    assert [pt.path for pt in trajectory.trajectory(bare, ind, target).points] == pytest.approx(
        [0, 9, 18, 27, 36, 45]
    )


def test_trajectory_without_a_baseline_has_no_path(lone):
    ind, target = lone.target_by_id["residents@2025"]
    traj = trajectory.trajectory(lone, ind, target)
    assert all(pt.path is None for pt in traj.points) and traj.path_note.code == "no_baseline"
