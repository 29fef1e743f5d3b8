"""The language contract.

- Machine output is language-neutral: `--format json` and `--format csv` of every command are
  byte-identical under --lang zh and --lang en.
- Under --lang zh, no line plancli itself wrote carries an English word: the real output of every
  command (tables, Markdown, check's formats, errors) is scanned after taking out what comes from
  the data (names, titles, quotes, sources, notes, ids, units), numbers, options, paths and
  addresses. Tables are printed wide, so that no data string is folded in two.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from plancli.cli import COMMANDS
from plancli.loading.files import FILE_NAMES
from plancli.loading.validate import validate  # noqa: F401  (the rules' codes come with it)
from plancli.model.units import BASES, SYNONYMS

DATA = Path(__file__).resolve().parents[1] / "data"
MINE = "indicator,year,value,unit,scope,source_title,source_url,source_quote\n" + (
    "gdp,2024,9500,亿元,全市,统计快报,,\n"
)

# Every command that prints records, with arguments that reach its less common paths.
MACHINE = [
    ("gap", "gdp", "--actual", "8000", "--year", "2023"),
    ("gap", "gdp"),
    ("gap", "urbanization_rate", "--actual", "73"),
    ("growth", "gdp"),
    ("growth", "urbanization_rate", "--actual", "73", "--year", "2023"),
    ("trajectory", "gdp"),
    ("trajectory", "urbanization_rate"),
    ("score",),
    ("score", "--chapter", "1", "--year", "2023"),
    ("chapters",),
    ("chapter", "1"),
    ("chapter", "1", "--section", "1.4", "--target-year", "2035"),
    ("tasks", "--chapter", "2"),
    ("task", "1.4.7"),
    ("targets",),
    ("targets", "--kind", "share", "--aspirational"),
    ("show", "gdp"),
    ("show", "gdp@2035.double"),
    ("search", "数字经济"),
    ("search", "life expectancy", "--limit", "3"),
    ("task", "13.3.1"),
    ("search", "92%", "--chapter", "13"),
    ("actuals",),
    ("actuals", "--indicator", "gdp", "--primary"),
    ("actuals", "--missing"),
    ("actuals", "--missing", "--year", "2020"),
    ("gap", "urban_new_jobs", "--actual", "10", "--year", "2023"),
    ("gap", "public_transport_share", "--actual", "28"),
    ("gap", "pm25", "--actual", "22", "--scope", "市区"),
    ("trajectory", "urban_new_jobs", "--scope", "全市"),
]
READ = [
    *MACHINE,
    ("gap", "gdp@2025.east_new_area", "--actual", "900"),
    ("gap", "gdp", "--year", "2026"),
    ("growth", "rd_intensity"),
    ("trajectory", "population"),
    ("review",),
    ("review", "--chapter", "13"),
    ("tasks", "--section", "1.1"),
    ("targets", "--section", "1.1"),
    ("search", "没有这个词"),
    ("check",),
    ("schema",),
    ("chart", "gdp"),
    ("chart", "pm25", "--target-year", "2025"),
    ("sqlite", "{tmp}/plan.sqlite"),
    ("site", "{tmp}/site"),
]
# Commands that draw or write files rather than print records: no --format.
NO_FORMAT = ("check", "schema", "review", "chart", "sqlite", "site")
MISTAKES = [
    ("gap", "gpd"),
    ("gap", "gdp", "--actual", "80%"),
    ("gap", "gdp", "--actual", "abc"),
    ("gap", "gdp", "--actual", "-5"),
    ("gap", "gdp", "--year", "2040"),
    ("gap", "gdp", "--year", "soon"),
    ("gap",),
    ("gap", "gdp", "--year"),
    ("frobnicate",),
    ("--bogus", "check"),
    ("targets", "--kind", "speed"),
    ("targets", "--target-year", "2030"),
    ("chapter", "99"),
    ("chapter", "1", "--section", "2.1"),
    ("task", "1.4.02"),
    ("search", "  "),
    ("check", "--format", "xml"),
    ("schema", "plan", "--write", "x"),
    ("schema", "nothing"),
    ("search", "x", "--limit", "0"),
    ("search", "x", "--limit", "abc"),
    ("chapter", "1", "--target-year", "soon"),
    ("gap", "pm25", "--scope", "月球"),
    ("actuals", "--missing", "--primary"),
    ("--lang", "fr", "check"),
    ("gap", "gdp", "extra", "words"),
    ("score", "--year"),
    ("chart", "gpd"),
    ("chart", "gdp", "--output", "gdp.txt"),
    ("chart", "gdp", "--target-year", "2030"),
    ("site",),
    ("sqlite", "x.sqlite", "--year", "2040"),
]


def commands_covered(cases) -> set[str]:
    return {next(a for a in case if not a.startswith("-")) for case in cases}


def test_every_command_is_held_to_the_contract():
    printing = set(COMMANDS) - set(NO_FORMAT)
    assert commands_covered(MACHINE) == printing
    assert commands_covered(READ) == set(COMMANDS)


@pytest.fixture(scope="module")
def mine(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("actuals") / "mine.csv"
    path.write_text(MINE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("args", MACHINE, ids=" ".join)
def test_machine_output_is_the_same_in_both_languages(run, mine, args, fmt):
    zh = run("--actuals", str(mine), *args, "--format", fmt, lang="zh")
    en = run("--actuals", str(mine), *args, "--format", fmt, lang="en")
    assert zh.exit_code == en.exit_code == 0, zh.output
    assert zh.stdout_bytes == en.stdout_bytes


@pytest.mark.parametrize("fmt", ["json"])
def test_check_json_is_the_same_in_both_languages(run, data_copy, fmt):
    plant_problems(data_copy)
    zh = run("--data", str(data_copy), "check", "--format", fmt, lang="zh")
    en = run("--data", str(data_copy), "check", "--format", fmt, lang="en")
    assert zh.exit_code == en.exit_code == 1
    assert zh.stdout_bytes == en.stdout_bytes


# -- no English under --lang zh ----------------------------------------------------------------


def data_strings(*extra: Path) -> list[str]:
    """Every text of the plan's data files (and of a user's actuals), longest first."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, str):
            found.add(node.strip())
        elif isinstance(node, dict):
            for v in node.values():  # the values: keys are the schema's, not the data's
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for name in FILE_NAMES:
        path = DATA / name
        if path.suffix == ".yaml" and path.exists():
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in extra:
        found |= {
            cell
            for line in path.read_text(encoding="utf-8").splitlines()
            for cell in line.split(",")
        }
    # The parts of a target id (2035.double, east_new_area) stand alone in gap's tables.
    found |= {part for s in list(found) if "@" in s for part in s.split("@")}
    return sorted((s for s in found if re.search(r"[A-Za-z]{2}", s)), key=len, reverse=True)


# Taken out before the data: addresses, paths, GitHub's workflow command syntax, emphasis.
FIRST = re.compile(
    r"https?://[^\s)]+|\S+\.(?:yaml|txt|csv|json)\b|::error file=|,line=\d+,col=\d+,"
    # the files plancli writes, and the suffixes it asks for
    r"|(?<!\S)[\w./-]+\.(?:html|sqlite|svg|png)\b|\.(?:svg|png)\b"
    r"|title=(?:[a-z]+-)*[a-z]+::"
    r"|\[error\]|\((?:schema|file|[a-z]+(?:-[a-z]+)+)\)"  # the text format's level and rule
    r"|\b[a-z_]+(?:\.[a-z_]+|\[\d+\])*(?=：)"  # the field of a data file a problem is in
    # the choices of an option, and schema names, named in a message
    r"|\b(?:text|json|github|table|csv|markdown|level|share|growth_rate|cumulative|count|ratio"
    r"|rank|change|plan|chapters|targets|actuals|exclusions|glossary|outline\.en|zh|en)\b"
    r"(?=[、，,）) ]|$)"
)
ALLOWED = re.compile(
    r"--[a-z][a-z-]*"  # options as the user types them
    r"|\bplancli(?: [a-z]+)?"  # the program and its commands
    r"|\b[a-z0-9_]+ baseline \d{4}\b"  # a baseline's id in check's output
    r"|\bNAME\b|\bDIR\b|YYYY-MM-DD|PLANCLI_[A-Z_]+|\bINDICATOR\b|\bTASK\b|\bTEXT\b|\bN\b"
    # units as data files write them (the list an unknown unit is told)
    r"|" + "|".join(rf"(?<![A-Za-z]){re.escape(u)}(?![A-Za-z])" for u in (*SYNONYMS, *BASES) if u)
)


def _english_paragraphs() -> str:
    """The plan's English paragraphs (outline.en.yaml), which search shows in excerpts."""
    path = DATA / "outline.en.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return "\n".join(p["en"] or "" for p in (doc or {}).get("paragraphs") or ())


ENGLISH_PARAGRAPHS = _english_paragraphs()


def english_words(output: str, data: list[str], typed: tuple[str, ...] = ()) -> list[str]:
    leaks = []
    for line in output.splitlines():
        rest = FIRST.sub(" ", line.replace("**", ""))
        # An excerpt of an English paragraph (search's match in the English text) is data too.
        for piece in re.split(r"[…|]", rest):
            if len(piece.strip()) >= 12 and piece.strip() in ENGLISH_PARAGRAPHS:
                rest = rest.replace(piece.strip(), " ")
        for s in data:
            if s in rest:
                rest = rest.replace(s, " ")
        for s in typed:  # what the user typed, as a whole word
            rest = re.sub(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", " ", rest)
        rest = ALLOWED.sub(" ", rest)
        words = re.findall(r"[A-Za-z]{2,}", rest)
        if words:
            leaks.append(f"{line!r}: {words}")
    return leaks


@pytest.fixture(scope="module")
def data(mine) -> list[str]:
    return data_strings(mine)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("args", READ, ids=" ".join)
def test_no_english_in_what_plancli_writes_in_chinese(
    run, mine, data, args, fmt, tmp_path, monkeypatch
):
    opts = () if args[0] in NO_FORMAT else ("--format", fmt)
    if args[0] == "review" and fmt == "table":
        pytest.skip("review is Markdown only")
    if args[0] in NO_FORMAT and args[0] != "review" and fmt == "markdown":
        pytest.skip(f"{args[0]} has no --format")
    if any("{tmp}" in a for a in args):  # a file to write: in a folder of the test's own
        monkeypatch.chdir(tmp_path)
        args = tuple(a.replace("{tmp}/", "") for a in args)
    r = run("--actuals", str(mine), *args, *opts, lang="zh", width=1000)
    assert r.exit_code == 0, r.output
    assert english_words(r.stdout + r.stderr, data, typed=args) == []


@pytest.mark.parametrize("args", MISTAKES, ids=" ".join)
def test_errors_are_in_chinese(run, data, args):
    # (--lang fr is refused, in the language PLANCLI_LANG or the default gives: Chinese)
    r = run(*args, lang=None if "fr" in args else "zh", width=1000)
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("plancli：错误："), r.stderr
    typed = tuple(a for a in args if not a.startswith("-"))
    assert english_words(r.stderr, data, typed=typed) == []


PLANTED = ("furlongs", "above")  # what plant_problems writes into the data


def plant_problems(data_dir: Path) -> None:
    """Problems of many rules, all worded by plancli (no YAML parser's text)."""
    targets = data_dir / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    text = text.replace("task: 1.4.3\n", "task: 9.9.9\n", 1)  # unknown-task
    text = text.replace("  unit: 亿元\n", "  unit: furlongs\n", 1)  # schema: unknown unit
    text = text.replace("    comparator: at_least\n", "    comparator: above\n", 1)  # enum
    targets.write_text(text, encoding="utf-8")
    actuals = data_dir / "actuals.yaml"
    text = actuals.read_text(encoding="utf-8")
    actuals.write_text(text.replace("  year: 2023\n", "  year: 2041\n", 1), encoding="utf-8")
    (data_dir / "exclusions.yaml").write_text(
        "exclusions:\n- {context: 温州, reason: a test}\n", encoding="utf-8"
    )


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_problems_are_in_chinese(run, data_copy, data, fmt):
    plant_problems(data_copy)
    r = run("--data", str(data_copy), "check", "--format", fmt, lang="zh", width=1000)
    assert r.exit_code == 1
    assert len(r.stdout.splitlines()) >= 5
    assert english_words(r.stdout + r.stderr, data, typed=PLANTED) == []


def test_broken_data_is_reported_in_chinese(run, data_copy, data):
    plant_problems(data_copy)
    r = run("--data", str(data_copy), "gap", "gdp", lang="zh")
    assert r.exit_code == 1 and r.stderr.startswith("plancli：错误：")
    assert f"运行 `plancli --data {data_copy} check` 可列出全部" in r.stderr
    assert english_words(r.stderr, data, typed=(*PLANTED, str(data_copy), "check")) == []


def test_the_scan_finds_english(data):
    # The test can fail: plancli's own English words are found, the data's are not.
    assert english_words("实际值：8,000亿元（2023年），source: 命令行", data) != []
    assert english_words("地区生产总值 GDP (gross regional product)", data) == []
