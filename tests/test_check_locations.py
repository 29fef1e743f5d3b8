"""`plancli check` points at the node at fault, names its record, and reports everything at once."""

from __future__ import annotations

import functools
import re

import pytest

from plancli.loading import loader, yamlread
from plancli.loading.loader import load_plan, read_plan
from plancli.model.problems import DataError
from plant import Spot, owner, problems_json, read, replace_line, spot, write
from wording import english


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


TARGET_START = r"^  - id: [a-z0-9_]+@"


def target_blocks(text: str) -> list[tuple[int, int]]:
    """(first, end) line indexes of each block-style target in targets.yaml."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(TARGET_START, line)]
    blocks = []
    for s in starts:
        e = s + 1
        while e < len(lines) and lines[e].startswith("    "):
            e += 1
        blocks.append((s, e))
    return blocks


def plant_five(data) -> dict[tuple[str, str], Spot]:
    """Five errors in two files, one of each kind; returns where each must be reported."""
    expected = {}
    # targets.yaml 1: a typo'd field name, reported at the key.
    i = replace_line(data, "targets.yaml", r"^    value: ", lambda s: s.replace("value", "vaule"))
    expected[("targets.yaml", "schema")] = spot(
        data, "targets.yaml", i, "vaule", owner(data, "targets.yaml", i, "  ")
    )
    blocks = target_blocks(read(data, "targets.yaml"))
    # targets.yaml 2: a reference to a task that does not exist, in a target mid-file.
    s, e = blocks[len(blocks) // 2]
    lines = read(data, "targets.yaml").split("\n")
    k = next(n for n in range(s, e) if lines[n].startswith("    task: "))
    lines[k] = "    task: 9.9.9"
    write(data, "targets.yaml", "\n".join(lines))
    expected[("targets.yaml", "unknown-task")] = spot(
        data, "targets.yaml", k, "9.9.9", owner(data, "targets.yaml", k, "  ")
    )
    # targets.yaml 3: the last target written twice; the second copy is the problem.
    s, e = blocks[-1]
    lines = read(data, "targets.yaml").split("\n")
    lines[e:e] = lines[s:e]
    write(data, "targets.yaml", "\n".join(lines))
    ident = owner(data, "targets.yaml", s, "  ")
    expected[("targets.yaml", "duplicate-id")] = spot(data, "targets.yaml", e, ident, ident)
    expected["first"] = Spot(s + 1, 9, ident)
    # chapters.yaml 4: a task without its quote (a missing field points at the task).
    i = replace_line(data, "chapters.yaml", r"^      quote: ", "")
    lines = read(data, "chapters.yaml").split("\n")
    del lines[i]
    write(data, "chapters.yaml", "\n".join(lines))
    task = owner(data, "chapters.yaml", i - 1, "    ")
    j = lines.index(f"    - id: {task}")
    expected[("chapters.yaml", "schema", "missing")] = spot(data, "chapters.yaml", j, "id", task)
    # chapters.yaml 5: a section id written as a number, not text.
    j = replace_line(
        data, "chapters.yaml", r"^  - id: '\d+\.\d*[1-9]'$", lambda s: s.replace("'", ""), nth=-1
    )
    section = read(data, "chapters.yaml").split("\n")[j].split()[-1]
    expected[("chapters.yaml", "schema", "type")] = spot(data, "chapters.yaml", j, section, section)
    return expected


def test_five_planted_errors_in_two_files_reported_in_one_run(run, data_copy):
    want = plant_five(data_copy)
    result = run("--data", str(data_copy), "check", "--format", "json")
    assert result.exit_code == 1, result.output
    got = problems_json(result)
    assert len(got) == 5, got
    by = {}
    for p in got:
        key = (p["file"].rsplit("/", 1)[-1], p["rule"])
        if key == ("chapters.yaml", "schema"):
            key += ("missing" if "missing field" in p["message"] else "type",)
        by[key] = p
    for key, where in want.items():
        if key == "first":
            continue
        p = by[key]
        assert (p["line"], p["column"], p["id"]) == (where.line, where.column, where.id), key
    assert (
        "unknown field 'vaule' (did you mean 'value'?)" in by[("targets.yaml", "schema")]["message"]
    )
    assert "task 9.9.9 does not exist" in by[("targets.yaml", "unknown-task")]["message"]
    dup = by[("targets.yaml", "duplicate-id")]
    assert dup["message"].endswith(f"(first at line {want['first'].line})")
    assert "missing field 'quote'" in by[("chapters.yaml", "schema", "missing")]["message"]
    typed = by[("chapters.yaml", "schema", "type")]["message"]
    assert typed.startswith("id: expected text, got the number") and "in quotes" in typed


def test_five_planted_errors_as_text(run, data_copy, monkeypatch):
    want = plant_five(data_copy)
    monkeypatch.chdir(data_copy)
    result = run("--data", str(data_copy), "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 6 and lines[-1].startswith("5 problems in 2 files; read ")
    located = {tuple(line.split(":")[:3]) for line in lines[:-1]}
    assert located == {
        (key[0], str(w.line), str(w.column)) for key, w in want.items() if key != "first"
    }
    # Sorted by file (in reading order: chapters before targets), then line.
    files = [line.split(":")[0] for line in lines[:-1]]
    assert files == sorted(files)
    assert [int(line.split(":")[1]) for line in lines[:2]] == sorted(
        int(line.split(":")[1]) for line in lines[:2]
    )


def only(data) -> object:
    _, problems = read_plan(data)
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def line_index(data, name: str, text: str, nth: int = 0) -> int:
    lines = read(data, name).split("\n")
    return [i for i, line in enumerate(lines) if line == text][nth]


@pytest.mark.parametrize(
    ("old", "new", "token", "message"),
    [
        ("    value: ", "    value: '{v}'", "'", "a number in quotes; write it without quotes"),
        ("    year: ", "    year: 2025.5", "2025.5", "expected a whole number, got the number"),
        ("    comparator: ", "    comparator: above", "above", "'above' is not one of"),
        ("    quotes: ", "    quotes: []", "[]", "quotes: needs at least 1 item"),
        ("    kind: ", "    kind: [level]", "[", "kind: expected one of: level, share"),
    ],
)
def test_schema_errors_point_at_the_value(data_copy, old, new, token, message):
    i = replace_line(
        data_copy, "targets.yaml", "^" + re.escape(old), lambda s: new.format(v=s.split()[-1])
    )
    p = only(data_copy)
    line = read(data_copy, "targets.yaml").split("\n")[i]
    assert (p.line, p.column) == (i + 1, line.index(token) + 1)
    assert p.id == owner(data_copy, "targets.yaml", i, "  ")
    assert message in english(p), english(p)


def test_missing_field_points_at_the_record(data_copy):
    i = replace_line(data_copy, "targets.yaml", r"^    comparator: ", "")
    lines = read(data_copy, "targets.yaml").split("\n")
    del lines[i]
    write(data_copy, "targets.yaml", "\n".join(lines))
    ident = owner(data_copy, "targets.yaml", i - 1, "  ")
    p = only(data_copy)
    assert english(p) == "missing field 'comparator'"
    assert (p.line, p.column, p.id) == (
        line_index(data_copy, "targets.yaml", f"  - id: {ident}") + 1,
        5,
        ident,
    )


def test_missing_nested_field_names_its_mapping(data_copy):
    i = replace_line(
        data_copy, "chapters.yaml", r"^      title: \{zh: ", lambda s: re.sub(r", en: .*\}", "}", s)
    )
    p = only(data_copy)
    assert english(p) == "title: missing field 'en'"
    assert p.line == i + 1 and p.id == owner(data_copy, "chapters.yaml", i, "    ")


def test_duplicate_task_id_points_at_the_second(data_copy):
    ids = re.findall(r"^    - id: (\S+)$", read(data_copy, "chapters.yaml"), re.MULTILINE)
    first, second = ids[0], ids[1]
    i = replace_line(
        data_copy, "chapters.yaml", rf"^    - id: {re.escape(second)}$", f"    - id: {first}"
    )
    _, problems = read_plan(data_copy)
    dup = [p for p in problems if p.rule == "duplicate-id"]
    assert len(dup) == 1
    first_line = line_index(data_copy, "chapters.yaml", f"    - id: {first}") + 1
    assert (dup[0].line, dup[0].column, dup[0].id) == (i + 1, 11, first)
    assert english(dup[0]) == f"task {first} is defined again (first at line {first_line})"


def test_duplicate_indicator_id_and_name(data_copy):
    text = read(data_copy, "targets.yaml")
    ids = re.findall(r"^- id: (\S+)$", text, re.MULTILINE)
    i = replace_line(data_copy, "targets.yaml", rf"^- id: {ids[1]}$", f"- id: {ids[0]}")
    _, problems = read_plan(data_copy)
    dup = [p for p in problems if p.rule == "duplicate-id"]
    assert [(p.line, p.column, p.id) for p in dup] == [(i + 1, 7, ids[0])]
    assert english(dup[0]).endswith(
        f"(first at line {line_index(data_copy, 'targets.yaml', f'- id: {ids[0]}') + 1})"
    )


def test_alias_naming_another_indicator(data_copy):
    text = read(data_copy, "targets.yaml")
    ids = re.findall(r"^- id: (\S+)$", text, re.MULTILINE)
    i = line_index(data_copy, "targets.yaml", f"- id: {ids[1]}")
    lines = text.split("\n")
    a = next((n for n in range(i, i + 4) if lines[n].startswith("  aliases: ")), None)
    if a is None:
        a = i + 1
        lines.insert(a, "")
    lines[a] = f"  aliases: [x, {ids[0]}]"
    write(data_copy, "targets.yaml", "\n".join(lines))
    p = only(data_copy)
    assert p.rule == "duplicate-id" and p.id == ids[1]
    first = text.split("\n").index(f"- id: {ids[0]}") + 1
    assert english(p) == f"'{ids[0]}' already names indicator {ids[0]} (first at line {first})"
    assert (p.line, p.column) == (a + 1, 16)


def test_every_file_reported_in_one_run(data_copy):
    """A file that does not parse hides nothing in the others."""
    write(data_copy, "plan.yaml", "id: [unclosed\n")
    replace_line(data_copy, "targets.yaml", r"^    task: ", "    task: 9.9.9")
    replace_line(data_copy, "chapters.yaml", r"^  quote: 第", lambda s: s + "X")
    _, problems = read_plan(data_copy)
    assert {(p.file, p.rule) for p in problems} == {
        ("plan.yaml", "yaml-syntax"),
        ("chapters.yaml", "quote-not-found"),
        ("targets.yaml", "unknown-task"),
    }


def test_no_cascade_from_a_broken_task(data_copy):
    """Targets citing a task dropped for a schema error are not reported as dangling (nor as
    quoted outside its paragraph), and the numbering of its siblings is not judged."""
    ref = re.search(r"^    task: (\S+)$", read(data_copy, "targets.yaml"), re.MULTILINE).group(1)
    i = line_index(data_copy, "chapters.yaml", f"    - id: {ref}")
    lines = read(data_copy, "chapters.yaml").split("\n")
    assert lines[i + 1].startswith("      title: ")
    lines[i + 1] = "      title: 5"
    write(data_copy, "chapters.yaml", "\n".join(lines))
    p = only(data_copy)
    assert (p.rule, p.id, p.line, p.column) == ("schema", ref, i + 2, 14)
    assert english(p) == "title: expected a mapping of fields, got the number 5"


def test_no_cascade_from_a_broken_indicator(data_copy):
    """An actual of an indicator dropped for a schema error is not reported as unknown."""
    lines = read(data_copy, "targets.yaml").split("\n")
    k = next(n for n, line in enumerate(lines) if line.startswith("  unit: "))
    ind = owner(data_copy, "targets.yaml", k, "")
    lines[k] = "  unit: furlongs"
    write(data_copy, "targets.yaml", "\n".join(lines))
    write(
        data_copy,
        "actuals.yaml",
        f"actuals:\n- {{indicator: {ind}, year: 2021, value: 1, unit: 亿元, "
        "source: {title: t, url: 'https://example.org', quote: q}}\n",
    )
    p = only(data_copy)
    assert (p.rule, p.id, p.line, p.column) == ("schema", ind, k + 1, 9)
    said = english(p)
    assert said.startswith("unit: unknown unit 'furlongs': a unit is one of %, Tbps, 个")
    assert all(f" {word}," in said for word in ("元", "人", "公里", "亿", "km"))
    assert said.endswith(
        "or one of 千米, km, 万千瓦, pp, 百分点, µg/m³, ug/m3, T, Gbps; none for a plain number"
    )


def test_lines_stay_right_after_records_are_dropped(data_copy):
    """Problems found after salvage are mapped back to the file as written: here the first
    indicator is dropped, so every later one moves up a place in what is cross-checked."""
    lines = read(data_copy, "targets.yaml").split("\n")
    u = next(n for n, line in enumerate(lines) if line.startswith("  unit: "))
    lines[u] = "  unit: furlongs"
    s, e = target_blocks("\n".join(lines))[-1]
    k = next(n for n in range(s, e) if lines[n].startswith("    task: "))
    lines[k] = "    task: 9.9.9"
    write(data_copy, "targets.yaml", "\n".join(lines))
    _, problems = read_plan(data_copy)
    assert [(p.rule, p.line) for p in problems] == [("schema", u + 1), ("unknown-task", k + 1)]


def test_valid_data_is_never_composed(data_copy, monkeypatch):
    """Locating problems composes a file again; a valid plan must not pay for it."""
    calls = []
    real = yamlread.compose
    monkeypatch.setattr(loader, "compose", lambda text: calls.append(text) or real(text))
    assert read_plan(data_copy)[1] == []
    assert calls == []
    replace_line(data_copy, "targets.yaml", r"^    task: ", "    task: 9.9.9")
    assert len(read_plan(data_copy)[1]) == 1
    assert calls == [read(data_copy, "targets.yaml")]


def test_load_raises_with_every_problem(data_copy):
    replace_line(data_copy, "targets.yaml", r"^    task: ", "    task: 9.9.9")
    write(data_copy, "plan.yaml", read(data_copy, "plan.yaml") + "base_year: 2021\n")
    with pytest.raises(DataError) as err:
        load_plan(data_copy)
    assert {p.rule for p in err.value.problems} == {"unknown-task", "duplicate-key"}
    assert "`plancli check` lists them all" in english(err.value)
