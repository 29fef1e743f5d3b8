"""The mechanisms of issue 14, one by one: the sanitiser, the safe writer, the plausibility rules
and the process's exit codes (the cases as a user meets them: test_hostile_io.py)."""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import os
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancli import process
from plancli.loading import safewrite
from plancli.model import plausible
from plancli.model.limits import MAX_VALUE, MIN_VALUE
from plancli.model.models import Indicator
from plancli.model.problems import UsageError
from plancli.model.sanitise import (
    FORMULA_START,
    csv_cell,
    csv_unescape,
    for_terminal,
    json_text,
    non_finite,
    require_finite,
)
from wording import english

any_text = st.text(st.characters(exclude_categories=()))


@pytest.fixture
def run(run):
    """These tests read plancli's messages in English (--lang en); test_language.py holds the
    Chinese ones."""
    return functools.partial(run, lang="en")


CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# -- for_terminal ----------------------------------------------------------------------------


@given(any_text)
def test_for_terminal_leaves_no_control_character(text):
    out = for_terminal(text)
    assert len(out) == len(text)  # highlight spans stay valid
    assert not CONTROL.search(out.replace("\n", "").replace("\t", ""))
    assert not CONTROL.search(for_terminal(text, prose=False))
    # Everything else is kept as it is.
    kept = [(a, b) for a, b in zip(text, out, strict=True) if a != b]
    assert all(b == "\ufffd" and CONTROL.match(a) for a, b in kept)


def test_for_terminal_examples():
    shown = for_terminal("温州\x1b[2J\x9b31m\x07ok\n\tend")
    assert shown == "温州\ufffd[2J\ufffd31m\ufffdok\n\tend"
    assert for_terminal("a\nb\tc\rd", prose=False) == "a\ufffdb\ufffdc\ufffdd"
    text = "plain 文本"
    assert for_terminal(text) is text


# -- csv_cell and csv_unescape ---------------------------------------------------------------


@given(any_text.filter(lambda t: not re.search("[\ud800-\udfff]", t)))
def test_csv_cells_read_back_unchanged(text):
    assert csv_unescape(csv_cell(text)) == text


@given(any_text)
def test_no_csv_cell_is_a_formula(text):
    cell = csv_cell(text)
    number = re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", cell)
    assert not cell.startswith(FORMULA_START) or number


@given(st.lists(any_text.filter(lambda t: not re.search("[\ud800-\udfff]", t)), min_size=1))
def test_a_row_written_with_the_csv_module_reads_back(cells):
    buf = io.StringIO(newline="")
    csv.writer(buf).writerow([csv_cell(c) for c in cells])
    (row,) = csv.reader(io.StringIO(buf.getvalue(), newline=""))
    assert [csv_unescape(c) for c in row] == cells


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "+1"),
        ("-5.5e3", "-5.5e3"),
        ("-minus", "'-minus"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'x", "'x"),
        ("x=1", "x=1"),
        (-5.0, -5.0),
        (None, None),
        ("", ""),
    ],
)
def test_csv_cell_examples(value, cell):
    assert csv_cell(value) == cell


# -- finite numbers and strict JSON ----------------------------------------------------------


def test_non_finite_names_the_place():
    assert non_finite({"a": [1.0, {"b": 2}], "c": "x"}) is None
    assert non_finite([{"target_id": "gdp@2025", "gap": math.inf}]) == ("gdp@2025: gap", math.inf)
    where, value = non_finite({"rows": [0.5, math.nan]})
    assert where == "rows.1" and math.isnan(value)
    with pytest.raises(UsageError) as err:
        require_finite({"x": -math.inf})
    assert english(err.value).startswith("x would be -inf: ")


def test_json_text_is_strict_and_free_of_raw_controls():
    text = json_text({"t": "\x1b[2J\x7f\x9b\ud800", "n": 1.5})
    assert text == '{"t": "\\u001b[2J\\u007f\\u009b\ufffd", "n": 1.5}'
    assert json.loads(text)["t"] == "\x1b[2J\x7f\x9b\ufffd"
    with pytest.raises(UsageError):
        json_text([math.nan])


# -- the safe writer -------------------------------------------------------------------------


def test_safe_writer_writes_and_replaces_only_its_own(tmp_path):
    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    theirs.write_text("hand-made", encoding="utf-8")
    assert safewrite.write_files({mine: f"{MARK} 1"}) == [mine]
    assert safewrite.is_ours(mine) and not safewrite.is_ours(theirs)
    with pytest.raises(safewrite.NotOurs):
        safewrite.write_files({mine: f"{MARK} 2", theirs: f"{MARK} 2"})
    assert mine.read_text(encoding="utf-8") == f"{MARK} 1"  # all or none
    safewrite.write_files({mine: f"{MARK} 2", theirs: f"{MARK} 2"}, force=True)
    assert theirs.read_text(encoding="utf-8") == f"{MARK} 2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json", "theirs.json"]


MARK = safewrite.MARK


def test_safe_writer_refuses_what_is_not_a_regular_file(tmp_path):
    (tmp_path / "real").write_text(MARK, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dir").mkdir()
    os.mkfifo(tmp_path / "fifo")  # never opened: reading it would block
    for name in ("link", "loop", "dir", "fifo"):
        assert not safewrite.is_ours(tmp_path / name)
        with pytest.raises(safewrite.NotOurs):
            safewrite.write_files({tmp_path / name: MARK})
    assert safewrite.is_ours(tmp_path / "real")
    (tmp_path / "empty").touch()
    assert safewrite.is_ours(tmp_path / "empty")  # nothing in it to lose


def test_safe_writer_keeps_permissions_and_says_why_it_failed(tmp_path):
    target = tmp_path / "x.json"
    safewrite.write_files({target: MARK})
    target.chmod(0o640)
    safewrite.write_files({target: MARK + "!"})
    assert target.stat().st_mode & 0o777 == 0o640
    with pytest.raises(safewrite.WriteError) as err:
        safewrite.write_one(tmp_path / "missing" / "x.json", b"x")
    assert re.fullmatch("cannot write .*: No such file or directory", english(err.value))
    assert safewrite.WriteError.exit_code == 74 and safewrite.NotOurs.exit_code == 2


def test_every_file_plancli_writes_carries_the_mark(tmp_path):
    with pytest.raises(ValueError, match="must carry"):
        safewrite.write_files({tmp_path / "x": "no mark"})
    assert list(tmp_path.iterdir()) == []


# -- plausibility ----------------------------------------------------------------------------


def ind(kinds=(), unit="亿元", span=None) -> Indicator:
    targets = [
        {
            "id": f"x@2025.k{n}",
            "year": 2025,
            # a change is an amount over a base year's value (models.Target)
            **(
                {"relative": {"base_year": 2020, "amount": 1}} if kind == "change" else {"value": 1}
            ),
            "text": "1",
            "comparator": "at_least",
            "kind": kind,
            "task": "1.1.1",
            "quotes": ["q"],
        }
        for n, kind in enumerate(kinds)
    ]
    return Indicator.model_validate(
        {"id": "x", "name": {"zh": "x", "en": "X"}, "unit": unit, "range": span, "targets": targets}
    )


@pytest.mark.parametrize(
    ("kinds", "span", "value", "says"),
    [
        (["level"], None, -1, "is negative"),
        (["level"], None, 0, None),
        (["count"], None, -0.5, "is negative"),
        (["share"], None, 100.5, "above 100%"),
        (["share"], None, 100, None),
        (["rank"], None, 0, "below 1"),
        (["rank"], None, 2.5, "not a whole number"),
        (["rank"], None, 3, None),
        (["growth_rate"], None, -100, "below -100%"),
        (["growth_rate"], None, -99.9, None),
        # A change target's indicator holds levels (the share, not its rise): a level's rules.
        (["change"], None, -1, "is negative"),
        (["change", "share"], None, 101, "above 100%"),
        ([], None, -5, None),  # no kind: only the limits
        (["level"], {"min": 0, "max": 150}, 151, "outside the plausible range"),
        (["rank"], {"min": 0, "max": 100}, 35.5, None),  # a range replaces the kind's rule
        ([], {"min": 1}, 0, "at least 1"),
        (["change"], None, MAX_VALUE * 10, "limit of ±1e+15"),
        (["change"], None, MIN_VALUE / 10, "closer to 0 than"),
        (["change"], None, math.inf, "not a finite number"),
    ],
)
def test_plausibility_rules(kinds, span, value, says):
    problem = plausible.value_problem(ind(kinds, span=span), value)
    assert (problem is None) == (says is None), problem
    if says:
        assert says in english(problem)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_plausible_value_cannot_overflow_the_maths(value):
    """Within the limits, the worst ratios the maths forms stay finite."""
    from plancli.maths.shapes import compound_rate

    if plausible.limit_problem(value) is None and value > 0:
        for other in (MIN_VALUE, MAX_VALUE):
            rate = compound_rate(value, other, 1)
            assert rate is None or math.isfinite(rate)


def test_a_range_must_make_sense():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="above max"):
        ind(span={"min": 5, "max": 1})
    with pytest.raises(ValidationError, match="give min, max or both"):
        ind(span={})


# -- the process ---------------------------------------------------------------------------


def test_output_error_is_not_an_exception():
    # So that no `except Exception` between a failed write and the entry point can swallow it.
    assert not issubclass(process.OutputError, Exception)
    closed = process.OutputError("stdout", BrokenPipeError(32, "Broken pipe"))
    full = process.OutputError("stdout", OSError(28, "No space left on device"))
    assert closed.closed_pipe and not full.closed_pipe
