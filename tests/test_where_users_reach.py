"""Options where users type them, lookups as they write names, messages that do not mislead,
and output details (issue 16), each through the CLI on the shipped data."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from markdown_it import MarkdownIt

from plancli.cli import COMMANDS
from plancli.model.units import BASES, MAGNITUDES, SYNONYMS, parse_unit, unit_pattern

TODAY = {"PLANCLI_TODAY": "2026-06-30"}  # the default year is 2025


def bad_actuals(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "retail_sale,2024,4200,亿元,全市,公报,,\n"
        "gdp,2024,abc,亿元,全市,公报,,\n",
        encoding="utf-8",
    )
    return path


# -- options where users type them --------------------------------------------------------------


@pytest.mark.parametrize("command", ["show gdp", "gap gdp", "chapters", "check", "score"])
def test_lang_after_the_command(run, command):
    before = run("--lang", "en", *command.split(), env=TODAY)
    after = run(*command.split(), "--lang", "en", env=TODAY)
    assert after.exit_code == before.exit_code
    assert after.stdout == before.stdout
    assert after.stdout != run(*command.split(), env=TODAY).stdout  # it did change the language


def test_after_the_command_wins(run):
    r = run("--lang", "zh", "show", "gdp", "--lang", "en")
    assert r.stdout.startswith("gdp  GDP (gross regional product)")
    r = run("show", "gdp", "--lang", "en", env={"PLANCLI_LANG": "zh"})
    assert r.stdout.startswith("gdp  GDP (gross regional product)")


def test_data_actuals_and_no_cache_after_the_command(run, data_copy, tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "retail_sales,2024,4200,亿元,全市,mine,,\n",
        encoding="utf-8",
    )
    r = run("gap", "retail_sales", "--actuals", str(mine), "--data", str(data_copy), "--no-cache")
    assert r.exit_code == 0, r.output
    assert "4,200亿元（2024年），来源：mine" in r.stdout
    r = run("gap", "gdp", "--data", str(tmp_path / "nope"))
    assert r.exit_code == 2 and "nope" in r.stderr


def test_plancli_lang_in_capitals(run):
    r = run("gap", "gdp", env={"PLANCLI_LANG": "EN", **TODAY})
    assert r.exit_code == 0 and r.stdout.startswith("GDP (gross regional product)")
    assert run("--lang", "EN", "chapters").stdout.startswith("chapter")


def test_help_shows_no_bool_and_whole_summaries(run):
    for width in (60, 80):
        top = run("--help", width=width).stdout
        commands = top.split("Commands:", 1)[1]
        assert "<bool>" not in top and "..." not in commands
        for name in COMMANDS:
            assert re.search(rf"^  {name} ", commands, re.M), name
    from plancli.cli.registry import build

    for name in COMMANDS:
        summary = build(name).short_help
        assert summary and summary.endswith(".") and summary.count(". ") == 0, (name, summary)
        help_text = run(name, "--help", width=80).stdout
        assert "<bool>" not in help_text, name


def test_every_command_that_writes_csv_takes_bom(run):
    writes_csv = []
    for name in COMMANDS:
        help_text = run(name, "--help", width=200).stdout
        if re.search(r"--format <[^>]*\bcsv\b", help_text):
            writes_csv.append(name)
            assert "--bom" in help_text, name
    assert {"gap", "growth", "trajectory", "score", "review", "targets"} <= set(writes_csv)
    for args in (("gap", "gdp"), ("growth", "gdp"), ("trajectory", "gdp"), ("review",)):
        r = run(*args, "--format", "csv", "--bom", env=TODAY)
        assert r.exit_code == 0 and r.stdout.startswith("\ufeff"), args


def test_review_takes_format(run):
    md = run("review", env=TODAY).stdout
    assert md.startswith("# ")
    doc = json.loads(run("review", "--format", "json", env=TODAY).stdout)
    assert doc == json.loads(run("score", "--format", "json", env=TODAY).stdout)
    assert run("review", "-f", "csv", env=TODAY).stdout.startswith("target_id,")


# -- lookups ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, target",
    [
        ("GDP@2025", "gdp@2025"),
        ("ＧＤＰ＠２０２５", "gdp@2025"),
        ("ＧＤＰ", None),
        ("gross regional product", None),
        ("Gross Regional Product", None),
        ("地区生产总值", None),
    ],
)
def test_lookups(run, query, target):
    doc = json.loads(run("show", query, "--format", "json").stdout)
    assert doc["indicator"] == "gdp"
    ids = [t["target_id"] for t in doc["targets"]]
    assert ids == [target] if target else len(ids) > 1


def test_words_several_indicators_share_name_them(run):
    r = run("--lang", "en", "gap", "income")
    assert r.exit_code == 2
    assert "'income' is in the names of" in r.stderr
    assert "urban_rural_income_ratio" in r.stderr and "disposable_income_per_capita" in r.stderr


def complete(run, words: str) -> list[str]:
    env = {"_PLANCLI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
    return run(env=env).stdout.split()


@pytest.mark.parametrize("command", ["gap", "growth", "trajectory", "show"])
def test_indicator_commands_complete_names(run, command):
    assert "gdp_per_capita" in complete(run, f"plancli {command} gdp_p")
    assert "常住人口城镇化率" in complete(run, f"plancli {command} 常住")


# -- messages that do not mislead -------------------------------------------------------------


def test_data_pending_at_the_default_year(run):
    """A 2025 target whose latest actual is from 2023: its status stands, and the note says the
    2025 figure is not in yet (not that the deadline has passed)."""
    doc = json.loads(run("gap", "digital_core_share", "--format", "json", env=TODAY).stdout)
    (row,) = [r for r in doc if r["target_id"] == "digital_core_share@2025"]
    codes = [n["code"] for n in row["notes"]]
    assert row["actual_year"] == 2023 and row["as_of"] == 2025
    assert "data_pending" in codes and "deadline_passed" not in codes
    assert row["status"] not in ("missed", "achieved")
    shown = run("--lang", "en", "gap", "digital_core_share", env=TODAY).stdout
    assert "the 2025 figure is not in yet: judged on the latest, for 2023" in shown


def test_score_marks_thin_coverage_in_table_and_markdown(run):
    doc = json.loads(run("score", "--format", "json", env=TODAY).stdout)
    assert doc["overall"]["thin"] is True
    table = run("--lang", "en", "score", width=120, env=TODAY).stdout
    assert "(thin data: under 20% of the targets have an actual value)" in table
    md = run("--lang", "en", "review", env=TODAY).stdout
    assert "Thin data: under 20% of the plan's targets have an actual value" in md
    one = json.loads(run("score", "--chapter", "1", "--format", "json", env=TODAY).stdout)
    assert one["overall"]["thin"] is False
    assert "thin data: under" not in run("--lang", "en", "score", "--chapter", "1").stdout


def test_bad_actuals_hint_names_the_command_that_lists_them(run, tmp_path):
    mine = bad_actuals(tmp_path)
    r = run("--lang", "en", "--actuals", str(mine), "gap", "gdp")
    assert r.exit_code == 1
    assert f"`plancli --actuals {mine} check` lists them all" in r.stderr
    listed = run("--lang", "en", "--actuals", str(mine), "check")
    assert listed.exit_code == 1 and len(listed.stdout.splitlines()) == 3


@pytest.mark.parametrize(
    "args",
    [
        ("chapters",),
        ("chapter", "1"),
        ("tasks",),
        ("task", "1.4.7"),
        ("targets",),
        ("search", "研发"),
    ],
)
def test_commands_without_actuals_ignore_a_bad_actuals_file(run, tmp_path, args):
    r = run("--actuals", str(bad_actuals(tmp_path)), *args)
    assert r.exit_code == 0, r.output


def test_data_file_is_told_it_is_a_file(run, tmp_path):
    f = tmp_path / "plan.yaml"
    f.write_text("x: 1\n", encoding="utf-8")
    r = run("--lang", "en", "--data", str(f), "chapters")
    assert r.exit_code == 2
    assert f"--data {f} is a file; --data names the plan's folder" in r.stderr
    assert "not found" not in r.stderr


def test_misspelt_indicator_in_actuals_gets_did_you_mean(run, tmp_path):
    r = run("--lang", "en", "--actuals", str(bad_actuals(tmp_path)), "check")
    assert "no indicator 'retail_sale' in targets.yaml (did you mean 'retail_sales'?)" in r.stdout


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_year_not_in_the_plan_is_one_problem_naming_the_years(run, data_copy):
    _replace(
        data_copy / "targets.yaml",
        "  - id: gdp@2025\n    year: 2025\n",
        "  - id: gdp@2025\n    year: 2026\n",
    )
    r = run("--lang", "en", "--data", str(data_copy), "check", "--format", "json")
    (p,) = json.loads(r.stdout)["problems"]
    assert p["rule"] == "year-range"
    assert p["message"].startswith(
        "target year 2026 is not one of the plan's target years (2025, 2035"
    )


def test_unknown_unit_lists_units_and_the_schema_carries_them(run, data_copy):
    _replace(data_copy / "targets.yaml", "  unit: 亿元\n", "  unit: years\n")
    r = run("--lang", "en", "--data", str(data_copy), "check", "--format", "json")
    (p,) = json.loads(r.stdout)["problems"]
    assert "unknown unit 'years': a unit is one of %" in p["message"]
    for word in ("元", "人", "公里", "万亿", "km"):
        assert word in p["message"]
    schema = json.loads(run("schema", "targets").stdout)
    unit = schema["definitions"]["Indicator"]["properties"]["unit"]
    assert re.fullmatch(unit["pattern"], "亿元") and not re.fullmatch(unit["pattern"], "years")


def test_unit_pattern_accepts_exactly_the_units_plancli_reads():
    pattern = re.compile(unit_pattern())
    words = [*BASES, *SYNONYMS, *(m + b for m in MAGNITUDES for b in BASES)]
    words += ["years", "亿", "万%", "万个百分点", "亿元元", "元亿", " 元", "US$"]
    for word in words:
        try:
            parse_unit(word)
            known = word == word.strip()
        except ValueError:
            known = False
        assert bool(pattern.fullmatch(word)) == known, word


def test_a_comparator_in_the_outlines_words_is_told_its_code(run, data_copy):
    _replace(data_copy / "targets.yaml", "    comparator: at_least\n", "    comparator: 以上\n")
    r = run("--lang", "en", "--data", str(data_copy), "check", "--format", "json")
    (p,) = json.loads(r.stdout)["problems"]
    assert p["message"].endswith(
        "'以上' is not one of: at_least, at_most, around (did you mean 'at_least'?)"
    )


def test_secondary_sources_are_marked_in_gap_and_score(run):
    gap = run("--lang", "en", "gap", "gdp", env=TODAY).stdout
    assert "source: cctv-cmpany.net, copy (shipped data, a secondary source)" in " ".join(
        gap.split()
    )
    score = run("--lang", "en", "score", width=120, env=TODAY).stdout
    assert re.search(r"10,213\.9 \(2025\)\*", score)
    assert "* judged on a figure from a secondary source" in score
    primary = [
        line for line in score.splitlines() if line.startswith("general_budget_revenue@2025")
    ]
    assert primary and "*" not in primary[0]


# -- output details ---------------------------------------------------------------------------


def test_csv_numbers_without_binary_noise(run):
    rows = list(csv.DictReader(io.StringIO(run("gap", "gdp", "-f", "csv", env=TODAY).stdout)))
    first = rows[0]
    assert first["gap"] == "-213.9" and first["value"] == "10000" and first["actual"] == "10213.9"
    doc = json.loads(run("gap", "gdp", "-f", "json", env=TODAY).stdout)
    assert float(first["gap"]) == pytest.approx(doc[0]["gap"], rel=1e-14)
    for row in rows:
        for key, cell in row.items():
            assert not re.fullmatch(r"-?\d+\.\d*(?:0000000|9999999)\d*", cell), (key, cell)
            assert not re.fullmatch(r"-?\d+\.0", cell), (key, cell)


def test_csv_cells_are_plain_values(run):
    out = run("growth", "gdp", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["stated_growth_rates_indicator"] == "gdp_growth"
    assert rows[0]["stated_growth_rates_value"] == "7.2"
    for row in rows:
        assert not any(cell.startswith(("{", "[")) for cell in row.values())


@pytest.mark.parametrize(
    "args",
    [
        ("gap", "gdp"),
        ("growth", "gdp"),
        ("trajectory", "pm25"),
        ("review",),
        ("show", "gdp"),
        ("task", "1.4.7"),
        ("chapter", "1"),
        ("search", "研发"),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_is_valid_and_notes_are_lists(run, args, lang):
    fmt = () if args[0] == "review" else ("--format", "markdown")
    out = run("--lang", lang, *args, *fmt, env=TODAY).stdout
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(out)
    html = md.render(out)
    # every table row written is a table row read, with as many cells as its header
    written = [line for line in out.splitlines() if line.startswith("| ")]
    assert sum(1 for t in tokens if t.type == "tr_open") == sum(
        1 for line in written if not re.fullmatch(r"\|(?: -+:? \|)+", line)
    )
    assert "<h1>" in html or "<h2>" in html or "<table>" in html
    if "说明：" in out or "Notes:" in out:
        assert any(t.type == "bullet_list_open" for t in tokens)
    # no text of the data turned into markup by accident: plancli writes no italics, headings
    # only where it means them
    assert "<em>" not in html
    assert html.count("<h") == sum(1 for line in out.splitlines() if line.startswith("#"))


def test_english_amounts_read_naturally(run):
    r = run("--lang", "en", "show", "urban_new_jobs", width=120)
    assert "450,000 people" in r.stdout and "× 10,000" not in r.stdout
    r = run("--lang", "en", "targets", "--chapter", "1", width=160)
    assert "at least 1 trillion yuan" in r.stdout and "at least 10 million people" in r.stdout


def test_chapters_and_check_count_the_same_tasks(run, plan):
    total = len(plan.task_places)
    chapters = " ".join(run("--lang", "en", "chapters", width=120).stdout.split())
    assert f"{total} tasks (paragraphs:" in chapters
    assert f"{total} tasks" in run("--lang", "en", "check").stdout
