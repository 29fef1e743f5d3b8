"""The completeness ledger over the whole plan: nothing of the outline is left out."""

from __future__ import annotations

from dataclasses import replace

from plancli.loading.ledger import (
    NUMERAL,
    QUANTITY_WORD,
    YEAR,
    unaccounted_numerals,
    unaccounted_words,
    unowned_paragraphs,
)
from plancli.loading.validate import MAX_QUOTE_CHARS
from plancli.model.models import Exclusion
from plancli.model.outline import Outline


def test_every_numeral_is_a_quote_a_year_or_an_exclusion(plan):
    missing = [f"line {n.line}: {n.text} in …{n.context}…" for n in unaccounted_numerals(plan)]
    assert missing == []


def test_every_quantity_word_is_a_quote_or_an_exclusion(plan):
    missing = [f"line {w.line}: {w.text} in …{w.context}…" for w in unaccounted_words(plan)]
    assert missing == []


def test_the_word_ledger_sees_every_form_of_its_words():
    text = "全面消除、基本消除、动态清零、翻一番、翻番、倍增、全覆盖、全域覆盖、全部、全面覆盖"
    found = [m.group() for m in QUANTITY_WORD.finditer(text)]
    assert found == ["消除", "消除", "清零", "翻一番", "翻番", "倍增", "全覆盖", "全域覆盖", "全部"]


def test_every_paragraph_belongs_to_exactly_one_task(plan):
    bad = [(p.line, ids, p.text[:30]) for p, ids in unowned_paragraphs(plan)]
    assert bad == []


def test_every_quote_is_one_clause_of_the_outline(plan):
    for _, t in plan.targets:
        for q in t.quotes:
            assert plan.outline.contains(q), (t.id, q)
            assert len(q) <= MAX_QUOTE_CHARS, (t.id, q)


def test_every_exclusion_has_a_real_reason(plan):
    pattern = {"numerals": NUMERAL, "words": QUANTITY_WORD}
    for e in plan.exclusions:
        assert plan.outline.text.count(e.context) == 1, e.context
        assert pattern[e.ledger].search(e.context), f"{e.context!r} holds none of its {e.ledger}"
        assert len(e.reason) >= 8, f"exclusion {e.context!r}: say why ({e.reason!r})"


def test_both_ledgers_have_exclusions(plan):
    assert {e.ledger for e in plan.exclusions} == {"numerals", "words"}


def test_the_year_rule_only_takes_years():
    text = "到2025年建成,2000公里,(2021-2025年)"
    assert [m.group() for m in YEAR.finditer(text)] == ["2025", "2021", "2025"]


def test_a_new_numeral_fails_the_ledger(plan):
    grown = replace(plan, outline=Outline(plan.outline.text + "\n新增目标达到123个。\n"))
    assert [n.text for n in unaccounted_numerals(grown)] == ["123"]
    assert [p.text for p, _ in unowned_paragraphs(grown)] == ["新增目标达到123个。"]


def test_a_new_quantity_word_fails_the_ledger(plan):
    grown = replace(plan, outline=Outline(plan.outline.text + "\n到2025年实现新增目标全覆盖。\n"))
    assert [w.text for w in unaccounted_words(grown)] == ["全覆盖"]
    assert unaccounted_numerals(grown) == []  # 2025 before 年 is a year


def test_an_exclusion_answers_only_for_its_own_ledger(plan):
    line = "新增目标123个全覆盖"
    grown = replace(plan, outline=Outline(plan.outline.text + f"\n{line}。\n"))
    for ledger, numerals, words in (("numerals", [], ["全覆盖"]), ("words", ["123"], [])):
        excluded = replace(
            grown,
            exclusions=[*plan.exclusions, Exclusion(context=line, reason="a test", ledger=ledger)],
        )
        assert [n.text for n in unaccounted_numerals(excluded)] == numerals, ledger
        assert [w.text for w in unaccounted_words(excluded)] == words, ledger


def test_counts(plan):
    assert len(plan.chapters) == 18
    assert len(plan.section_by_id) == 70
    assert len(plan.task_places) == len([p for p in plan.outline.paragraphs if not p.is_heading])
    assert len(plan.target_by_id) > 150
