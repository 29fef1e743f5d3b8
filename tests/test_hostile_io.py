"""Issue 14, case by case, as a user meets each: hostile or unlucky input and broken output give
one clear line and the conventions' exit code (0, 1, 2, 74, 130), never a traceback, never a
lie, at a bounded cost.

Where the behaviour belongs to the process (a closed pipe, a full disk, a closed stdout,
Ctrl-C) the installed entry point runs in a subprocess; the rest runs in-process.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plancli.loading import actuals_csv, loader
from plancli.loading.safewrite import MARK
from plancli.model.limits import MAX_ARG_CHARS, MAX_EXCLUSIONS, MAX_QUERY_CHARS
from plancli.model.sanitise import csv_cell
from plant import read, replace_line, write


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


ENTRY = Path(sys.executable).with_name("plancli")
HEADER = "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\\x9b31m"


def entry(*args: str) -> list[str]:
    """The installed `plancli` command, or `python -m plancli` where it is not installed."""
    if ENTRY.exists():
        return [str(ENTRY), *args]
    return [sys.executable, "-m", "plancli", *args]


@pytest.fixture
def env(tmp_path) -> dict:
    """A process environment with its own cache and no PLANCLI_* settings of the caller."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("PLANCLI_")}
    out["PLANCLI_CACHE_DIR"] = str(tmp_path / "cache")
    out["PLANCLI_LANG"] = "en"  # these tests read the messages in English
    return out


def no_traceback(stderr: str | bytes) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text and "Exception ignored" not in text, text


def problems(run, *args: str) -> list[dict]:
    result = run(*args, "check", "--format", "json", "--no-warnings")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)["problems"]


def at(p: dict) -> tuple:
    return Path(p["file"]).name, p["line"], p["column"], p["rule"]


# -- output that cannot be written: 74 -------------------------------------------------------

COMMANDS = [
    ["chapters"],
    ["show", "gdp"],
    ["task", "2.1.1"],
    ["chapter", "2"],
    ["trajectory", "gdp"],
    ["gap", "gdp"],
    ["score"],
    ["review"],
    ["targets", "--format", "json"],
    ["search", "研发", "--format", "csv"],
    ["check"],
    ["schema", "plan"],
    ["--help"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_74(env, args):
    with open("/dev/full", "w") as full:
        done = subprocess.run(entry(*args), stdout=full, stderr=subprocess.PIPE, env=env)
    assert done.returncode == 74
    assert done.stderr.decode() == "plancli: error: cannot write output: No space left on device\n"


def test_a_closed_stdout_is_74(env):
    done = subprocess.run(
        entry("gap", "gdp"), stderr=subprocess.PIPE, env=env, preexec_fn=lambda: os.close(1)
    )
    assert done.returncode == 74
    assert done.stderr.decode() == "plancli: error: cannot write output: Bad file descriptor\n"


def test_an_output_encoding_that_cannot_show_the_text_is_74(env):
    # In Chinese, the default: the English edition's table of contents is all ASCII.
    chinese = {k: v for k, v in env.items() if k != "PLANCLI_LANG"}
    done = subprocess.run(
        entry("chapters"), capture_output=True, env={**chinese, "PYTHONIOENCODING": "ascii"}
    )
    assert done.returncode == 74
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("plancli: error: cannot write output: its encoding (ascii) cannot show")
    assert line.endswith("; use a UTF-8 locale or PYTHONIOENCODING=utf-8")


# -- a reader that stops reading: quiet, 0 ------------------------------------------------------


def run_into_closed_pipe(args, env) -> subprocess.CompletedProcess:
    """Run with stdout a pipe whose reader is already gone: the first write fails (EPIPE)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(entry(*args), stdout=write_end, stderr=subprocess.PIPE, env=env)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_closed_pipe_is_quiet_and_0(env, args):
    done = run_into_closed_pipe(args, env)
    assert (done.returncode, done.stderr) == (0, b"")


def test_head_reading_one_line(env):
    # As a shell runs `plancli targets | head -1`, with the pipe's status of plancli.
    script = "set -o pipefail; " + " ".join(entry("targets")) + " | head -1 >/dev/null"
    done = subprocess.run(["bash", "-c", script], stderr=subprocess.PIPE, env=env)
    assert (done.returncode, done.stderr) == (0, b"")


def test_a_closed_pipe_keeps_the_verdict_of_check(env, data_copy):
    replace_line(data_copy, "targets.yaml", r"^    task: ", "    task: 9.9.9")
    done = run_into_closed_pipe(["--data", str(data_copy), "check"], env)
    assert (done.returncode, done.stderr) == (1, b"")


# -- Ctrl-C: 130, no traceback, imports included ---------------------------------------------

INTERRUPT_ON_IMPORT = """
import os, signal, sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["plancli", *{argv!r}]
from plancli.__main__ import main
main()
"""


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("plancli.cli.app", ["gap", "gdp"]),  # the CLI's own imports
        ("typer", ["gap", "gdp"]),
        ("plancli.cli.gap", ["gap", "gdp"]),  # the command, loaded on demand
        ("rich.table", ["chapters"]),  # the table reporter, while printing
        ("yaml", ["--no-cache", "check"]),  # reading the data
        ("pydantic", ["--no-cache", "check"]),
    ],
)
def test_ctrl_c_while_importing(env, module, argv):
    code = INTERRUPT_ON_IMPORT.format(module=module, argv=argv)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 130, done.stderr
    no_traceback(done.stderr)


INTERRUPT_AFTER = """
import os, signal, sys, threading
import plancli.__main__ as entry

sys.argv = ["plancli", *{argv!r}]
cli = entry._cli


def interrupted_cli():  # the clock starts once plancli's run has begun
    threading.Timer({delay}, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    cli()


entry._cli = interrupted_cli
entry.main()
"""


@pytest.mark.parametrize("delay_ms", [0, 2, 5, 10, 20, 40, 80, 160])
def test_ctrl_c_at_any_moment_of_a_run(env, delay_ms):
    """From the start of the run (the CLI's imports included) to the interpreter's exit,
    whenever the Ctrl-C comes: 130, no traceback. (A run that ends first still waits for
    the timer's thread, so the Ctrl-C always comes.)"""
    code = INTERRUPT_AFTER.format(argv=["--no-cache", "chapter", "2"], delay=delay_ms / 1000)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 130, done.stderr
    no_traceback(done.stderr)


def test_ctrl_c_ignored_by_the_parent_stays_ignored(env):
    code = INTERRUPT_AFTER.format(argv=["chapter", "2"], delay=0)
    ignored = subprocess.run(
        [
            sys.executable,
            "-c",
            "import signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN)"
            "; exec(sys.stdin.read())",
        ],
        input=code,
        capture_output=True,
        text=True,
        env=env,
    )
    assert ignored.returncode == 0, ignored.stderr


# -- the safe writer: schema --write -----------------------------------------------------------


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_schema_write_refuses_a_file_plancli_did_not_write(run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.schema.json").write_text("my own notes\n", encoding="utf-8")
    result = run("schema", "--write", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancli: error: {out / 'plan.schema.json'} exists and plancli did not write it; "
        "give --force to replace it, or choose another place\n"
    )
    # All or none: nothing was written beside it either.
    assert written(out) == ["plan.schema.json"]
    assert (out / "plan.schema.json").read_text(encoding="utf-8") == "my own notes\n"
    assert run("schema", "--write", str(out), "--force").exit_code == 0
    assert MARK in (out / "plan.schema.json").read_text(encoding="utf-8")
    # Now plancli's own: replaced without --force.
    assert run("schema", "--write", str(out)).exit_code == 0


def test_schema_write_onto_a_file(run, tmp_path):
    target = tmp_path / "afile"
    target.write_text("x", encoding="utf-8")
    result = run("schema", "--write", str(target))
    assert result.exit_code == 74
    assert result.stderr == f"plancli: error: cannot create the folder {target}: File exists\n"
    assert target.read_text(encoding="utf-8") == "x"


def test_schema_write_that_fails_leaves_nothing_behind(run, tmp_path, monkeypatch):
    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    out = tmp_path / "new" / "schemas"
    result = run("schema", "--write", str(out))
    assert result.exit_code == 74
    assert result.stderr == (
        f"plancli: error: cannot write {out / 'plan.schema.json'}: No space left on device\n"
    )
    assert written(tmp_path) == []  # no temporary file, no empty file, no folder it made


def test_schema_write_keeps_the_old_file_when_it_fails(run, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("schema", "--write", str(out)).exit_code == 0
    before = {p: p.read_bytes() for p in out.iterdir()}
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    assert run("schema", "--write", str(out)).exit_code == 74
    assert {p: p.read_bytes() for p in out.iterdir()} == before


def test_ctrl_c_during_schema_write_leaves_nothing_behind(env, tmp_path):
    out = tmp_path / "out"
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGINT)
        sys.argv = ["plancli", "schema", "--write", {str(out)!r}]
        from plancli.__main__ import main
        main()
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 130, done.stderr
    no_traceback(done.stderr)
    assert written(tmp_path) == []


@pytest.fixture
def small_disk(small_disk_of):
    """A 64 KiB file system of its own (root only)."""
    return small_disk_of("64k")


def test_schema_write_on_a_full_disk(env, small_disk):
    with open(small_disk / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass
    out = small_disk / "schemas"
    out.mkdir()
    done = subprocess.run(entry("schema", "--write", str(out)), capture_output=True, env=env)
    assert done.returncode == 74
    assert done.stderr.decode() == (
        f"plancli: error: cannot write {out / 'plan.schema.json'}: No space left on device\n"
    )
    assert written(out) == []  # neither a 0-byte file nor a temporary one


def test_schema_write_into_a_read_only_folder(env, small_disk):
    out = small_disk / "schemas"
    out.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    done = subprocess.run(entry("schema", "--write", str(out)), capture_output=True, env=env)
    assert done.returncode == 74
    assert done.stderr.decode() == (
        f"plancli: error: cannot write {out / 'plan.schema.json'}: Read-only file system\n"
    )
    assert written(out) == []


# -- files that cannot be read -------------------------------------------------------------------


def test_plan_yaml_a_symlink_to_itself(run, data_copy):
    (data_copy / "plan.yaml").unlink()
    (data_copy / "plan.yaml").symlink_to("plan.yaml")
    (p,) = problems(run, "--data", str(data_copy))
    assert at(p) == ("plan.yaml", 1, 1, "file")
    assert p["message"] == "cannot read file: Too many levels of symbolic links"
    result = run("--data", str(data_copy), "gap", "gdp")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    text = run("--data", str(data_copy), "check")
    assert text.exit_code == 1 and "Too many levels of symbolic links" in text.stdout


def test_a_csv_year_of_5000_digits(run, tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text(HEADER + f"gdp,{'1' * 5000},8000,亿元,,,,\n", encoding="utf-8")
    (p,) = problems(run, "--actuals", str(mine))
    assert at(p) == ("mine.csv", 2, 5, "schema")
    assert p["message"] == (
        "year: expected a whole number of at most 40 characters, got 5,000 characters"
    )


# -- JSON a strict parser reads; no overflow -----------------------------------------------------


def strict(text: str):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["gap", "gdp", "--year", "2023", "--actual", "1e-320"], "closer to 0 than"),
        (
            ["gap", "economic_strength_rank_national", "--year", "2023", "--actual", "1e308"],
            "limit of ±1e+15",
        ),
        (["growth", "gdp", "--year", "2023", "--actual", "1e-320"], "closer to 0 than"),
    ],
)
def test_a_value_that_would_overflow_is_a_usage_error(run, args, says):
    result = run(*args, "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert says in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "gdp", "--year", "2023", "--actual", "1e-9"],
        ["gap", "gdp", "--year", "2023", "--actual", "1e15"],
        ["growth", "gdp", "--year", "2023", "--actual", "1e-9"],
        ["gap", "economic_strength_rank_national", "--year", "2023", "--actual", "1e15"],
        ["trajectory", "gdp"],
        ["score"],
        ["show", "gdp"],
        ["targets"],
    ],
)
def test_json_at_the_limits_parses_strictly(run, args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    strict(result.stdout)


def test_no_infinity_reaches_any_format(run, monkeypatch):
    from plancli.maths import shapes

    monkeypatch.setattr(shapes, "compound_rate", lambda start, end, years: float("inf"))
    for fmt in ("json", "table", "csv", "markdown"):
        result = run("gap", "gdp", "--year", "2023", "--actual", "8000", "--format", fmt)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (
            "plancli: error: gdp@2025: required_annual_growth_pct would be inf: the values "
            "given are too far apart to compute it (see docs/limits.md)\n"
        )


# -- one plausibility rule set, wherever an actual comes from ----------------------------------

IMPLAUSIBLE = [
    ("retail_sales", "-5", "亿元", "-5 亿元 is negative"),
    ("economic_strength_rank_national", "1.5", "强", "a rank of 1.5 is not a whole number"),
    ("life_expectancy", "100000", "岁", "100000 岁 is outside the plausible range"),
    ("gdp", "1.0e+20", "亿元", "1e+20 is beyond plancli's limit"),
]


def test_implausible_actuals_in_a_csv_file(run, tmp_path):
    mine = tmp_path / "mine.csv"
    rows = "".join(f"{i},2022,{v},{u},,,,\n" for i, v, u, _ in IMPLAUSIBLE)
    mine.write_text(HEADER + rows, encoding="utf-8")
    found = problems(run, "--actuals", str(mine))
    assert [at(p)[1:] for p in found] == [
        (n, len(i) + 7, "value-range") for n, (i, *_) in enumerate(IMPLAUSIBLE, start=2)
    ]
    for p, (*_, says) in zip(found, IMPLAUSIBLE, strict=True):
        assert says in p["message"]
    # Not scored: the command that would have used them stops at the data.
    assert run("--actuals", str(mine), "gap", "retail_sales").exit_code == 1


def test_implausible_actuals_in_a_yaml_file_and_in_actuals_yaml(run, tmp_path, data_copy):
    entries = "".join(
        f"- indicator: {i}\n  year: 2022\n  value: {v}\n  unit: {u}\n"
        "  source: {title: t, url: 'https://example.org/', quote: q}\n"
        for i, v, u, _ in IMPLAUSIBLE
    )
    mine = tmp_path / "mine.yaml"
    mine.write_text("actuals:\n" + entries, encoding="utf-8")
    found = problems(run, "--actuals", str(mine))
    assert [at(p)[1:] for p in found] == [(4 + 5 * n, 10, "value-range") for n in range(4)]
    write(data_copy, "actuals.yaml", "actuals:\n" + entries)
    found = problems(run, "--data", str(data_copy))
    assert [at(p) for p in found] == [
        ("actuals.yaml", 4 + 5 * n, 10, "value-range") for n in range(4)
    ]


def test_implausible_actual_on_the_command_line(run):
    result = run("gap", "retail_sales", "--actual", "-5")
    assert result.exit_code == 2 and "is negative" in result.stderr
    result = run("gap", "life_expectancy", "--actual", "100000")
    assert result.exit_code == 2 and "outside the plausible range" in result.stderr


def test_implausible_target_in_targets_yaml(run, data_copy):
    i = replace_line(data_copy, "targets.yaml", r"^    value: 10000$", "    value: -10000")
    found = problems(run, "--data", str(data_copy))
    assert ("targets.yaml", i + 1, 12, "value-range") in [at(p) for p in found]


def test_a_relative_target_beyond_the_limits(run, data_copy):
    i = replace_line(
        data_copy,
        "targets.yaml",
        r"factor: 2\}",
        lambda s: s.replace("factor: 2}", "factor: 1.0e+300}"),
    )
    (p,) = problems(run, "--data", str(data_copy))
    assert at(p) == ("targets.yaml", i + 1, 41, "value-range")
    assert p["message"] == "1e+300 is beyond plancli's limit of ±1e+15"


# -- nothing from a data file acts on a terminal or a spreadsheet -------------------------------


def hostile_actuals(tmp_path) -> Path:
    mine = tmp_path / "mine.csv"
    with mine.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        f.write(f'gdp,2022,7500,亿元,,"{ESCAPES}",https://example.org/a,q\n')
        f.write('gdp,2021,7000,亿元,,"=HYPERLINK(""http://evil"",""x"")",,"-1+2"\n')
        f.write(f"\x1bgdp{ESCAPES},2021,7000,亿元,,,,\n")
    return mine


def controls(text: str) -> set[str]:
    return {c for c in text if (c < " " and c not in "\n\t") or "\x7f" <= c <= "\x9f"}


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_escape_sequence_reaches_the_terminal(run, tmp_path, fmt, lang):
    mine = hostile_actuals(tmp_path)
    write_ok = mine.read_text(encoding="utf-8").splitlines()[:3]
    mine.write_text("\n".join(write_ok) + "\n", encoding="utf-8")
    result = run("--lang", lang, "--actuals", str(mine), "show", "gdp", "--format", fmt, width=200)
    assert result.exit_code == 0, result.output
    assert controls(result.stdout) == set()
    # (Markdown escapes the brackets, so that they show as written.)
    shown = (
        "\ufffd\\[2J\ufffd\\]0;pwned\ufffd"
        if fmt == "markdown"
        else "\ufffd[2J\ufffd]0;pwned\ufffd"
    )
    assert shown in result.stdout


def test_no_escape_sequence_in_check_output(run, tmp_path):
    mine = hostile_actuals(tmp_path)
    for fmt in ("text", "github"):
        result = run("--actuals", str(mine), "check", "--format", fmt)
        assert result.exit_code == 1
        assert controls(result.stdout) == set() and controls(result.stderr) == set()


def test_json_keeps_the_text_escaped(run, tmp_path):
    mine = hostile_actuals(tmp_path)
    mine.write_text("\n".join(mine.read_text(encoding="utf-8").splitlines()[:3]) + "\n")
    result = run("--actuals", str(mine), "show", "gdp", "--format", "json")
    assert "\\u001b[2J" in result.stdout and "\\u009b31m" in result.stdout
    assert controls(result.stdout) == set()
    titles = [a["source_title"] for a in strict(result.stdout)["actuals"]]
    assert ESCAPES in titles  # the text itself, unchanged, for a program to read


def test_no_formula_reaches_a_spreadsheet(run, tmp_path):
    mine = hostile_actuals(tmp_path)
    mine.write_text("\n".join(mine.read_text(encoding="utf-8").splitlines()[:3]) + "\n")
    result = run("--actuals", str(mine), "show", "gdp", "--format", "csv")
    assert result.exit_code == 0
    assert '"\'=HYPERLINK(""http://evil"",""x"")"' in result.stdout
    assert ",'-1+2," in result.stdout
    assert ",=" not in result.stdout and ',"=' not in result.stdout


def test_a_sheet_plancli_wrote_reads_back_unchanged(run, tmp_path):
    titles = ["=SUM(A1:A9)", "+1 call", "-minus", "@home", "\tTab", "'=quoted", "plain", "-5"]
    mine = tmp_path / "mine.csv"
    rows = "".join(
        f'gdp,{2021 + n},{7000 + n},亿元,,"{csv_cell(t)}",,\n' for n, t in enumerate(titles[:5])
    )
    mine.write_text(HEADER + rows, encoding="utf-8")
    result = run("--actuals", str(mine), "show", "gdp", "--format", "json")
    assert result.exit_code == 0, result.output
    shown = json.dumps(strict(result.stdout), ensure_ascii=False)
    for t in titles[:5]:
        assert json.dumps(t, ensure_ascii=False) in shown


# -- a duplicate key hides nothing ---------------------------------------------------------------


def test_a_duplicate_key_and_a_bad_value_are_both_reported(run, data_copy, plan):
    bad = replace_line(data_copy, "targets.yaml", r"^    value: ", "    value: abc")
    lines = read(data_copy, "targets.yaml").split("\n")
    last = max(i for i, line in enumerate(lines) if line.startswith("    note: "))
    lines.insert(last + 1, lines[last])
    write(data_copy, "targets.yaml", "\n".join(lines))
    found = problems(run, "--data", str(data_copy))
    assert [at(p) for p in found] == [
        ("targets.yaml", bad + 1, 12, "schema"),
        ("targets.yaml", last + 2, 5, "duplicate-key"),
    ]
    result = run("--data", str(data_copy), "check")
    summary = result.stdout.splitlines()[-1]
    assert f", {len(plan.indicators)} indicators," in summary  # the whole file was read


# -- every input bounded, early --------------------------------------------------------------


def test_an_exclusions_list_over_the_limit(run, data_copy):
    write(data_copy, "exclusions.yaml", "exclusions: [" + "1," * MAX_EXCLUSIONS + "1]\n")
    (p,) = problems(run, "--data", str(data_copy))
    assert at(p)[::3] == ("exclusions.yaml", "file-size")
    assert f"the limit is {MAX_EXCLUSIONS:,}" in p["message"]


def test_an_actuals_csv_over_the_row_limit(run, tmp_path, monkeypatch):
    monkeypatch.setattr(actuals_csv, "MAX_ACTUALS", 10)
    mine = tmp_path / "mine.csv"
    mine.write_text(HEADER + "gdp,2022,7500,亿元,,,,\n" * 11, encoding="utf-8")
    (p,) = problems(run, "--actuals", str(mine))
    assert at(p) == ("mine.csv", 12, 1, "file-size")
    assert p["message"].startswith("more than 10 rows of actuals")


def test_an_actuals_yaml_over_the_limit(run, tmp_path, monkeypatch):
    monkeypatch.setitem(loader.LIST_LIMITS, "ActualsFile", 2)
    mine = tmp_path / "mine.yaml"
    mine.write_text("actuals: [{}, {}, {}]\n", encoding="utf-8")
    found = [p for p in problems(run, "--actuals", str(mine)) if "mine" in p["file"]]
    assert [at(p) for p in found] == [("mine.yaml", 1, 19, "file-size")]


def test_a_search_text_over_the_limit(run):
    assert run("search", "研" * MAX_QUERY_CHARS).exit_code == 0
    result = run("search", "研" * (MAX_QUERY_CHARS + 1))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancli: error: search text is {MAX_QUERY_CHARS + 1:,} characters long; the limit "
        f"is {MAX_QUERY_CHARS:,} (docs/limits.md)\n"
    )


def test_an_argument_over_the_limit(run):
    result = run("gap", "x" * (MAX_ARG_CHARS + 1))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancli: error: argument 2 is {MAX_ARG_CHARS + 1:,} characters long; the limit is "
        f"{MAX_ARG_CHARS:,} (docs/limits.md)\n"
    )


def test_the_process_reports_interrupt_by_signal_number():
    # The conventions' 130 is the shell's 128 + SIGINT.
    assert 128 + signal.SIGINT == 130
