"""Search hits as records: `search TEXT`."""

from __future__ import annotations

from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.query.search import Span, search
from plancli.results import Rows


class HitRow(Record):
    kind: str  # indicator, chapter, section, task or paragraph
    id: str | None  # the indicator, chapter, section or task; a paragraph's task if known
    field: str  # id, name_zh, name_en, alias, title_zh, title_en, text
    chapter: str | None
    section: str | None
    task: str | None
    line: int | None  # line of outline.txt, for paragraphs and tasks
    text: str  # the whole text that matched
    spans: tuple[Span, ...]  # [start, end) character offsets of the matches in text


class SearchResult(Record):
    query: str
    hits: tuple[HitRow, ...]  # the first `limit` of them
    total: int  # all the hits, before --limit

    def document(self) -> tuple[HitRow, ...]:
        return self.hits

    def rows(self) -> Rows:
        return Rows(HitRow, self.hits)


def search_result(plan: Plan, query: str, chapter: str | None, limit: int | None) -> SearchResult:
    hits = [h for h in search(plan, query) if chapter is None or h.chapter == chapter]
    rows = tuple(
        HitRow(h.kind, h.id, h.field, h.chapter, h.section, h.task, h.line, h.text, h.spans)
        for h in hits
    )
    return SearchResult(query.strip(), rows[:limit] if limit else rows, len(rows))
