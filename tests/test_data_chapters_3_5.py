"""Fidelity checks on the encoding of 第三章–第五章 (industry, the digital city, domestic
circulation): nothing of the text left out, and the words after each value agree with the
comparator stored for it."""

from __future__ import annotations

import pytest

from plancli.loading.ledger import unaccounted_numerals, unowned_paragraphs
from plancli.model.vocab import Comparator

CHAPTERS = ("3", "4", "5")
# The word written right after a value, and the comparator it calls for (docs/conventions.md).
AFTER_VALUE = {"以上": Comparator.AT_LEAST, "以下": Comparator.AT_MOST, "以内": Comparator.AT_MOST}
AFTER_VALUE_AROUND = "左右"
FORCE_WORDS = ("力争", "争取")


def _line_span(plan, first: str, stop: str) -> tuple[int, int]:
    """Outline lines from chapter `first`'s heading up to the line before chapter `stop`'s."""
    lines = {c.id: plan.outline.paragraphs_with(c.quote)[0].line for c in plan.chapters}
    return lines[first], lines[stop] - 1


def _targets(plan):
    return [(i, t) for i, t in plan.targets if plan.chapter_of_task(t.task) in CHAPTERS]


def test_every_numeral_and_paragraph_of_the_chapters_is_accounted_for(plan):
    lo, hi = _line_span(plan, CHAPTERS[0], str(int(CHAPTERS[-1]) + 1))
    numerals = [n for n in unaccounted_numerals(plan) if lo <= n.line <= hi]
    paragraphs = [p.line for p, _ in unowned_paragraphs(plan) if lo <= p.line <= hi]
    assert numerals == [] and paragraphs == []


def test_every_task_of_the_chapters_has_an_english_title(plan):
    for cid in CHAPTERS:
        chapter = plan.chapter_by_id[cid]
        tasks = list(chapter.tasks) + [t for s in chapter.sections for t in s.tasks]
        assert tasks, f"chapter {cid} has no tasks"
        assert all(t.title.en.strip() for t in tasks), (
            f"chapter {cid}: a task lacks an English title"
        )


def test_the_chapters_have_targets(plan):
    found = {plan.chapter_of_task(t.task) for _, t in _targets(plan)}
    assert found == set(CHAPTERS)


@pytest.mark.parametrize("word", sorted(AFTER_VALUE) + [AFTER_VALUE_AROUND])
def test_the_word_after_a_written_value_matches_the_comparator(plan, word):
    checked = 0
    for _, t in _targets(plan):
        value_text = t.text.removesuffix(AFTER_VALUE_AROUND)
        for quote in t.quotes:
            pos = quote.find(value_text)
            if pos == -1 or not quote.startswith(word, pos + len(value_text)):
                continue
            checked += 1
            if word == AFTER_VALUE_AROUND:
                assert t.comparator is Comparator.AROUND and t.direction is not None, t.id
            else:
                assert t.comparator is AFTER_VALUE[word], t.id
    if word in ("以上", AFTER_VALUE_AROUND):  # both occur in these chapters
        assert checked > 0


def test_force_words_in_a_quote_mark_the_target_aspirational(plan):
    forced = [t for _, t in _targets(plan) if any(w in t.quotes[0] for w in FORCE_WORDS)]
    assert forced, "these chapters have 力争/争取 targets"
    assert [t.id for t in forced if not t.aspirational] == []


def test_targets_without_a_stated_year_say_so_in_their_note(plan):
    for _, t in _targets(plan):
        if not t.year_stated:
            assert t.year == 2025 and t.note and "2025 is assumed" in t.note, t.id
