"""Finding an indicator, target, chapter, section or task from what a user typed.

Accepts ids (`gdp`, `gdp@2025`), Chinese and English names and aliases, in any case and in
full-width forms (`GDP@2025`, `ＧＤＰ`), and an indicator by words of its names (`gross
regional product`, as `search` finds them) when they name one indicator only; an unknown name
raises UsageError with the closest matches ("did you mean").
"""

from __future__ import annotations

import difflib
import unicodedata

from plancli.model.models import Chapter, Indicator, Section, Target
from plancli.model.msg import Msg, msg
from plancli.model.plan import Plan, TaskPlace
from plancli.model.problems import UsageError
from plancli.model.vocab import WHOLE_CITY


def suggest(word: str, choices: list[str], n: int = 3) -> Msg | None:
    """A "did you mean" for the closest of choices, or None when nothing is close."""
    folded = {c.casefold(): c for c in choices}
    close = [folded[k] for k in difflib.get_close_matches(word.casefold(), folded, n=n, cutoff=0.5)]
    close += [c for k, c in folded.items() if word.casefold() in k and c not in close]
    return msg("did_you_mean", choices=list(dict.fromkeys(close[:n]))) if close else None


def indicator_names(ind: Indicator) -> list[str]:
    return [ind.id, ind.name.zh, ind.name.en, *ind.aliases]


def fold(text: str) -> str:
    """What a name is compared as: compatibility forms (full-width ＧＤＰ is GDP) and case
    folded, spaces at the ends dropped."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def find_indicator(plan: Plan, query: str) -> tuple[Indicator, Target | None]:
    """The indicator named by query, and the target when query is a target id (gdp@2025)."""
    q = query.strip()
    if q in plan.target_by_id:
        return plan.target_by_id[q]
    key = fold(q)
    for tid, found in plan.target_by_id.items():
        if fold(tid) == key:
            return found
    for ind in plan.indicators:
        if any(key == fold(name) for name in indicator_names(ind)):
            return ind, None
    words = key.split()
    named = [
        ind
        for ind in plan.indicators
        if words and any(all(w in fold(n) for w in words) for n in indicator_names(ind)[1:])
    ]
    if len(named) == 1:
        return named[0], None
    if named:
        choices = [ind.id for ind in named]
        raise UsageError("ambiguous_indicator", query=query, n=len(named), choices=choices)
    choices = [n for ind in plan.indicators for n in indicator_names(ind)]
    choices += list(plan.target_by_id)
    raise UsageError("unknown_indicator", query=query, hint=suggest(q, choices))


def plan_scopes(plan: Plan) -> list[str]:
    """The areas the plan's targets and baselines are for, the whole city first."""
    found = [WHOLE_CITY]
    found += [t.scope for _, t in plan.targets] + [b.scope for _, b in plan.baselines]
    return list(dict.fromkeys(found))


def find_scope(plan: Plan, scope: str) -> str:
    """The area --scope names: one the plan's targets or baselines are for."""
    given = scope.strip()
    known = plan_scopes(plan)
    if given in known:
        return given
    hint = suggest(given, known) or msg("scopes_known", scopes=known)
    raise UsageError("unknown_scope", scope=scope, hint=hint)


def find_chapter(plan: Plan, chapter: str) -> Chapter:
    if chapter in plan.chapter_by_id:
        return plan.chapter_by_id[chapter]
    raise UsageError("no_chapter", chapter=chapter, count=len(plan.chapters))


def find_section(plan: Plan, section: str) -> Section:
    if section in plan.section_by_id:
        return plan.section_by_id[section]
    raise UsageError("no_section", section=section, hint=suggest(section, list(plan.section_by_id)))


def find_task(plan: Plan, task: str) -> TaskPlace:
    if task in plan.task_places:
        return plan.task_places[task]
    raise UsageError("no_task", task=task, hint=suggest(task, list(plan.task_places)))
