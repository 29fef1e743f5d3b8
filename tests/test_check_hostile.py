"""Hostile and broken input: each a clear problem with a place, never a traceback, crash or hang."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from plancli.loading import yamlread
from plancli.loading.loader import read_plan
from plancli.model import limits
from plant import read, replace_line, write
from wording import english


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


SHIPPED_PLAN = (Path(__file__).resolve().parents[1] / "data" / "plan.yaml").read_text("utf-8")


def problems(run, data: Path, *args: str) -> list[dict]:
    result = run("--data", str(data), *args, "check", "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)["problems"]


def one(run, data: Path, *args: str) -> dict:
    found = problems(run, data, *args)
    assert len(found) == 1, found
    return found[0]


def put(data: Path, name: str, content: str | bytes) -> None:
    path = data / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def plan_with(old: str, new: str) -> str:
    assert old in SHIPPED_PLAN
    return SHIPPED_PLAN.replace(old, new)


def at(p: dict) -> tuple:
    return p["file"].rsplit("/", 1)[-1], p["line"], p["column"], p["rule"]


# -- YAML that does not parse -----------------------------------------------------------------


def test_malformed_yaml(run, data_copy):
    put(data_copy, "plan.yaml", "id: x\nname: {zh: a, en: b\nissuer: c\n")
    p = one(run, data_copy)
    assert at(p)[0::3] == ("plan.yaml", "yaml-syntax")
    assert "did not find expected ',' or '}'" in p["message"]
    assert "starts at line 2, column 7" in p["message"]


def test_tab_indentation(run, data_copy):
    put(data_copy, "plan.yaml", "id: x\nname:\n\tzh: a\n")
    p = one(run, data_copy)
    assert at(p) == ("plan.yaml", 3, 1, "yaml-syntax")
    assert "cannot start any token" in p["message"]


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file(run, data_copy, content):
    put(data_copy, "targets.yaml", content)
    p = one(run, data_copy)
    assert at(p) == ("targets.yaml", 1, 1, "empty-file")
    assert p["message"] == "the file is empty"


@pytest.mark.parametrize(
    ("content", "what"),
    [("- a\n- b\n", "a list"), ("just text\n", "the text 'just text'"), ("42\n", "the number 42")],
)
def test_wrong_top_level_type(run, data_copy, content, what):
    put(data_copy, "plan.yaml", content)
    p = one(run, data_copy)
    assert at(p) == ("plan.yaml", 1, 1, "schema")
    assert p["message"] == f"the file must be a mapping of fields, not {what}"


def test_wrong_type_of_a_top_level_list(run, data_copy):
    put(data_copy, "actuals.yaml", "actuals: {indicator: gdp}\n")
    p = one(run, data_copy)
    assert at(p) == ("actuals.yaml", 1, 10, "schema")
    assert p["message"] == "actuals: expected a list, got a mapping"


def test_two_documents(run, data_copy):
    put(data_copy, "plan.yaml", SHIPPED_PLAN + "---\nid: other\n")
    p = one(run, data_copy)
    assert at(p)[1:] == (len(SHIPPED_PLAN.split("\n")), 1, "yaml-syntax")
    assert "a second document" in p["message"]


def test_control_character(run, data_copy):
    put(data_copy, "plan.yaml", plan_with("id: ", "id: a\x00b\nx: "))
    p = one(run, data_copy)
    assert at(p)[1:] == (2, 6, "yaml-syntax")
    assert "U+0000" in p["message"]


# -- keys, anchors, tags ----------------------------------------------------------------------


def test_unknown_field_with_suggestion(run, data_copy):
    put(data_copy, "plan.yaml", plan_with("base_year:", "base_yaer:"))
    found = problems(run, data_copy)
    unknown = next(p for p in found if "unknown" in p["message"])
    assert unknown["message"] == "unknown field 'base_yaer' (did you mean 'base_year'?)"
    assert {p["message"] for p in found} - {unknown["message"]} == {"missing field 'base_year'"}


def test_duplicate_keys_all_reported(run, data_copy):
    lines = SHIPPED_PLAN.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("base_year:"))
    put(data_copy, "plan.yaml", SHIPPED_PLAN + "base_year: 2021\nid: again\n")
    found = problems(run, data_copy)
    n = len(lines)
    assert [at(p) for p in found] == [
        ("plan.yaml", n, 1, "duplicate-key"),
        ("plan.yaml", n + 1, 1, "duplicate-key"),
    ]
    assert found[0]["message"] == (
        f"duplicate key 'base_year' (first at line {first + 1}); "
        "YAML would silently keep only the last one"
    )


def test_duplicate_keys_in_a_nested_mapping(run, data_copy):
    i = replace_line(
        data_copy, "chapters.yaml", r"^  title: \{zh: ", lambda s: s[:-1] + ", zh: 又}"
    )
    p = one(run, data_copy)
    assert (p["line"], p["rule"]) == (i + 1, "duplicate-key")


@pytest.mark.parametrize("key", ["1", "yes", "~", "null", "3.0"])
def test_keys_are_field_names_as_written(run, data_copy, key):
    put(data_copy, "exclusions.yaml", f"exclusions: []\n{key}: x\n")
    p = one(run, data_copy)
    assert at(p) == ("exclusions.yaml", 2, 1, "schema")
    assert p["message"].startswith(f"unknown field {key!r}")


def test_complex_key(run, data_copy):
    put(data_copy, "exclusions.yaml", "exclusions: []\n? [a, b]\n: c\n")
    p = one(run, data_copy)
    assert at(p) == ("exclusions.yaml", 2, 3, "yaml-key")


def test_merge_key_is_not_expanded(run, data_copy):
    put(data_copy, "exclusions.yaml", "exclusions: []\n<<: {other: 1}\n")
    p = one(run, data_copy)
    assert p["message"].startswith("unknown field '<<' (YAML merge keys")


def test_anchor_and_alias(run, data_copy):
    put(data_copy, "plan.yaml", plan_with("name:\n", "name: &n\n") + "other: *n\n")
    p = one(run, data_copy)
    assert at(p)[1:] == (3, 7, "yaml-anchor")


BOMB = textwrap.dedent(
    """\
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    """
)


def test_billion_laughs_costs_nothing(monkeypatch):
    """Refused at the first anchor of the event stream: nothing is built, let alone expanded."""
    seen = []
    real = yaml.parse

    def counting(*args, **kwargs):
        for event in real(*args, **kwargs):
            seen.append(event)
            yield event

    monkeypatch.setattr(yamlread.yaml, "parse", counting)
    with pytest.raises(yamlread.YamlProblem) as err:
        yamlread.parse_text(BOMB)
    assert (err.value.rule, err.value.line, err.value.column) == ("yaml-anchor", 1, 4)
    assert len(seen) <= 6  # stream, document, mapping, key, the anchored value


def test_billion_laughs_reported(run, data_copy):
    put(data_copy, "actuals.yaml", BOMB)
    p = one(run, data_copy)
    assert at(p) == ("actuals.yaml", 1, 4, "yaml-anchor")
    assert p["message"] == "anchors and aliases are not allowed in plan data (write each value out)"


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system [echo hi]",
        "!!binary aGk=",
        "!!set {a}",
        "!!str 2020",
        "! x",
    ],
)
def test_tags_are_refused(run, data_copy, value):
    put(data_copy, "plan.yaml", plan_with("id: wenzhou-14th-fyp", f"id: {value}"))
    p = one(run, data_copy)
    assert at(p)[1:] == (2, 5, "yaml-tag")


def test_dates_and_yaml_booleans_are_text_problems(run, data_copy):
    put(data_copy, "plan.yaml", plan_with("base_year: 2020", "base_year: 2020-13-45"))
    assert (
        one(run, data_copy)["message"]
        == "base_year: expected a whole number, got the text '2020-13-45'"
    )
    put(data_copy, "plan.yaml", SHIPPED_PLAN.replace("  en: Wenzhou", "  en: no\n  xx: Wenzhou", 1))
    found = problems(run, data_copy)
    assert any("got false (YAML reads yes/no/on/off" in p["message"] for p in found)


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "'2020'",
            "base_year: expected a whole number, got the text '2020' (a number in quotes;"
            " write it without quotes)",
        ),
        (
            "２０２０",
            "base_year: expected a whole number, got the text '２０２０' (full-width or other"
            " non-ASCII digits; write 2020)",
        ),
        (".nan", "base_year: expected a whole number, got NaN (not a number)"),
        (".inf", "base_year: expected a whole number, got infinity"),
        ("2020.0", "base_year: expected a whole number, got the number 2020.0"),
        ("true", "base_year: expected a whole number, got true"),
        ("", "base_year: expected a whole number, got nothing (an empty value)"),
    ],
)
def test_integers(run, data_copy, written, message):
    put(data_copy, "plan.yaml", plan_with("base_year: 2020", f"base_year: {written}"))
    p = one(run, data_copy)
    assert p["message"] == message
    assert p["line"] == SHIPPED_PLAN.split("\n").index("base_year: 2020") + 1


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "１２",
            "value: expected a number, got the text '１２' (full-width or other non-ASCII"
            " digits; write 12)",
        ),
        (
            "'12'",
            "value: expected a number, got the text '12' (a number in quotes; write it without"
            " quotes)",
        ),
        (
            "'1,000'",
            "value: expected a number, got the text '1,000' (write it without thousands"
            " separators: 1000)",
        ),
        (".nan", "value: must be a finite number, got NaN (not a number)"),
        ("-.inf", "value: must be a finite number, got minus infinity"),
        ("1.0e+999", "value: must be a finite number, got infinity"),
        ("1e5", "value: expected a number, got the text '1e5' (YAML reads this exponent form"),
    ],
)
def test_numbers(run, data_copy, written, message):
    i = replace_line(data_copy, "targets.yaml", r"^    value: ", f"    value: {written}")
    p = one(run, data_copy)
    assert (p["line"], p["column"]) == (i + 1, 12)
    assert p["message"].startswith(message)
    assert "@" in p["id"]


def test_an_integer_too_long_for_python(run, data_copy):
    put(data_copy, "plan.yaml", plan_with("base_year: 2020", "base_year: " + "9" * 5000))
    p = one(run, data_copy)
    line = SHIPPED_PLAN.split("\n").index("base_year: 2020") + 1
    assert at(p)[1:] == (line, 12, "yaml-number")


# -- encoding ---------------------------------------------------------------------------------


def test_non_utf8_bytes(run, data_copy):
    put(data_copy, "plan.yaml", "id: x\nname: {zh: 温州".encode() + b"\xff\xfe}\n")
    p = one(run, data_copy)
    assert at(p) == ("plan.yaml", 2, 14, "encoding")
    assert p["message"] == "not UTF-8: byte 0xff cannot be decoded (save the file as UTF-8)"


def test_gbk_file(run, data_copy):
    put(data_copy, "plan.yaml", SHIPPED_PLAN.encode("gbk", errors="replace"))
    p = one(run, data_copy)
    lines = SHIPPED_PLAN.split("\n")
    first = next(n for n, line in enumerate(lines) if not line.isascii())
    assert (p["rule"], p["line"]) == ("encoding", first + 1)
    assert p["column"] == next(c for c, ch in enumerate(lines[first]) if not ch.isascii()) + 1


def test_byte_order_mark(run, data_copy):
    put(data_copy, "plan.yaml", b"\xef\xbb\xbf" + SHIPPED_PLAN.encode())
    p = one(run, data_copy)
    assert at(p) == ("plan.yaml", 1, 1, "encoding")
    assert "byte-order mark" in p["message"]


def test_utf16(run, data_copy):
    put(data_copy, "plan.yaml", SHIPPED_PLAN.encode("utf-16"))
    assert one(run, data_copy)["message"] == "file is UTF-16; save it as UTF-8"


def test_outline_not_utf8(run, data_copy):
    put(data_copy, "outline.txt", read(data_copy, "outline.txt").encode() + b"\x80")
    p = one(run, data_copy)
    assert p["file"].endswith("outline.txt") and p["rule"] == "encoding"


def test_empty_outline_is_one_problem_not_a_flood(run, data_copy):
    put(data_copy, "outline.txt", "")
    p = one(run, data_copy)
    assert at(p) == ("outline.txt", 1, 1, "empty-file")


# -- deep nesting -----------------------------------------------------------------------------

DEEP_SHAPES = {
    "flow": "[" * 100_000,
    "flow closed": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "flow behind quoted closers": 'x: "' + "]" * 100_000 + '"\ny: ' + "[" * 100_000 + "\n",
    "block": "".join(" " * i + "-\n" for i in range(3_000)),
    "block compact": "- " * 50_000 + "x\n",
    "block with CR breaks": "".join(" " * i + "a:\r" for i in range(3_000)),
    "mappings in flow": "{a: " * 50_000 + "\n",
}


def test_deep_nesting_never_reaches_the_composer():
    """libyaml's composer recurses in C: each shape must be refused from the event stream.
    Run in a child process, so a crash shows as a failed test, not a dead test run."""
    script = textwrap.dedent(
        """
        import json, sys
        from plancli.loading.yamlread import YamlProblem, parse_text
        out = {}
        for name, text in json.loads(sys.stdin.read()).items():
            try:
                parse_text(text)
                out[name] = "parsed"
            except YamlProblem as exc:
                out[name] = [exc.rule, exc.line]
        print(json.dumps(out))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(yamlread.__file__).parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(DEEP_SHAPES),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout)
    assert {name: r[0] for name, r in got.items()} == dict.fromkeys(DEEP_SHAPES, "yaml-depth")


def test_deep_nesting_reported_with_its_place(run, data_copy):
    put(data_copy, "actuals.yaml", "actuals: " + "[" * 100_000)
    p = one(run, data_copy)
    # At the bracket past the limit; newer libyaml scans ahead and stops at its own limit.
    assert at(p)[:2] == ("actuals.yaml", 1) and at(p)[3] == "yaml-depth"
    assert at(p)[2] in (10 + yamlread.MAX_DEPTH - 1, 10 + 1000 - 1)
    assert p["message"] == f"nested deeper than {yamlread.MAX_DEPTH} levels"


def test_nesting_within_the_limit_is_fine():
    text = "a: " + "[" * (yamlread.MAX_DEPTH - 1) + "]" * (yamlread.MAX_DEPTH - 1)
    assert yamlread.parse_text(text)["a"] is not None
    with pytest.raises(yamlread.YamlProblem):
        yamlread.parse_text("a: " + "[" * yamlread.MAX_DEPTH + "]" * yamlread.MAX_DEPTH)


# -- size -------------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_unread(run, data_copy, monkeypatch):
    with (data_copy / "targets.yaml").open("r+b") as f:
        f.truncate(limits.MAX_BYTES + 1)  # sparse: costs no disk
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    p = one(run, data_copy)
    assert at(p) == ("targets.yaml", 1, 1, "file-size")
    assert p["message"] == (
        f"file is {limits.MAX_BYTES + 1:,} bytes, over the limit of {limits.MAX_BYTES:,} bytes"
    )


def test_too_many_nodes_refused(monkeypatch):
    monkeypatch.setattr(yamlread, "MAX_NODES", 100)
    with pytest.raises(yamlread.YamlProblem) as err:
        yamlread.parse_text("a: [" + "1," * 200 + "1]")
    assert err.value.rule == "file-size" and "more than 100 YAML values" in english(err.value)


def test_limits_admit_a_100000_target_plan(plan):
    """At the shipped data's density (bytes and YAML nodes a target, with its share of
    indicators and baselines), 100,000 targets fit in one targets.yaml."""
    text = (Path(plan.root) / "targets.yaml").read_text(encoding="utf-8")
    nodes = sum(
        isinstance(e, (yaml.ScalarEvent, yaml.CollectionStartEvent))
        for e in yaml.parse(text, Loader=yamlread._BaseLoader)
    )
    n = len(plan.target_by_id)
    assert len(text.encode()) / n * 100_000 < limits.MAX_BYTES * 0.9
    assert nodes / n * 100_000 < yamlread.MAX_NODES * 0.8


# -- not a file -------------------------------------------------------------------------------


def test_directory_in_place_of_a_file(run, data_copy):
    (data_copy / "actuals.yaml").unlink()
    (data_copy / "actuals.yaml").mkdir()
    p = one(run, data_copy)
    assert at(p)[0::3] == ("actuals.yaml", "file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_in_place_of_a_file_does_not_hang(run, data_copy):
    (data_copy / "actuals.yaml").unlink()
    os.mkfifo(data_copy / "actuals.yaml")
    p = one(run, data_copy)
    assert at(p)[0::3] == ("actuals.yaml", "file")
    assert p["message"].startswith("not a regular file")


# -- a user's --actuals file ------------------------------------------------------------------

SOURCE = "source: {title: t, url: 'https://example.org/x', quote: q}"


def test_actuals_yaml_that_does_not_parse(run, data_copy, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("actuals:\n- {indicator: gdp, year: 2022\n", encoding="utf-8")
    p = one(run, data_copy, "--actuals", str(mine))
    assert p["file"] == str(mine) and p["rule"] == "yaml-syntax"


def test_actuals_yaml_with_schema_and_reference_errors(run, data_copy, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "actuals:\n"
        "- {indicator: gdp, year: 2022, value: '8000', unit: 亿元, source: {title: t}}\n"
        "- {indicator: gpd, year: 2022, value: 8000, unit: 亿元, source: {title: t}}\n"
        "- {indicator: gdp, year: 2023, value: 8000, unit: 亿元, vaule: 1}\n",
        encoding="utf-8",
    )
    found = problems(run, data_copy, "--actuals", str(mine))
    assert [(p["line"], p["column"], p["id"], p["rule"]) for p in found] == [
        (2, 39, "gdp 2022", "schema"),  # value in quotes
        (3, 15, "gpd 2022", "unknown-indicator"),
        (4, 3, "gdp 2023", "schema"),  # source missing
        (4, 55, "gdp 2023", "schema"),  # vaule
    ]
    assert found[2]["message"] == "missing field 'source'"


def csv_file(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "mine.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


HEADER = "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"


def test_actuals_csv_valid_with_bom_and_quoted_commas(run, data_copy, tmp_path, plan):
    mine = csv_file(
        tmp_path, ("\ufeff" + HEADER + 'gdp,2022,8029.8,亿元,,"Bulletin, 2022",,\n').encode()
    )
    result = run("--data", str(data_copy), "--actuals", str(mine), "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    assert result.stdout.endswith(f", {len(plan.all_actuals) + 1} actuals\n")


@pytest.mark.parametrize(
    ("row", "col", "message"),
    [
        (
            "gdp,2022,１２,亿元",
            10,
            "value: expected a number, got '１２' (full-width or other non-ASCII digits; write 12)",
        ),
        (
            'gdp,2022,"8,029.8",亿元',
            10,
            "value: expected a number, got '8,029.8' (write it without thousands separators:"
            " 8029.8)",
        ),
        # (an empty value is a fill-in sheet's row not yet filled: skipped, test_actuals.py)
        ("gdp,,1,亿元", 5, "year: expected a whole number, got an empty field"),
        (
            "gdp,２０２２,1,亿元",
            5,
            "year: expected a whole number, got '２０２２' (full-width or other non-ASCII digits;"
            " write 2022)",
        ),
        ("gdp,2022,nan,亿元", 10, "value: expected a number, got 'nan' (not a finite number)"),
        ("gdp,2022,1e999,亿元", 10, "value: must be a finite number, got infinity"),
        ("gdp,2022,1,furlongs", 12, "unit: unknown unit 'furlongs'"),
        ("gpd,2022,1,亿元", 1, "no indicator 'gpd' in targets.yaml"),
        ("gdp,2019,1,亿元", 5, "year 2019 is outside"),
        ("gdp,2022,1", 1, "row has 3 fields; the header has 4"),
    ],
)
def test_actuals_csv_bad_rows(run, data_copy, tmp_path, row, col, message):
    mine = csv_file(tmp_path, "indicator,year,value,unit\ngdp,2021,1,亿元\n\n" + row + "\n")
    p = one(run, data_copy, "--actuals", str(mine))
    assert (p["file"], p["line"], p["column"]) == (str(mine), 4, col)
    assert p["message"].startswith(message), p["message"]


def test_actuals_csv_row_lines_count_multiline_fields(run, data_copy, tmp_path):
    mine = csv_file(tmp_path, HEADER + 'gdp,2021,1,亿元,,"two\nlines",,\ngpd,2022,1,亿元,,,,\n')
    p = one(run, data_copy, "--actuals", str(mine))
    assert (p["line"], p["column"], p["rule"]) == (4, 1, "unknown-indicator")


@pytest.mark.parametrize(
    ("text", "message", "col"),
    [
        ("indicator,year,vaule,unit\n", "unknown column 'vaule'", 16),
        ("indicator,year,unit\n", "missing columns: value", 1),
        ("indicator,year,value,unit,year\n", "column 'year' appears more than once", 27),
    ],
)
def test_actuals_csv_bad_header(run, data_copy, tmp_path, text, message, col):
    found = problems(run, data_copy, "--actuals", str(csv_file(tmp_path, text)))
    assert any(
        p["message"].startswith(message) and (p["line"], p["column"]) == (1, col) for p in found
    ), found
    assert {p["rule"] for p in found} == {"csv-columns"}


@pytest.mark.parametrize(
    ("content", "rule"),
    [(b"", "empty-file"), (b"indicator,year\xff\n", "encoding"), (b"\n\n", "empty-file")],
)
def test_actuals_csv_unreadable(run, data_copy, tmp_path, content, rule):
    p = one(run, data_copy, "--actuals", str(csv_file(tmp_path, content)))
    assert p["rule"] == rule


def test_actuals_file_named_like_the_shipped_one(run, data_copy, tmp_path, monkeypatch):
    """`--actuals actuals.yaml` in the working directory is not the plan's actuals.yaml."""
    write(
        data_copy,
        "actuals.yaml",
        f"actuals:\n- {{indicator: gpd, year: 2022, value: 1, unit: 亿元,\n   {SOURCE}}}\n",
    )
    (tmp_path / "actuals.yaml").write_text(
        "# mine\n\nactuals:\n"
        "- {indicator: gdp, year: 2019, value: 1, unit: 亿元, source: {title: t}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    found = problems(run, data_copy, "--actuals", "actuals.yaml")
    assert [(p["file"], p["line"], p["rule"]) for p in found] == [
        ("data/actuals.yaml", 2, "unknown-indicator"),
        ("./actuals.yaml", 4, "year-range"),
    ]


def test_bad_actuals_break_other_commands_with_exit_1(run, data_copy, tmp_path):
    """Any command that loads the plan refuses broken --actuals as a data error, in one line."""
    from plancli.loading.loader import load_plan
    from plancli.model.problems import DataError

    mine = csv_file(tmp_path, "indicator,year,value,unit\ngdp,2022,x,亿元\n")
    with pytest.raises(DataError) as err:
        load_plan(data_copy, mine)
    assert err.value.exit_code == 1 and str(mine) in str(err.value)


def test_problems_never_lack_a_place(data_copy):
    write(data_copy, "plan.yaml", "id: [\n")
    (data_copy / "targets.yaml").unlink()
    _, found = read_plan(data_copy)
    assert found and all(p.line >= 1 and p.column >= 1 for p in found)
