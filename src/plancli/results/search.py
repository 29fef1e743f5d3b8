"""Search hits as records: `search TEXT`."""

from __future__ import annotations

from typing import Annotated

from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.query.browse import chapter_of
from plancli.query.search import Hit, Span, place_of, search
from plancli.results import PAGE_ONLY, Rows


class HitRow(Record):
    kind: str  # indicator, chapter, section, task or paragraph
    id: str | None  # the indicator, chapter, section or task; a paragraph's task if known
    field: str  # id, name_zh, name_en, alias, title_zh, title_en, text_zh, text_en
    lang: str | None  # zh or en: the language of the text that matched; None for an id
    chapter: str | None
    section: str | None
    task: str | None
    line: int | None  # line of outline.txt, for paragraphs (and their English) and tasks
    text: str  # the whole text that matched
    spans: tuple[Span, ...]  # [start, end) character offsets of the matches in text
    target_ids: tuple[str, ...]  # the targets the paragraph, task or indicator states


class SearchResult(Record):
    query: str
    hits: tuple[HitRow, ...]  # the first `limit` of them
    total: int  # all the hits, before --limit
    english_unofficial: Annotated[bool, PAGE_ONLY]

    def document(self) -> tuple[HitRow, ...]:
        return self.hits

    def rows(self) -> Rows:
        return Rows(HitRow, self.hits)


def search_result(plan: Plan, query: str, chapter: str | None, limit: int | None) -> SearchResult:
    placed = (_in_chapter(plan, h, chapter) for h in search(plan, query))
    hits = [h for h in placed if h is not None]
    rows = tuple(
        HitRow(
            h.kind,
            h.id,
            h.field,
            h.lang,
            h.chapter,
            h.section,
            h.task,
            h.line,
            h.text,
            h.spans,
            h.target_ids,
        )
        for h in hits
    )
    shown = rows[:limit] if limit else rows
    return SearchResult(query.strip(), shown, len(rows), plan.english_unofficial)


def _in_chapter(plan: Plan, hit: Hit, chapter: str | None) -> Hit | None:
    """The hit if it belongs to the chapter (or no chapter was given); an indicator stated in
    several chapters belongs to each, and is placed at its first paragraph in this one."""
    if chapter is None or hit.chapter == chapter:
        return hit
    for task in hit.places:
        if chapter_of(task) == chapter:
            ch, sec = place_of(plan, task)
            return hit._replace(chapter=ch, section=sec, task=task)
    return None
