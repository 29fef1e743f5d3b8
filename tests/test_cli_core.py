"""The CLI's frame: version, help, global options, check's summary and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from plancli import __version__


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"plancli {__version__}"


def test_help_lists_commands(run):
    result = run("--help", width=120)
    assert result.exit_code == 0
    assert "check" in result.stdout and "--data" in result.stdout


def test_check_reports_counts(run, plan):
    result = run("check")
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("ok: 18 chapters, 70 sections")
    assert f"{len(plan.target_by_id)} targets" in last


def test_check_json_summary(run):
    result = run("check", "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["problems"] == []
    assert set(doc["summary"]) == {
        "chapters",
        "sections",
        "tasks",
        "indicators",
        "targets",
        "baselines",
        "actuals",
    }


def test_check_exit_1_names_file_and_record(run, data_copy):
    path = data_copy / "targets.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("task: 1.4.3\n", "task: 9.9.9\n", 1),
        encoding="utf-8",
    )
    result = run("--data", str(data_copy), "check")
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert "targets.yaml:" in line and "[error]" in line and "(unknown-task)" in line
    assert "@2025" in line


def test_data_from_environment(run, data_copy):
    (data_copy / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    result = run("check", env={"PLANCLI_DATA": str(data_copy)})
    assert result.exit_code == 1
    assert "plan.yaml" in result.stdout


def test_missing_data_directory_is_a_usage_error(run, tmp_path):
    result = run("--data", str(tmp_path / "nope"), "check")
    assert result.exit_code == 2
    assert result.stderr.startswith("plancli: error: data directory not found")
    assert "Traceback" not in result.output


def test_unknown_command_is_a_usage_error(run):
    assert run("frobnicate").exit_code == 2


def test_bad_lang_is_a_usage_error(run):
    assert run("--lang", "fr", "check").exit_code == 2


def test_python_dash_m():
    out = subprocess.run(
        [sys.executable, "-m", "plancli", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"plancli {__version__}"
