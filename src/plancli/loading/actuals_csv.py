"""A user's actual values as CSV (`--actuals mine.csv`): its rows as actuals.yaml records, with
where each row and field stands, so that later problems point at the right cell.

Columns: indicator,year,value,unit,scope,source_title,source_url,source_quote (the first four
required). Numbers must be plain ASCII numbers (no quotes needed, no full-width digits).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from plancli.loading.schema_errors import number_hint
from plancli.loading.yamlread import YamlProblem, decode, read_bounded
from plancli.model.msg import msg
from plancli.model.problems import Problem
from plancli.model.vocab import WHOLE_CITY

ACTUALS_COLUMNS = (
    "indicator",
    "year",
    "value",
    "unit",
    "scope",
    "source_title",
    "source_url",
    "source_quote",
)
_REQUIRED_COLUMNS = ("indicator", "year", "value", "unit")
_CSV_INT = re.compile(r"[+-]?[0-9]+")
_CSV_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

# Where each row given to validation stands: its line and the column of each field.
RowPlaces = list[tuple[int, dict[str, int]]]


def read_csv_actuals(path: Path, label: str) -> tuple[list[dict], RowPlaces, list[Problem]]:
    """The file's rows as actuals.yaml records, where they stand, and the problems found."""
    try:
        raw = read_bounded(path)
        # Excel writes a byte-order mark; a CSV may carry one (YAML data files may not).
        text = decode(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except YamlProblem as exc:
        return [], [], [Problem(label, exc.rule, exc.msg, exc.line, exc.column)]
    except OSError as exc:
        return [], [], [Problem(label, "file", msg("cannot_read", reason=str(exc.strerror)))]
    lines = list(io.StringIO(text, newline=""))
    reader = csv.reader(lines)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        return [], [], [Problem(label, "csv-syntax", msg("csv_syntax", detail=str(exc)), 1, 1)]
    if not any(header):
        return [], [], [Problem(label, "empty-file", msg("csv_empty"), 1, 1)]
    problems = _header_problems(header, _field_starts(lines[0]), label)
    if problems:
        return [], [], problems
    rows: list[dict] = []
    where: RowPlaces = []
    end = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                Problem(label, "csv-syntax", msg("csv_syntax", detail=str(exc)), end + 1)
            )
            break
        line, end = end + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        starts = _field_starts(lines[line - 1]) if line == end else []
        cols = {h: starts[i] + 1 for i, h in enumerate(header) if i < len(starts)}
        if len(fields) != len(header):
            why = msg("csv_row_fields", fields=len(fields), header=len(header))
            problems.append(Problem(label, "csv-syntax", why, line, 1))
            continue
        rec: dict[str, Any] = {h: f.strip() for h, f in zip(header, fields, strict=True)}
        bad = _number_problems(rec, label, line, cols)
        if bad:
            problems += bad
            continue
        rows.append(_record(rec, path.name))
        where.append((line, cols))
    return rows, where, problems


def _header_problems(header: list[str], starts: list[int], label: str) -> list[Problem]:
    problems = [
        Problem(
            label,
            "csv-columns",
            msg("csv_unknown_column", column=h, columns=list(ACTUALS_COLUMNS)),
            1,
            starts[i] + 1,
        )
        for i, h in enumerate(header)
        if h not in ACTUALS_COLUMNS
    ]
    problems += [
        Problem(label, "csv-columns", msg("csv_duplicate_column", column=h), 1, starts[i] + 1)
        for i, h in enumerate(header)
        if h in header[:i]
    ]
    missing = [c for c in _REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(
            Problem(label, "csv-columns", msg("csv_missing_columns", columns=missing), 1, 1)
        )
    return problems


def _number_problems(rec: dict, label: str, line: int, cols: dict[str, int]) -> list[Problem]:
    """Year and value read as numbers in place; a problem for each that is not one."""
    problems = []
    for name, pattern, cast in (("year", _CSV_INT, int), ("value", _CSV_NUMBER, float)):
        if pattern.fullmatch(rec[name]):
            rec[name] = cast(rec[name])
            continue
        want = msg("want_whole_number" if cast is int else "want_number")
        hint = number_hint(rec[name]) if rec[name] else None
        if hint is not None and hint.code == "hint_quoted_number":
            hint = None
        got = msg("got_as_written", text=rec[name]) if rec[name] else msg("got_empty_field")
        problem = msg("expected", want=want, got=got, hint=hint)
        problems.append(
            Problem(
                label,
                "schema",
                msg("at_field", field=name, problem=problem),
                line,
                cols.get(name, 1),
                id=f"{rec['indicator']} {rec['year']}",
            )
        )
    return problems


def _record(rec: dict, filename: str) -> dict:
    return {
        "indicator": rec["indicator"],
        "year": rec["year"],
        "value": rec["value"],
        "unit": rec["unit"],
        "scope": rec.get("scope") or WHOLE_CITY,
        "source": {
            # Without a title, the file's name says where the value came from.
            "title": rec.get("source_title") or filename,
            "url": rec.get("source_url") or None,
            "quote": rec.get("source_quote") or None,
            "primary": False,
        },
    }


def _field_starts(line: str) -> list[int]:
    """Offsets where the fields of one CSV line start (quotes may hold commas)."""
    starts, quoted, i = [0], False, 0
    while i < len(line):
        c = line[i]
        if quoted and c == '"' and line[i + 1 : i + 2] == '"':
            i += 1
        elif c == '"':
            quoted = not quoted
        elif c == "," and not quoted:
            starts.append(i + 1)
        i += 1
    return starts


def csv_where(rows: RowPlaces, path: tuple) -> tuple[int, int]:
    """Line and column of a path into {"actuals": rows}: ("actuals", i, field[, subfield])."""
    if len(path) < 2 or not isinstance(path[1], int) or not 0 <= path[1] < len(rows):
        return 1, 1
    line, cols = rows[path[1]]
    name = path[2] if len(path) > 2 else None
    if name == "source":
        name = f"source_{path[3]}" if len(path) > 3 else "source_title"
    return line, cols.get(str(name), 1)
