"""Loading a plan directory: read each file safely, validate it, and check the whole.

`check()` returns every problem in every file; `load()` returns a Plan or raises DataError.
Both read each file once (loading.sources); `check_sources()` validates files already read, the
very bytes the cache's key was made of.
A file with schema errors is salvaged record by record, so the rest of it is still
cross-checked. Line numbers are found (by composing a file's text again) only for files that
have problems: a valid plan never pays for them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plancli.loading.limits import MAX_ACTUALS, MAX_EXCLUSIONS, MAX_NUMBER_CHARS
from plancli.loading.sources import Source, Sources, actuals_format, read_plan
from plancli.model.problems import DataError, Problem, UsageError

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
# The longest list a file of each kind may hold (its records), checked as the file is read.
LIST_LIMITS = {"ActualsFile": MAX_ACTUALS, "ExclusionsFile": MAX_EXCLUSIONS}
_CSV_INT = re.compile(r"[+-]?[0-9]+")
_CSV_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass
class _Source:
    """One file as read: what salvaging and locating its problems need."""

    label: str
    text: str | None = None  # YAML text, composed again only if the file has problems
    raw: Any = None  # the data as parsed, before validation
    kept: dict = field(default_factory=dict)  # salvage: list path -> original positions kept
    rows: list | None = None  # CSV: (line, {column: col}) of each row given to validation


class _Reader:
    """Reads and validates the files of one plan directory, collecting problems."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.sources: dict[str, _Source] = {}
        self.unread: set[str] = set()
        self.dropped: dict[str, frozenset[str]] = {}
        self.user_label: str | None = None

    def model(self, source: Source, model_cls, *, required: bool):
        from plancli.loading.yamlread import parse_yaml

        name = source.label
        src = self.sources[name] = _Source(name)
        if source.missing:
            if required:
                self.unread.add(name)
                self.problems.append(Problem(name, "missing-file", f"{name} is missing"))
            return None
        data = None
        if source.problem is not None:
            problems = [_unread(source)]
        else:
            limit = LIST_LIMITS.get(model_cls.__name__)
            data, src.text, problems = parse_yaml(source.raw, name, limit)
        # Duplicate keys come with the data (the first value of each): the rest is checked.
        self.problems.extend(problems)
        if data is None:
            self.unread.add(name)
            return None
        src.raw = data
        return self.validated(src, model_cls, data)

    def validated(self, src: _Source, model_cls, data: Any):
        from pydantic import ValidationError

        from plancli.loading.schema_errors import salvage, schema_problems

        try:
            return model_cls.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        self.problems.extend(schema_problems(src.label, model_cls, data, errors))
        saved = salvage(model_cls, data, errors)
        if saved.model is None:
            self.unread.add(src.label)
        src.kept = saved.kept
        self.dropped[src.label] = saved.dropped_ids
        return saved.model

    def outline(self, source: Source):
        from plancli.loading.yamlread import YamlProblem, decode
        from plancli.model.outline import Outline

        name = source.label
        self.sources[name] = _Source(name)  # (for the order of the report)
        if source.missing:
            self.unread.add(name)
            self.problems.append(Problem(name, "missing-file", f"{name} is missing"))
            return Outline("")
        text = ""
        if source.problem is not None:
            self.problems.append(_unread(source))
        else:
            try:
                text = decode(source.raw)
            except YamlProblem as exc:
                self.problems.append(Problem(name, exc.rule, exc.message, exc.line, exc.column))
        if not text.strip():
            self.unread.add(name)
            if not any(p.file == name for p in self.problems):
                self.problems.append(Problem(name, "empty-file", "the file is empty", 1, 1))
        return Outline(text)

    def user_actuals(self, source: Source) -> list:
        """A user's --actuals file: YAML in the actuals.yaml schema, or CSV with the columns
        indicator,year,value,unit,scope,source_title,source_url,source_quote."""
        from plancli.model.models import ActualsFile

        path = source.path
        if source.missing or not source.regular:
            raise UsageError(f"--actuals file not found: {path} (expected a .yaml or .csv file)")
        label = self.user_label = source.label
        if actuals_format(path) != "csv":
            parsed = self.model(source, ActualsFile, required=True)
            return parsed.actuals if parsed else []
        src = self.sources[label] = _Source(label)
        rows, src.rows, problems = _read_csv_actuals(source)
        self.problems.extend(problems)
        src.raw = {"actuals": rows}
        parsed = self.validated(src, ActualsFile, src.raw)
        return parsed.actuals if parsed else []

    def gaps(self):
        from plancli.loading.validate import Gaps

        return Gaps(
            unread=frozenset(self.unread),
            dropped=dict(self.dropped),
            shifted=frozenset(n for n, s in self.sources.items() if s.kept),
        )

    def cross_checked(self, problems: list[Problem]) -> list[Problem]:
        """Problems of the cross-file rules, whose paths are into salvaged data: map them back
        to the files as written."""
        from plancli.loading.schema_errors import unmap

        for p in problems:
            src = self.sources.get(p.file)
            if src is not None and src.kept:
                p.path, p.related = unmap(p.path, src.kept), unmap(p.related, src.kept)
        return problems

    def finish(self) -> list[Problem]:
        """Every problem with a line and column (composing only files that have problems),
        in file order, then line order."""
        from plancli.loading.schema_errors import record_at
        from plancli.loading.yamlread import compose

        order = {name: n for n, name in enumerate(self.sources)}
        for name, src in self.sources.items():
            mine = [p for p in self.problems if p.file == name and (p.path or p.related)]
            if not mine:
                continue
            root = compose(src.text) if src.rows is None and src.text is not None else None
            for p in mine:
                if p.id is None and src.raw is not None and p.path:
                    p.id = record_at(src.raw, p.path)[0]
                if p.line is None and p.path:
                    p.line, p.column = self._where(src, root, p.path, key=p.at_key)
                if p.related:
                    p.message += f" (first at line {self._where(src, root, p.related)[0]})"
        for p in self.problems:
            p.line, p.column = p.line or 1, p.column or 1
        return sorted(
            self.problems, key=lambda p: (order.get(p.file, len(order)), p.line, p.column)
        )

    @staticmethod
    def _where(src: _Source, root, path: tuple, key: bool = False) -> tuple[int, int]:
        from plancli.loading.yamlread import node_at

        if src.rows is None:
            return node_at(root, path, key=key)
        return _csv_where(src.rows, path)


def _unread(source: Source) -> Problem:
    rule, message = source.problem
    return Problem(source.label, rule, message, 1, 1)


def _read_csv_actuals(source: Source) -> tuple[list[dict], list, list[Problem]]:
    """Rows of a CSV actuals file as actuals.yaml records, with where each row and field
    stands; numbers must be plain ASCII numbers (no quotes needed, no full-width digits).
    Cells are read as plancli writes them: a `'` it put before a would-be formula is dropped
    (sanitise.csv_unescape). More than MAX_ACTUALS rows: the file is refused, unread."""
    from plancli.loading.yamlread import YamlProblem, decode
    from plancli.report.sanitise import csv_unescape

    label, path, raw = source.label, source.path, source.raw
    if source.problem is not None:
        return [], [], [_unread(source)]
    try:
        many_lines = raw.count(b"\n") + raw.count(b"\r") > MAX_ACTUALS + 1
        # Excel writes a byte-order mark; a CSV may carry one (YAML data files may not).
        text = decode(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except YamlProblem as exc:
        return [], [], [Problem(label, exc.rule, exc.message, exc.line, exc.column)]
    del raw
    # More lines than rows allowed: count the rows (the C parser alone, nothing built) and
    # refuse the file before any record is made of it.
    if many_lines:
        over = _row_over_limit(text)
        if over is not None:
            return [], [], [_too_many_rows(label, over)]
    lines = _Lines(text)
    reader = csv.reader(lines)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        return [], [], [Problem(label, "csv-syntax", f"CSV does not parse: {exc}", 1, 1)]
    if not any(header):
        return [], [], [Problem(label, "empty-file", "the file is empty (no header row)", 1, 1)]
    problems = _header_problems(label, header, _field_starts(lines.last))
    if problems:
        return [], [], problems
    rows, where = [], []
    end = reader.line_num
    count = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(label, "csv-syntax", f"CSV does not parse: {exc}", end + 1))
            break
        line, end = end + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        count += 1
        if count > MAX_ACTUALS:
            return [], [], [_too_many_rows(label, line)]
        cols = _Columns(header, text, lines.start if line == end else None)
        if len(fields) != len(header):
            problems.append(
                Problem(
                    label,
                    "csv-syntax",
                    f"row has {len(fields)} fields; the header has {len(header)}",
                    line,
                    1,
                )
            )
            continue
        rec = {h: csv_unescape(f.strip()) for h, f in zip(header, fields, strict=True)}
        bad = [p for p in _csv_numbers(label, rec, line, cols) if p is not None]
        if bad:
            problems += bad
            continue
        rows.append(_csv_record(rec, path.name))
        where.append((line, cols))
    return rows, where, problems


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

    def __iter__(self):
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
        end = _LINE.match(self.text, self.start).end()
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


def _header_problems(label: str, header: list[str], starts: list[int]) -> list[Problem]:
    problems = [
        Problem(
            label,
            "csv-columns",
            f"unknown column {h!r}; the columns are {','.join(ACTUALS_COLUMNS)}",
            1,
            starts[i] + 1,
        )
        for i, h in enumerate(header)
        if h not in ACTUALS_COLUMNS
    ]
    problems += [
        Problem(label, "csv-columns", f"column {h!r} appears more than once", 1, starts[i] + 1)
        for i, h in enumerate(header)
        if h in header[:i]
    ]
    missing = [c for c in _REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(
            Problem(label, "csv-columns", f"missing columns: {', '.join(missing)}", 1, 1)
        )
    return problems


def _too_many_rows(label: str, line: int) -> Problem:
    return Problem(
        label,
        "file-size",
        f"more than {MAX_ACTUALS:,} rows of actuals; the limit is {MAX_ACTUALS:,} a file "
        "(docs/limits.md)",
        line,
        1,
    )


def _csv_numbers(label: str, rec: dict, line: int, cols: dict):
    """Turn the year and value fields of a row into numbers in place; a problem for each that
    is not a plain number (None for each that is)."""
    from plancli.loading.schema_errors import number_hint

    short = len(rec["year"]) <= MAX_NUMBER_CHARS
    ident = _clip(f"{rec['indicator']} {rec['year']}" if short else rec["indicator"])
    for name, pattern, cast in (("year", _CSV_INT, int), ("value", _CSV_NUMBER, float)):
        given = rec[name]
        if len(given) <= MAX_NUMBER_CHARS and pattern.fullmatch(given):
            rec[name] = cast(given)
            yield None
            continue
        want = "a whole number" if cast is int else "a number"
        if len(given) > MAX_NUMBER_CHARS:
            message = (
                f"{name}: expected {want} of at most {MAX_NUMBER_CHARS} characters, "
                f"got {len(given):,} characters"
            )
        else:
            hint = number_hint(given) if given else None
            if hint and hint.startswith("a number in quotes"):
                hint = None
            got = f"{given!r}" if given else "an empty field"
            message = f"{name}: expected {want}, got {got}" + (f" ({hint})" if hint else "")
        yield Problem(label, "schema", message, line, cols.get(name, 1), id=ident)


def _clip(text: str, most: int = 80) -> str:
    """An id built from a file's fields, short enough for one line of a report."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _csv_record(rec: dict, filename: str) -> dict:
    return {
        "indicator": rec["indicator"],
        "year": rec["year"],
        "value": rec["value"],
        "unit": rec["unit"],
        "scope": rec.get("scope") or "全市",
        "source": {
            "title": rec.get("source_title") or f"user file {filename}",
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


def _csv_where(rows: list, path: tuple) -> tuple[int, int]:
    # A path into {"actuals": rows}: ("actuals", i, field[, subfield]).
    if len(path) < 2 or not isinstance(path[1], int) or not 0 <= path[1] < len(rows):
        return 1, 1
    line, cols = rows[path[1]]
    name = path[2] if len(path) > 2 else None
    if name == "source":
        name = f"source_{path[3]}" if len(path) > 3 else "source_title"
    return line, cols.get(name, 1)


def check(data_dir: Path, actuals_file: Path | None = None):
    """Read, load and validate everything; return (plan, problems with locations).

    With problems, the plan holds what could be read (for counting, not for answers): a file
    that did not load is empty in it, and its meta may be None.
    """
    return check_sources(read_plan(data_dir, actuals_file))


def check_sources(sources: Sources):
    """`check` of files already read (loading.sources.read_plan)."""
    from plancli.loading.validate import validate
    from plancli.model import models, translation
    from plancli.model.plan import Plan

    r = _Reader(sources.root)
    files = sources.files
    meta = r.model(files["plan.yaml"], models.PlanFile, required=True)
    chapters = r.model(files["chapters.yaml"], models.ChaptersFile, required=True)
    targets = r.model(files["targets.yaml"], models.TargetsFile, required=True)
    actuals = r.model(files["actuals.yaml"], models.ActualsFile, required=False)
    exclusions = r.model(files["exclusions.yaml"], models.ExclusionsFile, required=False)
    outline = r.outline(files["outline.txt"])
    glossary = r.model(files["glossary.yaml"], translation.GlossaryFile, required=False)
    english = r.model(files["outline.en.yaml"], translation.EnglishFile, required=False)
    user = r.user_actuals(sources.actuals) if sources.actuals is not None else []
    plan = Plan(
        root=sources.root,
        meta=meta,
        chapters_file=chapters or models.ChaptersFile(chapters=[]),
        indicators=targets.indicators if targets else [],
        actuals=actuals.actuals if actuals else [],
        exclusions=exclusions.exclusions if exclusions else [],
        outline=outline,
        user_actuals=user,
        user_actuals_file=r.user_label,
        glossary=glossary.terms if glossary else _absent(r, files["glossary.yaml"]),
        english=english.paragraphs if english else _absent(r, files["outline.en.yaml"]),
    )
    r.problems.extend(r.cross_checked(validate(plan, r.gaps())))
    problems = r.finish()
    plan.warnings = [p for p in problems if not p.is_error]
    return plan, problems


def _absent(r: _Reader, source: Source) -> list | None:
    """An optional file that did not load: None when it is not there, [] when it is there but
    unreadable (its problems are reported; the rules see it in the gaps)."""
    return [] if source.label in r.unread or not source.missing else None


def load(data_dir: Path, actuals_file: Path | None = None):
    """The validated plan; DataError if the data has errors (warnings do not stop it)."""
    plan, problems = check(data_dir, actuals_file)
    if any(p.is_error for p in problems):
        raise DataError(problems)
    return plan
