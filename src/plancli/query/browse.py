"""Reading the plan: which tasks and targets sit where, filtered lists, and records for output.

Pure data shaping for the reading commands (chapters, chapter, tasks, task, targets, show): it
knows nothing of the terminal. Records are plain dicts of raw values and ids with stable keys,
carrying both languages, so that JSON and CSV are the same whatever --lang says.

A target, task or baseline belongs to the chapter and section its task id names
(conventions: task 2.1.3 is in section 2.1 of chapter 2; 2.0.1 is chapter 2's introduction).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from plancli.model.vocab import Kind

if TYPE_CHECKING:
    from plancli.model.models import Actual, Baseline, Indicator, Target, Task
    from plancli.model.plan import Plan, TaskPlace


def chapter_of(task_id: str) -> str:
    return task_id.split(".", 1)[0]


def section_of(task_id: str) -> str:
    return ".".join(task_id.split(".")[:2])


class TargetFilter(NamedTuple):
    """What `targets` (and `chapter`, `task`) narrow a list of targets to; None means any."""

    chapter: str | None = None
    section: str | None = None
    task: str | None = None
    target_year: int | None = None
    kinds: frozenset[Kind] = frozenset()
    aspirational: bool | None = None
    implied_by_name: bool | None = None

    def accepts(self, target: Target) -> bool:
        checks = (
            self.chapter is None or chapter_of(target.task) == self.chapter,
            self.section is None or section_of(target.task) == self.section,
            self.task is None or target.task == self.task,
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
    places = plan.task_places.values()
    if chapter is not None:
        places = [p for p in places if p.chapter is not None and p.chapter.id == chapter]
    if section is not None:
        places = [p for p in places if p.section is not None and p.section.id == section]
    return list(places)


def targets_per_task(targets: Iterable[tuple[Indicator, Target]]) -> dict[str, list[str]]:
    """Task id → ids of the given targets stated in it."""
    out: dict[str, list[str]] = {}
    for _, t in targets:
        out.setdefault(t.task, []).append(t.id)
    return out


def chapter_counts(plan: Plan, flt: TargetFilter | None = None) -> list[dict]:
    """One record per chapter: its title, and how many sections, tasks and targets it has."""
    per_chapter: dict[str, int] = {}
    for _, t in filter_targets(plan, flt or TargetFilter()):
        per_chapter[chapter_of(t.task)] = per_chapter.get(chapter_of(t.task), 0) + 1
    return [
        {
            "id": c.id,
            "title_zh": c.title.zh,
            "title_en": c.title.en,
            "heading": c.quote,
            "section_count": len(c.sections),
            "task_count": len(c.tasks) + sum(len(s.tasks) for s in c.sections),
            "target_count": per_chapter.get(c.id, 0),
        }
        for c in plan.chapters
    ]


def task_record(place: TaskPlace, target_ids: list[str] | None = None) -> dict:
    t, c, s = place.task, place.chapter, place.section
    return {
        "id": t.id,
        "title_zh": t.title.zh,
        "title_en": t.title.en,
        "lead": t.lead,
        "chapter": c.id if c else None,
        "section": s.id if s else None,
        "target_count": len(target_ids or []),
        "target_ids": list(target_ids or []),
    }


def task_detail(plan: Plan, place: TaskPlace) -> dict:
    """A task in full: its record, its place with titles, and its whole paragraph."""
    t, c, s = place.task, place.chapter, place.section
    para = plan.paragraph_of(t)
    ids = [tg.id for _, tg in filter_targets(plan, TargetFilter(task=t.id))]
    return {
        **task_record(place, ids),
        "chapter_title_zh": c.title.zh if c else None,
        "chapter_title_en": c.title.en if c else None,
        "section_title_zh": s.title.zh if s else None,
        "section_title_en": s.title.en if s else None,
        "line": para.line if para else None,
        "paragraph": para.text if para else None,
    }


def structure_records(plan: Plan, chapter: str, section: str | None, per_task: dict) -> list[dict]:
    """A chapter's outline as rows: each task with its section; a section without tasks yet
    still gets one row (task fields empty), so every section shows."""
    ch = plan.chapter_by_id[chapter]
    rows: list[dict] = []
    if section is None:
        for t in ch.tasks:
            rows.append(_structure_row(ch.id, None, t, per_task))
    for s in ch.sections:
        if section is not None and s.id != section:
            continue
        for t in s.tasks:
            rows.append(_structure_row(ch.id, s, t, per_task))
        if not s.tasks:
            rows.append(_structure_row(ch.id, s, None, per_task))
    return rows


def _structure_row(chapter: str, s, t: Task | None, per_task: dict) -> dict:
    ids = per_task.get(t.id, []) if t else []
    return {
        "chapter": chapter,
        "section": s.id if s else None,
        "section_title_zh": s.title.zh if s else None,
        "section_title_en": s.title.en if s else None,
        "task": t.id if t else None,
        "title_zh": t.title.zh if t else None,
        "title_en": t.title.en if t else None,
        "lead": t.lead if t else None,
        "target_count": len(ids),
        "target_ids": list(ids),
    }


def target_record(plan: Plan, ind: Indicator, t: Target) -> dict:
    """A target with its indicator's names and unit, its place, and its value resolved
    (a relative target such as 比2020年翻一番 gets the value its base implies, if known)."""
    rel = t.relative
    return {
        "id": t.id,
        "indicator": ind.id,
        "name_zh": ind.name.zh,
        "name_en": ind.name.en,
        "year": t.year,
        "comparator": t.comparator.value,
        "value": t.value,
        "relative_base_year": rel.base_year if rel else None,
        "relative_factor": rel.factor if rel else None,
        "relative_percent": rel.percent if rel else None,
        "relative_amount": rel.amount if rel else None,
        "resolved_value": plan.resolved_value(ind, t),
        "unit": ind.unit,
        "text": t.text,
        "kind": t.kind.value,
        "direction": t.effective_direction.value,
        "every_year": t.every_year,
        "maintain": t.maintain,
        "aspirational": t.aspirational,
        "implied_by_name": t.implied_by_name,
        "value_in_words": t.value_in_words,
        "qualifier": t.qualifier,
        "year_stated": t.year_stated,
        "scope": t.scope,
        "chapter": chapter_of(t.task),
        "section": section_of(t.task),
        "task": t.task,
        "quotes": list(t.quotes),
        "note": t.note,
    }


def baseline_record(ind: Indicator, b: Baseline) -> dict:
    return {
        "indicator": ind.id,
        "year": b.year,
        "value": b.value,
        "unit": ind.unit,
        "text": b.text,
        "year_stated": b.year_stated,
        "scope": b.scope,
        "task": b.task,
        "quote": b.quote,
        "note": b.note,
    }


def actual_record(a: Actual, user: bool) -> dict:
    return {
        "indicator": a.indicator,
        "year": a.year,
        "value": a.value,
        "unit": a.unit,
        "scope": a.scope,
        "source_title": a.source.title,
        "source_url": a.source.url,
        "source_quote": a.source.quote,
        "primary": a.source.primary,
        "user": user,
        "note": a.note,
    }


def indicator_detail(plan: Plan, ind: Indicator, only: Target | None = None) -> dict:
    """One indicator: names, unit, aliases, baselines, targets (or just `only`), actuals."""
    targets = [t for t in ind.targets if only is None or t.id == only.id]
    shipped = [(a, False) for a in plan.actuals if a.indicator == ind.id]
    user = [(a, True) for a in plan.user_actuals if a.indicator == ind.id]
    actuals = sorted(shipped + user, key=lambda pair: (pair[0].year, pair[1]))
    return {
        "id": ind.id,
        "name_zh": ind.name.zh,
        "name_en": ind.name.en,
        "unit": ind.unit,
        "aliases": list(ind.aliases),
        "note": ind.note,
        "baselines": [baseline_record(ind, b) for b in ind.baselines],
        "targets": [target_record(plan, ind, t) for t in targets],
        "actuals": [actual_record(a, u) for a, u in actuals],
    }


FACT_FIELDS = (
    "record",
    "indicator",
    "id",
    "year",
    "comparator",
    "value",
    "resolved_value",
    "unit",
    "text",
    "kind",
    "scope",
    "task",
    "quote",
    "source_title",
    "source_url",
)


def indicator_facts(detail: dict) -> list[dict]:
    """An indicator's baselines, targets and actuals as one flat list (CSV rows), each with
    the same keys (FACT_FIELDS) and `record` saying which it is."""
    blank = dict.fromkeys(FACT_FIELDS)
    rows = []
    for b in detail["baselines"]:
        rows.append({**blank, **_pick(b), "record": "baseline", "quote": b["quote"]})
    for t in detail["targets"]:
        rows.append({**blank, **_pick(t), "record": "target", "quote": "; ".join(t["quotes"])})
    for a in detail["actuals"]:
        rows.append({**blank, **_pick(a), "record": "actual", "quote": a["source_quote"]})
    for row in rows:
        row["indicator"] = detail["id"]
    return rows


def _pick(record: dict) -> dict:
    return {k: v for k, v in record.items() if k in FACT_FIELDS}


def quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Where the quotes stand in text (a task's paragraph), sorted, overlaps merged."""
    spans = []
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
