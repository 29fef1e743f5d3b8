"""`plancli growth`: the annual growth each target needs, from an actual and from the plan's own
baseline, beside any growth rate the plan states for the indicator."""

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


@app.command(short_help="The annual growth each target of an indicator needs.")
def growth(
    ctx: typer.Context,
    indicator: IndicatorArg,
    actual: ActualOption = None,
    year: YearOption = None,
    scope: ScopeOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """The annual growth each target of INDICATOR needs: from the plan's own baseline, and
    from the actual value (the latest known up to --year, or --actual).

    Shares move in percentage points a year, totals over the period by the remainder a year.
    """
    from plancli.cli.asking import asked
    from plancli.results.growth import growth_result

    plan, question = asked(ctx, indicator, actual, year, scope)
    emit(ctx, growth_result(plan, question), fmt, bom=bom)
