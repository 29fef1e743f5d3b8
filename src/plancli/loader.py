"""Loading a plan directory: read each file safely, validate it, and check the whole.

`check()` returns every problem in every file; `load()` returns a Plan or raises DataError.
Line numbers are found (by composing the file again) only for files that have problems.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from plancli.problems import DataError, Problem, UsageError

REQUIRED = ("plan.yaml", "outline.txt", "chapters.yaml", "targets.yaml")
OPTIONAL = ("actuals.yaml", "exclusions.yaml")
_PLAN_FILES = REQUIRED + OPTIONAL
ENV_DATA = "PLANCLI_DATA"
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


def default_data_dir() -> Path:
    """The packaged plan: plancli/data in an installed wheel, else the checkout's data/
    (a source tree or an editable install)."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    return installed if (installed / "plan.yaml").is_file() else here.parents[1] / "data"


def resolve_data_dir(option: str | os.PathLike | None) -> Path:
    chosen = option or os.environ.get(ENV_DATA) or None
    path = Path(chosen) if chosen else default_data_dir()
    if not path.is_dir():
        raise UsageError(f"data directory not found: {path} (expected a folder with plan.yaml)")
    return path


class _Reader:
    """Reads and validates the files of one plan directory, collecting problems."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.texts: dict[str, str] = {}

    def model(self, name: str, model_cls, *, required: bool, label: str | None = None):
        from plancli.yamlread import read_yaml

        path = self.root / name if label is None else Path(name)
        label = label or name
        if not path.exists():
            if required:
                self.problems.append(Problem(label, "missing-file", f"{label} is missing"))
            return None
        data, problem = read_yaml(path, label)
        if problem:
            self.problems.append(problem)
            return None
        return self.validated(label, model_cls, data)

    def validated(self, label: str, model_cls, data: Any):
        from pydantic import ValidationError

        try:
            return model_cls.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        self.problems.extend(_schema_problem(label, e) for e in errors)
        return _salvage(model_cls, data, errors)


def _schema_problem(label: str, err: dict) -> Problem:
    loc = tuple(err["loc"])
    where = ".".join(str(p) for p in loc) or "top level"
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        msg = f"unknown field {loc[-1]!r}"
    elif err["type"] == "missing":
        msg = f"missing field {loc[-1]!r}"
    elif err["type"] == "model_type":
        msg = f"expected a mapping, got {type(err['input']).__name__}"
    return Problem(label, "schema", f"{where}: {msg}", path=loc)


def _salvage(model_cls, data: Any, errors: list[dict]):
    """Drop the list items that failed, so the rest can still be cross-checked."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        return None
    bad = {
        (e["loc"][0], e["loc"][1])
        for e in errors
        if len(e["loc"]) >= 2 and isinstance(e["loc"][1], int)
    }
    cleaned = {
        k: [x for i, x in enumerate(v) if (k, i) not in bad] if isinstance(v, list) else v
        for k, v in data.items()
    }
    try:
        return model_cls.model_validate(cleaned)
    except ValidationError:
        return None


def read_user_actuals(path: Path) -> tuple[list, list[Problem]]:
    """A user's --actuals file: YAML in the actuals.yaml schema, or CSV with the columns
    indicator,year,value,unit,scope,source_title,source_url,source_quote."""
    from plancli.models import ActualsFile

    label = str(path)
    if not path.is_file():
        raise UsageError(f"--actuals file not found: {path}")
    reader = _Reader(path.parent)
    if path.suffix.lower() == ".csv":
        rows, problems = _csv_actuals(path)
        if problems:
            return [], problems
        parsed = reader.validated(label, ActualsFile, {"actuals": rows})
    else:
        parsed = reader.model(str(path), ActualsFile, required=True, label=label)
    reader.problems = [_locate_csv(p) if label.endswith(".csv") else p for p in reader.problems]
    return (parsed.actuals if parsed else []), reader.problems


def _csv_actuals(path: Path) -> tuple[list[dict], list[Problem]]:
    label = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(label, "encoding", "not UTF-8")]
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        return [], [Problem(label, "empty-file", "no rows")]
    missing = [c for c in ("indicator", "year", "value", "unit") if c not in rows[0]]
    if missing:
        return [], [
            Problem(
                label,
                "csv-columns",
                f"missing columns: {', '.join(missing)} (expected {','.join(ACTUALS_COLUMNS)})",
                1,
                1,
            )
        ]
    out, problems = [], []
    for n, row in enumerate(rows, start=2):
        try:
            item = {
                "indicator": row["indicator"].strip(),
                "year": int(row["year"]),
                "value": float(row["value"]),
                "unit": row["unit"].strip(),
                "scope": (row.get("scope") or "").strip() or "全市",
                "source": {
                    "title": (row.get("source_title") or "").strip() or f"user file {path.name}",
                    "url": (row.get("source_url") or "").strip() or None,
                    "quote": (row.get("source_quote") or "").strip() or None,
                    "primary": False,
                },
            }
        except (TypeError, ValueError) as exc:
            problems.append(Problem(label, "csv-value", f"row {n}: {exc}", n, 1))
            continue
        out.append(item)
    return out, problems


def _locate_csv(p: Problem) -> Problem:
    # Row i of the actuals list is line i + 2 of the CSV (after the header).
    if len(p.path) >= 2 and isinstance(p.path[1], int):
        p.line, p.column = p.path[1] + 2, 1
    return p


def check(data_dir: Path, actuals_file: Path | None = None):
    """Load and validate everything; return (plan or None, problems with locations)."""
    from plancli import models
    from plancli.outline import Outline
    from plancli.plan import Plan
    from plancli.validate import validate

    r = _Reader(data_dir)
    meta = r.model("plan.yaml", models.PlanFile, required=True)
    chapters = r.model("chapters.yaml", models.ChaptersFile, required=True)
    targets = r.model("targets.yaml", models.TargetsFile, required=True)
    actuals = r.model("actuals.yaml", models.ActualsFile, required=False)
    exclusions = r.model("exclusions.yaml", models.ExclusionsFile, required=False)
    outline_path = data_dir / "outline.txt"
    if not outline_path.exists():
        r.problems.append(Problem("outline.txt", "missing-file", "outline.txt is missing"))
        outline = None
    else:
        try:
            outline = Outline(outline_path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            r.problems.append(Problem("outline.txt", "encoding", "outline.txt is not UTF-8"))
            outline = None
    user: list = []
    if actuals_file is not None:
        user, user_problems = read_user_actuals(Path(actuals_file))
        r.problems.extend(user_problems)
    if None in (meta, chapters, targets, outline):
        return None, locate(data_dir, r.problems)
    plan = Plan(
        root=data_dir,
        meta=meta,
        chapters_file=chapters,
        indicators=targets.indicators,
        actuals=actuals.actuals if actuals else [],
        exclusions=exclusions.exclusions if exclusions else [],
        outline=outline,
        user_actuals=user,
        user_actuals_file=str(actuals_file) if actuals_file is not None else None,
    )
    r.problems.extend(validate(plan))
    return plan, locate(data_dir, r.problems)


def load(data_dir: Path, actuals_file: Path | None = None):
    plan, problems = check(data_dir, actuals_file)
    if problems or plan is None:
        raise DataError(problems)
    return plan


def locate(data_dir: Path, problems: list[Problem]) -> list[Problem]:
    """Give each problem that has a document path the line and column of that node."""
    from plancli.yamlread import compose, node_at

    pending = [p for p in problems if p.line is None and p.path]
    for name in {p.file for p in pending}:
        path = data_dir / name if name in _PLAN_FILES else Path(name)
        if not path.is_file() or path.suffix.lower() == ".csv":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        root = compose(text)
        for p in pending:
            if p.file == name:
                p.line, p.column = node_at(root, p.path)
    return problems
