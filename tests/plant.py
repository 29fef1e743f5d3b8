"""Planting errors in a copy of the data, and finding where they went (line, column, record)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Spot:
    """Where a planted error is: 1-based line and column, and the record it belongs to."""

    line: int
    column: int
    id: str | None = None


def read(data: Path, name: str) -> str:
    return (data / name).read_text(encoding="utf-8")


def write(data: Path, name: str, text: str) -> None:
    (data / name).write_text(text, encoding="utf-8")


def replace_line(data: Path, name: str, pattern: str, new, nth: int = 0) -> int:
    """Replace the nth line matching pattern (a regex) with new (a string, or a function of the
    old line); return its 0-based index."""
    lines = read(data, name).split("\n")
    hits = [i for i, line in enumerate(lines) if re.search(pattern, line)]
    assert len(hits) > nth, f"no line {nth} matching {pattern!r} in {name}"
    i = hits[nth]
    lines[i] = new(lines[i]) if callable(new) else new
    write(data, name, "\n".join(lines))
    return i


def spot(data: Path, name: str, index: int, token: str, ident: str | None = None) -> Spot:
    """The spot of token on the line at index (0-based)."""
    line = read(data, name).split("\n")[index]
    assert token in line, (token, line)
    return Spot(index + 1, line.index(token) + 1, ident)


def owner(data: Path, name: str, index: int, indent: str) -> str:
    """The id of the record a line belongs to: the nearest `<indent>- id: X` at or above it."""
    lines = read(data, name).split("\n")
    for line in reversed(lines[: index + 1]):
        m = re.match(rf"{indent}- id: '?([^'\s]+)'?$", line)
        if m:
            return m.group(1)
    raise AssertionError(f"no record above line {index + 1} of {name}")


def problems_json(result) -> list[dict]:
    return json.loads(result.stdout)["problems"]
