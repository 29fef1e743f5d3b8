"""One reading of the outline's wording across all chapters: the judgements the five encoders made
chapter by chapter must come out the same everywhere (the cross-chapter review)."""

from __future__ import annotations

from collections import defaultdict

from plancli.loading.ledger import NUMERAL, QUANTITY_WORD, YEAR
from plancli.model.vocab import Comparator, Kind
from plancli.query.lookup import indicator_names

# 力争 and 争取 (strive), and 努力 (make every effort) read the same way: an aspirational target.
FORCE_WORDS = ("力争", "争取", "努力")
MAINTAIN_WORDS = ("保持", "稳定在", "稳居")
# A total over the period: 累计 (in all), 五年 (over five years), 新增 (newly added) — except
# 累计开通 (opened in all), a running total of what is open (docs/data.md).
TOTAL_WORDS = ("累计", "五年", "新增")
RUNNING_TOTAL_WORDS = ("累计开通",)
AFTER_VALUE = {
    "以上": Comparator.AT_LEAST,
    "以下": Comparator.AT_MOST,
    "以内": Comparator.AT_MOST,
    "左右": Comparator.AROUND,
}


def test_force_words_mark_a_target_aspirational_in_every_chapter(plan):
    forced = [t for _, t in plan.targets if any(w in t.quotes[0] for w in FORCE_WORDS)]
    assert any("努力" in t.quotes[0] for t in forced), "the outline has 努力 targets"
    assert [t.id for t in forced if not t.aspirational] == []


def test_an_aspirational_target_shows_why(plan):
    # Either its own clause says 力争/争取/努力, or the note says which words govern it.
    unexplained = [
        t.id
        for _, t in plan.targets
        if t.aspirational and not any(w in t.quotes[0] for w in FORCE_WORDS) and not t.note
    ]
    assert unexplained == []


def test_maintain_words_mark_a_target_maintain(plan):
    held = [t for _, t in plan.targets if any(w in t.quotes[0] for w in MAINTAIN_WORDS)]
    assert held
    assert [t.id for t in held if not t.maintain] == []


def test_totals_over_the_period_are_cumulative(plan):
    totals = [
        t
        for _, t in plan.targets
        if any(w in t.quotes[0] for w in TOTAL_WORDS)
        and not any(w in t.quotes[0] for w in RUNNING_TOTAL_WORDS)
        and not t.every_year
    ]
    assert totals
    assert [t.id for t in totals if t.kind is not Kind.CUMULATIVE] == []


def test_a_running_total_is_a_count(plan):
    running = [t for _, t in plan.targets if any(w in t.quotes[0] for w in RUNNING_TOTAL_WORDS)]
    assert running
    assert [t.id for t in running if t.kind is not Kind.COUNT] == []


# How a quantity word reads (docs/data.md): all → at least 100%, none left → at most 0,
# double → a relative target of factor 2.
WORD_READINGS = {
    "全覆盖": "all",
    "全域覆盖": "all",
    "全部": "all",
    "消除": "none",
    "清零": "none",
    "翻番": "double",
    "翻一番": "double",
    "倍增": "double",
}


def test_a_quantity_word_in_a_quote_marks_the_value_in_words(plan):
    worded = [t for _, t in plan.targets if any(QUANTITY_WORD.search(q) for q in t.quotes)]
    assert len(worded) > 20
    assert [t.id for t in worded if not t.value_in_words] == []


def test_a_value_in_words_reads_by_its_word(plan):
    checked = 0
    for ind, t in plan.targets:
        if not t.value_in_words:
            continue
        assert not NUMERAL.search(YEAR.sub("", t.text)), f"{t.id}: {t.text!r} has digits"
        word = QUANTITY_WORD.search(t.text)
        if word is None:  # another word for a quantity, such as 两位数 (double digits)
            assert t.note, t.id
            continue
        checked += 1
        reading = WORD_READINGS[word.group()]
        if reading == "all":
            assert (t.comparator, t.value, t.kind, ind.unit) == (
                Comparator.AT_LEAST,
                100,
                Kind.SHARE,
                "%",
            ), t.id
        elif reading == "none":
            assert (t.comparator, t.value) == (Comparator.AT_MOST, 0), t.id
        else:
            assert t.comparator is Comparator.AT_LEAST, t.id
            assert t.relative is not None and t.relative.factor == 2, t.id
    assert checked > 20


def test_a_qualifier_is_written_and_explained(plan):
    qualified = [t for _, t in plan.targets if t.qualifier]
    assert qualified
    basically = [
        t for _, t in plan.targets if any("基本" + w in q for q in t.quotes for w in WORD_READINGS)
    ]
    assert [t.id for t in basically if t.qualifier != "基本"] == []
    for t in qualified:
        assert t.text.startswith(t.qualifier) and t.note and t.qualifier in t.note, t.id
        assert any(t.qualifier + w in q for q in t.quotes for w in WORD_READINGS), t.id


def test_a_baseline_without_a_stated_year_says_so(plan):
    unstated = [(ind.id, b) for ind, b in plan.baselines if not b.year_stated]
    assert unstated
    for ident, b in unstated:
        assert b.note and "no year" in b.note and str(b.year) in b.note, ident


def test_yearly_targets_carry_the_yearly_suffix(plan):
    yearly = [t for _, t in plan.targets if t.every_year]
    assert yearly
    assert [t.id for t in yearly if not t.id.endswith(".yearly")] == []


def test_the_word_after_a_value_matches_the_comparator_in_every_chapter(plan):
    checked, wrong = 0, []
    for _, t in plan.targets:
        value_text = t.text.removesuffix("左右")
        for quote in t.quotes:
            pos = quote.find(value_text)
            if pos == -1:
                continue
            for word, comparator in AFTER_VALUE.items():
                if quote.startswith(word, pos + len(value_text)):
                    checked += 1
                    if t.comparator is not comparator:
                        wrong.append((t.id, word, t.comparator))
    assert checked > 50
    assert wrong == []


def test_an_assumed_year_is_said_in_the_note(plan):
    for _, t in plan.targets:
        if not t.year_stated:
            assert t.year == 2025 and t.note and "2025" in t.note and "assum" in t.note, t.id


def test_no_name_or_alias_names_two_indicators(plan):
    # check() covers ids, Chinese names and aliases; the English name is a lookup key too.
    owners: dict[str, set[str]] = defaultdict(set)
    for ind in plan.indicators:
        for label in indicator_names(ind):
            owners[label.casefold()].add(ind.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
