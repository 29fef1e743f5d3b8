"""Finding an indicator, target, chapter, section or task from what a user typed.

Accepts ids (`gdp`, `gdp@2025`), Chinese and English names and aliases, case-insensitively;
an unknown name raises UsageError with the closest matches ("did you mean").
"""

from __future__ import annotations

from plancli.model.models import Indicator, Target
from plancli.model.plan import Plan
from plancli.model.problems import UsageError


def _suggest(word: str, choices: list[str], n: int = 3) -> str:
    import difflib

    folded = {c.casefold(): c for c in choices}
    close = [folded[k] for k in difflib.get_close_matches(word.casefold(), folded, n=n, cutoff=0.5)]
    close += [c for k, c in folded.items() if word.casefold() in k and c not in close]
    return f"; did you mean: {', '.join(dict.fromkeys(close[:n]))}?" if close else ""


def indicator_names(ind: Indicator) -> list[str]:
    return [ind.id, ind.name.zh, ind.name.en, *ind.aliases]


def find_indicator(plan: Plan, query: str) -> tuple[Indicator, Target | None]:
    """The indicator named by query, and the target when query is a target id (gdp@2025)."""
    q = query.strip()
    if q in plan.target_by_id:
        return plan.target_by_id[q]
    key = q.casefold()
    for ind in plan.indicators:
        if any(key == name.casefold() for name in indicator_names(ind)):
            return ind, None
    choices = [n for ind in plan.indicators for n in indicator_names(ind)]
    choices += list(plan.target_by_id)
    raise UsageError(f"unknown indicator or target {query!r}{_suggest(q, choices)}")


def find_chapter(plan: Plan, chapter: str):
    if chapter in plan.chapter_by_id:
        return plan.chapter_by_id[chapter]
    raise UsageError(f"no chapter {chapter!r}: chapters are numbered 1–{len(plan.chapters)}")


def find_section(plan: Plan, section: str):
    if section in plan.section_by_id:
        return plan.section_by_id[section]
    raise UsageError(
        f"no section {section!r} (sections are written like 2.1)"
        f"{_suggest(section, list(plan.section_by_id))}"
    )


def find_task(plan: Plan, task: str):
    if task in plan.task_places:
        return plan.task_places[task]
    raise UsageError(
        f"no task {task!r} (tasks are written like 2.1.3){_suggest(task, list(plan.task_places))}"
    )
