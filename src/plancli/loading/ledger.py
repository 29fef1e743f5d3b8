"""The completeness ledger: proof that the data leaves nothing of the outline out.

1. Every Arabic numeral of the plan text is inside a target's or baseline's quote, or a year by
   rule, or inside the context of an entry in exclusions.yaml.
2. Every quantity word of the plan text (全覆盖, 清零, 翻番 …: a value stated without digits) is
   inside a target's or baseline's quote, or inside the context of a `ledger: words` exclusion.

A quote counts only in the paragraph it is given for (a target's task, or the task of one of its
`also_in` restatements; a baseline's task): the same words in another paragraph are a
restatement the data has not recorded, and the ledger reports them.
3. Every paragraph of the plan text is a chapter or section heading, or belongs to exactly one
   task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancli.model.outline import Paragraph
from plancli.model.plan import Plan

NUMERAL = re.compile(r"\d+(?:\.\d+)?")
# Words that state a quantity (docs/data.md): all (全覆盖, 全域覆盖, 全部 → 100%), none left
# (消除 with 全面消除 and 基本消除, 清零 with 动态清零 → 0) and double (翻番, 翻一番, 倍增 → ×2).
QUANTITY_WORDS = ("全覆盖", "全域覆盖", "全部", "消除", "清零", "翻一番", "翻番", "倍增")
QUANTITY_WORD = re.compile("|".join(QUANTITY_WORDS))
# A year by rule: 19xx/20xx followed by 年, or one end of a range of years (2021-2025年).
YEAR = re.compile(r"(?:19|20)\d\d(?=年|-(?:19|20)\d\d年)|(?<=\d\d-)(?:19|20)\d\d(?=年)")


@dataclass(frozen=True)
class Occurrence:
    """A numeral or a quantity word of the outline."""

    offset: int
    text: str
    line: int
    context: str  # the characters around it, to find it by eye


def _covered(plan: Plan, ledger: str) -> bytearray:
    """A mask over the outline: 1 where a quote, an exclusion's context for this ledger or (for
    the numerals) a year stands."""
    text = plan.outline.text
    mask = bytearray(len(text))
    located = {(task, q) for _, t in plan.targets for task, q in t.statements}
    located |= {(b.task, b.quote) for _, b in plan.baselines}
    for task, q in located:
        span = _paragraph_span(plan, task)
        for pos in plan.outline.positions(q):
            if span is None or span[0] <= pos < span[1]:
                mask[pos : pos + len(q)] = b"\x01" * len(q)
    for context in {e.context for e in plan.exclusions if e.ledger == ledger}:
        for pos in plan.outline.positions(context):
            mask[pos : pos + len(context)] = b"\x01" * len(context)
    if ledger == "numerals":
        for m in YEAR.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def _paragraph_span(plan: Plan, task_id: str) -> tuple[int, int] | None:
    """Where a task's paragraph stands in the outline; None when it cannot be told (an unknown
    task, or a task quote that is not unique: problems `check` reports of their own)."""
    place = plan.task_places.get(task_id)
    para = plan.paragraph_of(place.task) if place is not None else None
    return (para.start, para.start + len(para.text)) if para is not None else None


def _unaccounted(plan: Plan, ledger: str, pattern: re.Pattern) -> list[Occurrence]:
    text = plan.outline.text
    mask = _covered(plan, ledger)
    out = []
    for m in pattern.finditer(text):
        if all(mask[m.start() : m.end()]):
            continue
        ctx = text[max(0, m.start() - 12) : m.end() + 12].replace("\n", " ")
        out.append(Occurrence(m.start(), m.group(), plan.outline.line_of(m.start()), ctx))
    return out


def unaccounted_numerals(plan: Plan) -> list[Occurrence]:
    return _unaccounted(plan, "numerals", NUMERAL)


def unaccounted_words(plan: Plan) -> list[Occurrence]:
    """Quantity words in no quote and no `ledger: words` exclusion."""
    return _unaccounted(plan, "words", QUANTITY_WORD)


def paragraph_owners(plan: Plan) -> dict[int, list[str]]:
    """For each paragraph index, the ids of the tasks (or headings) that claim it."""
    owners: dict[int, list[str]] = {p.number: [] for p in plan.outline.paragraphs}
    for c in plan.chapters:
        for ident, quote in [(c.id, c.quote)] + [(s.id, s.quote) for s in c.sections]:
            for p in plan.outline.paragraphs_with(quote):
                if p.text == quote:
                    owners[p.number].append(ident)
    for task in plan.tasks:
        for p in plan.outline.paragraphs_with(task.quote):
            owners[p.number].append(task.id)
    return owners


def unowned_paragraphs(plan: Plan) -> list[tuple[Paragraph, list[str]]]:
    """Paragraphs claimed by no task or heading, or by more than one."""
    paras = plan.outline.paragraphs
    return [(paras[i], ids) for i, ids in paragraph_owners(plan).items() if len(ids) != 1]
