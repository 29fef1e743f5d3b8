"""`plancli actuals`: the actual values known (shipped and --actuals), each with its year,
scope and source; with --missing, a fill-in sheet of those the targets still need for a year,
in exactly the CSV layout --actuals reads."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import BomOption, Format, FormatOption, YearOption
from plancli.cli.output import emit
from plancli.cli.settings import settings


@app.command(short_help="List the actual values known, or those still missing for a year.")
def actuals(
    ctx: typer.Context,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator",
            "-i",
            metavar="INDICATOR",
            help="Only this indicator's (an id, a target id, or a Chinese or English name).",
            show_default=False,
        ),
    ] = None,
    year: YearOption = None,
    primary: Annotated[
        bool,
        typer.Option("--primary", help="Only those from a government (primary) source."),
    ] = False,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing",
            help="Instead, those the targets need for --year (default: the latest complete "
            "year) and have not: with --format csv, a sheet to fill in and give to --actuals.",
        ),
    ] = False,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """The actual values plancli knows, shipped and your own (--actuals): year, value, unit,
    scope and source, marked primary where the source is a government's.

    With --missing: one row per indicator and scope that a target needs and that has no
    actual for --year; `--format csv --bom` makes it a sheet that opens in Excel, in the
    columns --actuals reads, its value and source left to fill in. Rows still empty are
    skipped when the sheet is read.
    """
    from plancli.cli.checks import resolve_year
    from plancli.model.problems import UsageError
    from plancli.query.lookup import find_indicator
    from plancli.results.actuals import ActualsFilter, actuals_result, missing_result

    plan = settings(ctx).plan()
    ind = find_indicator(plan, indicator)[0] if indicator is not None else None
    if missing:
        if primary:
            raise UsageError("missing_and_primary")
        when, defaulted = resolve_year(plan, year)
        emit(ctx, missing_result(plan, when, defaulted, ind), fmt, bom=bom)
        return
    only_year = resolve_year(plan, year)[0] if year is not None else None
    flt = ActualsFilter(ind.id if ind else None, only_year, primary)
    emit(ctx, actuals_result(plan, flt), fmt, bom=bom)
