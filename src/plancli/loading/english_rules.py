"""Rules of plancli's English edition (docs/checking.md), run by validate.py:

- glossary: wherever a glossary term occurs in a record's Chinese, its rendering occurs in the
  record's English (plan name and issuer, indicator names, chapter/section/task titles,
  paragraphs);
- fidelity: every Arabic number of a record's Chinese is in its English (fidelity.py);
- english-missing: a paragraph without English is a warning while the translation is under way
  and an error once plan.yaml says it is complete;
- glossary-scope: every scope the data uses (targets, baselines, shipped actuals) is a glossary
  term, whose rendering is its English wherever it is shown;
- the shape of outline.en.yaml (one entry per task, in task order) and of glossary.yaml (one
  entry per term), and plan.yaml's record of whose translation the English is.
"""

from __future__ import annotations

from collections.abc import Iterator

from plancli.loading.rulebook import BlindSpots, tasks_with_paths
from plancli.model import fidelity
from plancli.model.glossary import Glossary, Term
from plancli.model.models import Chapter, Section, Task
from plancli.model.msg import msg
from plancli.model.plan import Plan
from plancli.model.problems import Problem

GLOSSARY = "glossary.yaml"
ENGLISH = "outline.en.yaml"


def english_rules(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    yield from _glossary_file(plan)
    yield from _english_file(plan, gaps)
    glossary = None
    if plan.glossary is not None and GLOSSARY not in gaps.unread:
        glossary = Glossary(Term(t.zh, t.en, tuple(t.not_in)) for t in plan.glossary)
        yield from _scopes(plan, {t.zh for t in plan.glossary})
    for file, ident, zh, en, path in _records(plan):
        if glossary is not None:
            for term in glossary.missing(zh, en):
                yield Problem(
                    file,
                    "glossary",
                    msg("glossary_missing", en=term.en, zh=term.zh),
                    id=ident,
                    path=path,
                )
        for fig in fidelity.missing(zh, en):
            shown = fig.english()
            also = msg("fidelity_shown", shown=shown) if shown != fig.text else None
            yield Problem(
                file,
                "fidelity",
                msg("fidelity_missing", number=fig.text, shown=also),
                id=ident,
                path=path,
            )


def _scopes(plan: Plan, terms: set[str]) -> Iterator[Problem]:
    """A scope the data uses with no glossary term of its own: no English to show it by."""
    places: list[tuple[str, str, str, tuple]] = []
    for ii, ind in enumerate(plan.indicators):
        for ti, t in enumerate(ind.targets):
            places.append(("targets.yaml", t.id, t.scope, ("indicators", ii, "targets", ti)))
        for bi, b in enumerate(ind.baselines):
            where = ("indicators", ii, "baselines", bi)
            places.append(("targets.yaml", f"{ind.id} baseline {b.year}", b.scope, where))
    for ai, a in enumerate(plan.actuals):
        places.append(("actuals.yaml", f"{a.indicator} {a.year}", a.scope, ("actuals", ai)))
    for file, ident, scope, path in places:
        if scope not in terms:
            why = msg("scope_no_english", scope=scope)
            yield Problem(file, "glossary-scope", why, id=ident, path=(*path, "scope"))


def _records(plan: Plan) -> Iterator[tuple[str, str, str, str, tuple]]:
    """Every record with Chinese and English text: (file, id, zh, en, path of the English)."""
    if plan.meta is not None:
        for key in ("name", "issuer"):
            name = getattr(plan.meta, key)
            yield "plan.yaml", key, name.zh, name.en, (key, "en")
    for ii, ind in enumerate(plan.indicators):
        yield "targets.yaml", ind.id, ind.name.zh, ind.name.en, ("indicators", ii, "name", "en")
    for record, path in _titled(plan):
        yield "chapters.yaml", record.id, record.title.zh, record.title.en, (*path, "title", "en")
    for i, p in enumerate(plan.english or ()):
        place = plan.task_places.get(p.id)
        para = plan.paragraph_of(place.task) if place is not None else None
        if p.en is not None and para is not None:
            yield ENGLISH, p.id, para.text, p.en, ("paragraphs", i, "en")


def _titled(plan: Plan) -> Iterator[tuple[Chapter | Section | Task, tuple]]:
    """Every chapter, section and task with its path in chapters.yaml."""
    for ci, c in enumerate(plan.chapters):
        yield c, ("chapters", ci)
        for si, s in enumerate(c.sections):
            yield s, ("chapters", ci, "sections", si)
    for t, _, path in tasks_with_paths(plan):
        yield t, path


def _glossary_file(plan: Plan) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, term in enumerate(plan.glossary or ()):
        if term.zh in seen:
            yield Problem(
                GLOSSARY,
                "duplicate-id",
                msg("term_again", term=term.zh),
                id=term.zh,
                path=("terms", i, "zh"),
                related=("terms", seen[term.zh], "zh"),
            )
        seen.setdefault(term.zh, i)


def _english_file(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    if plan.english is None or ENGLISH in gaps.unread:
        return
    meta = plan.meta
    if meta is not None and "en" not in meta.translation:
        yield Problem(
            "plan.yaml",
            "translation-provenance",
            msg("translation_provenance", file=ENGLISH),
            path=("id",),
        )
    complete = meta is not None and "en" in meta.translation and meta.translation["en"].complete
    level = "error" if complete else "warning"
    chapters_known = "chapters.yaml" not in gaps.unread
    order = {t.id: n for n, (t, _, _) in enumerate(tasks_with_paths(plan))}
    seen: dict[str, int] = {}
    last = -1
    for i, p in enumerate(plan.english):
        here = ("paragraphs", i, "id")
        if p.id in seen:
            yield Problem(
                ENGLISH,
                "duplicate-id",
                msg("paragraph_again"),
                id=p.id,
                path=here,
                related=("paragraphs", seen[p.id], "id"),
            )
            continue
        seen[p.id] = i
        if p.id not in order:
            if chapters_known and not gaps.may_hold("chapters.yaml", p.id):
                why = msg("unknown_task", task=p.id)
                yield Problem(ENGLISH, "unknown-task", why, id=p.id, path=here)
        elif order[p.id] < last and ENGLISH not in gaps.shifted:
            yield Problem(
                ENGLISH,
                "id-order",
                msg("english_order"),
                id=p.id,
                path=here,
            )
        last = max(last, order.get(p.id, last))
        if p.en is None:
            yield Problem(
                ENGLISH,
                "english-missing",
                msg("english_missing_complete" if complete else "english_missing"),
                id=p.id,
                path=("paragraphs", i, "en"),
                level=level,
            )
    if not chapters_known or ENGLISH in gaps.shifted:
        return
    absent = [tid for tid in order if tid not in seen]
    for tid in absent:
        yield Problem(
            ENGLISH,
            "english-missing",
            msg("english_no_entry", task=tid),
            id=tid,
            path=("paragraphs",),
            at_key=True,
            level=level,
        )
