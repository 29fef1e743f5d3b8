"""What the global options chose, read once per run and kept on the context (`ctx.obj`), and
the plan they point at (loaded once, on first use)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from plancli.loading.files import resolve_data_dir
from plancli.model.sanitise import for_terminal
from plancli.report.catalogue import text

if TYPE_CHECKING:  # the data model imports pydantic, which --help and --version do without
    from plancli.model.plan import Plan


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Settings:
    def __init__(
        self,
        data: Path | None = None,
        lang: str = "zh",
        actuals: Path | None = None,
        use_cache: bool = True,
    ):
        self.data, self.lang, self.actuals, self.use_cache = data, lang, actuals, use_cache
        self._plan: Plan | None = None

    def data_dir(self) -> Path:
        return resolve_data_dir(self.data)

    def plan(self, *, with_actuals: bool = True) -> Plan:
        """The plan of --data, validated, with --actuals for a command that uses actual values
        (one that does not, such as `chapters`, neither reads nor fails on that file); raises
        DataError if it has problems."""
        if self._plan is None:
            from plancli.loading import cache  # hashing and unpickling: not for --help

            cache.use(self.use_cache)
            actuals = self.actuals if with_actuals else None
            self._plan = cache.load_plan(self.data_dir(), actuals)
            say_skipped(self._plan, self.lang)
        return self._plan

    def check_command(self) -> str:
        """The command that lists every problem of the data this run read."""
        import shlex

        words = ["plancli"]
        if self.data is not None:
            words += ["--data", shlex.quote(str(self.data))]
        if self.actuals is not None:
            words += ["--actuals", shlex.quote(str(self.actuals))]
        return " ".join([*words, "check"])


def say_skipped(plan: Plan, lang: str) -> None:
    """One line on stderr for the rows of a CSV --actuals file skipped because their value is
    still empty (a fill-in sheet partly filled), so that machine output stays clean."""
    if plan.user_actuals_skipped:
        said = text(
            "actuals_skipped", lang, file=plan.user_actuals_file, n=plan.user_actuals_skipped
        )
        typer.echo(for_terminal(said, prose=False), err=True)


def settings(ctx: typer.Context) -> Settings:
    """The global options of this run (the defaults where the app's callback did not run)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj
