"""The pure core of the reading commands: filters and places (plancli.query.browse)."""

from __future__ import annotations

import pytest

from plancli.model.vocab import Kind
from plancli.query.browse import (
    TargetFilter,
    chapter_of,
    filter_targets,
    quote_spans,
    section_of,
    targets_per_task,
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


def test_targets_per_task(plan):
    per = targets_per_task(plan.targets)
    # A target is listed under each paragraph stating it: its own task and its also_in ones.
    assert sum(len(v) for v in per.values()) == sum(len(t.tasks) for _, t in plan.targets)
    assert "gdp@2025" in per["1.4.2"] and "gdp@2035" in per["1.4.10"]
    assert "surface_water_good_share@2025" in per["1.4.6"]
    assert "surface_water_good_share@2025" in per["13.3.1"]


def test_a_target_stated_in_two_chapters_passes_both_filters(plan):
    for flt in (
        TargetFilter(chapter="1"),
        TargetFilter(chapter="13"),
        TargetFilter(section="13.3"),
        TargetFilter(task="13.3.1"),
        TargetFilter(task="1.4.6"),
    ):
        assert "surface_water_good_share@2025" in {t.id for _, t in filter_targets(plan, flt)}
    assert "surface_water_good_share@2025" not in {
        t.id for _, t in filter_targets(plan, TargetFilter(chapter="12"))
    }


def test_quote_spans_merge_and_sort():
    text = "甲乙丙丁甲乙"
    assert quote_spans(text, ["甲乙", "乙丙"]) == [(0, 3), (4, 6)]
    assert quote_spans(text, ["戊"]) == []
    assert quote_spans(text, []) == []
