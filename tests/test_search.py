"""Search over the plan (plancli.query.search): folding, match positions, places, excerpts."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from plancli.query.search import (
    KINDS,
    find_spans,
    fold,
    fold_query,
    paragraph_places,
    search,
    snippet,
)


def test_fold_is_case_and_width_blind():
    assert fold("ＧＤＰ增速，Ⅲ类")[0] == fold("gdp增速,III类")[0]
    assert fold("abc")[1] is None  # nothing moved: no position map needed


def test_spans_point_into_the_original_text():
    text = "全社会研发经费支出占ＧＤＰ比重;Ⅲ类水体"
    assert find_spans(text, "gdp") == [(10, 13)]
    assert find_spans(text, "III") == [(16, 17)]  # Ⅲ is one character standing for three
    assert find_spans(text, "研发") == [(3, 5)]
    assert find_spans(text, "不在") == []
    assert find_spans(text, "  ") == []


def test_matches_do_not_overlap():
    assert find_spans("aaaa", "aa") == [(0, 2), (2, 4)]


@given(st.text(min_size=0, max_size=60), st.text(min_size=1, max_size=4))
def test_every_span_folds_to_the_query(text, query):
    needle = fold_query(query)
    for start, end in find_spans(text, query):
        assert 0 <= start < end <= len(text)
        assert needle in fold(text[start:end])[0]


@given(
    st.text(alphabet="abcXYZ 研发,", max_size=50),
    st.text(alphabet="abcXYZ研发,", min_size=1, max_size=3),
)
def test_agrees_with_a_case_blind_regex_on_simple_text(text, query):
    want = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
    assert find_spans(text, query) == want


@given(
    st.text(alphabet="甲乙丙abc", min_size=1, max_size=120),
    st.text(alphabet="甲乙", min_size=1, max_size=2),
    st.integers(min_value=0, max_value=30),
)
def test_snippet_keeps_the_matches(text, query, context):
    spans = find_spans(text, query)
    shown, moved = snippet(text, spans, context=context)
    assert len(moved) == min(len(spans), 3)
    for (s, e), (ms, me) in zip(spans, moved, strict=False):
        assert shown[ms:me] == text[s:e]
    if spans:
        assert len(shown) <= len(text) + 4  # at most the text and a few … marks


def test_snippet_marks_what_it_leaves_out():
    text = "x" * 50 + "目标" + "y" * 50
    shown, moved = snippet(text, find_spans(text, "目标"), context=5)
    assert shown == "…xxxxx目标yyyyy…"
    assert moved == [(6, 8)]


def test_every_plain_paragraph_has_a_place(plan):
    places = paragraph_places(plan)
    headings = {c.quote for c in plan.chapters} | {s.quote for s in plan.section_by_id.values()}
    body = [p for p in plan.outline.paragraphs if p.text.strip() not in headings]
    assert [pp.paragraph for pp in places] == body
    for pp in places:
        if pp.task is not None:
            assert pp.paragraph == plan.paragraph_of(plan.task_places[pp.task].task)
        if pp.section is not None:
            assert pp.section.split(".")[0] == pp.chapter


def test_paragraphs_after_a_heading_belong_to_its_chapter(plan):
    places = paragraph_places(plan)
    for chapter in plan.chapters:
        if chapter.sections:
            mine = [pp for pp in places if pp.section == chapter.sections[0].id]
            assert mine and all(pp.chapter == chapter.id for pp in mine)


def test_search_finds_names_aliases_titles_and_text(plan):
    hits = search(plan, "研发")
    fields = {(h.kind, h.id, h.field) for h in hits}
    assert ("indicator", "rd_intensity", "name_zh") in fields
    assert ("indicator", "rd_intensity", "alias") in fields  # 研发投入强度
    para = [h for h in hits if h.kind == "paragraph" and h.task == "1.4.3"]
    assert para and para[0].chapter == "1" and para[0].section == "1.4"
    assert para[0].line == plan.paragraph_of(plan.task_places["1.4.3"].task).line
    assert [h.kind for h in hits] == sorted((h.kind for h in hits), key=KINDS.index)


def test_search_finds_task_titles(plan):
    title = plan.task_places["1.4.3"].task.title
    hits = search(plan, title.en.split()[0])
    assert any(h.kind == "task" and h.id == "1.4.3" and h.field == "title_en" for h in hits)
    hits = search(plan, title.zh)
    assert any(h.kind == "task" and h.id == "1.4.3" and h.field == "title_zh" for h in hits)


def test_every_hit_span_is_the_query(plan):
    for query in ("GDP", "gdp", "ＧＤＰ", "翻一番", "温州"):
        needle = fold_query(query)
        hits = search(plan, query)
        assert hits
        for h in hits:
            assert h.spans and all(fold(h.text[s:e])[0] == needle for s, e in h.spans)


def test_search_is_case_and_width_blind(plan):
    def ids(q):
        return [(h.kind, h.id, h.field, h.spans) for h in search(plan, q)]

    assert ids("gdp") == ids("GDP") == ids("ＧＤＰ")


def test_search_counts_every_occurrence_in_the_outline(plan):
    query = "温州"
    headings = {c.quote for c in plan.chapters} | {s.quote for s in plan.section_by_id.values()}
    in_headings = sum(
        p.text.count(query) for p in plan.outline.paragraphs if p.text.strip() in headings
    )
    in_body = sum(len(h.spans) for h in search(plan, query) if h.kind == "paragraph")
    assert in_body + in_headings == plan.outline.text.count(query)


def test_no_hits(plan):
    assert search(plan, "不存在的词语xyz") == []
