"""The safe YAML reader: plain YAML read from the event stream, exactly as PyYAML would read
it, with the limits enforced exactly."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from plancli.loading import yamlread
from plancli.loading.yamlread import MAX_DEPTH, YamlProblem, parse_text
from wording import english


def real_depth(text: str) -> int:
    depth = deepest = 0
    for e in yaml.parse(text, Loader=yamlread._BaseLoader):
        if isinstance(e, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(e, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


@st.composite
def nested(draw, low: int = 20, high: int = 45) -> object:
    """A chain of lists and mappings, with some siblings on the way."""
    value: object = draw(st.sampled_from(["x", 1, None, "温州", 2.5, True]))
    for _ in range(draw(st.integers(low, high))):
        siblings = draw(st.integers(0, 2))
        if draw(st.booleans()):
            value = [value] + ["s"] * siblings
        else:
            value = {"k": value} | {f"s{i}": i for i in range(siblings)}
    return value


@st.composite
def dumped(draw, low: int = 20, high: int = 45) -> str:
    return yaml.dump(
        draw(nested(low, high)),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        indent=draw(st.integers(2, 4)),
        width=draw(st.sampled_from([20, 80, 10_000])),
        allow_unicode=True,
    )


@settings(max_examples=60, deadline=None)
@given(dumped())
def test_depth_limit_is_exact(text):
    """Refused if and only if nested deeper than MAX_DEPTH, whatever the style."""
    try:
        parse_text(text)
        refused = False
    except YamlProblem as exc:
        assert exc.rule == "yaml-depth"
        refused = True
    assert refused == (real_depth(text) > MAX_DEPTH)


@settings(max_examples=60, deadline=None)
@given(dumped(0, 12))
def test_reads_what_pyyaml_reads(text):
    assert parse_text(text) == yaml.safe_load(text)


TRICKY_SCALARS = [
    "1",
    "-1",
    "+1",
    "0",
    "00",
    "012",
    "0o12",
    "0x1F",
    "0b101",
    "1_000",
    "1:30",
    "190:20:30",
    "1.5",
    "-.5",
    "1.",
    "1e5",
    "1.0e+5",
    "1.0e5",
    ".inf",
    "-.Inf",
    ".NaN",
    "1:30.5",
    "1_0.5",
    "yes",
    "No",
    "ON",
    "off",
    "true",
    "False",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "'1'",
    '"yes"',
    "温州",
    "１２",
    "a b",
    "- not a list",
    "8.8%",
    "1.1.2",
    "2.1",
    "'2.1'",
    "0.0.1",
    "3e",
    "e3",
    "0x",
    "0b",
    "+",
    "-",
    ".",
    "..",
    "._",
    "1__0",
    "0_1",
    "-0",
]


@pytest.mark.parametrize("scalar", TRICKY_SCALARS)
def test_scalars_as_pyyaml_reads_them(scalar):
    text = f"a: {scalar}\nb: [{scalar}]\n" if scalar != "- not a list" else f"a: {scalar}\n"
    try:
        want = yaml.safe_load(text)
    except yaml.YAMLError:
        with pytest.raises(YamlProblem):
            parse_text(text)
        return
    got = parse_text(text)
    if isinstance(want["a"], float) and math.isnan(want["a"]):
        assert math.isnan(got["a"])
    else:
        assert got == want


def test_dates_merge_and_value_scalars_stay_text():
    assert parse_text("a: 2021-01-01\nb: =\nc: <<\nd: 2001-12-14t21:59:43.10-05:00\n") == {
        "a": "2021-01-01",
        "b": "=",
        "c": "<<",
        "d": "2001-12-14t21:59:43.10-05:00",
    }


def test_mapping_keys_are_field_names_as_written():
    assert parse_text("1: a\nyes: b\n~: c\n2020-01-01: d\n'x': e\n") == {
        "1": "a",
        "yes": "b",
        "~": "c",
        "2020-01-01": "d",
        "x": "e",
    }


def test_node_limit_is_exact(monkeypatch):
    monkeypatch.setattr(yamlread, "MAX_NODES", 10)
    assert parse_text("[1, 2, 3, 4, 5, 6, 7, 8, 9]") == list(range(1, 10))  # 10 nodes
    with pytest.raises(YamlProblem) as err:
        parse_text("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]")
    assert err.value.rule == "file-size" and err.value.column == 29


def test_position_of_a_reader_error_counts_characters():
    with pytest.raises(YamlProblem) as err:
        parse_text("id: 温州温州\nx: a\x01b\n")
    assert (err.value.line, err.value.column) == (2, 5)
    assert english(err.value).endswith("(U+0001)")


def test_problem_at_end_of_file_stays_in_the_file():
    with pytest.raises(YamlProblem) as err:
        parse_text("a: [1, 2\nb: 3")
    assert err.value.line == 2 and err.value.column <= len("b: 3") + 1


def test_compose_is_only_for_locating(monkeypatch):
    """Loading never composes (the C composer recurses); locating problems may."""
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: pytest.fail("composed"))
    assert parse_text("a: [1, {b: c}]") == {"a": [1, {"b": "c"}]}
