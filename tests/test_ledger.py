"""The completeness ledger over the whole plan: nothing of the outline is left out."""

from __future__ import annotations

from plancli.loading.ledger import NUMERAL, YEAR, unaccounted_numerals, unowned_paragraphs
from plancli.loading.validate import MAX_QUOTE_CHARS


def test_every_numeral_is_a_quote_a_year_or_an_exclusion(plan):
    missing = [f"line {n.line}: {n.text} in …{n.context}…" for n in unaccounted_numerals(plan)]
    assert missing == []


def test_every_paragraph_belongs_to_exactly_one_task(plan):
    bad = [(p.line, ids, p.text[:30]) for p, ids in unowned_paragraphs(plan)]
    assert bad == []


def test_every_quote_is_one_clause_of_the_outline(plan):
    for _, t in plan.targets:
        for q in t.quotes:
            assert plan.outline.contains(q), (t.id, q)
            assert len(q) <= MAX_QUOTE_CHARS, (t.id, q)


def test_every_exclusion_has_a_real_reason(plan):
    for e in plan.exclusions:
        assert plan.outline.text.count(e.context) == 1, e.context
        assert NUMERAL.search(e.context), f"exclusion {e.context!r} holds no numeral"
        assert len(e.reason) >= 8, f"exclusion {e.context!r}: say why ({e.reason!r})"


def test_the_year_rule_only_takes_years():
    text = "到2025年建成,2000公里,(2021-2025年)"
    assert [m.group() for m in YEAR.finditer(text)] == ["2025", "2021", "2025"]


def test_a_new_numeral_fails_the_ledger(plan):
    from dataclasses import replace

    from plancli.model.outline import Outline

    grown = replace(plan, outline=Outline(plan.outline.text + "\n新增目标达到123个。\n"))
    assert [n.text for n in unaccounted_numerals(grown)] == ["123"]
    assert [p.text for p, _ in unowned_paragraphs(grown)] == ["新增目标达到123个。"]


def test_counts(plan):
    assert len(plan.chapters) == 18
    assert len(plan.section_by_id) == 70
    assert len(plan.task_places) == len([p for p in plan.outline.paragraphs if not p.is_heading])
    assert len(plan.target_by_id) > 150
