"""The CLI's frame: version, help, global options, check's summary and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

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
    assert [p for p in doc["problems"] if p["level"] == "error"] == []
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


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["frobnicate"], "No such command 'frobnicate'"),
        (["--bogus", "check"], "No such option: --bogus"),
        (["gap"], "Missing argument 'INDICATOR'"),
        (["gap", "gdp", "--year"], "Option '--year' requires an argument"),
        (["targets", "--kind", "speed"], "'speed' is not one of"),
        (["check", "--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_usage_errors_are_one_line(run, args, says):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("plancli: error: ") and says in lines[0]


def test_every_command_loads_and_has_help(run):
    from plancli.cli import COMMANDS

    for name in COMMANDS:
        result = run(name, "--help", width=120)
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.stdout


def run_main(argv: list[str], then: str, *, before: str = "", env=None) -> str:
    """Run plancli's process entry point (plancli.__main__.main) in a new interpreter with argv,
    then the statement `then`; its stdout. `before` runs first (a library user's imports)."""
    code = (
        f"import gc, sys\n{before}\n"
        "from plancli.__main__ import main\n"
        f"sys.argv = ['plancli', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"{then}\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout


def own_cache(tmp_path) -> dict:
    """The environment of a process with a cache of its own, on the packaged plan."""
    env = {**os.environ, "PLANCLI_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PLANCLI_DATA", None)
    return env


def test_only_the_command_run_is_imported():
    out = run_main(
        ["check", "--help"],
        "print(sorted(m for m in sys.modules if m.startswith('plancli.cli.')))",
    )
    loaded = out.strip().splitlines()[-1]
    assert "plancli.cli.check" in loaded and "plancli.cli.gap" not in loaded


def test_the_process_runs_without_the_cyclic_gc_but_a_library_user_keeps_it():
    out = run_main(
        ["--version"],
        "print(library, gc.isenabled(), gc.get_freeze_count() > 0)",
        before="import plancli.cli, plancli.loading.cache\nlibrary = gc.isenabled()",
    )
    assert out.splitlines() == [f"plancli {__version__}", "True False True"]


def test_the_process_answers_as_the_library_does(run, tmp_path):
    # The same answer from `python -m plancli` (GC off, cache of validated plans on) as from
    # the app run in-process.
    args = ["gap", "gdp", "--actual", "8000", "--year", "2023", "--format", "json"]
    env = own_cache(tmp_path)
    for _ in range(2):  # the second run reads the cache the first one wrote
        out = subprocess.run(
            [sys.executable, "-m", "plancli", *args], capture_output=True, text=True, env=env
        )
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == json.loads(run(*args).stdout)


def test_a_cached_query_reads_no_yaml(tmp_path):
    modules = (
        "print(sorted(m for m in ('yaml', 'plancli.loading.loader', 'plancli.loading.validate') "
        "if m in sys.modules))"
    )
    args = ["gap", "gdp", "--actual", "8000", "--year", "2023"]
    env = own_cache(tmp_path)
    first, second = (run_main(args, modules, env=env).splitlines()[-1] for _ in range(2))
    assert first != "[]"  # the first run read and validated the files
    assert second == "[]"
