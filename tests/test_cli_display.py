"""How the reading commands look: Chinese text in narrow and wide terminals, colour only on a
terminal, highlighted search matches, shell completion of ids."""

from __future__ import annotations

import csv
import io
import json
import re
from types import SimpleNamespace

import pytest
from rich.cells import get_character_cell_size

from plancli.query.search import fold_query
from plancli.report.words import target_flags

COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _cells(line: str, start: int, end: int) -> str:
    """The characters of line whose first screen cell lies in [start, end)."""
    out, pos = [], 0
    for ch in line:
        if start <= pos < end:
            out.append(ch)
        pos += get_character_cell_size(ch)
    return "".join(out)


def column_text(output: str, header: str, next_header: str) -> str:
    """Everything a table shows in one column (all rows, all wrapped lines), whitespace
    removed: a title folded over three lines reads back whole."""
    lines = output.splitlines()
    at = next(i for i, ln in enumerate(lines) if header in ln and next_header in ln)
    head = lines[at]
    start = sum(get_character_cell_size(c) for c in head[: head.index(header)])
    end = sum(get_character_cell_size(c) for c in head[: head.index(next_header)])
    text = []
    for line in lines[at + 2 :]:  # below the header's rule
        if not line.strip():
            break
        text.append(_cells(line, start, end))
    return "".join("".join(text).split())


def squeeze(text: str) -> str:
    return "".join(text.split())


def all_titles(plan) -> str:
    return squeeze("".join(c.title.zh for c in plan.chapters))


def max_cells(output: str) -> int:
    return max(sum(get_character_cell_size(c) for c in line) for line in output.splitlines())


@pytest.mark.parametrize("width", [80, 120])
def test_chinese_chapter_titles_fit_and_read_whole(run, plan, width):
    r = run("chapters", width=width)
    assert r.exit_code == 0
    assert max_cells(r.stdout) <= width
    assert "…" not in r.stdout
    assert column_text(r.stdout, "标题", "节") == all_titles(plan)


@pytest.mark.parametrize("width", [36, 50])
def test_long_chinese_titles_fold_in_a_narrow_column(run, plan, width):
    r = run("chapters", width=width)
    longest = max(plan.chapters, key=lambda c: len(c.title.zh))
    assert longest.title.zh not in r.stdout  # it had to fold …
    assert column_text(r.stdout, "标题", "节") == all_titles(plan)
    assert max_cells(r.stdout) <= width  # … and nothing stuck out of the terminal


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_target_names_fold_rather_than_vanish(run, plan, width, lang):
    r = run("--lang", lang, "targets", "--chapter", "1", "--no-aspirational", width=width)
    assert r.exit_code == 0
    assert max_cells(r.stdout) <= width
    assert "…" not in r.stdout
    rows = json.loads(
        run("targets", "--chapter", "1", "--no-aspirational", "--format", "json").stdout
    )
    header, after = ("指标", "目标") if lang == "zh" else ("indicator", "target")
    sep = "、" if lang == "zh" else ", "
    names = []
    for row in rows:
        flags = target_flags(SimpleNamespace(**row), lang)
        names.append(row[f"name_{lang}"] + (f"({sep.join(flags)})" if flags else ""))
    assert column_text(r.stdout, header, after) == squeeze("".join(names))
    assert squeeze(column_text(r.stdout, "id" if lang == "en" else "编号", header)) == squeeze(
        "".join(row["target_id"] for row in rows)
    )


@pytest.mark.parametrize("width", [80, 120])
def test_task_paragraph_wraps_within_the_terminal(run, plan, width):
    r = run("task", "1.4.10", width=width)
    assert r.exit_code == 0
    assert max_cells(r.stdout) <= width
    para = plan.paragraph_of(plan.task_places["1.4.10"].task).text
    assert squeeze(para) in squeeze(r.stdout)


def test_section_titles_fold_in_chapter_view(run, plan):
    r = run("chapter", "1", "--section", "1.2", width=44)
    assert r.exit_code == 0 and max_cells(r.stdout) <= 44
    titles = "".join(t.title.zh for t in plan.section_by_id["1.2"].tasks)
    assert column_text(r.stdout, "任务", "目标") == squeeze(titles)


def test_piped_output_has_no_colour(run):
    env = {"NO_COLOR": None, "TERM": "xterm-256color"}
    for args in (("chapters",), ("chapter", "1"), ("search", "研发"), ("show", "gdp")):
        r = run(*args, env=env)
        assert r.exit_code == 0 and "\x1b[" not in r.output


def test_colour_on_a_terminal_and_none_with_no_color(run):
    terminal = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": None}
    coloured = run("search", "研发", env=terminal).stdout
    assert "\x1b[1;4;33m研发\x1b[0m" in coloured  # the match: bold, underlined, yellow
    plain = run("search", "研发", env={**terminal, "NO_COLOR": "1"}).stdout
    codes = set(COLOUR.findall(plain))
    assert codes and not any(re.search(r"[;\[]3[0-7][;m]", c) for c in codes)
    assert "\x1b[1;4m研发\x1b[0m" in plain  # still visible without colour


# -- search --------------------------------------------------------------------------------


def test_search_json_records(run, plan):
    rows = json.loads(run("search", "研发", "--format", "json").stdout)
    keys = ["kind", "id", "field", "lang", "chapter", "section", "task", "line", "text", "spans"]
    assert rows and all(list(r) == [*keys, "target_ids"] for r in rows)
    needle = fold_query("研发")
    for r in rows:
        assert all(r["text"][s:e] == needle for s, e in r["spans"])
    first = rows[0]
    assert (first["kind"], first["id"], first["field"]) == ("indicator", "rd_intensity", "name_zh")


def test_search_csv_round_trips(run):
    rows = list(csv.DictReader(io.StringIO(run("search", "翻一番", "-f", "csv").stdout)))
    as_json = json.loads(run("search", "翻一番", "-f", "json").stdout)
    assert len(rows) == len(as_json)
    for row, rec in zip(rows, as_json, strict=True):
        spans = [[int(n) for n in s.split(":")] for s in row["spans"].split("; ")]
        assert spans == rec["spans"]  # plain "start:end" pairs, never JSON in a cell
        assert row["text"] == rec["text"] and row["task"] == (rec["task"] or "")


def test_search_table_shows_where_and_excerpt(run, plan):
    r = run("search", "人均预期寿命", width=120)
    assert r.exit_code == 0
    assert "life_expectancy" in r.stdout and "1.4.7" in r.stdout
    para = plan.paragraph_of(plan.task_places["1.4.7"].task)
    assert f"¶{para.line}" in r.stdout
    assert "…" in r.stdout  # a paragraph is shown as an excerpt around the match


def test_search_latin_is_case_blind_and_english_words(run):
    r1 = run("--lang", "en", "search", "gdp", "-f", "json").stdout
    r2 = run("--lang", "en", "search", "GdP", "-f", "json").stdout
    assert r1 == r2 and json.loads(r1)
    table = run("--lang", "en", "search", "life expectancy", width=120).stdout
    assert "indicator" in table and "life_expectancy" in table


def test_search_markdown_bolds_the_match(run):
    out = run("search", "人均预期寿命", "--format", "markdown").stdout
    assert "**人均预期寿命**" in out and out.startswith("| 类别 |")


def test_search_chapter_and_limit(run):
    every = json.loads(run("search", "温州", "-f", "json").stdout)
    in_1 = json.loads(run("search", "温州", "--chapter", "1", "-f", "json").stdout)
    assert in_1 == [r for r in every if r["chapter"] == "1"]
    two = json.loads(run("search", "温州", "--limit", "2", "-f", "json").stdout)
    assert two == every[:2]
    assert "2/" in run("search", "温州", "--limit", "2").stdout


def test_search_nothing_found_says_so(run):
    r = run("search", "量子纠缠")
    assert r.exit_code == 0 and "没有找到“量子纠缠”" in r.stdout
    assert json.loads(run("search", "量子纠缠", "-f", "json").stdout) == []
    assert run("--lang", "en", "search", "quokka").stdout.startswith("No matches for")


@pytest.mark.parametrize(
    "args, message",
    [
        (("search", "  "), "search text is empty"),
        (("search", "x", "--limit", "0"), "--limit"),
        (("search", "x", "--chapter", "77"), "no chapter '77'"),
        (("search",), "TEXT"),
    ],
)
def test_search_bad_input_is_a_usage_error(run, args, message):
    r = run(*args, lang="en")
    assert r.exit_code == 2 and message in r.stderr


# -- shell completion ----------------------------------------------------------------------


def complete(run, words: str, data: str | None = None) -> list[str]:
    line = ("plancli " + (f"--data {data} " if data else "") + words).split(" ")
    env = {
        "_PLANCLI_COMPLETE": "complete_bash",
        "COMP_WORDS": " ".join(line),
        "COMP_CWORD": str(len(line) - 1),
    }
    r = run(env=env)
    assert r.exit_code == 0, r.output
    return r.stdout.split()


def test_completes_indicator_ids(run, plan):
    got = complete(run, "show gdp")
    assert got == [i.id for i in plan.indicators if i.id.startswith("gdp")]
    assert "gdp" in got


def test_completes_target_ids_after_an_at(run, plan):
    assert complete(run, "show gdp@") == [t.id for t in plan.indicator_by_id["gdp"].targets]


def test_completes_chinese_names(run):
    assert "常住人口" in complete(run, "show 常住")


def test_completes_tasks_sections_and_chapters(run, plan):
    assert complete(run, "task 1.4.") == [t.id for t in plan.section_by_id["1.4"].tasks]
    assert complete(run, "targets --section 1.") == [s.id for s in plan.chapter_by_id["1"].sections]
    assert complete(run, "chapter 1") == [c.id for c in plan.chapters if c.id.startswith("1")]


def test_completion_with_unreadable_data_is_quiet(run, tmp_path):
    assert complete(run, "show gdp", data=str(tmp_path)) == []
