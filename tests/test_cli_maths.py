"""`plancli gap`, `growth` and `trajectory` through the CLI, on the shipped targets.

Where a test needs to know which actuals exist it runs on a copy of the data with none shipped
(and its own --actuals file), so that it holds whatever actuals are shipped later.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from plancli.maths import clock
from plancli.report.records import csv_columns
from plancli.results.judgement import TargetJudgement

TODAY = {"PLANCLI_TODAY": "2024-06-30"}  # the latest complete year is 2023


@pytest.fixture
def no_actuals(data_copy):
    (data_copy / "actuals.yaml").write_text("actuals: []\n", encoding="utf-8")
    return data_copy


@pytest.fixture
def my_actuals(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "gdp,2021,7585,亿元,全市,统计公报2021,https://example.org/2021,\n"
        "gdp,2022,0.803万亿元,亿元,全市,统计公报2022,,\n"
        "gdp,2023,8730,亿元,全市,统计公报2023,https://example.org/2023,\n",
        encoding="utf-8",
    )
    text = path.read_text(encoding="utf-8").replace("0.803万亿元,亿元", "8030,亿元")
    path.write_text(text, encoding="utf-8")
    return path


def data_json(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def usage_error(result, *words: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(("plancli: error: ", "plancli：错误："))
    for word in words:
        assert word in lines[0]
    return lines[0]


# -- gap ---------------------------------------------------------------------------------------


def test_gap_json_contract(run, plan):
    records = data_json(run("gap", "gdp", "--actual", "8000", "--year", "2023", "-f", "json"))
    assert [r["target_id"] for r in records] == [t.id for t in plan.indicator_by_id["gdp"].targets]
    assert records[:3] == [r for r in records if r["scope"] == "全市"]
    first = records[0]
    assert tuple(first) == TargetJudgement._fields
    assert first["gap"] == 2000 and first["gap_pct"] == 20 and first["years_left"] == 2
    assert first["required_annual_growth_pct"] == pytest.approx(11.803398874989)
    assert first["required_annual_change"] == 1000
    assert first["met"] is False and first["status"] == "behind"
    assert first["actual_origin"] == "option" and first["actual_scope"] == "全市"
    assert (first["baseline"], first["baseline_year"], first["baseline_origin"]) == (
        6871,
        2020,
        "stated",
    )
    assert first["path_value"] == pytest.approx(8606.13, abs=0.01) and first["as_of"] == 2023
    assert records[2]["value"] == 13742


def test_a_given_actual_only_scores_targets_of_its_scope(run):
    records = data_json(run("gap", "gdp", "--actual", "8000", "--year", "2023", "-f", "json"))
    east = next(r for r in records if r["target_id"] == "gdp@2025.east_new_area")
    assert east["actual"] is None and east["status"] == "no_data"
    # The targets differ in area: the actual is taken for the whole city, and the output says so.
    assumed, note = east["notes"]
    assert assumed["code"] == "actual_scope_whole_city"
    assert assumed["params"] == {"scope_zh": "全市", "scope_en": "whole city"}
    assert note["code"] == "scope_mismatch"
    assert note["params"] == {
        "given_zh": "全市",
        "given_en": "whole city",
        "target_zh": "温州东部新区",
        "target_en": "Wenzhou East New Area",
    }
    assert note["text_zh"] == "给出的实际值范围为全市，本目标范围为温州东部新区"


@pytest.mark.parametrize("value", ["8000", "8000亿", "0.8万亿", "8000亿元"])
def test_gap_reads_the_plans_unit_words(run, value):
    records = data_json(run("gap", "gdp@2025", "--actual", value, "--year", "2023", "-f", "json"))
    assert len(records) == 1 and records[0]["actual"] == pytest.approx(8000)


@pytest.mark.parametrize("name", ["gdp", "GDP", "地区生产总值", "GDP (gross regional product)"])
def test_gap_finds_the_indicator_by_any_name(run, name):
    records = data_json(run("gap", name, "--actual", "8000", "--year", "2023", "-f", "json"))
    assert records[0]["indicator"] == "gdp"


def test_gap_table_rounds_and_names_year_and_actual(run):
    result = run("gap", "gdp", "--actual", "8000", "--year", "2023", width=100)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "地区生产总值 (gdp) · 单位：亿元 · 年份：2023" in out
    assert "实际值：8,000亿元（2023年），来源：命令行 --actual" in out
    row = next(line for line in out.splitlines() if line.strip().startswith("2025 "))
    assert "≥10,000" in row and "2,000 (20%)" in row and "+11.8%" in row and "+1,000" in row
    assert "进度滞后" in row


def test_gap_table_in_english(run):
    result = run("--lang", "en", "gap", "rd_intensity", "--actual", "2.5%", "--year", "2023")
    assert result.exit_code == 0, result.output
    assert "R&D spending as a share of GDP" in result.stdout
    assert "unit: % (gaps and changes in percentage points)" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.strip().startswith("2025"))
    assert "≈3%↑" in row and "+0.25" in row and "behind" in row


def test_gap_around_down_target_is_achieved_within_tolerance(run):
    records = data_json(
        run("gap", "城乡收入比", "--actual", "1.93", "--year", "2025", "-f", "json")
    )
    assert records[0]["met"] is True and records[0]["status"] == "achieved"
    assert records[0]["gap"] == pytest.approx(0.03)


def test_gap_without_actual_uses_the_latest_user_actual(run, no_actuals, my_actuals):
    args = ("--data", str(no_actuals), "--actuals", str(my_actuals), "gap", "gdp@2025")
    records = data_json(run(*args, "-f", "json", env=TODAY))
    assert records[0]["actual"] == 8730 and records[0]["actual_year"] == 2023
    assert records[0]["actual_origin"] == "user"
    assert records[0]["actual_source_title"] == "统计公报2023"
    table = run(*args, env=TODAY).stdout
    assert "年份：2023（默认：最近一个完整年度）" in table
    assert "实际值：8,730亿元（2023年），来源：统计公报2023 (--actuals)" in table
    earlier = data_json(run(*args, "--year", "2022", "-f", "json"))
    assert earlier[0]["actual"] == 8030 and earlier[0]["actual_year"] == 2022


def test_gap_with_no_actual_says_so(run, no_actuals, plan):
    result = run("--data", str(no_actuals), "gap", "gdp", env=TODAY)
    assert result.exit_code == 0, result.output
    assert "截至2023年没有地区生产总值的实际值" in result.stdout
    assert result.stdout.count("无数据") == len(plan.indicator_by_id["gdp"].targets)
    records = data_json(run("--data", str(no_actuals), "gap", "gdp", "-f", "json", env=TODAY))
    assert {r["status"] for r in records} == {"no_data"}
    assert all(r["gap"] is None and r["notes"][0]["code"] == "no_actual" for r in records)


def test_default_year_follows_the_clock(run, no_actuals, my_actuals, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2023, 1, 15))
    args = ("--data", str(no_actuals), "--actuals", str(my_actuals), "gap", "gdp@2025")
    records = data_json(run(*args, "-f", "json"))
    assert records[0]["actual_year"] == 2022  # 2022 is the latest complete year
    monkeypatch.setattr(clock, "today", lambda: date(2041, 1, 1))
    assert "年份：2035" in run(*args).stdout  # never past the plan's horizon


def test_bad_clock_is_a_usage_error(run):
    usage_error(run("gap", "gdp", env={"PLANCLI_TODAY": "soon"}), "PLANCLI_TODAY")


def test_gap_csv_and_markdown(run, plan):
    csv = run("gap", "gdp", "--actual", "8000", "--year", "2023", "-f", "csv")
    assert csv.exit_code == 0
    lines = csv.stdout.splitlines()
    assert lines[0] == ",".join(csv_columns(TargetJudgement))
    assert "notes_code,notes_zh,notes_en" in lines[0] and "actual_source_title" in lines[0]
    assert len(lines) == 1 + len(plan.indicator_by_id["gdp"].targets)
    assert lines[1].startswith(
        "gdp@2025,gdp,地区生产总值,GDP (gross regional product),亿元,level,level,level,全市,2025,"
        "at_least,up,10000"
    )
    md = run("gap", "gdp", "--actual", "8000", "--year", "2023", "-f", "markdown")
    assert md.exit_code == 0
    # One actual for every target: named above the table, not in a column.
    assert "实际值：8,000亿元（2023年），来源：命令行 --actual" in md.stdout
    assert "| 目标 | 目标值 | 达标 | 差距 | 剩余 | 年增速 | 年变化 | 状态 |" in md.stdout
    assert "| 2025 | ≥10,000 | ✗ | 2,000 (20%) | 2 | +11.8% | +1,000 | 进度滞后 |" in md.stdout
    assert "说明：\n\n- gdp@2025, " in md.stdout
    assert "\n- gdp@2025.east_new_area: 给出的实际值范围为全市" in md.stdout


def test_gap_on_an_indicator_without_targets(run, plan):
    ident = next(i.id for i in plan.indicators if not i.targets)
    result = run("gap", ident)
    assert result.exit_code == 0 and "没有目标值" in result.stdout
    assert data_json(run("gap", ident, "-f", "json")) == []


def test_gap_on_a_share_notes_points_not_rates(run):
    records = data_json(
        run("gap", "urbanization_rate", "--actual", "73", "--year", "2023", "-f", "json")
    )
    assert [r["required_annual_change"] for r in records] == pytest.approx([1.0, 7 / 12])
    assert all(r["required_annual_growth_pct"] is None for r in records)
    assert all("moves_in_points_pct" in [n["code"] for n in r["notes"]] for r in records)


# -- every bad input is one line and exit 2 ----------------------------------------------------


@pytest.mark.parametrize("command", ["gap", "growth"])
@pytest.mark.parametrize(
    ("indicator", "value", "words"),
    [
        ("gdp", "80%", ["'80%'", "does not convert", "亿元"]),
        ("gdp", "3万人", ["does not convert"]),
        ("urban_rural_income_ratio", "80%", ["plain numbers"]),
        ("gdp", "abc", ["cannot read 'abc'"]),
        ("gdp", "", ["cannot read"]),
        ("gdp", "-5", ["negative", "gdp"]),
        ("gdp", "1e999", ["not a finite number"]),
        ("urbanization_rate", "120", ["above 100%"]),
        ("urbanization_rate", "-1", ["negative"]),
    ],
)
def test_bad_actual(run, command, indicator, value, words):
    usage_error(run(command, indicator, "--actual", value, "--year", "2023", lang="en"), *words)


@pytest.mark.parametrize("command", ["gap", "growth"])
@pytest.mark.parametrize(
    ("year", "words"),
    [
        ("2019", ["--year 2019", "2020–2035"]),
        ("2036", ["--year 2036"]),
        ("20x3", ["'20x3' is not a year"]),
        ("", ["is not a year"]),
    ],
)
def test_bad_year(run, command, year, words):
    usage_error(run(command, "gdp", "--actual", "8000", "--year", year, lang="en"), *words)


@pytest.mark.parametrize("command", ["gap", "growth", "trajectory"])
def test_unknown_indicator_suggests(run, command):
    line = usage_error(run(command, "gpd", lang="en"), "unknown indicator or target 'gpd'")
    assert "did you mean" in line and "GDP" in line
    zh = run(command, "gpd").stderr
    assert zh.startswith("plancli：错误：未知的指标或目标“gpd”；是否想输入：") and "GDP" in zh


def test_unknown_target_id(run):
    usage_error(run("gap", "gdp@2030", lang="en"), "did you mean", "gdp@2035")


def test_broken_data_is_exit_1(run, data_copy):
    (data_copy / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    result = run("--data", str(data_copy), "gap", "gdp", "--actual", "8000")
    assert result.exit_code == 1 and "Traceback" not in result.output


# -- growth ------------------------------------------------------------------------------------


def test_growth_from_the_plans_baseline_and_from_an_actual(run):
    records = data_json(run("growth", "gdp", "--actual", "8000", "--year", "2023", "-f", "json"))
    first = records[0]
    assert first["baseline"] == 6871 and first["baseline_year"] == 2020 and first["plan_years"] == 5
    assert round(first["plan_annual_growth_pct"], 2) == 7.79
    assert first["required_annual_growth_pct"] == pytest.approx(11.803398874989)
    stated = [(s["indicator"], s["value"], s["stated_as"]) for s in first["stated_growth_rates"]]
    assert ("gdp_growth", 7.2, "baseline") in stated


def test_growth_table(run):
    result = run("growth", "gdp", "--actual", "8000", "--year", "2023")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.strip().startswith("2025"))
    assert "6,871" in row and "+7.79%" in row and "+11.8%" in row
    assert "规划表述的增速：gdp_growth，基期 2020年：7.2%" in result.stdout


def test_growth_of_a_share_is_in_points(run):
    records = data_json(
        run("growth", "urbanization_rate", "--actual", "73", "--year", "2023", "-f", "json")
    )
    assert records[0]["plan_annual_change"] == pytest.approx(0.8)
    assert records[0]["plan_annual_growth_pct"] is None
    assert records[0]["stated_growth_rates"] == []


# -- trajectory --------------------------------------------------------------------------------


def test_trajectory_json_path_and_actuals(run, no_actuals, my_actuals):
    rows = data_json(
        run(
            "--data",
            str(no_actuals),
            "--actuals",
            str(my_actuals),
            "trajectory",
            "gdp@2025",
            "-f",
            "json",
        )
    )
    (traj,) = rows
    assert traj["target_id"] == "gdp@2025" and traj["shape"] == "compound"
    assert (traj["baseline"], traj["baseline_year"], traj["value"]) == (6871, 2020, 10000)
    assert round(traj["annual_growth_pct"], 2) == 7.79
    points = traj["points"]
    assert [r["year"] for r in points] == list(range(2020, 2026))
    assert points[0]["path_value"] == 6871 and points[-1]["path_value"] == pytest.approx(10000)
    assert points[1]["actual"] == 7585 and points[1]["actual_source_title"] == "统计公报2021"
    assert points[1]["deviation"] == pytest.approx(7585 - points[1]["path_value"])
    assert points[4]["actual"] is None


def test_trajectory_table_draws_the_path(run, no_actuals, my_actuals):
    args = ("--data", str(no_actuals), "--actuals", str(my_actuals), "trajectory", "gdp@2025")
    result = run(*args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "gdp@2025: 6,871 (2020) → ≥10,000 (2025) · 复合增长，每年 +7.79%" in out
    bars = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0].isdigit() and len(parts[0]) == 4:
            bars[int(parts[0])] = line
    assert sorted(bars) == list(range(2020, 2026))
    assert "●" in bars[2021] and "●" not in bars[2024]
    assert bars[2025].count("█") > bars[2020].count("█")


def test_trajectory_linear_and_all_targets(run):
    rows = data_json(run("trajectory", "urbanization_rate", "-f", "json"))
    assert [r["target_id"] for r in rows] == ["urbanization_rate@2025", "urbanization_rate@2035"]
    first = [p["path_value"] for p in rows[0]["points"]]
    assert first == pytest.approx([71, 71.8, 72.6, 73.4, 74.2, 75])
    result = run("--lang", "en", "trajectory", "urbanization_rate")
    assert "linear: +0.8 pp a year" in result.stdout


def test_trajectory_without_a_baseline_says_why(run, no_actuals, plan):
    ident = next(
        t.id
        for i in plan.indicators
        if not i.baselines
        for t in i.targets
        if t.kind.value in ("level", "count", "share") and t.value is not None
    )
    result = run("--data", str(no_actuals), "--lang", "en", "trajectory", ident)
    assert result.exit_code == 0, result.output
    assert "no baseline" in result.stdout
    assert "No actual values are known" in result.stdout


def test_trajectory_csv(run):
    result = run("trajectory", "urban_new_jobs", "-f", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("target_id,indicator,unit,shape,year,path_value")
    assert lines[1].startswith("urban_new_jobs@2025,urban_new_jobs,万人,from_zero,2020,0,")


def test_notes_follow_the_language(run):
    zh = run("gap", "gdp", "--year", "2025").stdout
    en = run("--lang", "en", "gap", "gdp", "--year", "2025").stdout
    assert "gdp@2025: 已到期限2025年：已实现" in zh and "deadline" not in zh
    assert "gdp@2025: deadline 2025 reached: achieved" in en
