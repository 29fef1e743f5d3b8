"""Finding text in the plan: indicator names and aliases, chapter, section and task titles, and
every paragraph of the outline, with the position of each match.

Matching is by substring after folding both sides the same way: Unicode compatibility forms
(full-width ＧＤＰ and ， match GDP and ,; Ⅲ matches III) and case (for Latin and other cased
scripts). Positions are given in the original text, as [start, end) character offsets.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from plancli.model.limits import MAX_QUERY_CHARS
from plancli.model.outline import Paragraph
from plancli.model.plan import Plan
from plancli.model.problems import UsageError
from plancli.model.record import Record
from plancli.query.browse import chapter_of, section_of

Span = tuple[int, int]

# The order hits are listed in: names first, then structure, then the text itself.
KINDS = ("indicator", "chapter", "section", "task", "paragraph")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text, and for each of its characters the index of the source character
    (None when folding kept every character in place, the common case)."""
    parts = [_fold_char(ch) for ch in text]
    folded = "".join(parts)
    if len(folded) == len(text) and all(len(p) == 1 for p in parts):
        return folded, None
    origin = [i for i, p in enumerate(parts) for _ in p]
    return folded, origin


def fold_query(query: str) -> str:
    return fold(query.strip())[0]


def check_query(query: str) -> None:
    """A usage error for a search text over MAX_QUERY_CHARS, before any text is searched."""
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError("query_too_long", length=len(query), limit=MAX_QUERY_CHARS)


def find_spans(text: str, query: str) -> list[Span]:
    """Non-overlapping matches of query in text, left to right, as spans of text."""
    return _spans(text, fold_query(query))


def _spans(text: str, needle: str) -> list[Span]:
    """find_spans with the query already folded (a search folds it once, not once a text)."""
    if not needle:
        return []
    hay, origin = fold(text)
    spans: list[Span] = []
    pos = hay.find(needle)
    while pos != -1:
        end = pos + len(needle)
        if origin is None:
            spans.append((pos, end))
        else:
            spans.append((origin[pos], origin[end - 1] + 1))
        pos = hay.find(needle, end)
    return spans


class Hit(Record):
    kind: str  # one of KINDS
    id: str | None  # the indicator, chapter, section or task; a paragraph's task if known
    field: str  # id, name_zh, name_en, alias, title_zh, title_en, text
    text: str  # the whole text that matched
    spans: tuple[Span, ...]
    chapter: str | None
    section: str | None
    task: str | None
    line: int | None = None  # line of outline.txt, for paragraphs and tasks


class ParagraphPlace(Record):
    paragraph: Paragraph
    chapter: str | None
    section: str | None
    task: str | None


def paragraph_places(plan: Plan) -> list[ParagraphPlace]:
    """Every paragraph of the outline that is not a heading, with the task it belongs to; a
    paragraph no task claims yet is placed by the chapter and section headings above it."""
    by_index: dict[int, str] = {}
    for task_id, place in plan.task_places.items():
        para = plan.paragraph_of(place.task)
        if para is not None:
            by_index.setdefault(para.number, task_id)
    chapter_heads = {c.quote: c.id for c in plan.chapters}
    section_heads = {s.quote: s.id for c in plan.chapters for s in c.sections}
    places: list[ParagraphPlace] = []
    chapter = section = None
    for para in plan.outline.paragraphs:
        text = para.text.strip()
        if text in chapter_heads:
            chapter, section = chapter_heads[text], None
            continue
        if text in section_heads and chapter is not None:
            section = section_heads[text]
            continue
        task = by_index.get(para.number)
        if task is None:
            places.append(ParagraphPlace(para, chapter, section, None))
            continue
        place = plan.task_places[task]
        ch = place.chapter.id if place.chapter else None
        sec = place.section.id if place.section else None
        places.append(ParagraphPlace(para, ch, sec, task))
    return places


def search(plan: Plan, query: str) -> list[Hit]:
    """Every match of query in the plan, one hit per field that matches, in KINDS order.
    Linear in the size of the plan's text (the query is folded once; str.find is linear)."""
    check_query(query)
    needle = fold_query(query)
    hits: list[Hit] = []

    def add(kind, id_, field, text, chapter, section, task, line=None) -> bool:
        spans = _spans(text, needle)
        if spans:
            hits.append(Hit(kind, id_, field, text, tuple(spans), chapter, section, task, line))
        return bool(spans)

    for ind in plan.indicators:
        places = [t.task for t in ind.targets] + [b.task for b in ind.baselines]
        task = places[0] if places else None
        ch, sec = _place_of(plan, task)
        fields = [("id", ind.id), ("name_zh", ind.name.zh), ("name_en", ind.name.en)]
        fields += [("alias", a) for a in ind.aliases]
        for field, text in fields:
            add("indicator", ind.id, field, text, ch, sec, task)
    for c in plan.chapters:
        for field, text in (("title_zh", c.title.zh), ("title_en", c.title.en)):
            add("chapter", c.id, field, text, c.id, None, None)
    for c in plan.chapters:
        for s in c.sections:
            for field, text in (("title_zh", s.title.zh), ("title_en", s.title.en)):
                add("section", s.id, field, text, c.id, s.id, None)
    for task_id, place in plan.task_places.items():
        t = place.task
        ch = place.chapter.id if place.chapter else None
        sec = place.section.id if place.section else None
        for field, text in (("title_zh", t.title.zh), ("title_en", t.title.en)):
            add("task", task_id, field, text, ch, sec, task_id)
    hits = [h._replace(line=_line_of(plan, h.id)) if h.kind == "task" and h.id else h for h in hits]
    for pp in paragraph_places(plan):
        para = pp.paragraph
        add("paragraph", pp.task, "text", para.text, pp.chapter, pp.section, pp.task, para.line)
    return hits


def _line_of(plan: Plan, task_id: str) -> int | None:
    para = plan.paragraph_of(plan.task_places[task_id].task)
    return para.line if para else None


def _place_of(plan: Plan, task: str | None) -> tuple[str | None, str | None]:
    if task is None:
        return None, None
    place = plan.task_places.get(task)
    if place is None:  # a task id the data does not list (yet): read the place from the id
        return chapter_of(task), section_of(task)
    return (
        place.chapter.id if place.chapter else None,
        place.section.id if place.section else None,
    )


def snippet(
    text: str, spans: tuple[Span, ...] | list[Span], context: int = 20, most: int = 3
) -> tuple[str, list[Span]]:
    """A short excerpt of text around its first `most` matches, windows merged where they
    touch and joined by …, with the spans moved to the excerpt's positions."""
    if not spans:
        return text[: 2 * context], []
    windows: list[list[int]] = []
    for s, e in spans[:most]:
        lo, hi = max(0, s - context), min(len(text), e + context)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    out: list[str] = []
    moved: list[Span] = []
    length = 0
    for lo, hi in windows:
        if lo > 0 or out:
            out.append("…")
            length += 1
        for s, e in spans[:most]:
            if lo <= s and e <= hi:
                moved.append((length + s - lo, length + e - lo))
        out.append(text[lo:hi])
        length += hi - lo
    if windows[-1][1] < len(text):
        out.append("…")
    return "".join(out), moved
