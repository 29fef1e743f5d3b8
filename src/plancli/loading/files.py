"""The files of a plan directory, listed once, and where that directory is: the packaged plan,
or the directory of --data or PLANCLI_DATA.

Everything that names a plan file reads it from here: the loader (what to read and whether it
must exist), the schema export, the cache key, `check`'s display of paths and `schema`'s names.
The data model's classes are named by string ("module.Class" in plancli.model), so that
listing the files costs no pydantic import (the cache key is computed before the plan is read).
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import Any

from plancli.model.problems import UsageError
from plancli.model.record import Record


class PlanFileSpec(Record):
    name: str  # the file in the plan directory
    schema: str | None  # its JSON Schema's name (plancli schema NAME); None for plain text
    model: str | None  # its class in plancli.model: "models.PlanFile"
    required: bool


# In the order the loader reads them and `check` reports their problems. The last two make
# the English edition (docs/english.md).
PLAN_FILES: tuple[PlanFileSpec, ...] = (
    PlanFileSpec("plan.yaml", "plan", "models.PlanFile", True),
    PlanFileSpec("chapters.yaml", "chapters", "models.ChaptersFile", True),
    PlanFileSpec("targets.yaml", "targets", "models.TargetsFile", True),
    PlanFileSpec("actuals.yaml", "actuals", "models.ActualsFile", False),
    PlanFileSpec("exclusions.yaml", "exclusions", "models.ExclusionsFile", False),
    PlanFileSpec("outline.txt", None, None, True),
    PlanFileSpec("glossary.yaml", "glossary", "translation.GlossaryFile", False),
    PlanFileSpec("outline.en.yaml", "outline.en", "translation.EnglishFile", False),
)
FILE_NAMES: tuple[str, ...] = tuple(f.name for f in PLAN_FILES)
SCHEMAS: dict[str, PlanFileSpec] = {f.schema: f for f in PLAN_FILES if f.schema}


def model_class(spec: PlanFileSpec) -> Any:
    """The data model class of a file (importing it: pydantic, so only where a file is read)."""
    module, name = str(spec.model).rsplit(".", 1)
    return getattr(import_module(f"plancli.model.{module}"), name)


ENV_DATA = "PLANCLI_DATA"


def default_data_dir() -> Path:
    """The packaged plan: plancli/data in an installed wheel, else the checkout's data/
    (a source tree or an editable install)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "data"
    return installed if (installed / "plan.yaml").is_file() else package.parents[1] / "data"


def resolve_data_dir(option: str | os.PathLike[str] | None) -> Path:
    chosen = option or os.environ.get(ENV_DATA) or None
    path = Path(chosen) if chosen else default_data_dir()
    if not path.is_dir():
        is_file = path.exists()
        raise UsageError("data_dir_is_file" if is_file else "data_dir_not_found", path=str(path))
    return path
