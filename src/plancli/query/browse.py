"""Reading the plan: which tasks and targets sit where, and filtered lists of them.

What the reading commands (chapters, chapter, tasks, task, targets, show) select; their records
are built from it in plancli.results.

A target, task or baseline belongs to the chapter and section its task id names
(conventions: task 2.1.3 is in section 2.1 of chapter 2; 2.0.1 is chapter 2's introduction).
A target stated in several paragraphs (its `also_in`) belongs to each of them: it is listed,
and counted, in every chapter, section and task that states it.
"""

from __future__ import annotations

from collections.abc import Iterable

from plancli.model.models import Indicator, Target
from plancli.model.plan import Plan, TaskPlace
from plancli.model.record import Record
from plancli.model.vocab import Kind


def chapter_of(task_id: str) -> str:
    return task_id.split(".", 1)[0]


def section_of(task_id: str) -> str:
    return ".".join(task_id.split(".")[:2])


class TargetFilter(Record):
    """What `targets` (and `chapter`, `task`) narrow a list of targets to; None means any."""

    chapter: str | None = None
    section: str | None = None
    task: str | None = None
    target_year: int | None = None
    kinds: frozenset[Kind] = frozenset()
    aspirational: bool | None = None
    implied_by_name: bool | None = None

    def accepts(self, target: Target) -> bool:
        tasks = target.tasks
        checks = (
            self.chapter is None or any(chapter_of(t) == self.chapter for t in tasks),
            self.section is None or any(section_of(t) == self.section for t in tasks),
            self.task is None or self.task in tasks,
            self.target_year is None or target.year == self.target_year,
            not self.kinds or target.kind in self.kinds,
            self.aspirational is None or target.aspirational == self.aspirational,
            self.implied_by_name is None or target.implied_by_name == self.implied_by_name,
        )
        return all(checks)


def filter_targets(plan: Plan, flt: TargetFilter) -> list[tuple[Indicator, Target]]:
    """The plan's targets that pass flt, in the order of the data file."""
    return [(ind, t) for ind, t in plan.targets if flt.accepts(t)]


def tasks_in(plan: Plan, chapter: str | None = None, section: str | None = None) -> list[TaskPlace]:
    """Tasks in plan order (preface, chapters, closing), narrowed to a chapter and/or section."""
    places: Iterable[TaskPlace] = plan.task_places.values()
    if chapter is not None:
        places = [p for p in places if p.chapter is not None and p.chapter.id == chapter]
    if section is not None:
        places = [p for p in places if p.section is not None and p.section.id == section]
    return list(places)


def targets_per_task(targets: Iterable[tuple[Indicator, Target]]) -> dict[str, list[str]]:
    """Task id → ids of the given targets stated in it (a target in each task stating it)."""
    out: dict[str, list[str]] = {}
    for _, t in targets:
        for task in t.tasks:
            out.setdefault(task, []).append(t.id)
    return out


def chapters_stating(target: Target) -> list[str]:
    """The chapters whose paragraphs state the target, its own task's first, each once."""
    return list(dict.fromkeys(chapter_of(t) for t in target.tasks))


def quotes_in(target: Target, task_id: str) -> list[str]:
    """The target's words in one paragraph stating it."""
    return [q for task, q in target.statements if task == task_id]


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Where the quotes stand in text (a task's paragraph), sorted, overlaps merged."""
    spans: list[tuple[int, int]] = []
    for q in set(quotes):
        pos = text.find(q) if q else -1
        while pos != -1:
            spans.append((pos, pos + len(q)))
            pos = text.find(q, pos + 1)
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
