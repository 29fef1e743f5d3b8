"""Loading a plan directory: read each file safely, validate it, and check the whole.

`read_plan()` returns the plan with every problem in every file; `load_plan()` returns a Plan or
raises DataError. Both read each file once (loading.sources); `plan_from()` validates files
already read, the very bytes the cache's key was made of. A file with schema errors is salvaged
record by record, so the rest of it is still cross-checked. Line numbers are found (by composing
a file's text again) only for files that have problems: a valid plan never pays for them.

This module is the boundary behind which YAML parsing and pydantic validation live: a query on a
cached plan never imports it (plancli.loading.cache imports it on a miss).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plancli.loading.actuals_csv import RowPlaces, csv_where, read_csv_actuals
from plancli.loading.files import PLAN_FILES, model_class
from plancli.loading.rulebook import BlindSpots
from plancli.loading.schema_errors import record_at, salvage, schema_problems, unmap
from plancli.loading.sources import Source, Sources, actuals_format, read_sources
from plancli.loading.validate import validate
from plancli.loading.yamlread import YamlProblem, compose, decode, node_at, parse_yaml
from plancli.model import models
from plancli.model.limits import MAX_ACTUALS, MAX_EXCLUSIONS
from plancli.model.msg import msg
from plancli.model.outline import Outline
from plancli.model.plan import Plan
from plancli.model.problems import DataError, Problem, UsageError

# The longest list a file of each kind may hold (its records), checked as the file is read.
LIST_LIMITS = {"ActualsFile": MAX_ACTUALS, "ExclusionsFile": MAX_EXCLUSIONS}


@dataclass
class _Source:
    """One file as read: what salvaging and locating its problems need."""

    label: str
    text: str | None = None  # YAML text, composed again only if the file has problems
    raw: Any = None  # the data as parsed, before validation
    kept: dict = field(default_factory=dict)  # salvage: list path -> original positions kept
    rows: RowPlaces | None = None  # CSV: (line, {column: col}) of each row given to validation


class _Reader:
    """Reads and validates the files of one plan directory, collecting problems."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.sources: dict[str, _Source] = {}
        self.unread: set[str] = set()
        self.dropped: dict[str, frozenset[str]] = {}
        self.user_label: str | None = None
        self.skipped = 0  # rows of a CSV --actuals file with no value yet

    def model(self, source: Source, model_cls: Any, *, required: bool) -> Any:
        name = source.label
        src = self.sources[name] = _Source(name)
        if source.missing:
            if required:
                self.unread.add(name)
                self.problems.append(Problem(name, "missing-file", msg("missing_file", file=name)))
            return None
        data = None
        if source.problem is not None:
            problems = [_unread(source)]
        else:
            limit = LIST_LIMITS.get(model_cls.__name__)
            data, src.text, problems = parse_yaml(source.raw or b"", name, limit)
        # Duplicate keys come with the data (the first value of each): the rest is checked.
        self.problems.extend(problems)
        if data is None:
            self.unread.add(name)
            return None
        src.raw = data
        return self.validated(src, model_cls, data)

    def validated(self, src: _Source, model_cls: Any, data: Any) -> Any:
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

    def outline(self, source: Source) -> Outline:
        name = source.label
        self.sources[name] = _Source(name)  # (for the order of the report)
        if source.missing:
            self.unread.add(name)
            self.problems.append(Problem(name, "missing-file", msg("missing_file", file=name)))
            return Outline("")
        text = ""
        if source.problem is not None:
            self.problems.append(_unread(source))
        else:
            try:
                text = decode(source.raw or b"")
            except YamlProblem as exc:
                self.problems.append(Problem(name, exc.rule, exc.msg, exc.line, exc.column))
        if not text.strip():
            self.unread.add(name)
            if not any(p.file == name for p in self.problems):
                self.problems.append(Problem(name, "empty-file", msg("empty_file"), 1, 1))
        return Outline(text)

    def user_actuals(self, source: Source) -> list:
        """A user's --actuals file: YAML in the actuals.yaml schema, or CSV with the columns
        indicator,year,value,unit,scope,source_title,source_url,source_quote."""
        path = source.path
        if source.missing or not source.regular:
            raise UsageError("actuals_not_found", path=str(path))
        # Named as given, but never like a file of the plan (`--actuals actuals.yaml`).
        label = self.user_label = source.label
        if actuals_format(path) != "csv":
            parsed = self.model(source, models.ActualsFile, required=True)
            return parsed.actuals if parsed else []
        src = self.sources[label] = _Source(label)
        if source.problem is not None:
            rows: list[dict] = []
            src.rows, problems = [], [_unread(source)]
        else:
            rows, src.rows, problems, self.skipped = read_csv_actuals(
                source.raw or b"", path.name, label
            )
        self.problems.extend(problems)
        src.raw = {"actuals": rows}
        parsed = self.validated(src, models.ActualsFile, src.raw)
        return parsed.actuals if parsed else []

    def blind_spots(self) -> BlindSpots:
        return BlindSpots(
            unread=frozenset(self.unread),
            dropped=dict(self.dropped),
            shifted=frozenset(n for n, s in self.sources.items() if s.kept),
        )

    def cross_checked(self, problems: list[Problem]) -> list[Problem]:
        """Problems of the cross-file rules, whose paths are into salvaged data: map them back
        to the files as written."""
        for p in problems:
            src = self.sources.get(p.file)
            if src is not None and src.kept:
                p.path, p.related = unmap(p.path, src.kept), unmap(p.related, src.kept)
        return problems

    def finish(self) -> list[Problem]:
        """Every problem with a line and column (composing only files that have problems),
        in file order, then line order."""
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
                    p.first_line = self._where(src, root, p.related)[0]
        for p in self.problems:
            p.line, p.column = p.line or 1, p.column or 1
        return sorted(
            self.problems, key=lambda p: (order.get(p.file, len(order)), p.line or 1, p.column or 1)
        )

    @staticmethod
    def _where(src: _Source, root: Any, path: tuple, key: bool = False) -> tuple[int, int]:
        if src.rows is None:
            return node_at(root, path, key=key)
        return csv_where(src.rows, path)


def read_plan(data_dir: Path, actuals_file: Path | None = None) -> tuple[Plan, list[Problem]]:
    """Read, load and validate everything; return (plan, problems with locations).

    With problems, the plan holds what could be read (for counting, not for answers): a file
    that did not load is empty in it, and its meta may be None.
    """
    return plan_from(read_sources(data_dir, actuals_file))


def plan_from(sources: Sources) -> tuple[Plan, list[Problem]]:
    """`read_plan` of files already read (loading.sources.read_sources)."""
    data_dir = sources.root
    r = _Reader(data_dir)
    read: dict[str, Any] = {}
    for spec in PLAN_FILES:
        source = sources.files[spec.name]
        if spec.model is None:
            read[spec.name] = r.outline(source)
        else:
            read[spec.name] = r.model(source, model_class(spec), required=spec.required)
    user = r.user_actuals(sources.actuals) if sources.actuals is not None else []
    chapters, targets = read["chapters.yaml"], read["targets.yaml"]
    actuals, exclusions = read["actuals.yaml"], read["exclusions.yaml"]
    glossary, english = read["glossary.yaml"], read["outline.en.yaml"]
    plan = Plan(
        root=data_dir,
        meta=read["plan.yaml"],
        chapters_file=chapters or models.ChaptersFile(chapters=[]),
        indicators=targets.indicators if targets else [],
        actuals=actuals.actuals if actuals else [],
        exclusions=exclusions.exclusions if exclusions else [],
        outline=read["outline.txt"],
        user_actuals=user,
        user_actuals_file=r.user_label,
        user_actuals_skipped=r.skipped,
        glossary=glossary.terms if glossary else _absent(r, sources.files["glossary.yaml"]),
        english=english.paragraphs if english else _absent(r, sources.files["outline.en.yaml"]),
    )
    r.problems.extend(r.cross_checked(validate(plan, r.blind_spots())))
    problems = r.finish()
    plan.warnings = [p for p in problems if not p.is_error]
    return plan, problems


def _absent(r: _Reader, source: Source) -> list | None:
    """An optional file that did not load: None when it is not there, [] when it is there but
    unreadable (its problems are reported; the rules see it in the blind spots)."""
    return [] if source.label in r.unread or not source.missing else None


def _unread(source: Source) -> Problem:
    """A file that is there but was not read (not a regular file, too big): why, at line 1."""
    rule, why = source.problem or ("file", msg("cannot_read", reason="?"))
    return Problem(source.label, rule, why, 1, 1)


def load_plan(data_dir: Path, actuals_file: Path | None = None) -> Plan:
    """The validated plan; DataError if the data has errors (warnings do not stop it)."""
    plan, problems = read_plan(data_dir, actuals_file)
    if any(p.is_error for p in problems):
        raise DataError(problems)
    return plan
