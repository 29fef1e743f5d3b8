"""Where a plan's files are: the packaged plan, or the directory of --data or PLANCLI_DATA."""

from __future__ import annotations

import os
from pathlib import Path

from plancli.model.problems import UsageError

# The files a plan is read from; the last four are optional (the last two make the English
# edition: docs/english.md).
PLAN_FILES = (
    "plan.yaml",
    "outline.txt",
    "chapters.yaml",
    "targets.yaml",
    "actuals.yaml",
    "exclusions.yaml",
    "glossary.yaml",
    "outline.en.yaml",
)
ENV_DATA = "PLANCLI_DATA"


def default_data_dir() -> Path:
    """The packaged plan: plancli/data in an installed wheel, else the checkout's data/
    (a source tree or an editable install)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "data"
    return installed if (installed / "plan.yaml").is_file() else package.parents[1] / "data"


def resolve_data_dir(option: str | os.PathLike | None) -> Path:
    chosen = option or os.environ.get(ENV_DATA) or None
    path = Path(chosen) if chosen else default_data_dir()
    if not path.is_dir():
        raise UsageError(f"data directory not found: {path} (expected a folder with plan.yaml)")
    return path
