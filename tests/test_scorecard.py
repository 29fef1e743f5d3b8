"""The scorecard: target scores by hand, aggregation, and the score and review commands."""

from __future__ import annotations

import json

import pytest

from plancli.maths.actuals import ActualPick
from plancli.maths.judge import evaluate
from plancli.maths.scorecard import Method, build, clamp, score_of


def judged(plan, target_id: str, value: float, year: int):
    ind, target = plan.target_by_id[target_id]
    pick = ActualPick(value, year, target.scope, "option")
    return evaluate(plan, ind, target, pick)


@pytest.mark.parametrize(
    ("target_id", "value", "year", "expected", "method"),
    [
        # progress from the stated 2020 baseline 6871 to 10000: (8000-6871)/3129
        ("gdp@2025", 8000, 2023, 100 * 1129 / 3129, Method.PROGRESS),
        # met: full marks
        ("gdp@2025", 10213.9, 2025, 100, Method.PROGRESS),
        # below the baseline: clamped to 0
        ("gdp@2025", 6000, 2022, 0, Method.PROGRESS),
        # around, down: 1.96 -> 1.9, at 1.94 (outside the 2% band) a third of the way
        ("urban_rural_income_ratio@2025", 1.94, 2023, 100 * 0.02 / 0.06, Method.PROGRESS),
        # a five-year total starts from zero: the first year's 30 of 45
        ("urban_new_jobs@2025", 30, 2021, 100 * 30 / 45, Method.PROGRESS),
        # at most, no baseline: target / actual
        ("pm25@2025", 30, 2023, 100 * 27 / 30, Method.RATIO),
        # at least, no baseline: actual / target
        ("airport_passengers@2025", 1253, 2024, 100 * 1253 / 2500, Method.RATIO),
    ],
)
def test_target_scores_by_hand(plan, target_id, value, year, expected, method):
    score, how = score_of(judged(plan, target_id, value, year))
    assert score == pytest.approx(expected)
    assert how == method


def test_no_actual_is_no_score(plan):
    ind, target = plan.target_by_id["life_expectancy@2025"]
    assert score_of(evaluate(plan, ind, target, None)) == (None, None)


def test_clamp():
    assert clamp(-5) == 0 and clamp(150) == 100 and clamp(42.5) == 42.5


def test_chapter_and_overall_aggregation(plan):
    card = build(plan, 2025)
    scored = [t for t in card.targets if t.score is not None]
    # A target stated in several chapters (also_in) counts in each of them.
    stated = {t.id: {task.split(".")[0] for task in t.tasks} for _, t in plan.targets}
    for chapter in card.chapters:
        mine = [t.score for t in scored if chapter.chapter in stated[t.target_id]]
        s = chapter.summary
        assert s.with_data == len(mine)
        assert s.targets == sum(1 for t in card.targets if chapter.chapter in stated[t.target_id])
        assert s.mean_score == (pytest.approx(sum(mine) / len(mine)) if mine else None)
        assert s.thin == (len(mine) / s.targets < 0.2)
        assert sum(s.counts.values()) == s.targets
        weakest = sorted(mine)[:3]
        assert [plan_score(card, i) for i in chapter.weakest] == weakest
    means = [c.summary.mean_score for c in card.chapters if c.summary.mean_score is not None]
    assert card.overall.mean_score == pytest.approx(sum(means) / len(means))
    assert card.overall.targets == len(plan.target_by_id) == len(card.targets)  # each once
    assert sum(c.summary.targets for c in card.chapters) > card.overall.targets
    assert card.overall.counts["no_data"] > 0  # counted, never scored as zero


def plan_score(card, target_id):
    return next(t.score for t in card.targets if t.target_id == target_id)


def test_gdp_reached_its_2025_target(run):
    result = run("score", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    gdp = next(t for t in doc["targets"] if t["target_id"] == "gdp@2025")
    assert gdp["actual"] == 10213.9 and gdp["actual_year"] == 2025
    assert gdp["status"] == "achieved" and gdp["score"] == 100
    assert gdp["actual_source_url"].startswith("http")
    # What the judgement used, so that a reader can recompute it.
    assert (gdp["baseline"], gdp["baseline_year"], gdp["baseline_origin"]) == (6871, 2020, "stated")
    assert gdp["baseline_quote"] and gdp["baseline_task"]
    assert gdp["year"] == 2025 and gdp["value"] == 10000 and gdp["as_of"] == 2025
    assert set(doc["overall"]) >= {"mean_score", "with_data", "counts", "targets", "thin"}
    assert {"chapter", "mean_score", "with_data", "counts", "weakest"} <= set(doc["chapters"][0])
    no_data = [t for t in doc["targets"] if t["status"] == "no_data"]
    assert no_data and all(t["score"] is None for t in no_data)


def test_score_table_names_year_and_shows_bars(run):
    result = run("score", "--year", "2025", width=100)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "年份：2025" in out and "总体得分" in out and "█" in out
    assert "gdp@2025" in out and "已实现" in out
    assert "未评分" in out


def test_users_csv_overrides_a_shipped_value(run, tmp_path):
    mine = tmp_path / "2025.csv"
    mine.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "gdp,2025,9500,亿元,全市,统计快报,,\n",
        encoding="utf-8",
    )
    result = run("--actuals", str(mine), "score", "--year", "2025", "-f", "json")
    assert result.exit_code == 0, result.output
    gdp = next(t for t in json.loads(result.stdout)["targets"] if t["target_id"] == "gdp@2025")
    assert gdp["actual"] == 9500 and gdp["status"] == "missed"
    assert gdp["actual_source_title"] == "统计快报" and gdp["actual_origin"] == "user"
    assert gdp["score"] == pytest.approx(100 * (9500 - 6871) / 3129)


def test_score_one_chapter(run, plan):
    result = run("score", "--chapter", "13", "-f", "json")
    doc = json.loads(result.stdout)
    # surface_water_good_share@2025 is set in 1.4.6 and restated in 13.3.1: it belongs here too.
    assert {t["chapter"] for t in doc["targets"]} == {"1", "13"}
    assert {t["target_id"] for t in doc["targets"] if t["chapter"] == "1"} == {
        "surface_water_good_share@2025"
    }
    assert [c["chapter"] for c in doc["chapters"]] == ["13"]
    assert doc["chapters"][0]["targets"] == len(doc["targets"]) == doc["overall"]["targets"]


@pytest.mark.parametrize("args", [["--chapter", "99"], ["--year", "2040"], ["--year", "abc"]])
def test_score_usage_errors(run, args):
    result = run("score", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("plancli：错误：")
    assert run("--lang", "en", "score", *args).stderr.startswith("plancli: error:")


def test_score_csv_one_row_per_target(run, plan):
    lines = run("score", "--year", "2025", "-f", "csv").stdout.splitlines()
    assert len(lines) == 1 + len(plan.target_by_id)
    assert lines[0].startswith("target_id,") and ",score," in lines[0]


def test_review_is_markdown_with_every_section(run):
    result = run("--lang", "en", "review", "--year", "2025")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Review of Wenzhou's 14th Five-Year Plan (2025)")
    for heading in ("## achieved", "## on track", "## behind", "## off track", "## missed"):
        assert heading in out
    assert "| gdp@2025 |" in out and "1.02139 trillion yuan (2025)" in out


def test_titles_name_the_plan_of_the_data_directory(run, data_copy):
    plan_yaml = data_copy / "plan.yaml"
    text = plan_yaml.read_text(encoding="utf-8")
    text = text.replace("  zh: 温州“十四五”规划\n", "  zh: 示例市规划\n")
    text = text.replace("  en: Wenzhou's 14th Five-Year Plan\n", "  en: Sample City's Plan\n")
    plan_yaml.write_text(text, encoding="utf-8")
    args = ("--data", str(data_copy))
    zh = run(*args, "score", "--year", "2025").stdout.splitlines()[0]
    en = run(*args, "--lang", "en", "score", "--year", "2025").stdout.splitlines()[0]
    assert zh.startswith("示例市规划目标评分") and en.startswith("Sample City's Plan scorecard")
    review = run(*args, "--lang", "en", "review", "--year", "2025").stdout.splitlines()[0]
    assert review == "# Review of Sample City's Plan (2025)"
    doc = json.loads(run(*args, "score", "-f", "json").stdout)
    assert (doc["plan_name_zh"], doc["plan_name_en"]) == ("示例市规划", "Sample City's Plan")
    for out in (zh, en, review, run(*args, "--help").stdout):
        assert "温州" not in out and "Wenzhou" not in out


def test_a_plan_without_a_short_name_is_called_by_its_name(run, data_copy):
    plan_yaml = data_copy / "plan.yaml"
    lines = plan_yaml.read_text(encoding="utf-8").splitlines()
    at = lines.index("short_name:")
    plan_yaml.write_text("\n".join(lines[:at] + lines[at + 3 :]) + "\n", encoding="utf-8")
    first = run("--data", str(data_copy), "score").stdout.splitlines()[0]
    assert first.startswith(
        "温州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要目标评分"
    )
