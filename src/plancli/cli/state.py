"""What the global options chose, and the plan they point at (loaded once per run)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import NamedTuple


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Settings(NamedTuple):
    data: Path | None = None
    lang: Lang = Lang.zh
    actuals: Path | None = None


settings = Settings()
_plan = None


def configure(*, data: Path | None, lang: Lang, actuals: Path | None) -> None:
    global settings, _plan
    settings = Settings(data=data, lang=lang, actuals=actuals)
    _plan = None


def data_dir() -> Path:
    from plancli.loading.datadir import resolve_data_dir

    return resolve_data_dir(settings.data)


def plan():
    """The plan of --data (with --actuals), validated; raises DataError if it has problems."""
    global _plan
    if _plan is None:
        from plancli.loading.cache import load

        _plan = load(data_dir(), settings.actuals)
    return _plan
