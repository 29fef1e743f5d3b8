"""The shipped data: chapters 1–2 fully accounted for, and invariants every target must keep."""

from __future__ import annotations

import re
from collections import Counter

from plancli.loading.ledger import unaccounted_numerals, unowned_paragraphs
from plancli.loading.validate import validate

# The number at the head of a target's text as written: 1万亿元 → 1, 前40% → 40, 百亿 → 百.
LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")


def _chapter_lines(plan, first: str, after: str) -> tuple[int, int]:
    """Outline lines from chapter heading `first` up to the line before heading `after`."""
    starts = {p.text.split(" ", 1)[0]: p.line for p in plan.outline.paragraphs if p.is_heading}
    return starts[first], starts[after] - 1


def test_shipped_data_has_no_problems(plan):
    # Warnings (paragraphs not yet translated) are allowed; test_english holds those.
    assert [p.message for p in validate(plan) if p.is_error] == []


def test_chapters_1_and_2_leave_no_numeral_or_paragraph_unaccounted(plan):
    lo, hi = _chapter_lines(plan, "第一章", "第三章")
    numerals = [(n.line, n.text) for n in unaccounted_numerals(plan) if lo <= n.line <= hi]
    paragraphs = [p.line for p, _ in unowned_paragraphs(plan) if lo <= p.line <= hi]
    assert numerals == []
    assert paragraphs == []


def test_every_valued_target_quotes_its_number(plan):
    missing = []
    for _, t in plan.targets:
        if t.relative is not None:  # 比2020年翻一番: no number of its own
            continue
        m = LEADING_NUMBER.search(t.text)
        if m is None:  # a value written in words (全部 → 100%) must say how it was read
            assert t.note, f"{t.id}: no number in its text {t.text!r} and no note"
            continue
        if not any(m.group() in q for q in t.quotes):
            missing.append(t.id)
    assert missing == []


def test_no_target_is_encoded_twice(plan):
    # A target restated in another chapter is one target with several quotes, not two targets.
    keys = Counter(
        (ind.id, t.year, t.value, t.comparator, t.scope, t.every_year)
        for ind, t in plan.targets
        if t.value is not None
    )
    assert [k for k, n in keys.items() if n > 1] == []
