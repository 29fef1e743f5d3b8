"""A user's actual values as CSV (`--actuals mine.csv`): its rows as actuals.yaml records, with
where each row and field stands, so that later problems point at the right cell.

Columns: indicator,year,value,unit,scope,source_title,source_url,source_quote (the first four
required). A row whose value is empty is skipped and counted (a fill-in sheet partly filled).
Numbers must be plain ASCII numbers (no quotes needed, no full-width digits). Cells are read as
plancli writes them: a `'` it put before a would-be formula is dropped (sanitise.csv_unescape).
More than MAX_ACTUALS rows: the file is refused, unread.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import Any

from plancli.loading.schema_errors import number_hint
from plancli.loading.yamlread import YamlProblem, decode
from plancli.model.limits import MAX_ACTUALS, MAX_NUMBER_CHARS
from plancli.model.msg import msg
from plancli.model.problems import Problem
from plancli.model.sanitise import csv_unescape
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
RowPlaces = list[tuple[int, "_Columns"]]


def read_csv_actuals(
    raw: bytes, filename: str, label: str
) -> tuple[list[dict], RowPlaces, list[Problem], int]:
    """The rows of the file `filename` (its bytes as read: loading.sources) as actuals.yaml
    records, where they stand, the problems found, and how many rows were skipped because
    their value is empty (a fill-in sheet's rows not yet filled: `plancli actuals --missing`)."""
    try:
        many_lines = raw.count(b"\n") + raw.count(b"\r") > MAX_ACTUALS + 1
        # Excel writes a byte-order mark; a CSV may carry one (YAML data files may not).
        text = decode(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except YamlProblem as exc:
        return [], [], [Problem(label, exc.rule, exc.msg, exc.line, exc.column)], 0
    del raw
    # More lines than rows allowed: count the rows (the C parser alone, nothing built) and
    # refuse the file before any record is made of it.
    if many_lines:
        over = _row_over_limit(text)
        if over is not None:
            return [], [], [_too_many_rows(label, over)], 0
    lines = _Lines(text)
    reader = csv.reader(lines)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        return [], [], [Problem(label, "csv-syntax", msg("csv_syntax", detail=str(exc)), 1, 1)], 0
    if not any(header):
        return [], [], [Problem(label, "empty-file", msg("csv_empty"), 1, 1)], 0
    problems = _header_problems(header, _field_starts(lines.last), label)
    if problems:
        return [], [], problems, 0
    rows: list[dict] = []
    where: RowPlaces = []
    end = reader.line_num
    count = skipped = 0
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
        count += 1
        if count > MAX_ACTUALS:
            return [], [], [_too_many_rows(label, line)], 0
        cols = _Columns(header, text, lines.start if line == end else None)
        if len(fields) != len(header):
            why = msg("csv_row_fields", fields=len(fields), header=len(header))
            problems.append(Problem(label, "csv-syntax", why, line, 1))
            continue
        rec: dict[str, Any] = {
            h: csv_unescape(f.strip()) for h, f in zip(header, fields, strict=True)
        }
        if not rec["value"]:  # a row of a fill-in sheet not filled in yet
            skipped += 1
            continue
        bad = _number_problems(rec, label, line, cols)
        if bad:
            problems += bad
            continue
        rows.append(_record(rec, filename))
        where.append((line, cols))
    return rows, where, problems, skipped


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


def _number_problems(rec: dict, label: str, line: int, cols: _Columns) -> list[Problem]:
    """Year and value read as numbers in place; a problem for each that is not one."""
    problems = []
    short = len(rec["year"]) <= MAX_NUMBER_CHARS
    ident = _clip(f"{rec['indicator']} {rec['year']}" if short else rec["indicator"])
    for name, pattern, cast in (("year", _CSV_INT, int), ("value", _CSV_NUMBER, float)):
        given = rec[name]
        if len(given) <= MAX_NUMBER_CHARS and pattern.fullmatch(given):
            rec[name] = cast(given)
            continue
        want = msg("want_whole_number" if cast is int else "want_number")
        if len(given) > MAX_NUMBER_CHARS:
            problem = msg("number_too_long_field", want=want, limit=MAX_NUMBER_CHARS,
                          length=len(given))  # fmt: skip
        else:
            hint = number_hint(given) if given else None
            if hint is not None and hint.code == "hint_quoted_number":
                hint = None
            got = msg("got_as_written", text=given) if given else msg("got_empty_field")
            problem = msg("expected", want=want, got=got, hint=hint)
        where = msg("at_field", field=name, problem=problem)
        problems.append(Problem(label, "schema", where, line, cols.get(name, 1), id=ident))
    return problems


def _clip(text: str, most: int = 80) -> str:
    """An id built from a file's fields, short enough for one line of a report."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _too_many_rows(label: str, line: int) -> Problem:
    return Problem(label, "file-size", msg("too_many_rows", limit=MAX_ACTUALS), line, 1)


# A line with its ending (\n, \r\n or \r), as csv reads a file opened with newline="".
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


class _Lines:
    """The lines of a text one at a time, remembering the last one (the line a one-line row
    was read from, to find where its fields start). Slices of the text: no copy of all of it
    (io.StringIO would hold four bytes a character)."""

    def __init__(self, text: str):
        self._matches = _LINE.finditer(text)
        self.last = ""
        self.start = 0  # where the last line starts in the text

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        match = next(self._matches)
        self.last, self.start = match.group(), match.start()
        return self.last


class _Columns:
    """The 1-based column where each field of one CSV row starts, by column name (1 where not
    known: a row spread over several lines). Found only when asked, for a row with a
    problem: a valid row costs two integers and a reference."""

    __slots__ = ("header", "text", "start")

    def __init__(self, header: list[str], text: str, start: int | None):
        self.header, self.text, self.start = header, text, start

    def get(self, name: str, default: int = 1) -> int:
        if self.start is None or name not in self.header:
            return default
        found = _LINE.match(self.text, self.start)
        end = found.end() if found else len(self.text)
        starts = _field_starts(self.text[self.start : end])
        i = self.header.index(name)
        return starts[i] + 1 if i < len(starts) else default


def _row_over_limit(text: str) -> int | None:
    """The line of the first row past MAX_ACTUALS, if there is one (blank lines skipped);
    None also when the CSV does not parse, which the full read then reports."""
    reader = csv.reader(_Lines(text))
    try:
        next(reader, None)
        count = 0
        for fields in reader:
            if any(f.strip() for f in fields):
                count += 1
                if count > MAX_ACTUALS:
                    return reader.line_num
    except csv.Error:
        return None
    return None


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
