"""Every validation rule of the core, each proven with a deliberately broken copy of the data."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from plancli.loading.loader import load_plan, read_plan
from plancli.model.problems import DataError
from wording import english


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


def edit(data: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def rules(data: Path, actuals: Path | None = None) -> set[str]:
    _, problems = read_plan(data, actuals)
    return {p.rule for p in problems}


def only_problem(data: Path):
    _, problems = read_plan(data)
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_shipped_data_is_valid(data_copy):
    plan, problems = read_plan(data_copy)
    assert problems == []
    assert len(plan.chapters) == 18
    assert len(plan.section_by_id) == 70


def test_duplicate_target_id(data_copy):
    edit(data_copy, "targets.yaml", "- id: gdp@2035\n", "- id: gdp@2025\n")
    assert "duplicate-id" in rules(data_copy)


def test_duplicate_indicator_id(data_copy):
    edit(data_copy, "targets.yaml", "- id: gdp_growth\n", "- id: gdp\n")
    assert "duplicate-id" in rules(data_copy)


def test_duplicate_task_id(data_copy):
    edit(data_copy, "chapters.yaml", "- id: 1.1.3\n", "- id: 1.1.2\n")
    assert {"duplicate-id", "id-order"} <= rules(data_copy)


def test_target_pointing_at_missing_task(data_copy):
    edit(data_copy, "targets.yaml", "task: 1.4.3\n", "task: 1.4.99\n")
    p = only_problem(data_copy)
    assert p.rule == "unknown-task" and "1.4.99" in english(p) and "@" in p.id
    assert p.file == "targets.yaml" and p.line is not None


def test_quote_not_in_outline(data_copy):
    edit(data_copy, "targets.yaml", "[常住人口城镇化率达75%]", "[常住人口城镇化率达76%]")
    p = only_problem(data_copy)
    assert p.rule == "quote-not-found" and p.id == "urbanization_rate@2025"


def test_quote_outside_its_task_paragraph(data_copy):
    edit(data_copy, "targets.yaml", "task: 1.4.3\n", "task: 1.4.2\n")
    assert only_problem(data_copy).rule == "quote-place"


def test_value_disagreeing_with_text(data_copy):
    edit(data_copy, "targets.yaml", "value: 17000\n", "value: 1700\n")
    assert only_problem(data_copy).rule == "value-text"


def test_unknown_unit(data_copy):
    edit(data_copy, "targets.yaml", "unit: 岁\n", "unit: years\n")
    p = only_problem(data_copy)
    assert p.rule == "schema" and "unknown unit" in english(p)


def test_unknown_comparator(data_copy):
    edit(data_copy, "targets.yaml", "comparator: at_least\n", "comparator: atleast\n")
    p = only_problem(data_copy)
    assert p.rule == "schema" and "comparator" in english(p)


def test_unknown_kind(data_copy):
    edit(data_copy, "targets.yaml", "kind: level\n", "kind: amount\n")
    assert only_problem(data_copy).rule == "schema"


def test_around_needs_a_direction(data_copy):
    edit(data_copy, "targets.yaml", "    direction: up\n", "")
    assert "direction" in english(only_problem(data_copy))


def test_target_year_outside_horizon(data_copy):
    edit(
        data_copy,
        "targets.yaml",
        "- id: gdp@2025\n    year: 2025\n",
        "- id: gdp@2030\n    year: 2030\n",
    )
    assert only_problem(data_copy).rule == "year-range"


def test_share_kind_needs_percent(data_copy):
    edit(
        data_copy,
        "targets.yaml",
        "kind: level\n    task: 1.4.7\n",
        "kind: share\n    task: 1.4.7\n",
    )
    assert only_problem(data_copy).rule == "kind-unit"


def test_value_must_be_a_finite_number(data_copy):
    edit(data_copy, "targets.yaml", "value: 17000\n", "value: .inf\n")
    assert "finite" in english(only_problem(data_copy))


def test_value_written_as_a_string(data_copy):
    edit(data_copy, "targets.yaml", "value: 17000\n", "value: '17000'\n")
    assert only_problem(data_copy).rule == "schema"


def test_unknown_field_is_an_error(data_copy):
    edit(data_copy, "targets.yaml", "value: 17000\n", "vaule: 17000\n")
    messages = [english(p) for p in read_plan(data_copy)[1]]
    assert any("unknown field 'vaule'" in m for m in messages)


def test_value_and_relative_are_exclusive(data_copy):
    edit(
        data_copy,
        "targets.yaml",
        "relative: {base_year: 2020, factor: 2}\n",
        "relative: {base_year: 2020, factor: 2}\n    value: 13742\n",
    )
    assert "exactly one of value or relative" in english(only_problem(data_copy))


def write_actuals(data: Path, body: str) -> None:
    (data / "actuals.yaml").write_text("actuals:\n" + body, encoding="utf-8")


SOURCE = "source: {title: t, url: 'https://example.org/x', quote: q, primary: true}"


def test_actual_for_unknown_indicator(data_copy):
    write_actuals(data_copy, f"- {{indicator: gpd, year: 2022, value: 1, unit: 亿元, {SOURCE}}}\n")
    assert only_problem(data_copy).rule == "unknown-indicator"


def test_actual_in_another_unit_family(data_copy):
    write_actuals(data_copy, f"- {{indicator: gdp, year: 2022, value: 1, unit: 万人, {SOURCE}}}\n")
    assert only_problem(data_copy).rule == "unit-family"


def test_actual_year_out_of_range(data_copy):
    write_actuals(data_copy, f"- {{indicator: gdp, year: 2019, value: 1, unit: 亿元, {SOURCE}}}\n")
    assert only_problem(data_copy).rule == "year-range"


def test_duplicate_actual_needs_a_winner(data_copy):
    row = f"- {{indicator: gdp, year: 2022, value: 8029.8, unit: 亿元, {SOURCE}}}\n"
    write_actuals(data_copy, row + row)
    assert only_problem(data_copy).rule == "duplicate-actual"
    write_actuals(data_copy, row + row.replace("unit: 亿元", "unit: 亿元, preferred: true"))
    assert read_plan(data_copy)[1] == []


def test_shipped_actual_needs_a_source(data_copy):
    write_actuals(
        data_copy, "- {indicator: gdp, year: 2022, value: 1, unit: 亿元, source: {title: t}}\n"
    )
    assert only_problem(data_copy).rule == "source-missing"


def test_exclusion_context_must_be_unique(data_copy):
    (data_copy / "exclusions.yaml").write_text(
        "exclusions:\n- {context: 2025年, reason: not unique}\n", encoding="utf-8"
    )
    assert only_problem(data_copy).rule == "exclusion-context"


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [("qualifier", "基本", "大体"), ("value_in_words", "true", "'yes'")],
)
def test_a_words_field_takes_only_its_values(data_copy, field, good, bad):
    edit(data_copy, "targets.yaml", f"    {field}: {good}\n", f"    {field}: {bad}\n")
    p = only_problem(data_copy)
    assert p.rule == "schema" and field in english(p)


def test_an_exclusion_names_a_known_ledger(data_copy):
    (data_copy / "exclusions.yaml").write_text(
        "exclusions:\n- {context: 全面消除海塘安全隐患, reason: a test, ledger: word}\n",
        encoding="utf-8",
    )
    assert only_problem(data_copy).rule == "schema"


def test_missing_file(data_copy):
    (data_copy / "targets.yaml").unlink()
    assert "missing-file" in rules(data_copy)


def test_load_raises_data_error_with_every_problem(data_copy):
    edit(data_copy, "targets.yaml", "task: 1.4.3\n", "task: 1.4.99\n")
    edit(data_copy, "chapters.yaml", "quote: 第一节 发展回顾", "quote: 第一节 发展回故")
    with pytest.raises(DataError) as err:
        load_plan(data_copy)
    assert len(err.value.problems) == 2
    assert err.value.exit_code == 1


def test_problems_point_at_the_line(data_copy):
    edit(data_copy, "targets.yaml", "comparator: at_least\n", "comparator: atleast\n")
    p = only_problem(data_copy)
    lines = (data_copy / "targets.yaml").read_text(encoding="utf-8").splitlines()
    assert "atleast" in lines[p.line - 1]


# -- a target stated in several paragraphs (also_in) --------------------------------------------

SURFACE_WATER_ALSO = (
    "    - {task: 13.3.1, quote: 地表水省控及以上断面达到或好于Ⅲ类水体比例超过92%}\n"
)


def test_a_restatement_must_stand_in_its_paragraph(data_copy):
    edit(
        data_copy,
        "targets.yaml",
        SURFACE_WATER_ALSO,
        SURFACE_WATER_ALSO.replace("13.3.1", "13.3.2"),
    )
    p = only_problem(data_copy)
    assert (p.rule, p.id) == ("quote-place", "surface_water_good_share@2025")
    assert "13.3.2" in english(p) and "also_in" in english(p)


def test_a_restatement_names_a_known_task(data_copy):
    edit(
        data_copy,
        "targets.yaml",
        SURFACE_WATER_ALSO,
        SURFACE_WATER_ALSO.replace("13.3.1", "13.3.9"),
    )
    p = only_problem(data_copy)
    assert p.rule == "unknown-task" and "13.3.9" in english(p) and p.line is not None


def test_a_restatement_is_not_in_the_targets_own_task(data_copy):
    edit(
        data_copy, "targets.yaml", SURFACE_WATER_ALSO, SURFACE_WATER_ALSO.replace("13.3.1", "1.4.6")
    )
    p = only_problem(data_copy)
    assert p.rule == "also-in" and "1.4.6" in english(p)


def test_a_restatement_is_listed_once(data_copy):
    edit(data_copy, "targets.yaml", SURFACE_WATER_ALSO, SURFACE_WATER_ALSO * 2)
    p = only_problem(data_copy)
    assert p.rule == "also-in" and "13.3.1" in english(p)


def test_every_own_quote_stands_in_the_targets_task(data_copy):
    # The old trick: a second quote of the restatement, in the target's own quotes.
    quote = "地表水省控及以上断面达到或好于Ⅲ类水体比例超过92%"
    edit(data_copy, "targets.yaml", f"quotes: [{quote}]", f"quotes: [{quote}, {quote}。]")
    p = only_problem(data_copy)
    assert (p.rule, p.id) == ("quote-place", "surface_water_good_share@2025")
    assert "92%。" in english(p) and "1.4.6" in english(p)


def test_a_restatement_in_the_wrong_paragraph_fails_the_ledger(data_copy):
    """Without its also_in entry, 13.3.1's 92% is in no quote the ledger counts there."""
    from plancli.loading.ledger import unaccounted_numerals

    edit(data_copy, "targets.yaml", "    also_in:\n" + SURFACE_WATER_ALSO, "")
    plan = load_plan(data_copy)
    assert [(n.text, n.line) for n in unaccounted_numerals(plan)] == [("92", 505)]


# -- every scope has its English -------------------------------------------------------------


def test_a_scope_without_english_is_an_error(data_copy):
    edit(data_copy, "targets.yaml", "scope: 温州东部新区", "scope: 温州西部新区")
    _, problems = read_plan(data_copy)
    assert {p.rule for p in problems} == {"glossary-scope"}
    p = problems[0]
    assert p.file == "targets.yaml" and p.line is not None
    assert english(p) == "scope '温州西部新区' has no English: add it to glossary.yaml as a term"


def test_an_actuals_scope_without_english_is_an_error(data_copy):
    edit(data_copy, "actuals.yaml", "scope: 全市(当年)", "scope: 全市(某年)")
    p = only_problem(data_copy)
    assert (p.file, p.rule) == ("actuals.yaml", "glossary-scope")


def test_without_a_glossary_scopes_are_not_checked(data_copy):
    (data_copy / "glossary.yaml").unlink()
    edit(data_copy, "targets.yaml", "scope: 温州东部新区", "scope: 温州西部新区")
    assert "glossary-scope" not in rules(data_copy)
