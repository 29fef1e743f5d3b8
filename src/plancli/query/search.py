"""Finding text in the plan, in both its languages: indicator names and aliases, chapter,
section and task titles, every paragraph of the outline and its English, with the position of
each match and the language of the text it is in.

Both sides are folded the same way: Unicode compatibility forms (full-width ＧＤＰ and ， match GDP
and ,; Ⅲ matches III) and case (for Latin and other cased scripts). Chinese text matches by
substring (it has no spaces between words). English text, and an id, matches on words: a match
starts and ends at a word's edge, so `port` finds "port" and "Port" but not "support" or
"important"; the last word may add a plural -s or -es (`target` finds "targets"); a hyphen or
dash (and an id's underscore) is a space (`surface water` finds "surface-water"). Positions are
given in the original text, as [start, end) character offsets.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from plancli.model.limits import MAX_QUERY_CHARS
from plancli.model.outline import Paragraph
from plancli.model.plan import Plan
from plancli.model.problems import UsageError
from plancli.model.record import Record
from plancli.query.browse import chapter_of, section_of, targets_per_task

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


def find_spans(text: str, query: str, *, words: bool = False) -> list[Span]:
    """Non-overlapping matches of query in text, left to right, as spans of text; with words,
    only matches of whole words (English text)."""
    return _spans(text, fold_query(query), words)


def _spans(text: str, needle: str, words: bool = False) -> list[Span]:
    """find_spans with the query already folded (a search folds it once, not once a text)."""
    if not needle:
        return []
    hay, origin = fold(text)
    if words:  # a hyphen, dash or _ is a space between words (surface water = surface-water)
        hay, needle = hay.translate(DASHES), needle.translate(DASHES)
    spans: list[Span] = []
    pos = hay.find(needle)
    while pos != -1:
        found: int | None = pos + len(needle)
        if words:
            found = _word_end(hay, needle, pos, pos + len(needle))
        if found is None:
            pos = hay.find(needle, pos + 1)
            continue
        end = found
        if origin is None:
            spans.append((pos, end))
        else:
            spans.append((origin[pos], origin[end - 1] + 1))
        pos = hay.find(needle, end)
    return spans


PLURALS = ("s", "es")
# Hyphens, dashes and an id's underscores, each read as a space when matching on words (one
# character for one, so positions in the folded text stay where they were).
DASHES = str.maketrans(dict.fromkeys("-‐‑‒–—_", " "))


def _word_end(hay: str, needle: str, start: int, end: int) -> int | None:
    """Where a match of needle at start ends as a match on words (taking in a plural -s or -es
    after its last word), or None when it starts or ends inside a word."""
    if needle[0].isalnum() and start > 0 and hay[start - 1].isalnum():
        return None
    if not needle[-1].isalnum() or end == len(hay) or not hay[end].isalnum():
        return end
    for plural in PLURALS:
        after = end + len(plural)
        if hay.startswith(plural, end) and (after == len(hay) or not hay[after].isalnum()):
            return after
    return None


def is_english(field: str, text: str) -> bool:
    """Whether a field's text is matched on words: the *_en fields, an alias written without
    Chinese characters, and ids (their words are joined by _: `gdp` finds gdp_per_capita)."""
    if field.endswith("_en") or field == "id":
        return True
    return field == "alias" and not any(_is_cjk(ch) for ch in text)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def language_of(field: str, text: str) -> str | None:
    """zh or en: the language of a hit's text; None for an id."""
    if field == "id":
        return None
    return "en" if is_english(field, text) else "zh"


class Hit(Record):
    kind: str  # one of KINDS
    id: str | None  # the indicator, chapter, section or task; a paragraph's task if known
    field: str  # id, name_zh, name_en, alias, title_zh, title_en, text_zh, text_en
    lang: str | None  # zh or en: the language of the text that matched (None for an id)
    text: str  # the whole text that matched
    spans: tuple[Span, ...]
    chapter: str | None
    section: str | None
    task: str | None
    line: int | None = None  # line of outline.txt, for paragraphs (and their English) and tasks
    target_ids: tuple[str, ...] = ()  # the targets the paragraph (task, indicator) states
    # Every paragraph stating an indicator, `task` first: a hit belongs to each one's chapter.
    places: tuple[str, ...] = ()


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
    """Every match of query in the plan, one hit per field that matches, in KINDS order (a
    paragraph's Chinese, then its English). Linear in the size of the plan's text (the query
    is folded once; str.find is linear)."""
    check_query(query)
    needle = fold_query(query)
    hits: list[Hit] = []
    stated = targets_per_task(plan.targets)

    def add(kind, id_, field, text, chapter, section, task, line=None, ids=(), places=()):
        spans = _spans(text, needle, is_english(field, text))
        if spans:
            lang = language_of(field, text)
            hit = Hit(kind, id_, field, lang, text, tuple(spans), chapter, section, task, line)
            hits.append(hit._replace(target_ids=tuple(ids), places=tuple(places)))

    for ind in plan.indicators:
        places = [task for t in ind.targets for task in t.tasks] + [b.task for b in ind.baselines]
        places = list(dict.fromkeys(places))
        task = places[0] if places else None
        ch, sec = place_of(plan, task)
        ids = [t.id for t in ind.targets]
        fields = [("id", ind.id), ("name_zh", ind.name.zh), ("name_en", ind.name.en)]
        fields += [("alias", a) for a in ind.aliases]
        for field, text in fields:
            add("indicator", ind.id, field, text, ch, sec, task, None, ids, places)
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
        line = _line_of(plan, task_id)
        ids = stated.get(task_id, [])
        for field, text in (("title_zh", t.title.zh), ("title_en", t.title.en)):
            add("task", task_id, field, text, ch, sec, task_id, line, ids)
    english = plan.english_by_task
    for pp in paragraph_places(plan):
        para, task = pp.paragraph, pp.task
        ids = stated.get(task, []) if task else []
        where = (pp.chapter, pp.section, task, para.line, ids)
        add("paragraph", task, "text_zh", para.text, *where)
        if task in english:
            add("paragraph", task, "text_en", english[task], *where)
    return hits


def _line_of(plan: Plan, task_id: str) -> int | None:
    para = plan.paragraph_of(plan.task_places[task_id].task)
    return para.line if para else None


def place_of(plan: Plan, task: str | None) -> tuple[str | None, str | None]:
    if task is None:
        return None, None
    place = plan.task_places.get(task)
    if place is None:  # a task id the data does not list (yet): read the place from the id
        return chapter_of(task), section_of(task)
    return (
        place.chapter.id if place.chapter else None,
        place.section.id if place.section else None,
    )


WORD_SLACK = 15  # how far an English excerpt may widen to reach a word's edge


def _word_edges(text: str, lo: int, hi: int) -> tuple[int, int]:
    """lo and hi moved outward to the nearest space, where one is near enough."""
    if lo > 0:
        space = text.rfind(" ", max(0, lo - WORD_SLACK), lo + 1)
        lo = space + 1 if space != -1 else (0 if lo <= WORD_SLACK else lo)
    if hi < len(text):
        space = text.find(" ", hi - 1, hi + WORD_SLACK)
        near_end = len(text) - hi <= WORD_SLACK
        hi = space if space != -1 else (len(text) if near_end else hi)
    return lo, hi


def snippet(
    text: str,
    spans: tuple[Span, ...] | list[Span],
    context: int = 20,
    most: int = 3,
    *,
    words: bool = False,
) -> tuple[str, list[Span]]:
    """A short excerpt of text around its first `most` matches, windows merged where they
    touch and joined by …, with the spans moved to the excerpt's positions. With words
    (English), each window widens to the nearest space on either side, so that no word is
    cut (by at most WORD_SLACK characters)."""
    if not spans:
        return text[: 2 * context], []
    windows: list[list[int]] = []
    for s, e in spans[:most]:
        lo, hi = max(0, s - context), min(len(text), e + context)
        if words:
            lo, hi = _word_edges(text, lo, hi)
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
