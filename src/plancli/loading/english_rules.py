"""Rules of plancli's English edition (docs/checking.md), run by validate.py:

- glossary: wherever a glossary term occurs in a record's Chinese, its rendering occurs in the
  record's English (plan name and issuer, indicator names, chapter/section/task titles,
  paragraphs);
- fidelity: every Arabic number of a record's Chinese is in its English (fidelity.py);
- english-missing: a paragraph without English is a warning while the translation is under way
  and an error once plan.yaml says it is complete;
- the shape of outline.en.yaml (one entry per task, in task order) and of glossary.yaml (one
  entry per term), and plan.yaml's record of whose translation the English is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plancli.model import fidelity
from plancli.model.glossary import Glossary, Term
from plancli.model.problems import Problem

if TYPE_CHECKING:
    from plancli.loading.validate import Gaps
    from plancli.model.plan import Plan

GLOSSARY = "glossary.yaml"
ENGLISH = "outline.en.yaml"


def english_rules(plan: Plan, gaps: Gaps) -> Iterator[Problem]:
    yield from _glossary_file(plan)
    yield from _english_file(plan, gaps)
    glossary = None
    if plan.glossary is not None and GLOSSARY not in gaps.unread:
        glossary = Glossary(Term(t.zh, t.en, tuple(t.not_in)) for t in plan.glossary)
    for file, ident, zh, en, path in _records(plan):
        if glossary is not None:
            for term in glossary.missing(zh, en):
                yield Problem(
                    file,
                    "glossary",
                    f"the English lacks “{term.en}” for {term.zh} (glossary.yaml)",
                    id=ident,
                    path=path,
                )
        for fig in fidelity.missing(zh, en):
            shown = fig.english()
            also = f" ({shown})" if shown != fig.text else ""
            yield Problem(
                file,
                "fidelity",
                f"the English lacks the number {fig.text}{also} of the Chinese",
                id=ident,
                path=path,
            )


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


def _titled(plan: Plan) -> Iterator[tuple[object, tuple]]:
    """Every chapter, section and task with its path in chapters.yaml."""
    from plancli.loading.validate import _tasks_with_paths

    for ci, c in enumerate(plan.chapters):
        yield c, ("chapters", ci)
        for si, s in enumerate(c.sections):
            yield s, ("chapters", ci, "sections", si)
    for t, _, path in _tasks_with_paths(plan):
        yield t, path


def _glossary_file(plan: Plan) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, term in enumerate(plan.glossary or ()):
        if term.zh in seen:
            yield Problem(
                GLOSSARY,
                "duplicate-id",
                f"term {term.zh} is defined again; give each term one rendering",
                id=term.zh,
                path=("terms", i, "zh"),
                related=("terms", seen[term.zh], "zh"),
            )
        seen.setdefault(term.zh, i)


def _english_file(plan: Plan, gaps: Gaps) -> Iterator[Problem]:
    if plan.english is None or ENGLISH in gaps.unread:
        return
    meta = plan.meta
    if meta is not None and "en" not in meta.translation:
        yield Problem(
            "plan.yaml",
            "translation-provenance",
            f"{ENGLISH} is present: say whose translation it is "
            "(translation: {en: {official: false, …}})",
            path=("id",),
        )
    complete = meta is not None and "en" in meta.translation and meta.translation["en"].complete
    level = "error" if complete else "warning"
    chapters_known = "chapters.yaml" not in gaps.unread
    from plancli.loading.validate import _tasks_with_paths

    order = {t.id: n for n, (t, _, _) in enumerate(_tasks_with_paths(plan))}
    seen: dict[str, int] = {}
    last = -1
    for i, p in enumerate(plan.english):
        here = ("paragraphs", i, "id")
        if p.id in seen:
            yield Problem(
                ENGLISH,
                "duplicate-id",
                "the paragraph is given again",
                id=p.id,
                path=here,
                related=("paragraphs", seen[p.id], "id"),
            )
            continue
        seen[p.id] = i
        if p.id not in order:
            if chapters_known and not gaps.may_hold("chapters.yaml", p.id):
                yield Problem(
                    ENGLISH, "unknown-task", f"task {p.id} does not exist", id=p.id, path=here
                )
        elif order[p.id] < last and ENGLISH not in gaps.shifted:
            yield Problem(
                ENGLISH,
                "id-order",
                "out of task order: entries follow chapters.yaml",
                id=p.id,
                path=here,
            )
        last = max(last, order.get(p.id, last))
        if p.en is None:
            yield Problem(
                ENGLISH,
                "english-missing",
                "the paragraph has no English yet"
                if not complete
                else "the paragraph has no English (plan.yaml says the translation is complete)",
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
            f"no entry for task {tid}; add it in task order",
            id=tid,
            path=("paragraphs",),
            at_key=True,
            level=level,
        )
