"""`plancli gap`: how far an indicator is from each of its targets, and what is still needed."""

from __future__ import annotations

import typer

from plancli.cli.app import app
from plancli.cli.options import (
    ActualOption,
    BomOption,
    Format,
    FormatOption,
    IndicatorArg,
    ScopeOption,
    YearOption,
)
from plancli.cli.output import emit


@app.command(short_help="How far each target of an indicator is, and what it still needs.")
def gap(
    ctx: typer.Context,
    indicator: IndicatorArg,
    actual: ActualOption = None,
    year: YearOption = None,
    scope: ScopeOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """How far each target of INDICATOR is: met or not, the gap, the years left, the annual
    growth and change still needed, and a status.

    Without --actual, the latest shipped (or --actuals) value up to --year is used.
    """
    from plancli.cli.asking import asked
    from plancli.results.judgement import gap_result

    plan, question = asked(ctx, indicator, actual, year, scope)
    emit(ctx, gap_result(plan, question), fmt, bom=bom)
