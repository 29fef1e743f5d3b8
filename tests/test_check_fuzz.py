"""Fuzzing `plancli check` with mutations of the real data files: whatever the bytes, check ends
with a report and exit 0 or 1 (never an exception), and every problem has a place in its file.

PLANCLI_FUZZ_EXAMPLES raises the number of examples for a longer run (default 40).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.loading.datadir import PLAN_FILES, default_data_dir

FILES = tuple(name for name in PLAN_FILES if name.endswith(".yaml"))
EXAMPLES = int(os.environ.get("PLANCLI_FUZZ_EXAMPLES", "40"))
FIELD = re.compile(rb"^(\s*(?:- )?)([a-z_]+): ?(.*)$")
HOSTILE_VALUES = [
    b"'1'",
    b"\xef\xbc\x91\xef\xbc\x92",
    b".nan",
    b"-.inf",
    b"1e5",
    b"1.0e+999",
    b"~",
    b"",
    b"[]",
    b"{}",
    b"[a, [b, [c]]]",
    b"{a: 1}",
    b"yes",
    b"9" * 5000,
    b"2020-13-45",
    b"&x 1",
    b"*x",
    b"!!set {a}",
    b"!!python/object:os.system",
    b"|",
    b">-",
    b"'unclosed",
    b'"\\x"',
    b"@",
    b"`",
    b"%",
    b"- a",
    b"a: b",
    b"\t1",
    b"0x1F",
    b"0o17",
    b"1_000",
    b"<<",
    b"=",
]
HOSTILE_TOKENS = [
    b"&a ",
    b"*a",
    b"!!str ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"'",
    b'"',
    b"\t",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"<<: ",
    b"? ",
    b": ",
    b"- ",
    b"#",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"\r",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\n",
    b"  ",
    b",",
    b"|\n",
    b"[" * 200,
]


@pytest.fixture(scope="module")
def fuzz_data(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(default_data_dir(), dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _pos(data: st.DataObject, size: int) -> int:
    return data.draw(st.integers(0, max(size, 0)))


def mutate(data: st.DataObject, raw: bytes) -> bytes:
    kind = data.draw(
        st.sampled_from(["byte", "token", "line", "value", "key", "truncate", "indent"])
    )
    lines = raw.split(b"\n")
    if kind == "byte":
        i = _pos(data, len(raw) - 1)
        how = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        b = bytes([data.draw(st.integers(0, 255))])
        if how == "flip":
            return raw[:i] + b + raw[i + 1 :]
        if how == "insert":
            return raw[:i] + b + raw[i:]
        return raw[:i] + raw[i + 1 :]
    if kind == "token":
        i = _pos(data, len(raw))
        return raw[:i] + data.draw(st.sampled_from(HOSTILE_TOKENS)) + raw[i:]
    if kind == "truncate":
        return raw[: _pos(data, len(raw))]
    i = _pos(data, len(lines) - 1)
    if kind == "line":
        how = data.draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        else:
            j = _pos(data, len(lines) - 1)
            lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indent":
        lines[i] = b" " * data.draw(st.integers(1, 3)) + lines[i]
    else:
        fields = [n for n, line in enumerate(lines) if FIELD.match(line)]
        if not fields:
            return raw
        n = data.draw(st.sampled_from(fields))
        lead, key, value = FIELD.match(lines[n]).groups()
        if kind == "value":
            value = data.draw(st.sampled_from(HOSTILE_VALUES))
        else:
            k = _pos(data, len(key) - 1)
            key = (
                key[:k] + data.draw(st.sampled_from([b"", b"x", key[k : k + 1] * 2])) + key[k + 1 :]
            )
        lines[n] = lead + key + b": " + value
    return b"\n".join(lines)


def line_bound(raw: bytes) -> int:
    """How many lines libyaml can see: it breaks at LF, CR, NEL, LS and PS."""
    breaks = (b"\n", b"\r", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
    return sum(raw.count(b) for b in breaks) + 1


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_check_always_reports(run, fuzz_data, data):
    names = data.draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=2, unique=True))
    originals = {name: (fuzz_data / name).read_bytes() for name in names}
    try:
        mutated = {}
        for name in names:
            raw = originals[name]
            for _ in range(data.draw(st.integers(1, 3))):
                raw = mutate(data, raw)
            (fuzz_data / name).write_bytes(raw)
            mutated[name] = raw
        result = run("--data", str(fuzz_data), "check", "--format", "json")
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert result.exit_code in (0, 1), result.output
        doc = json.loads(result.stdout)
        assert (result.exit_code == 1) == any(p["level"] == "error" for p in doc["problems"])
        for p in doc["problems"]:
            name = Path(p["file"]).name
            assert name in PLAN_FILES, p
            assert p["line"] >= 1 and p["column"] >= 1, p
            raw = mutated.get(name) or (fuzz_data / name).read_bytes()
            assert p["line"] <= line_bound(raw), (p, line_bound(raw))
            assert p["rule"] and p["message"], p
    finally:
        for name, raw in originals.items():
            (fuzz_data / name).write_bytes(raw)
