"""The reading commands through the CLI on the real data: chapters, chapter, tasks, task,
targets, show. Expectations are computed from the loaded plan (the data is still growing),
except for facts of chapter 1, which is complete."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from plancli.query.browse import chapter_of


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def as_csv(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


# -- chapters -------------------------------------------------------------------------------


def test_chapters_json_counts(run, plan):
    rows = as_json(run("chapters", "--format", "json"))
    assert [r["chapter"] for r in rows] == [c.id for c in plan.chapters]
    assert set(rows[0]) == {
        "chapter",
        "title_zh",
        "title_en",
        "heading",
        "section_count",
        "task_count",
        "target_count",
    }
    for r, c in zip(rows, plan.chapters, strict=True):
        assert r["section_count"] == len(c.sections)
        stating = [t for _, t in plan.targets if any(chapter_of(k) == c.id for k in t.tasks)]
        assert r["target_count"] == len(stating)
    assert rows[0]["section_count"] == 5 and rows[0]["target_count"] > 0


def test_chapters_table_in_both_languages(run, plan):
    zh = run("chapters")
    en = run("--lang", "en", "chapters", width=200)
    assert zh.exit_code == en.exit_code == 0
    for c in plan.chapters:
        assert c.title.zh in zh.stdout
        assert c.title.en in en.stdout
    assert "标题" in zh.stdout and "title" in en.stdout
    assert f"{len(plan.section_by_id)} sections" in en.stdout


def test_chapters_csv_with_bom_for_excel(run, plan):
    raw = run("chapters", "--format", "csv", "--bom")
    assert raw.exit_code == 0
    assert raw.stdout.startswith("\ufeffchapter,title_zh,title_en,")
    rows = list(csv.DictReader(io.StringIO(raw.stdout.lstrip("\ufeff"))))
    assert [r["chapter"] for r in rows] == [c.id for c in plan.chapters]
    assert not run("chapters", "--format", "csv").stdout.startswith("\ufeff")


def test_chapters_markdown(run, plan):
    out = run("chapters", "--format", "markdown").stdout
    lines = out.splitlines()
    assert lines[0].startswith("| 章 | 标题 |")
    assert lines[1].startswith("| --- | --- | ---: |")  # the chapter is the row's id
    assert sum(1 for line in lines if line.startswith("| ")) == len(plan.chapters) + 2


# -- chapter N -----------------------------------------------------------------------------


def test_chapter_one_summary(run, plan):
    r = run("chapter", "1", width=120)
    assert r.exit_code == 0, r.output
    assert "第一章 开启现代化建设新征程" in r.stdout
    for s in plan.chapter_by_id["1"].sections:
        assert s.quote in r.stdout
    for t in plan.section_by_id["1.4"].tasks:
        assert t.title.zh in r.stdout
    assert "gdp@2025" in r.stdout and "不低于 10,000亿元" in r.stdout


def test_chapter_json_nests_sections_tasks_and_targets(run, plan):
    doc = as_json(run("chapter", "1", "--format", "json"))
    assert doc["chapter"] == "1" and doc["section"] is None and doc["target_year"] is None
    assert [s["section"] for s in doc["sections"]] == [
        s.id for s in plan.chapter_by_id["1"].sections
    ]
    tasks = [t["task"] for s in doc["sections"] for t in s["tasks"]]
    assert tasks == [t.id for s in plan.chapter_by_id["1"].sections for t in s.tasks]
    want = [t.id for _, t in plan.targets if any(chapter_of(k) == "1" for k in t.tasks)]
    assert [t["target_id"] for t in doc["targets"]] == want
    counted = sum(t["target_count"] for s in doc["sections"] for t in s["tasks"])
    # gdp@2025 is set in 1.4.2 and restated in 1.4.1: it counts in both tasks.
    stated = sum(1 for _, t in plan.targets for k in t.tasks if chapter_of(k) == "1")
    assert counted == stated > len(want)


def test_chapter_section_and_target_year(run, plan):
    doc = as_json(run("chapter", "1", "--section", "1.4", "--target-year", "2035", "-f", "json"))
    assert [s["section"] for s in doc["sections"]] == ["1.4"]
    want = [t.id for _, t in plan.targets if t.task.startswith("1.4.") and t.year == 2035]
    assert [t["target_id"] for t in doc["targets"]] == want and "gdp@2035" in want
    assert doc["introduction"] == []


def test_chapter_csv_is_one_row_per_task(run, plan):
    for c in plan.chapters:
        rows = as_csv(run("chapter", c.id, "--format", "csv"))
        assert {r["section"] for r in rows} >= {s.id for s in c.sections}
        tasks = [r["task"] for r in rows if r["task"]]
        assert tasks == [t.id for t in c.tasks] + [t.id for s in c.sections for t in s.tasks]


def strip_chapter(data: Path, chapter: str) -> None:
    """Make a data copy in which a chapter has sections but no tasks or targets (as every
    chapter but the first had while the data was being written)."""
    chapters = yaml.safe_load((data / "chapters.yaml").read_text(encoding="utf-8"))
    for c in chapters["chapters"]:
        if c["id"] == chapter:
            c["tasks"] = []
            for sec in c.get("sections", []):
                sec["tasks"] = []
    targets = yaml.safe_load((data / "targets.yaml").read_text(encoding="utf-8"))
    for ind in targets["indicators"]:
        for key in ("targets", "baselines"):
            kept = [x for x in ind.get(key, []) if chapter_of(x["task"]) != chapter]
            ind[key] = kept
    for name, doc in (("chapters.yaml", chapters), ("targets.yaml", targets)):
        (data / name).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def test_chapter_without_tasks_or_targets_says_so(run, plan, data_copy):
    last = plan.chapters[-1]
    strip_chapter(data_copy, last.id)
    r = run("--data", str(data_copy), "chapter", last.id)
    assert r.exit_code == 0, r.output
    for sec in last.sections:
        assert f"{sec.id}  {sec.quote}: 暂无任务数据。" in r.stdout
    assert "量化目标: 无。" in r.stdout
    doc = as_json(run("--data", str(data_copy), "chapter", last.id, "-f", "json"))
    assert doc["targets"] == [] and all(s["tasks"] == [] for s in doc["sections"])
    rows = as_csv(run("--data", str(data_copy), "chapter", last.id, "-f", "csv"))
    assert [r["section"] for r in rows] == [s.id for s in last.sections]
    assert all(r["task"] == "" for r in rows)


def test_section_without_targets_says_so(run, plan):
    # 第一章第一节 (发展回顾) reviews 2016-2020: baselines, no targets.
    assert not any(t.task.startswith("1.1.") for _, t in plan.targets)
    r = run("--lang", "en", "chapter", "1", "--section", "1.1")
    assert r.exit_code == 0 and "Quantified targets: none." in r.stdout


def test_chapter_markdown_has_each_part(run):
    out = run("chapter", "1", "--section", "1.4", "--format", "markdown").stdout
    assert out.startswith("## 第一章 开启现代化建设新征程")
    assert "### 1.4  第四节 奋斗目标" in out and "### 量化目标" in out
    assert "| gdp@2025 | 地区生产总值 | 不低于 10,000亿元 | 2025 |" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (("chapter", "99"), "no chapter '99'"),
        (("chapter", "1", "--section", "2.1"), "section 2.1 is not in chapter 1"),
        (("chapter", "1", "--section", "1.9"), "no section '1.9'"),
        (("chapter", "1", "--target-year", "2030"), "--target-year 2030"),
        (("chapter", "1", "--target-year", "soon"), "--target-year"),
        (("chapter", "1", "--format", "xml"), "xml"),
    ],
)
def test_chapter_bad_input_is_a_usage_error(run, args, message):
    r = run(*args, lang="en")
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.output


# -- tasks and task ------------------------------------------------------------------------


def test_tasks_lists_every_task(run, plan):
    rows = as_json(run("tasks", "--format", "json"))
    assert [r["task"] for r in rows] == list(plan.task_places)
    assert sum(r["target_count"] for r in rows) == sum(len(t.tasks) for _, t in plan.targets)
    assert all(r["paragraph_zh"] and r["paragraph_en"] for r in rows)


def test_tasks_of_a_section(run, plan):
    rows = as_csv(run("tasks", "--chapter", "1", "--section", "1.4", "--format", "csv"))
    assert [r["task"] for r in rows] == [t.id for t in plan.section_by_id["1.4"].tasks]
    by_id = {r["task"]: r for r in rows}
    assert "gdp@2025" in by_id["1.4.2"]["target_ids"].split("; ")


def test_tasks_of_a_chapter_without_tasks_says_so(run, plan, data_copy):
    last = plan.chapters[-1]
    strip_chapter(data_copy, last.id)
    r = run("--data", str(data_copy), "--lang", "en", "tasks", "--chapter", last.id)
    assert r.exit_code == 0, r.output
    assert f"No tasks recorded in chapter {last.id} yet." in r.stdout
    r = run("--data", str(data_copy), "tasks", "--section", last.sections[0].id)
    assert r.exit_code == 0 and f"第{last.sections[0].id}节暂无任务数据。" in r.stdout
    assert as_json(run("--data", str(data_copy), "tasks", "-c", last.id, "-f", "json")) == []


def test_task_in_full(run, plan):
    place = plan.task_places["1.4.7"]
    para = plan.paragraph_of(place.task)
    r = run("task", "1.4.7", width=120)
    assert r.exit_code == 0
    flat = "".join(r.stdout.split())
    assert "".join(para.text.split()) in flat  # the whole paragraph, however it wraps
    assert "第一章开启现代化建设新征程" in flat and "第四节奋斗目标" in flat
    for _, t in plan.targets:
        if t.task == "1.4.7":
            assert t.id in flat


def test_task_json_and_csv(run, plan):
    doc = as_json(run("task", "1.4.2", "--format", "json"))
    want = [t.id for _, t in plan.targets if t.task == "1.4.2"]
    assert [t["target_id"] for t in doc["targets"]] == want == doc["target_ids"]
    assert doc["paragraph_zh"] == plan.paragraph_of(plan.task_places["1.4.2"].task).text
    assert (doc["chapter"], doc["section"], doc["section_title_zh"]) == ("1", "1.4", "奋斗目标")
    rows = as_csv(run("task", "1.4.2", "--format", "csv"))
    assert len(rows) == 1 and rows[0]["paragraph_zh"] == doc["paragraph_zh"]
    assert doc["paragraph_en"] == plan.english_by_task["1.4.2"]
    assert rows[0]["target_ids"].split("; ") == want


def test_task_in_english_and_markdown(run, plan):
    r = run("--lang", "en", "task", "1.4.3", "--format", "markdown")
    assert r.exit_code == 0
    assert r.stdout.startswith("## 1.4.3  All-round breakthroughs in transformation and upgrading")
    assert "- **Chinese title**: 转型升级全面突破" in r.stdout
    assert "**全社会研发经费支出占GDP比重达到3.0%左右**" in r.stdout  # the target's quote, bold
    assert "| rd_intensity@2025 | R&D spending as a share of GDP | around 3% | 2025 | share |" in (
        r.stdout
    )


def test_task_without_targets_says_so(run, plan):
    free = next(i for i in plan.task_places if not any(t.task == i for _, t in plan.targets))
    r = run("task", free)
    assert r.exit_code == 0 and "这一段没有量化目标" in r.stdout
    assert as_json(run("task", free, "-f", "json"))["targets"] == []


@pytest.mark.parametrize(
    "args, message",
    [
        (("task", "1.4.99"), "no task '1.4.99'"),
        (("task", "gdp"), "no task 'gdp'"),
        (("tasks", "--chapter", "0"), "no chapter '0'"),
        (("tasks", "--section", "x"), "no section 'x'"),
        (("tasks", "--chapter", "2", "--section", "1.4"), "section 1.4 is not in chapter 2"),
    ],
)
def test_task_bad_input_is_a_usage_error(run, args, message):
    r = run(*args, lang="en")
    assert r.exit_code == 2 and message in r.stderr


def test_near_miss_task_gets_a_suggestion(run):
    r = run("task", "1.4.02", lang="en")
    assert r.exit_code == 2 and "did you mean" in r.stderr and "1.4.2" in r.stderr


# -- targets -------------------------------------------------------------------------------


def test_targets_json_is_every_target_with_stable_keys(run, plan):
    rows = as_json(run("targets", "--format", "json"))
    assert [r["target_id"] for r in rows] == [t.id for _, t in plan.targets]
    assert len({tuple(r) for r in rows}) == 1
    gdp = next(r for r in rows if r["target_id"] == "gdp@2025")
    assert (gdp["value"], gdp["unit"], gdp["comparator"], gdp["year"]) == (
        10000,
        "亿元",
        "at_least",
        2025,
    )


@pytest.mark.parametrize(
    "args, keep",
    [
        (("--chapter", "1"), lambda t: chapter_of(t.task) == "1"),
        (("--section", "1.4"), lambda t: t.task.startswith("1.4.")),
        (("--target-year", "2035"), lambda t: t.year == 2035),
        (("--kind", "share"), lambda t: t.kind == "share"),
        (("--kind", "share", "--kind", "ratio"), lambda t: t.kind in ("share", "ratio")),
        (("--aspirational",), lambda t: t.aspirational),
        (("--no-aspirational",), lambda t: not t.aspirational),
        (("--implied-by-name",), lambda t: t.implied_by_name),
        (("--no-implied-by-name",), lambda t: not t.implied_by_name),
        (("--chapter", "1", "--target-year", "2025", "--no-aspirational"), None),
    ],
)
def test_targets_filters(run, plan, args, keep):
    if keep is None:

        def keep(t):
            return chapter_of(t.task) == "1" and t.year == 2025 and not t.aspirational

    rows = as_csv(run("targets", *args, "--format", "csv"))
    assert [r["target_id"] for r in rows] == [t.id for _, t in plan.targets if keep(t)]


def test_targets_csv_round_trips_values(run, plan):
    rows = as_csv(run("targets", "--format", "csv"))
    for row, (_ind, t) in zip(rows, plan.targets, strict=True):
        assert row["target_id"] == t.id
        if t.value is not None:  # a relative target's value is what its base makes of it
            assert float(row["value"]) == t.value
        assert row["aspirational"] == ("true" if t.aspirational else "false")
        assert row["quotes"].split("; ") == list(dict.fromkeys(q for _, q in t.statements))
        assert row["tasks"].split("; ") == t.tasks


def test_targets_table_in_english(run):
    r = run("--lang", "en", "targets", "--chapter", "1", "--aspirational", width=160)
    assert r.exit_code == 0
    assert "Resident population (aspirational)" in r.stdout
    assert "at least 10 million people" in r.stdout  # 1000万人, in English words
    assert "indicator" in r.stdout and "指标" not in r.stdout


def test_targets_empty_result_says_so(run, plan):
    # 第一章第一节 (发展回顾) reviews 2016-2020: baselines only, no targets.
    assert not any(t.task.startswith("1.1.") for _, t in plan.targets)
    r = run("targets", "--section", "1.1")
    assert r.exit_code == 0 and "没有符合这些条件的目标" in r.stdout
    assert as_json(run("targets", "--section", "1.1", "-f", "json")) == []
    assert run("targets", "--section", "1.1", "-f", "csv").stdout.startswith("target_id,indicator,")
    en = run("--lang", "en", "targets", "--section", "1.1", "-f", "markdown")
    assert en.exit_code == 0 and en.stdout.strip() == "No targets match these filters."


@pytest.mark.parametrize(
    "args, message",
    [
        (("--kind", "speed"), "speed"),
        (("--target-year", "2030"), "--target-year 2030"),
        (("--target-year", "2020"), "--target-year 2020"),
        (("--chapter", "40"), "no chapter '40'"),
        (("--section", "1.4.2"), "no section '1.4.2'"),
    ],
)
def test_targets_bad_filter_is_a_usage_error(run, args, message):
    r = run("targets", *args, lang="en")
    assert r.exit_code == 2 and message in r.stderr


# -- show ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["gdp", "GDP", "地区生产总值", "生产总值", "GDP (gross regional product)"]
)
def test_show_accepts_id_name_or_alias(run, query):
    doc = as_json(run("show", query, "--format", "json"))
    assert doc["indicator"] == "gdp"


def test_show_everything_about_an_indicator(run, plan):
    ind = plan.indicator_by_id["gdp"]
    r = run("show", "gdp", width=120)
    assert r.exit_code == 0
    flat = "".join(r.stdout.split())
    for t in ind.targets:
        assert t.id in flat
        for q in t.quotes:
            assert "".join(q.split()) in flat
    for b in ind.baselines:
        assert b.quote in flat and b.text in flat
    actuals = [a for a in plan.actuals if a.indicator == "gdp"]
    if actuals:
        assert all("".join(a.source.title.split()) in flat for a in actuals)
    else:
        assert "实际值:暂无" in flat


def test_show_a_target_id_shows_that_target(run):
    doc = as_json(run("show", "gdp@2035.double", "--format", "json"))
    assert [t["target_id"] for t in doc["targets"]] == ["gdp@2035.double"]
    assert doc["targets"][0]["value"] == pytest.approx(2 * doc["baselines"][0]["value"])


def test_show_csv_is_one_row_per_fact(run, plan):
    ind = plan.indicator_by_id["gdp"]
    rows = as_csv(run("show", "gdp", "--format", "csv"))
    actuals = [a for a in plan.actuals if a.indicator == "gdp"]
    want = ["baseline"] * len(ind.baselines) + ["target"] * len(ind.targets)
    assert [r["record"] for r in rows] == want + ["actual"] * len(actuals)
    assert rows[0]["value"] and float(rows[0]["value"]) == ind.baselines[0].value


def test_show_lists_user_actuals(run, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
        "gdp,2023,8730,亿元,全市,统计公报,https://example.org/2023,全市生产总值8730亿元\n",
        encoding="utf-8",
    )
    doc = as_json(run("--actuals", str(path), "show", "gdp", "-f", "json"))
    mine = [
        (a["year"], a["value"], a["source_title"]) for a in doc["actuals"] if a["origin"] == "user"
    ]
    assert mine == [(2023, 8730, "统计公报")]
    years = [a["year"] for a in doc["actuals"]]
    assert years == sorted(years)
    r = run("--actuals", str(path), "--lang", "en", "show", "gdp", width=120)
    assert "873 billion yuan" in r.stdout and "(your --actuals)" in r.stdout


def test_show_in_english(run):
    r = run("--lang", "en", "show", "population", width=120)
    assert r.exit_code == 0
    assert "population  Resident population" in r.stdout
    assert "Chinese name" in r.stdout and "常住人口" in r.stdout
    assert "10,000 people" in r.stdout


@pytest.mark.parametrize(
    "query, hint", [("gpd", "gdp"), ("人口数", "常住人口"), ("gdp@2026", "gdp@2025")]
)
def test_show_unknown_indicator_suggests(run, query, hint):
    r = run("show", query, lang="en")
    assert r.exit_code == 2
    assert "did you mean" in r.stderr and hint.casefold() in r.stderr.casefold()


def test_broken_data_is_exit_1(run, data_copy):
    (data_copy / "targets.yaml").write_text("indicators: [{id: x}]\n", encoding="utf-8")
    r = run("--data", str(data_copy), "targets")
    assert r.exit_code == 1 and "targets.yaml" in r.stderr


# -- the shared --chapter option -----------------------------------------------------------


@pytest.mark.parametrize(
    "command", [("targets",), ("tasks",), ("search", "温州"), ("score",), ("review",)]
)
def test_every_chapter_option_reads_a_chapter_alike(run, command):
    fmt = () if command == ("review",) else ("-f", "json")
    exact = run(*command, "--chapter", "13", *fmt)
    assert exact.exit_code == 0, exact.output
    assert run(*command, "--chapter", " 13 ", *fmt).stdout == exact.stdout
    assert run(*command, "--chapter", "13", *fmt).stdout != run(*command, *fmt).stdout
    unknown = run(*command, "--chapter", "99", lang="en")
    assert unknown.exit_code == 2 and "no chapter '99'" in unknown.stderr
    assert "--chapter" in run(*command, "--help", width=120).stdout
