"""`plancli check` output formats (text, json, github) and exit codes, per the conventions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plancli.cli.check import SUMMARY_KEYS, github_line
from plancli.model.problems import Problem
from plant import read, replace_line


def plant_unknown_task(data: Path) -> tuple[int, int, str]:
    """One dangling task reference; returns its line, column and target id."""
    i = replace_line(data, "targets.yaml", r"^    task: ", "    task: 9.9.9")
    lines = read(data, "targets.yaml").split("\n")
    ident = next(
        re.match(r"  - id: (\S+)", line).group(1)
        for line in reversed(lines[:i])
        if line.startswith("  - id: ")
    )
    return i + 1, 11, ident


def test_text_format(run, data_copy, monkeypatch):
    line, col, ident = plant_unknown_task(data_copy)
    monkeypatch.chdir(data_copy.parent)
    result = run("--data", "data", "check")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0] == (
        f"data/targets.yaml:{line}:{col}: [error] {ident}: task 9.9.9 does not exist (unknown-task)"
    )
    assert re.fullmatch(
        r"1 problem in 1 file; read \d+ chapters, \d+ sections, \d+ tasks, \d+ indicators, "
        r"\d+ targets, \d+ baselines, \d+ actuals",
        out[1],
    )
    assert len(out) == 2 and result.stderr == ""


def untranslated(plan) -> int:
    """Paragraphs of the shipped plan without English: a warning each, while under way."""
    return sum(1 for tid in plan.task_places if tid not in plan.english_by_task)


def test_text_format_valid(run, plan):
    n = untranslated(plan)
    ok = (
        f"ok: {len(plan.chapters)} chapters, {len(plan.section_by_id)} sections, "
        f"{len(plan.task_places)} tasks, {len(plan.indicators)} indicators, "
        f"{len(plan.target_by_id)} targets, {len(plan.baselines)} baselines, "
        f"{len(plan.all_actuals)} actuals"
    )
    result = run("check")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == ok + (f"; {n} warning{'s' if n != 1 else ''}" if n else "")
    assert len(lines) == n + 1
    assert all("[warning]" in line and "(english-missing)" in line for line in lines[:-1])
    quiet = run("check", "--no-warnings")
    assert quiet.exit_code == 0 and quiet.stdout == ok + "\n"


def test_paths_outside_the_working_directory_are_shown_in_full(
    run, data_copy, monkeypatch, tmp_path
):
    plant_unknown_task(data_copy)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("--data", str(data_copy), "check")
    assert result.stdout.startswith(f"{data_copy / 'targets.yaml'}:")


def test_json_format(run, data_copy, monkeypatch):
    line, col, ident = plant_unknown_task(data_copy)
    monkeypatch.chdir(data_copy.parent)
    result = run("--data", "data", "check", "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert list(doc) == ["summary", "problems"]
    assert list(doc["summary"]) == list(SUMMARY_KEYS)
    assert all(isinstance(n, int) for n in doc["summary"].values())
    assert doc["problems"] == [
        {
            "file": "data/targets.yaml",
            "line": line,
            "column": col,
            "id": ident,
            "rule": "unknown-task",
            "message": "task 9.9.9 does not exist",
            "level": "error",
        }
    ]
    assert list(doc["problems"][0]) == [
        "file",
        "line",
        "column",
        "id",
        "rule",
        "message",
        "level",
    ]


def test_json_format_valid(run, plan):
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["summary"]["targets"] > 0
    assert len(doc["problems"]) == untranslated(plan)
    assert all(p["level"] == "warning" for p in doc["problems"])
    quiet = json.loads(run("check", "--format", "json", "--no-warnings").stdout)
    assert quiet["problems"] == []


def test_json_problem_without_a_record_has_null_id(run, data_copy):
    (data_copy / "plan.yaml").write_text("id: [\n", encoding="utf-8")
    doc = json.loads(run("--data", str(data_copy), "check", "-f", "json").stdout)
    (p,) = doc["problems"]
    assert p["id"] is None and p["rule"] == "yaml-syntax" and p["line"] == 2


def test_github_format(run, data_copy, monkeypatch):
    line, col, ident = plant_unknown_task(data_copy)
    monkeypatch.chdir(data_copy.parent)
    result = run("--data", "data", "check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file=data/targets.yaml,line={line},col={col},title=unknown-task::"
        f"{ident}: task 9.9.9 does not exist\n"
    )
    # The summary goes to the log (stderr), so stdout holds annotations only.
    assert result.stderr.startswith("1 problem in 1 file; read ")


def test_github_format_valid_prints_no_error_annotation(run, plan):
    result = run("check", "--format", "github")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == untranslated(plan) and result.stderr.startswith("ok: ")
    assert all(line.startswith("::warning file=") for line in lines)
    assert run("check", "--format", "github", "--no-warnings").stdout == ""


def test_github_escaping():
    p = Problem("x", "my-rule", "100% sure\r\nsecond line", 3, 4, id="a,b")
    assert github_line(p, "dir:1/a,b.yaml") == (
        "::error file=dir%3A1/a%2Cb.yaml,line=3,col=4,title=my-rule::"
        "a,b: 100%25 sure%0D%0Asecond line"
    )


def test_github_escapes_a_real_message(run, data_copy):
    replace_line(data_copy, "targets.yaml", r"^  unit: 亿元$", "  unit: 'x%y'")
    result = run("--data", str(data_copy), "check", "--format", "github")
    (line,) = result.stdout.splitlines()
    assert "unknown unit 'x%25y'" in line and "x%y" not in line


# -- exit codes -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_exit_0_when_valid(run, fmt):
    assert run("check", "--format", fmt).exit_code == 0


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_exit_1_when_problems(run, data_copy, fmt):
    plant_unknown_task(data_copy)
    assert run("--data", str(data_copy), "check", "--format", fmt).exit_code == 1


def test_exit_1_when_a_file_does_not_parse(run, data_copy):
    (data_copy / "chapters.yaml").write_text("chapters: [\n", encoding="utf-8")
    result = run("--data", str(data_copy), "check")
    assert result.exit_code == 1 and "(yaml-syntax)" in result.stdout


def test_exit_2_for_an_unknown_format(run):
    result = run("check", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr and "Traceback" not in result.output


def test_exit_2_for_a_missing_data_directory(run, tmp_path):
    for args in (
        ("--data", str(tmp_path / "nope"), "check"),
        ("check", "--data", str(tmp_path / "nope")),
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr == (
            f"plancli: error: data directory not found: {tmp_path / 'nope'} "
            "(expected a folder with plan.yaml)\n"
        )


def test_exit_2_for_a_missing_data_directory_from_the_environment(run, tmp_path):
    result = run("check", env={"PLANCLI_DATA": str(tmp_path / "nope")})
    assert result.exit_code == 2 and "data directory not found" in result.stderr


def test_exit_2_for_a_missing_actuals_file(run, tmp_path):
    result = run("--actuals", str(tmp_path / "mine.csv"), "check")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plancli: error: --actuals file not found: {tmp_path}")


def test_an_empty_data_directory_is_problems_not_usage(run, tmp_path):
    result = run("--data", str(tmp_path), "check", "--format", "json")
    assert result.exit_code == 1
    got = {(p["file"].rsplit("/", 1)[-1], p["rule"]) for p in json.loads(result.stdout)["problems"]}
    assert got == {
        (name, "missing-file")
        for name in ("plan.yaml", "chapters.yaml", "targets.yaml", "outline.txt")
    }


def test_check_level_data_option_wins(run, data_copy, tmp_path):
    """`plancli check --data DIR` (as a pre-commit hook appends it) overrides the global one."""
    plant_unknown_task(data_copy)
    result = run("--data", str(tmp_path / "nope"), "check", "--data", str(data_copy))
    assert result.exit_code == 1 and "(unknown-task)" in result.stdout
    result = run("check", "--data", str(data_copy), env={"PLANCLI_DATA": "/nonexistent"})
    assert result.exit_code == 1


def test_check_help_documents_the_exit_codes(run):
    result = run("check", "--help", width=120)
    assert result.exit_code == 0
    assert "0 valid (warnings allowed), 1 errors found" in result.stdout
    assert "2 usage error" in result.stdout
