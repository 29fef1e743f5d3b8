"""The completeness ledger: proof that the data leaves nothing of the outline out.

1. Every Arabic numeral of the plan text is inside a target's or baseline's quote, or a year by
   rule, or inside the context of an entry in exclusions.yaml.
2. Every paragraph of the plan text is a chapter or section heading, or belongs to exactly one
   task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancli.model.outline import Paragraph
from plancli.model.plan import Plan

NUMERAL = re.compile(r"\d+(?:\.\d+)?")
# A year by rule: 19xx/20xx followed by 年, or one end of a range of years (2021-2025年).
YEAR = re.compile(r"(?:19|20)\d\d(?=年|-(?:19|20)\d\d年)|(?<=\d\d-)(?:19|20)\d\d(?=年)")


@dataclass(frozen=True)
class Numeral:
    offset: int
    text: str
    line: int
    context: str  # the characters around it, to find it by eye


def _covered(plan: Plan) -> bytearray:
    """A mask over the outline: 1 where a quote, an exclusion's context or a year stands."""
    text = plan.outline.text
    mask = bytearray(len(text))
    quotes = {q for _, t in plan.targets for q in t.quotes}
    quotes |= {b.quote for _, b in plan.baselines}
    quotes |= {e.context for e in plan.exclusions}
    for q in quotes:
        for pos in plan.outline.positions(q):
            mask[pos : pos + len(q)] = b"\x01" * len(q)
    for m in YEAR.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def unaccounted_numerals(plan: Plan) -> list[Numeral]:
    text = plan.outline.text
    mask = _covered(plan)
    out = []
    for m in NUMERAL.finditer(text):
        if all(mask[m.start() : m.end()]):
            continue
        ctx = text[max(0, m.start() - 12) : m.end() + 12].replace("\n", " ")
        out.append(Numeral(m.start(), m.group(), plan.outline.line_of(m.start()), ctx))
    return out


def paragraph_owners(plan: Plan) -> dict[int, list[str]]:
    """For each paragraph index, the ids of the tasks (or headings) that claim it."""
    owners: dict[int, list[str]] = {p.index: [] for p in plan.outline.paragraphs}
    for c in plan.chapters:
        for ident, quote in [(c.id, c.quote)] + [(s.id, s.quote) for s in c.sections]:
            for p in plan.outline.paragraphs_with(quote):
                if p.text == quote:
                    owners[p.index].append(ident)
    for task in plan.tasks:
        for p in plan.outline.paragraphs_with(task.quote):
            owners[p.index].append(task.id)
    return owners


def unowned_paragraphs(plan: Plan) -> list[tuple[Paragraph, list[str]]]:
    """Paragraphs claimed by no task or heading, or by more than one."""
    paras = plan.outline.paragraphs
    return [(paras[i], ids) for i, ids in paragraph_owners(plan).items() if len(ids) != 1]
