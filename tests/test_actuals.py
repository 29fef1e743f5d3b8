"""`plancli actuals` and the fill-in sheet (`actuals --missing`), --actuals skipping the rows
not filled in, --scope on gap, growth and trajectory, and check's rule `series`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from plancli.loading.actuals_csv import ACTUALS_COLUMNS
from plancli.loading.loader import read_plan
from plancli.report.records import csv_columns
from plancli.results.actuals import SheetRow
from wording import english

TODAY = {"PLANCLI_TODAY": "2026-11-27"}  # the default year is 2025


def data_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- actuals -------------------------------------------------------------------------------------


def test_actuals_lists_every_shipped_value_with_its_source(run, plan):
    rows = data_json(run("actuals", "-f", "json"))
    assert len(rows) == len(plan.actuals)
    first = rows[0]
    assert list(first) == [
        "indicator",
        "year",
        "value",
        "unit",
        "scope",
        "scope_en",
        "origin",
        "source_title",
        "source_url",
        "source_quote",
        "source_primary",
        "note",
    ]
    gdp = [r for r in rows if r["indicator"] == "gdp"]
    assert [r["year"] for r in gdp] == sorted(r["year"] for r in gdp)
    assert all(r["origin"] == "shipped" and r["source_url"] for r in rows)


def test_actuals_filters(run):
    rows = data_json(run("actuals", "--indicator", "GDP", "--year", "2024", "-f", "json"))
    assert {(r["indicator"], r["year"]) for r in rows} == {("gdp", 2024)}
    primary = data_json(run("actuals", "-i", "gdp", "--primary", "-f", "json"))
    assert primary and all(r["source_primary"] for r in primary)
    # a target id names its indicator
    assert data_json(run("actuals", "-i", "gdp@2025", "-f", "json"))[0]["indicator"] == "gdp"


def test_actuals_with_a_users_file(run, tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "retail_sales,2024,4200,亿元,全市,统计公报,,\n",
        encoding="utf-8",
    )
    rows = data_json(run("--actuals", str(mine), "actuals", "-i", "retail_sales", "-f", "json"))
    assert rows[-1]["origin"] == "user" and rows[-1]["value"] == 4200
    table = run("--actuals", str(mine), "actuals", "-i", "retail_sales", lang="en")
    assert "(your --actuals)" in table.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_actuals_in_every_format(run, fmt):
    result = run("actuals", "-i", "gdp", "-f", fmt, lang="en")
    assert result.exit_code == 0 and "2024" in result.stdout
    if fmt == "csv":
        assert result.stdout.splitlines()[0].startswith(
            "indicator,year,value,unit,scope,scope_en,origin"
        )
    if fmt == "table":
        assert "primary" in result.stdout and "971.88 billion yuan" in result.stdout


def test_actuals_says_when_nothing_matches(run):
    result = run("actuals", "-i", "pm25", "--year", "2025", lang="en")
    assert result.exit_code == 0 and "No actual values match these filters." in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("actuals", "-i", "gpd"), "unknown indicator or target 'gpd'"),
        (("actuals", "--year", "2040"), "2040"),
        (("actuals", "--missing", "--primary"), "--missing lists what no source gives yet"),
    ],
)
def test_actuals_usage_errors(run, args, says):
    result = run(*args, lang="en")
    assert result.exit_code == 2 and says in result.stderr


# -- the fill-in sheet ---------------------------------------------------------------------------


def test_the_sheet_is_exactly_what_actuals_reads():
    assert csv_columns(SheetRow) == list(ACTUALS_COLUMNS)


def sheet(run, *args: str, bom: bool = False) -> list[dict]:
    result = run("actuals", "--missing", *args, "-f", "csv", *(["--bom"] if bom else []), env=TODAY)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("\ufeff") is bom
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_sheet_lists_what_the_targets_need_and_lack(run):
    rows = sheet(run)
    assert rows and all(r["year"] == "2025" for r in rows)  # the latest complete year
    assert all(r["value"] == r["source_title"] == r["source_url"] == "" for r in rows)
    keyed = {(r["indicator"], r["scope"]): r for r in rows}
    assert ("gdp", "全市") not in keyed  # 2025's GDP is shipped
    assert keyed[("gdp", "温州东部新区")]["unit"] == "亿元"
    assert keyed[("pm25", "市区")]["unit"] == "微克/立方米"
    assert keyed[("public_transport_share", "主城区")]["unit"] == "%"
    assert len(keyed) == len(rows)  # one row per indicator and scope


def test_the_sheet_for_another_year_and_one_indicator(run):
    rows = sheet(run, "--year", "2020", "-i", "public_transport_share")
    assert [(r["indicator"], r["year"], r["scope"]) for r in rows] == [
        ("public_transport_share", "2020", "主城区")
    ]
    # the plan states 2020's GDP for the city; the East New Area's path needs its own
    assert {r["scope"] for r in sheet(run, "--year", "2020", "-i", "gdp")} == {"温州东部新区"}


def test_the_sheet_says_what_to_give(run):
    table = run("actuals", "--missing", "-i", "urban_new_jobs", env=TODAY, lang="en", width=200)
    table = table.stdout
    assert "the year's own amount (a yearly flow)" in table and "2025.yearly" in table
    table = run("actuals", "--missing", "-i", "specialized_little_giants", env=TODAY, width=200)
    table = table.stdout
    assert "截至年末累计数" in table
    rows = data_json(run("actuals", "--missing", "-i", "urban_new_jobs", "-f", "json", env=TODAY))
    assert rows == [
        {
            "indicator": "urban_new_jobs",
            "name_zh": "城镇新增就业",
            "name_en": "New urban jobs",
            "year": 2025,
            "unit": "万人",
            "scope": "全市",
            "scope_en": "whole city",
            "series": "flow",
            "target_ids": ["urban_new_jobs@2025", "urban_new_jobs@2025.yearly"],
        }
    ]


def test_a_partly_filled_sheet_is_checked_and_scored(run, tmp_path):
    """The round trip: write the sheet, fill two rows, check it, score them."""
    rows = sheet(run, bom=True)
    filled = {"urbanization_rate": "77.1", "pm25": "23"}
    for r in rows:
        if r["indicator"] in filled:
            r["value"], r["source_title"] = filled[r["indicator"]], "统计公报"
    path = tmp_path / "sheet.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:  # as Excel saves it
        writer = csv.DictWriter(f, fieldnames=list(ACTUALS_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    empty = len(rows) - len(filled)

    checked = run("--actuals", str(path), "check", env=TODAY, lang="en")
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith("ok: ")
    assert checked.stderr == f"plancli: {path}: {empty} rows with no value yet skipped\n"

    scored = run("--actuals", str(path), "score", "-f", "json", env=TODAY)
    assert scored.exit_code == 0
    card = json.loads(scored.stdout)  # stdout holds the JSON alone
    by_id = {t["target_id"]: t for t in card["targets"]}
    assert by_id["urbanization_rate@2025"]["actual"] == 77.1
    assert by_id["urbanization_rate@2025"]["actual_origin"] == "user"
    assert by_id["urbanization_rate@2025"]["status"] == "achieved"
    assert by_id["pm25@2025"]["actual"] == 23 and by_id["pm25@2025"]["score"] == 100
    assert "跳过" in scored.stderr


def test_empty_values_are_skipped_and_counted(tmp_path):
    from conftest import DATA

    mine = tmp_path / "mine.csv"
    mine.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "gdp,2025,,亿元,温州东部新区,,,\n"
        "pm25,2025,  ,微克/立方米,市区,,,\n"
        "urbanization_rate,2025,77.1,%,全市,mine,,\n",
        encoding="utf-8",
    )
    plan, problems = read_plan(DATA, mine)
    assert problems == []
    assert plan.user_actuals_skipped == 2
    assert [(a.indicator, a.value) for a in plan.user_actuals] == [("urbanization_rate", 77.1)]


def test_a_sheet_with_nothing_filled_changes_nothing(run, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(run("actuals", "--missing", "-f", "csv", env=TODAY).stdout, encoding="utf-8")
    plain = run("score", "-f", "json", env=TODAY).stdout
    assert run("--actuals", str(path), "score", "-f", "json", env=TODAY).stdout == plain


# -- --scope -------------------------------------------------------------------------------------


def test_a_given_actual_takes_the_scope_its_targets_share(run):
    (rec,) = data_json(run("gap", "pm25", "--actual", "22", "-f", "json", env=TODAY))
    assert rec["actual"] == 22 and rec["actual_scope"] == "市区" and rec["status"] == "achieved"
    assert rec["notes"][0]["code"] == "actual_scope_shared"
    assert rec["notes"][0]["params"] == {"scope_zh": "市区", "scope_en": "urban districts"}
    table = run("gap", "pm25", "--actual", "22", env=TODAY, lang="en").stdout
    assert "--actual is taken to be for urban districts" in table


def test_scope_picks_the_targets_and_the_actuals_area(run):
    recs = data_json(
        run("gap", "gdp", "--actual", "900", "--scope", "温州东部新区", "-f", "json", env=TODAY)
    )
    assert [r["target_id"] for r in recs] == ["gdp@2025.east_new_area"]
    assert recs[0]["actual_scope"] == "温州东部新区" and recs[0]["gap"] == 100
    assert not any(n["code"].startswith("actual_scope_") for n in recs[0]["notes"])
    growth = data_json(run("growth", "gdp", "--scope", "温州东部新区", "-f", "json", env=TODAY))
    assert [r["target_id"] for r in growth] == ["gdp@2025.east_new_area"]
    paths = data_json(run("trajectory", "sponge_city_share", "--scope", "各县(市)", "-f", "json"))
    assert [t["target_id"] for t in paths] == ["sponge_city_share@2025.counties"]


def test_a_scope_without_targets_is_an_empty_answer(run):
    result = run("gap", "pm25", "--scope", "全市", env=TODAY, lang="en")
    assert result.exit_code == 0
    # In English the areas are named in English (the glossary's renderings).
    said = " ".join(result.stdout.split())
    assert "has no target for whole city; its targets are for urban districts" in said
    assert data_json(run("gap", "pm25", "--scope", "全市", "-f", "json")) == []


def test_an_unknown_scope_is_a_usage_error_with_did_you_mean(run):
    result = run("gap", "pm25", "--scope", "市", lang="en")
    assert result.exit_code == 2
    assert "unknown area '市' for --scope; did you mean: 市区" in result.stderr
    result = run("trajectory", "gdp", "--scope", "Mars", lang="en")
    assert result.exit_code == 2 and "the plan's areas: 全市" in result.stderr


def test_the_issues_jobs(run, tmp_path):
    """urban_new_jobs with 12, 11, 10, 10.5 for 2021–2024: the five-year total sees 43.5, and
    --actual 30 is the 2025 figure, added to the total once and the yearly floor's alone."""
    mine = tmp_path / "jobs.csv"
    mine.write_text(
        "indicator,year,value,unit\n"
        "urban_new_jobs,2021,12,万人\nurban_new_jobs,2022,11,万人\n"
        "urban_new_jobs,2023,10,万人\nurban_new_jobs,2024,10.5,万人\n",
        encoding="utf-8",
    )
    total, floor = data_json(run("--actuals", str(mine), "gap", "urban_new_jobs", "-f", "json"))
    assert total["actual"] == 43.5 and total["gap"] == pytest.approx(1.5)
    assert total["compares"] == "sum" and total["series"] == "flow"
    assert [p["year"] for p in total["actual_parts"]] == [2021, 2022, 2023, 2024]
    assert total["status"] == "on_track" and floor["actual"] == 10.5
    total, floor = data_json(
        run("--actuals", str(mine), "gap", "urban_new_jobs", "--actual", "30", "-f", "json")
    )
    assert total["actual"] == 73.5 and floor["actual"] == 30
    given = [n for n in total["notes"] if n["code"] == "given_as"][0]
    assert given["params"]["year"] == 2025
    assert "this target compares a sum over years" in given["text_en"]


def test_a_change_shows_points(run):
    result = run("gap", "public_transport_share", "--actual", "28", env=TODAY, lang="en")
    assert "≥+2 pp" in result.stdout and "no baseline" in result.stdout
    assert "it needs the 2020 value of" in result.stdout
    assert "≥+2百分点" in run("gap", "public_transport_share", env=TODAY).stdout


# -- check: the rule `series` --------------------------------------------------------------------


def problems(data: Path) -> list:
    return read_plan(data)[1]


def test_a_sum_needs_its_indicator_to_say_what_its_actuals_are(data_copy):
    edit(data_copy, "targets.yaml", "  unit: 万人\n  series: flow\n", "  unit: 万人\n")
    (p,) = problems(data_copy)
    assert p.rule == "series" and "say whether they are yearly flows" in english(p)


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        # a level is never added up
        ("  unit: 万人\n  series: flow\n", "  unit: 万人\n  series: level\n",
         "cannot compare a sum"),
        # a cumulative total sums; it cannot compare a level
        ("    kind: cumulative\n", "    kind: cumulative\n    compares: level\n", "compares a sum"),
        # a yearly flow has no level
        ("    kind: level\n    every_year: true\n", "    kind: level\n    compares: level\n", ""),
        # a sum is a floor
        ("    value: 45\n    text: 45万人\n    comparator: at_least\n",
         "    value: 45\n    text: 45万人\n    comparator: at_most\n", "judged as a floor"),
    ],
)  # fmt: skip
def test_what_a_target_compares_must_fit(data_copy, old, new, says):
    edit(data_copy, "targets.yaml", old, new)
    found = [p for p in problems(data_copy) if p.rule == "series"]
    assert found, [english(p) for p in problems(data_copy)]
    assert says in english(found[0])


def test_a_change_is_an_amount_over_a_base_year(data_copy):
    edit(
        data_copy,
        "targets.yaml",
        "    relative: {base_year: 2020, amount: 2}\n",
        "    value: 2\n",
    )
    found = problems(data_copy)
    assert [p.rule for p in found] == ["schema"]
    assert "a change target is given as a relative base_year and amount" in english(found[0])


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("actuals", "-i", "gdp"), ("9,718.8亿元", "971.88 billion yuan")),
        (("actuals", "--missing", "-i", "urban_new_jobs"), "urban_new_jobs"),
        (("gap", "public_transport_share", "--actual", "28"), "≥+2"),
        (("gap", "urban_new_jobs", "--actual", "10", "--year", "2023"), "≥45"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v,
)
def test_the_new_pages_at_every_width(run, width, args, shown):
    # (How a table shares a narrow width out is report/table.py's; these pages only feed it.)
    for lang in ("zh", "en"):
        result = run(*args, width=width, env=TODAY, lang=lang)
        assert result.exit_code == 0, result.output
        assert (shown[lang == "en"] if isinstance(shown, tuple) else shown) in result.stdout
