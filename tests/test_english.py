"""The English edition: the glossary's matching, the fidelity of numbers, and the rules `check`
applies to names, titles and paragraphs (docs/checking.md), on small planted cases."""

from __future__ import annotations

import functools
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest

from plancli.loading.loader import load_plan, read_plan
from plancli.model.fidelity import CONVERSIONS, english_numbers, figures, missing
from plancli.model.glossary import Glossary, Term, normalise, renderings
from plant import read, replace_line, write
from wording import english

# 1.1.2 in English, faithful to the glossary and to every number of the Chinese.
PARAGRAPH_1_1_2 = (
    "Overall strength reached a new level. In 2020 the whole city's GDP reached 687.1 billion "
    "yuan, growing by an average of 7.2% a year over the 13th Five-Year Plan period and doubling "
    "its 2010 level two years ahead of schedule; GDP per capita was 73,000 yuan; total fiscal "
    "revenue was 96.25 billion yuan, of which general public budget revenue was 60.2 billion "
    "yuan. The economy entered the top 30 cities in China by size, and Wenzhou's city brand "
    "value entered the national top 20."
)


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


def translate(data: Path, task: str, english: str) -> int:
    """Give a paragraph of outline.en.yaml its English; return the 1-based line of its `en`."""
    lines = read(data, "outline.en.yaml").split("\n")
    i = lines.index(f"- id: {task}") + 1
    end = i
    while lines[end].startswith("  "):  # the entry's present English (and note), replaced
        end += 1
    lines[i:end] = [f"  en: {json.dumps(english, ensure_ascii=False)}"]
    write(data, "outline.en.yaml", "\n".join(lines))
    return i + 1


def errors(data: Path) -> list:
    return [p for p in read_plan(data)[1] if p.is_error]


def only_error(data: Path):
    found = errors(data)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


# -- the glossary's matching ------------------------------------------------------------------

G = Glossary(
    [
        Term("双循环", "dual circulation"),
        Term("国内国际双循环", "domestic and international dual circulation"),
        Term("高地", "hub", ("提高地",)),
        Term("营商环境高地", "benchmark for the business environment"),
        Term("文化产业", "cultural industry"),
        Term("新时代", "new era"),
        Term("最多跑一次", "At Most One Visit"),
        Term("大都市", "metropolis"),
        Term("都市区", "metropolitan area"),
    ]
)


def test_normalise_ignores_case_quotes_and_hyphens():
    assert normalise("The “At Most One Visit” reform") == "the at most one visit reform"
    assert normalise('A "New-Era"  pilot—zone') == "a new era pilot zone"


@pytest.mark.parametrize(
    "en, forms",
    [
        ("cultural industry", {"cultural industry", "cultural industries"}),
        ("market entities", {"market entities", "market entity"}),
        ("sponge city", {"sponge city", "sponge cities"}),
        ("pilot zone", {"pilot zone", "pilot zones"}),
        ("Internet Plus", {"internet plus", "internet pluses"}),
        ("S+M", {"s+m"}),
    ],
)
def test_the_last_word_may_be_singular_or_plural(en, forms):
    assert set(renderings(en)) == forms


def test_a_longer_term_claims_its_span():
    found = [o.term.zh for o in G.occurrences("建设国内国际双循环的战略枢纽,打造双循环格局")]
    assert found == ["国内国际双循环", "双循环"]
    assert (
        G.missing("国内国际双循环", "a hub for domestic and international dual circulation") == []
    )
    assert G.missing("营商环境高地", "a benchmark for the business environment") == []


def test_not_in_excludes_a_context():
    assert [o.term.zh for o in G.occurrences("提高地下停车设施比重,打造人才高地")] == ["高地"]
    assert G.missing("提高地下停车设施比重", "raise the share of underground parking") == []


def test_terms_that_overlap_in_part_are_each_checked():
    assert [o.term.zh for o in G.occurrences("现代化大都市区")] == ["大都市", "都市区"]
    (lacking,) = G.missing("现代化大都市区", "a modern metropolitan area")
    assert lacking.zh == "大都市"


def test_missing_names_each_term_once_and_matches_loosely():
    assert G.missing("新时代“两个健康”先行区;新时代", "the New-Era pilot zone") == []
    assert G.missing("推动文化产业发展", "develop cultural industries") == []
    assert [t.zh for t in G.missing("新时代文化产业", "culture industry of the new times")] == [
        "新时代",
        "文化产业",
    ]


# -- fidelity: numbers and the conversion table ------------------------------------------------


@pytest.mark.parametrize(
    "chinese, english",
    [
        ("地区生产总值突破1万亿元", "GDP above 1 trillion yuan"),
        ("地区生产总值6871亿元", "GDP of 687.1 billion yuan"),
        ("增加1.5万元", "up by 15,000 yuan"),
        ("增加1.5万元", "up by 15 thousand yuan"),
        ("45万人", "0.45 million people"),
        ("总投资额超1亿美元", "total investment above US$100 million"),
        ("1000万户", "10 million households"),
        ("年均增长7.2%", "7.2 per cent a year"),
        ("提高3个百分点", "up 3 percentage points"),
        ("名列全国第6", "ranked 6th nationally"),
        ("2021-2025年", "2021–2025"),
        ("市域铁路S2线、PM2.5、IPv6", "suburban line S2, PM2.5 and IPv6"),
        ("2/3村庄", "two thirds (2/3) of villages"),
        ("500千伏主干网", "the 500 kV trunk grid"),
    ],
)
def test_every_number_is_found_in_its_natural_english_form(chinese, english):
    assert missing(chinese, english) == []


@pytest.mark.parametrize(
    "chinese, english, lacking",
    [
        ("突破1万亿元", "above 10 trillion yuan", "1万亿 (1 trillion)"),
        ("6871亿元", "6,871 yuan", "6871亿 (687.1 billion)"),
        ("增长7.2%", "grew 7.2 times", "7.2%"),
        ("2025年", "by 2035", "2025"),
        ("达到15万个", "reach 1,500,000", "15万 (150,000)"),
    ],
)
def test_a_missing_or_wrong_number_is_reported(chinese, english, lacking):
    (fig,) = missing(chinese, english)
    shown = fig.english()
    assert (f"{fig.text} ({shown})" if shown != fig.text else fig.text) == lacking


def test_the_conversion_table_is_the_one_the_check_applies():
    assert CONVERSIONS["zh"] == {"万亿": 10**12, "亿": 10**8, "万": 10**4}
    assert [f.value for f in figures("1.7万亿、962.5亿、16万")] == [
        Fraction(17 * 10**11),
        Fraction(9625 * 10**7),
        Fraction(160000),
    ]
    assert (Fraction(17 * 10**11), False) in english_numbers("1.7 trillion")
    assert (Fraction(5, 2), True) in english_numbers("2.5%")


# -- the rules on planted cases ----------------------------------------------------------------


def test_a_faithful_paragraph_passes(english_copy):
    translate(english_copy, "1.1.2", PARAGRAPH_1_1_2)
    plan, problems = read_plan(english_copy)
    assert errors(english_copy) == []
    assert plan.english_by_task["1.1.2"] == PARAGRAPH_1_1_2
    assert not [p for p in problems if p.id == "1.1.2"]


def test_glossary_in_a_paragraph(english_copy):
    line = translate(
        english_copy, "1.1.2", PARAGRAPH_1_1_2.replace("the whole city's", "the city's")
    )
    p = only_error(english_copy)
    assert (p.file, p.line, p.column, p.id, p.rule) == (
        "outline.en.yaml",
        line,
        7,
        "1.1.2",
        "glossary",
    )
    assert english(p) == "the English lacks “whole city” for 全市 (glossary.yaml)"


def test_glossary_in_a_title(data_copy):
    i = replace_line(
        data_copy,
        "chapters.yaml",
        r"title: \{zh: 持续提升人民获得感幸福感",
        "  title: {zh: 持续提升人民获得感幸福感, en: Increasing people's sense of gain}",
    )
    p = only_error(data_copy)
    assert (p.file, p.line, p.id, p.rule) == ("chapters.yaml", i + 1, "15", "glossary")
    assert "“sense of fulfilment and happiness” for 获得感幸福感" in english(p)


def test_glossary_in_an_indicator_name(data_copy):
    i = replace_line(
        data_copy,
        "targets.yaml",
        r"name: \{zh: 海洋经济增加值,",
        "  name: {zh: 海洋经济增加值, en: Value added of the maritime economy}",
    )
    p = only_error(data_copy)
    assert (p.file, p.line, p.id, p.rule) == (
        "targets.yaml",
        i + 1,
        "marine_economy_value_added",
        "glossary",
    )


def test_fidelity_in_a_paragraph(english_copy):
    line = translate(
        english_copy, "1.1.2", PARAGRAPH_1_1_2.replace("687.1 billion", "68.71 billion")
    )
    p = only_error(english_copy)
    assert (p.line, p.id, p.rule) == (line, "1.1.2", "fidelity")
    assert english(p) == "the English lacks the number 6871亿 (687.1 billion) of the Chinese"


def test_fidelity_in_a_title_and_a_name(data_copy):
    replace_line(
        data_copy,
        "chapters.yaml",
        r"title: \{zh: 2035年远景目标",
        "      title: {zh: 2035年远景目标, en: Long-range objectives}",
    )
    replace_line(
        data_copy,
        "targets.yaml",
        r"name: \{zh: 资产1000亿元以上市属国企",
        "  name: {zh: 资产1000亿元以上市属国企, en: Municipal state-owned enterprises with "
        "assets of 10 billion yuan or more}",
    )
    found = {(p.id, p.rule, english(p)) for p in errors(data_copy)}
    assert found == {
        ("1.4.10", "fidelity", "the English lacks the number 2035 of the Chinese"),
        (
            "soe_over_100bn_assets",
            "fidelity",
            "the English lacks the number 1000亿 (100 billion) of the Chinese",
        ),
    }


def entry_spans(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Task id -> [start, end) lines of its entry in outline.en.yaml (the `- id:` line and the
    indented lines of its English and note)."""
    spans, starts = {}, [i for i, line in enumerate(lines) if line.startswith("- id: ")]
    for i in starts:
        end = i + 1
        while end < len(lines) and lines[end].startswith("  "):
            end += 1
        spans[lines[i][6:]] = (i, end)
    return spans


def untranslate(data: Path, *tasks: str) -> None:
    """Take the English away from these paragraphs (`en: null`), as while translating."""
    lines = read(data, "outline.en.yaml").split("\n")
    for task in tasks:
        start, end = entry_spans(lines)[task]
        lines[start + 1 : end] = ["  en: null"]
    write(data, "outline.en.yaml", "\n".join(lines))


def under_way(data: Path) -> None:
    write(data, "plan.yaml", read(data, "plan.yaml").replace("complete: true", "complete: false"))


def test_untranslated_paragraphs_are_warnings_while_under_way(run, english_copy):
    under_way(english_copy)
    untranslate(english_copy, "0.0.1", "1.1.2")
    plan, problems = read_plan(english_copy)
    assert problems and all(p.level == "warning" for p in problems)
    assert {p.rule for p in problems} == {"english-missing"}
    assert [p.id for p in problems] == ["0.0.1", "1.1.2"]
    first = problems[0]
    assert (first.file, first.line, first.column) == ("outline.en.yaml", 25, 7)
    assert load_plan(english_copy) is not None  # warnings never stop a query
    result = run("--data", str(english_copy), "check")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].endswith(
        ": [warning] 0.0.1: the paragraph has no English yet (english-missing)"
    )
    doc = json.loads(run("--data", str(english_copy), "check", "-f", "json").stdout)
    assert doc["problems"][0]["level"] == "warning"
    github = run("--data", str(english_copy), "check", "-f", "github").stdout
    assert github.startswith("::warning file=")


def test_untranslated_paragraphs_are_errors_once_complete(run, english_copy):
    assert "complete: true" in read(english_copy, "plan.yaml")  # the shipped plan
    untranslate(english_copy, "1.1.2")
    p = only_error(english_copy)
    assert (p.rule, p.id) == ("english-missing", "1.1.2")
    assert "plan.yaml says the translation is complete" in english(p)
    assert run("--data", str(english_copy), "check").exit_code == 1


def test_the_english_file_follows_the_tasks(english_copy):
    # The entries given the wrong id lose their English, which would not fit the other paragraph.
    untranslate(english_copy, "1.1.4", "2.0.1", "19.0.1")
    lines = read(english_copy, "outline.en.yaml").split("\n")
    spans = entry_spans(lines)
    renamed = {"1.1.4": "1.1.3", "2.0.1": "9.9.9", "19.0.1": "0.0.1"}
    for old, new in renamed.items():  # 1.1.3 twice, no task 9.9.9, 0.0.1 again out of order
        lines[spans[old][0]] = f"- id: {new}"
    start, end = spans["1.1.2"]
    del lines[start:end]  # an entry left out
    write(english_copy, "outline.en.yaml", "\n".join(lines))
    _, problems = read_plan(english_copy)
    found = {(p.id, p.rule, p.level) for p in problems if p.rule != "english-missing"}
    assert found == {
        ("1.1.3", "duplicate-id", "error"),
        ("9.9.9", "unknown-task", "error"),
        ("0.0.1", "duplicate-id", "error"),
    }
    absent = {p.id for p in problems if english(p).startswith("no entry for task")}
    assert absent == {"1.1.2", "1.1.4", "2.0.1", "19.0.1"}


def test_entries_out_of_task_order(english_copy):
    lines = read(english_copy, "outline.en.yaml").split("\n")
    spans = entry_spans(lines)
    (a0, a1), (b0, b1) = spans["1.1.2"], spans["1.1.3"]
    assert a1 == b0
    lines[a0:b1] = lines[b0:b1] + lines[a0:a1]
    write(english_copy, "outline.en.yaml", "\n".join(lines))
    p = only_error(english_copy)
    assert (p.id, p.rule) == ("1.1.2", "id-order")


def test_plan_says_whose_translation_it_is(english_copy):
    plan_text = read(english_copy, "plan.yaml")
    write(english_copy, "plan.yaml", plan_text.split("# The English of names")[0])
    p = only_error(english_copy)
    assert (p.file, p.rule) == ("plan.yaml", "translation-provenance")


def test_glossary_terms_are_defined_once(data_copy):
    text = read(data_copy, "glossary.yaml")
    write(data_copy, "glossary.yaml", text + '- {zh: 双循环, en: "dual cycle"}\n')
    p = only_error(data_copy)
    assert (p.file, p.rule, p.id) == ("glossary.yaml", "duplicate-id", "双循环")
    assert "(first at line" in english(p)


def test_glossary_not_in_must_hold_the_term(data_copy):
    text = read(data_copy, "glossary.yaml")
    write(data_copy, "glossary.yaml", text + '- {zh: 测试词, en: "test", not_in: [别的词]}\n')
    p = only_error(data_copy)
    assert (p.file, p.rule) == ("glossary.yaml", "schema")
    assert "not_in '别的词' must be longer than '测试词' and hold it" in english(p)


def test_the_english_files_are_optional(data_copy):
    (data_copy / "glossary.yaml").unlink()
    plan, problems = read_plan(data_copy)
    assert problems == [] and plan.glossary is None and plan.english is None


def test_a_cached_plan_reports_its_warnings(run, english_copy):
    under_way(english_copy)
    untranslate(english_copy, "1.1.2")
    first = run("--data", str(english_copy), "check")
    load_plan(english_copy)  # as a query would: the plan is cached with its warnings
    again = run("--data", str(english_copy), "check")
    assert first.stdout == again.stdout and "[warning]" in again.stdout


# -- the shipped data --------------------------------------------------------------------------


def test_shipped_glossary_terms_occur_in_the_plan(plan):
    chinese = [plan.outline.text, plan.meta.name.zh, plan.meta.issuer.zh]
    chinese += [i.name.zh for i in plan.indicators]
    chinese += [t.title.zh for t in plan.tasks]
    chinese += [c.title.zh for c in plan.chapters]
    chinese += [s.title.zh for s in plan.section_by_id.values()]
    text = "\n".join(chinese)
    # A scope is a term for its English wherever it is shown, whether or not the outline has it.
    scopes = {t.scope for _, t in plan.targets} | {b.scope for _, b in plan.baselines}
    scopes |= {a.scope for a in plan.actuals}
    assert [t.zh for t in plan.glossary if t.zh not in text and t.zh not in scopes] == []


def test_shipped_glossary_uses_british_spelling(plan):
    us = re.compile(r"\b\w{3,}iz(e|es|ed|ing|ation)s?\b|\b(center|program|defense)\b", re.I)
    assert [t.en for t in plan.glossary if us.search(t.en)] == []


def test_shipped_english_is_not_official(plan):
    assert plan.meta.translation["en"].official is False


def test_shipped_data_has_english_for_every_record(plan):
    assert [tid for tid in plan.task_places if tid not in plan.english_by_task] == []
    # Complete: from now on a paragraph without English is an error, not a warning.
    assert plan.meta.translation["en"].complete is True


def test_a_numeral_too_long_to_be_a_figure_is_passed_over_not_a_traceback():
    # Python's int() refuses strings of more than 4,300 digits (a fuzzed paragraph found it)
    huge = "9" * 5000
    assert english_numbers(f"{huge} and 12%") == {(12, True)}
    assert [f.value for f in figures(f"{huge}亿元，增长12%")] == [12]
    assert missing(f"{huge}，增长12%", "up 12%") == []
