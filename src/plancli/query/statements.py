"""Where the plan states each target: the paragraphs (tasks) whose text holds its quotes.

A target is stated in its own task's paragraph, and may be stated again elsewhere (研发投入强度
3.0%左右 in 第一章 and in 第二章): each of its quotes is placed in the paragraph that holds it —
its own task's when that one does, else the first paragraph of the plan that does. So a target
can have several statements, one per paragraph.
"""

from __future__ import annotations

from plancli.model.plan import Plan
from plancli.model.record import Record


class Statement(Record):
    target_id: str
    task: str
    quote: str


def paragraph_texts(plan: Plan) -> dict[str, str]:
    """Task id → its paragraph's text (tasks whose paragraph is not found are left out)."""
    texts = {}
    for task in plan.tasks:
        para = plan.paragraph_of(task)
        if para is not None:
            texts[task.id] = para.text
    return texts


def statements(plan: Plan) -> list[Statement]:
    """Every (target, paragraph, quote), in the order of the targets and their quotes."""
    texts = paragraph_texts(plan)
    out: list[Statement] = []
    seen: set[tuple[str, str, str]] = set()
    for _, target in plan.targets:
        found = [(_holder(texts, target.task, quote), quote) for quote in target.quotes]
        # Where the data model records restatements itself (a target's `also_in`: each other
        # paragraph with its words there), they are statements too.
        found += [(s.task, s.quote) for s in getattr(target, "also_in", ())]
        for task, quote in found:
            key = (target.id, task, quote)
            if key not in seen:
                seen.add(key)
                out.append(Statement(*key))
    return out


def _holder(texts: dict[str, str], own: str, quote: str) -> str:
    if quote in texts.get(own, ""):
        return own
    return next((task for task, text in texts.items() if quote in text), own)
