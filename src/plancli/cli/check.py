"""`plancli check`: validate every file of the plan directory and report all problems at once.

Formats (docs/checking.md): text `FILE:LINE:COL: [error] message (rule)` (or [warning]) and a
summary line; json `{"summary": …, "problems": […]}`; github workflow commands (`::error file=…`,
`::warning …`). Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.settings import say_skipped, settings


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command(short_help="Validate the plan data and report every problem.")
def check(
    ctx: typer.Context,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: FILE:LINE:COL lines and a summary; json; github: Actions annotations.",
        ),
    ] = CheckFormat.text,
    no_warnings: Annotated[
        bool,
        typer.Option(
            "--no-warnings",
            help="Report errors only: no warnings (such as paragraphs not yet translated) in "
            "the listing or the summary.",
        ),
    ] = False,
) -> None:
    """Validate the plan data: every problem in every file, with file, line and column.

    Exit codes: 0 valid (warnings allowed), 1 errors found (a file that does not parse is one),
    2 usage error.
    """
    from plancli import process
    from plancli.loading import cache
    from plancli.report.check import CHECK_REPORTER_BY_NAME
    from plancli.results.check import check_result

    options = settings(ctx)
    root = options.data_dir()
    cache.use(options.use_cache)
    plan, problems = cache.read_plan(root, options.actuals)
    say_skipped(plan, options.lang)
    failed = any(p.is_error for p in problems)
    # The verdict stands even if the reader stops reading early (`plancli check | head`).
    process.set_verdict(1 if failed else 0)
    result = check_result(root, plan, problems, warnings=not no_warnings)
    CHECK_REPORTER_BY_NAME[str(fmt)](sys.stdout, options.lang, sys.stderr).report(result)
    if failed:
        raise typer.Exit(1)
