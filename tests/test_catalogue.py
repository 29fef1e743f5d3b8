"""The message catalogue: every code in both languages with the same parameters, every code the
source uses is there, and every entry is used."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest

import plancli
from plancli.maths.shapes import Shape
from plancli.model.models import Target
from plancli.model.msg import msg
from plancli.model.units import BASES, MAGNITUDES
from plancli.model.vocab import Comparator, Compares, Kind, Series, Status
from plancli.query.search import KINDS
from plancli.report.catalogue import CATALOGUE, PARTS, note_json, render, text
from plancli.report.words import FLAGS, RANKS

SRC = Path(plancli.__file__).parent
CODES = sorted(CATALOGUE)
# Codes built from a closed set at run time (`status.{code}`), each family with its members.
FAMILIES = {
    "status": {str(s) for s in Status},
    "kind": {str(k) for k in Kind},
    "comparator": {str(c) for c in Comparator},
    "shape": {str(s) for s in Shape},
    "unit": set(BASES),
    "magnitude": set(MAGNITUDES),
    "record": set(KINDS),
    "origin": {"shipped", "user", "option", "secondary"},
    "rank": set(RANKS),
    "stated": {"target", "baseline"},
    "qualifier": {q for q in get_args(get_args(Target.model_fields["qualifier"].annotation)[0])},
    "series": {str(s) for s in Series},
    "series_one": {str(s) for s in Series},
    "compares": {str(c) for c in Compares},
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def plural_only(template: str) -> set[str]:
    """Parameters English uses only to choose a singular or plural (`{n:task|tasks}`)."""
    parsed = [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name]
    plural = {name for name, spec in parsed if spec and "|" in spec}
    return plural - {name for name, spec in parsed if not spec or "|" not in spec}


def paired(names: set[str]) -> set[str]:
    """x_zh and x_en as one parameter x: a text of the data, each language saying its own."""
    return {re.sub(r"_(zh|en)$", "", n) for n in names}


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_both_languages_with_the_same_parameters(code):
    en, zh = CATALOGUE[code]
    assert isinstance(en, str) and isinstance(zh, str)
    assert not any(n.endswith("_zh") for n in fields(en)), code
    assert not any(n.endswith("_en") for n in fields(zh)), code
    zh_names, en_names = paired(fields(zh)), paired(fields(en))
    # Chinese has no plural: a count English uses only to choose one may go unsaid.
    assert zh_names <= en_names and en_names - zh_names <= plural_only(en), code
    if code != "unit.":  # a plain number has no unit word
        assert en.strip() and zh.strip(), code


def test_codes_are_unique_across_the_parts():
    assert sum(len(p) for p in PARTS.values()) == len(CATALOGUE)


def test_no_text_holds_the_csv_note_separator():
    for code, pair in CATALOGUE.items():
        for template in pair:
            bare = re.sub(r"\{[^}]*\}", "", template)
            assert "|" not in bare, code


def test_chinese_texts_are_chinese():
    # A Chinese text may quote options, ids, units and formats; it has no English words of its own.
    allowed = re.compile(
        r"--[a-z-]+|plancli(?: [a-z]+)*|[A-Z]{2,}\w*|[a-z_]+\.(?:yaml|txt|csv)|[a-z0-9_]+@"
        r"|true|false|url|quote|factor|percent|amount|value|relative|direction|up|down|schema|min|max"
        r"|preferred|NAME|DIR|YYYY-MM-DD|[a-z]+://|Tbps|km|pp|error|warning|NaN|µg/m³|e\.g\."
        r"|translation:|csv|json|markdown|`[^`]*`|docs/[a-z]+\.md|yes/no/on/off/true/false|\.(?:yaml|csv|txt)\b|\b[a-z0-9]+(?:_[a-z0-9]+)+\b|\bgdp\b"
    )
    for code, (_en, zh) in CATALOGUE.items():
        if code.startswith("unit.") or code in ("problem_line",):
            continue
        words = re.findall(r"[A-Za-z]{2,}", allowed.sub("", re.sub(r"\{[^}]*\}", "", zh)))
        assert words == [], (code, zh)


def test_a_note_in_json_has_its_code_parameters_and_both_texts():
    params = {"given_zh": "全市", "given_en": "whole city", "target_zh": "市区"}
    note = note_json(msg("scope_mismatch", **params, target_en="urban districts"))
    assert note == {
        "code": "scope_mismatch",
        "params": {**params, "target_en": "urban districts"},
        "text_zh": "给出的实际值范围为全市，本目标范围为市区",
        "text_en": "the given actual is for whole city; this target is for urban districts",
    }


def test_parameters_are_worded_in_the_language():
    years = msg("rates_unknown", years=[2021, 2022])
    assert (render(years, "en"), render(years, "zh")) == (
        "rates unknown for 2021, 2022",
        "2021、2022年增速未知",
    )
    hint = msg("did_you_mean", choices=["gdp", "GDP"])
    said = msg("unknown_indicator", query="gpd", hint=hint)
    assert render(said, "en") == "unknown indicator or target 'gpd'; did you mean: gdp, GDP?"
    assert render(msg("unknown_indicator", query="x", hint=None), "en").endswith("'x'")
    assert text("tasks.caption", "en", n=1) == "1 task" and text("tasks.caption", "en", n=2) == (
        "2 tasks"
    )


# -- the codes the source uses ----------------------------------------------------------------

CALLS = {"msg", "text", "UsageError", "UnitError", "PlancliError", "PydanticCustomError"}


def _strings(node: ast.AST) -> list[str]:
    """The literal strings an argument can be: "a", or "a" if x else "b"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def used_codes() -> tuple[set[str], set[str], set[str]]:
    """Codes named as the first argument of a call that words them (msg, text, an error, a
    page's `label`), the families named by f-string prefix, and every string in the source."""
    named: set[str] = set()
    prefixes: set[str] = set()
    strings: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings |= {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            first = node.args[0]
            if name in CALLS:
                named |= set(_strings(first))
                if isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(str(first.values[0].value).rstrip("."))
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef) and (prefix := _label_prefix(fn)):
                for call in ast.walk(fn):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "label":
                        named |= {f"{prefix}.{s}" for s in _strings(call.args[0])}
    # The site's templates word what they show with `w.t("code")` (plancli.report.site).
    for path in SRC.rglob("templates/*.html"):
        page = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"""\bw\.t\(\s*["']([\w.]+)["']\s*[,)]""", page))
        prefixes |= {
            p.rstrip(".") for p in re.findall(r"""\bw\.t\(\s*["']([\w]+\.)["']\s*\+""", page)
        }
    return named, prefixes, strings


def _label_prefix(fn: ast.FunctionDef) -> str | None:
    """The page prefix of a `label(key)` helper fn defines: text(f"gap.{key}", lang)."""
    for node in fn.body:
        if isinstance(node, ast.FunctionDef) and node.name == "label":
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and call.args
                    and isinstance(call.args[0], ast.JoinedStr)
                ):
                    head = call.args[0].values[0]
                    if isinstance(head, ast.Constant):
                        return str(head.value).rstrip(".")
    return None


def test_every_code_the_source_names_is_in_the_catalogue():
    named, prefixes, _ = used_codes()
    assert sorted(c for c in named if c not in CATALOGUE) == []
    pages = {"gap", "growth", "trajectory", "score", "review", "chapters", "tasks", "targets"}
    pages |= {"actuals"}
    assert prefixes <= set(FAMILIES) | pages | {"show", "search", "flag", "chart"}


def test_every_family_has_a_word_for_each_member():
    for family, members in FAMILIES.items():
        for member in members:
            assert f"{family}.{member}" in CATALOGUE, (family, member)


def test_every_entry_is_used():
    named, _, strings = used_codes()
    families = {f"{fam}.{m}" for fam, members in FAMILIES.items() for m in members}
    flags = {f"flag.{f}" for f in FLAGS} | {"flag.year_assumed", "flag.scope"}
    unused = sorted(set(CATALOGUE) - named - strings - families - flags)
    assert unused == []
