"""`search`'s page: each match highlighted, with where it lives."""

from __future__ import annotations

from plancli.model.record import Record
from plancli.query.search import Span, snippet
from plancli.report.catalogue import text
from plancli.report.page import Column, Page, Table
from plancli.report.pages.places import provenance
from plancli.results.search import HitRow, SearchResult


class Shown(Record):
    """A hit as a table shows it: the place, the matched text (a paragraph as excerpts); a
    further match in the same indicator or title leaves its kind and id blank."""

    hit: HitRow
    where: str
    text: str
    spans: list[Span]
    repeat: bool


def shown_hits(hits: tuple[HitRow, ...], lang: str) -> list[Shown]:
    out, previous = [], None
    for h in hits:
        said, spans = h.text, list(h.spans)
        if h.kind == "paragraph":
            # English words are narrower than Chinese characters: a wider excerpt, whole words.
            english = h.lang == "en"
            said, spans = snippet(said, h.spans, 40 if english else 20, words=english)
            extra = len(h.spans) - len(spans)
            if extra > 0:
                said += text("search.more", lang, n=extra)
        key = (h.kind, h.id)
        where = h.task or h.section or h.chapter or "—"
        out.append(Shown(h, where, said, spans, key == previous and h.kind != "paragraph"))
        previous = key
    return out


def _kind(s: Shown, lang: str) -> str:
    """What matched: the record's kind, and for a paragraph the language of its text (a
    paragraph may match in its Chinese, its English, or both)."""
    if s.repeat:
        return ""
    if s.hit.kind == "paragraph":
        return text(PARAGRAPH_KIND[s.hit.lang or "zh"], lang)
    return text(f"record.{s.hit.kind}", lang)


PARAGRAPH_KIND = {"zh": "record.paragraph_zh", "en": "record.paragraph_en"}


def _id(s: Shown) -> str:
    if s.repeat:
        return ""
    if s.hit.kind == "paragraph":
        return f"¶{s.hit.line}"
    return s.hit.id or "—"


def columns(lang: str) -> list[Column]:
    def label(key: str) -> str:
        return text(f"search.{key}", lang)

    # In a narrow terminal the kind goes first; the id, the place and the match stay.
    return [
        Column(label("kind"), lambda s: _kind(s, lang), role="status", drop=1),
        Column(label("id"), _id, role="id"),
        Column(label("where"), lambda s: s.where, role="code"),
        Column(label("match"), lambda s: s.text, marks=lambda s: s.spans),
    ]


def table_page(r: SearchResult, lang: str) -> Page:
    shown = f"{len(r.hits)}/{r.total}" if len(r.hits) < r.total else str(r.total)
    caption = text("search.caption", lang, query=r.query, shown=shown, n=r.total)
    empty = text("search.none", lang, query=r.query)
    table = Table(shown_hits(r.hits, lang), columns(lang), caption=caption, empty=empty)
    english = any(h.lang == "en" for h in r.hits)
    return Page().add(table, *(provenance(r, lang) if english else []))
