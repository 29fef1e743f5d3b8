"""The records of the reading commands (plancli.results): raw values, ids and both languages,
one class per record whose fields are its keys."""

from __future__ import annotations

import pytest

from plancli.maths.baselines import base_value
from plancli.query.browse import TargetFilter, targets_per_task
from plancli.results.reading import (
    ChapterRow,
    StructureRow,
    TaskRow,
    chapter_result,
    chapters_result,
    task_result,
    tasks_result,
)
from plancli.results.targets import FactRow, TargetRow, indicator_result, target_row, targets_result


def test_chapter_rows_add_up(plan):
    rows = chapters_result(plan).chapters
    assert [r.chapter for r in rows] == [c.id for c in plan.chapters]
    assert sum(r.section_count for r in rows) == len(plan.section_by_id)
    in_chapters = [p for p in plan.task_places.values() if p.chapter is not None]
    assert sum(r.task_count for r in rows) == len(in_chapters)
    # A target counts in each chapter stating it; the plan's total counts it once.
    stated = sum(len({t.split(".")[0] for t in tg.tasks}) for _, tg in plan.targets)
    assert sum(r.target_count for r in rows) == stated > len(plan.targets)
    assert chapters_result(plan).target_total == len(plan.targets)
    first = rows[0]
    assert first.title_zh == "开启现代化建设新征程" and first.section_count == 5
    assert ChapterRow._fields[:3] == ("chapter", "title_zh", "title_en")


def test_target_row_has_raw_values_and_both_languages(plan):
    ind, t = plan.target_by_id["gdp@2025"]
    rec = target_row(plan, ind, t)
    assert rec.value == 10000 and rec.unit == "亿元" and rec.text == "1万亿元"
    assert rec.comparator == "at_least" and rec.kind == "level"
    assert (rec.name_zh, rec.name_en) == (ind.name.zh, ind.name.en)
    assert (rec.chapter, rec.section, rec.task) == ("1", "1.4", "1.4.2")
    assert TargetRow._fields[:2] == ("target_id", "indicator")


def test_relative_target_value_comes_from_its_base(plan):
    ind, t = plan.target_by_id["gdp@2035.double"]
    rec = target_row(plan, ind, t)
    base = base_value(plan, ind, 2020, t.scope).value
    assert rec.relative_base_year == 2020 and rec.relative_factor == 2
    assert rec.value == pytest.approx(base * 2)


def test_targets_result_says_whether_it_was_filtered(plan):
    assert targets_result(plan, TargetFilter()).filtered is False
    some = targets_result(plan, TargetFilter(chapter="1"))
    assert some.filtered and all(r.chapter == "1" for r in some.targets)


def test_task_result_carries_the_whole_paragraph(plan):
    place = plan.task_places["1.4.7"]
    result = task_result(plan, place)
    detail, para = result.detail, plan.paragraph_of(place.task)
    assert detail.task.paragraph_zh == para.text and detail.line == para.line
    assert detail.task.paragraph_zh.startswith(place.task.quote)
    assert detail.task.paragraph_en == plan.english_by_task["1.4.7"]
    want = [t.id for _, t in plan.targets if t.task == "1.4.7"]
    assert list(detail.task.target_ids) == want and detail.task.target_count == len(want)
    for tid in want:
        assert any(q in detail.task.paragraph_zh for q in plan.target_by_id[tid][1].quotes)
    assert result.quote_spans and all(s < e for s, e in result.quote_spans)


def test_a_task_lists_the_targets_it_restates(plan):
    """13.3.1 restates surface_water_good_share@2025 (set in 1.4.6): the task lists it, and its
    quote there is marked in 13.3.1's paragraph."""
    result = task_result(plan, plan.task_places["13.3.1"])
    ids = list(result.detail.task.target_ids)
    assert "surface_water_good_share@2025" in ids and result.detail.task.target_count == len(ids)
    para = result.detail.task.paragraph_zh
    quote = "地表水省控及以上断面达到或好于Ⅲ类水体比例超过92%"
    start = para.index(quote)
    assert any(s <= start and start + len(quote) <= e for s, e in result.quote_spans)
    row = next(t for t in result.targets if t.target_id == "surface_water_good_share@2025")
    assert (row.task, row.tasks) == ("1.4.6", ("1.4.6", "13.3.1"))
    assert [(s.task, s.quote) for s in row.statements] == [("1.4.6", quote), ("13.3.1", quote)]


def test_chapter_rows_list_every_section_even_without_tasks(plan):
    for c in plan.chapters:
        rows = chapter_result(plan, c, None, None).rows().items
        assert all(isinstance(r, StructureRow) for r in rows)
        assert {r.section for r in rows if r.section} == {s.id for s in c.sections}
        tasks = [r.task for r in rows if r.task]
        assert tasks == [t.id for t in c.tasks] + [t.id for s in c.sections for t in s.tasks]


def test_chapter_of_one_section(plan):
    ch, sec = plan.chapter_by_id["1"], plan.section_by_id["1.4"]
    rows = chapter_result(plan, ch, sec, None).rows().items
    assert {r.section for r in rows} == {"1.4"}
    per = targets_per_task(plan.targets)
    assert sum(r.target_count for r in rows) == sum(len(per.get(r.task, [])) for r in rows)


def test_tasks_result_narrows(plan):
    every = tasks_result(plan, None, None).tasks
    assert [t.task for t in every] == list(plan.task_places)
    in_2 = tasks_result(plan, plan.chapter_by_id["2"], None)
    assert in_2.chapter == "2" and all(t.task.startswith("2.") for t in in_2.tasks)
    assert TaskRow._fields[0] == "task"


def test_indicator_result_and_its_rows(plan):
    ind = plan.indicator_by_id["gdp"]
    detail = indicator_result(plan, ind)
    assert [t.target_id for t in detail.targets] == [t.id for t in ind.targets]
    assert [b.value for b in detail.baselines] == [b.value for b in ind.baselines]
    facts = detail.rows().items
    assert all(isinstance(f, FactRow) for f in facts)
    kinds = [f.record for f in facts]
    assert kinds.count("target") == len(ind.targets)
    assert kinds.count("baseline") == len(ind.baselines)
    only = indicator_result(plan, ind, ind.targets[0])
    assert [t.target_id for t in only.targets] == [ind.targets[0].id]
