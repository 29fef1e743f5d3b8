"""The pure core of the reading commands: filters, places, records (plancli.query.browse)."""

from __future__ import annotations

import pytest

from plancli.maths import metrics
from plancli.model.vocab import Kind
from plancli.query.browse import (
    FACT_FIELDS,
    TargetFilter,
    chapter_counts,
    chapter_of,
    filter_targets,
    indicator_detail,
    indicator_facts,
    quote_spans,
    section_of,
    structure_records,
    target_record,
    targets_per_task,
    task_detail,
    tasks_in,
)


def test_place_of_a_task_id():
    assert chapter_of("2.1.3") == "2"
    assert section_of("2.1.3") == "2.1"
    assert section_of("12.0.1") == "12.0"


def test_no_filter_keeps_every_target(plan):
    assert filter_targets(plan, TargetFilter()) == plan.targets


@pytest.mark.parametrize(
    "flt, keep",
    [
        (TargetFilter(chapter="1"), lambda t: t.task.split(".")[0] == "1"),
        (TargetFilter(section="1.4"), lambda t: t.task.startswith("1.4.")),
        (TargetFilter(task="1.4.2"), lambda t: t.task == "1.4.2"),
        (TargetFilter(target_year=2035), lambda t: t.year == 2035),
        (TargetFilter(kinds=frozenset({Kind.SHARE})), lambda t: t.kind is Kind.SHARE),
        (TargetFilter(aspirational=True), lambda t: t.aspirational),
        (TargetFilter(aspirational=False), lambda t: not t.aspirational),
        (TargetFilter(implied_by_name=True), lambda t: t.implied_by_name),
        (TargetFilter(implied_by_name=False), lambda t: not t.implied_by_name),
    ],
)
def test_each_filter_keeps_exactly_its_targets(plan, flt, keep):
    got = [t.id for _, t in filter_targets(plan, flt)]
    assert got == [t.id for _, t in plan.targets if keep(t)]


def test_filters_combine(plan):
    flt = TargetFilter(chapter="1", target_year=2025, kinds=frozenset({Kind.LEVEL, Kind.SHARE}))
    got = {t.id for _, t in filter_targets(plan, flt)}
    want = {
        t.id
        for _, t in plan.targets
        if chapter_of(t.task) == "1" and t.year == 2025 and t.kind in (Kind.LEVEL, Kind.SHARE)
    }
    assert got == want
    assert "gdp@2025" in got and "gdp@2035" not in got  # chapter 1: the headline targets


def test_aspirational_and_not_partition_the_targets(plan):
    yes = filter_targets(plan, TargetFilter(aspirational=True))
    no = filter_targets(plan, TargetFilter(aspirational=False))
    assert len(yes) + len(no) == len(plan.targets)
    assert "population@2025" in {t.id for _, t in yes}  # 常住人口力争达到1000万人


def test_tasks_in_narrows_by_chapter_and_section(plan):
    every = tasks_in(plan)
    assert [p.task.id for p in every] == list(plan.task_places)
    in_1 = tasks_in(plan, chapter="1")
    assert in_1 and all(p.task.id.startswith("1.") for p in in_1)
    in_14 = tasks_in(plan, chapter="1", section="1.4")
    assert [p.task.id for p in in_14] == [t.id for t in plan.section_by_id["1.4"].tasks]
    assert "1.4.2" in [p.task.id for p in in_14]


def test_chapter_counts_add_up(plan):
    rows = chapter_counts(plan)
    assert [r["id"] for r in rows] == [c.id for c in plan.chapters]
    assert sum(r["section_count"] for r in rows) == len(plan.section_by_id)
    in_chapters = [p for p in plan.task_places.values() if p.chapter is not None]
    assert sum(r["task_count"] for r in rows) == len(in_chapters)
    assert sum(r["target_count"] for r in rows) == len(plan.targets)
    first = rows[0]
    assert first["title_zh"] == "开启现代化建设新征程" and first["section_count"] == 5


def test_chapter_counts_follow_the_filter(plan):
    rows = chapter_counts(plan, TargetFilter(target_year=2035))
    assert sum(r["target_count"] for r in rows) == sum(1 for _, t in plan.targets if t.year == 2035)


def test_targets_per_task(plan):
    per = targets_per_task(plan.targets)
    assert sum(len(v) for v in per.values()) == len(plan.targets)
    assert "gdp@2025" in per["1.4.2"] and "gdp@2035" in per["1.4.10"]


def test_target_record_has_raw_values_and_both_languages(plan):
    ind, t = plan.target_by_id["gdp@2025"]
    rec = target_record(plan, ind, t)
    assert rec["value"] == 10000 and rec["unit"] == "亿元" and rec["text"] == "1万亿元"
    assert rec["comparator"] == "at_least" and rec["kind"] == "level"
    assert (rec["name_zh"], rec["name_en"]) == (ind.name.zh, ind.name.en)
    assert (rec["chapter"], rec["section"], rec["task"]) == ("1", "1.4", "1.4.2")


def test_every_target_record_has_the_same_keys(plan):
    keys = {tuple(target_record(plan, i, t)) for i, t in plan.targets}
    assert len(keys) == 1


def test_relative_target_is_resolved_from_its_base(plan):
    ind, t = plan.target_by_id["gdp@2035.double"]
    rec = target_record(plan, ind, t)
    base = metrics.base_value(plan, ind, 2020, t.scope).value
    assert rec["value"] is None
    assert rec["relative_base_year"] == 2020 and rec["relative_factor"] == 2
    assert rec["resolved_value"] == pytest.approx(base * 2)


def test_task_detail_carries_the_whole_paragraph(plan):
    place = plan.task_places["1.4.7"]
    detail = task_detail(plan, place)
    para = plan.paragraph_of(place.task)
    assert detail["paragraph"] == para.text and detail["line"] == para.line
    assert detail["paragraph"].startswith(place.task.quote)
    want = [t.id for _, t in plan.targets if t.task == "1.4.7"]
    assert detail["target_ids"] == want and detail["target_count"] == len(want)
    for tid in want:  # a target stated twice has a quote elsewhere too, but one stands here
        assert any(q in detail["paragraph"] for q in plan.target_by_id[tid][1].quotes)


def test_structure_lists_every_section_even_without_tasks(plan):
    for c in plan.chapters:
        rows = structure_records(plan, c.id, None, {})
        assert {r["section"] for r in rows if r["section"]} == {s.id for s in c.sections}
        tasks = [r["task"] for r in rows if r["task"]]
        assert tasks == [t.id for t in c.tasks] + [t.id for s in c.sections for t in s.tasks]


def test_structure_of_one_section(plan):
    rows = structure_records(plan, "1", "1.4", targets_per_task(plan.targets))
    assert {r["section"] for r in rows} == {"1.4"}
    assert sum(r["target_count"] for r in rows) == sum(
        1 for _, t in plan.targets if t.task.startswith("1.4.")
    )


def test_indicator_detail_and_facts(plan):
    ind = plan.indicator_by_id["gdp"]
    detail = indicator_detail(plan, ind)
    assert [t["id"] for t in detail["targets"]] == [t.id for t in ind.targets]
    assert [b["value"] for b in detail["baselines"]] == [b.value for b in ind.baselines]
    facts = indicator_facts(detail)
    assert all(tuple(f) == FACT_FIELDS for f in facts)
    kinds = [f["record"] for f in facts]
    assert kinds.count("target") == len(ind.targets)
    assert kinds.count("baseline") == len(ind.baselines)
    only = indicator_detail(plan, ind, ind.targets[0])
    assert [t["id"] for t in only["targets"]] == [ind.targets[0].id]


def test_quote_spans_merge_and_sort():
    text = "甲乙丙丁甲乙"
    assert quote_spans(text, ["甲乙", "乙丙"]) == [(0, 3), (4, 6)]
    assert quote_spans(text, ["戊"]) == []
    assert quote_spans(text, []) == []
