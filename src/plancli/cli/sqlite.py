"""`plancli sqlite FILE`: the plan as one SQLite database, for Datasette and any SQL tool."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import YearOption
from plancli.cli.publishing import ForceOption, say
from plancli.cli.settings import settings


@app.command(short_help="Write the plan as one SQLite database, for Datasette and SQL.")
def sqlite(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The database file to write.", show_default=False),
    ],
    year: YearOption = None,
    force: ForceOption = False,
) -> None:
    """Write the plan as a SQLite database: indicators, targets (with the paragraphs stating
    them and their status for --year), baselines, actuals with their sources, chapters,
    sections, tasks in both languages (full-text searchable) and exclusions. An existing FILE
    is replaced only if plancli wrote it, unless --force."""
    from plancli.cli.checks import resolve_year
    from plancli.loading.safewrite import write_data
    from plancli.report.catalogue import text
    from plancli.report.database import TABLES, database
    from plancli.results.publication import publication

    opts = settings(ctx)
    plan = opts.plan()
    when, defaulted = resolve_year(plan, year)
    pub = publication(plan, when, defaulted)
    written = write_data(file, database(pub), force=force)
    said = text(
        "sqlite_written",
        opts.lang,
        path=str(written),
        tables=len(TABLES),
        targets=len(pub.targets.targets),
        year=when,
    )
    say(said)
