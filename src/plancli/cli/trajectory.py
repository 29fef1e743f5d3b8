"""`plancli trajectory`: the year-by-year path the plan implies from its baseline to each target,
drawn in the terminal, with the actual values known for those years placed against it."""

from __future__ import annotations

import typer

from plancli.cli.app import app
from plancli.cli.options import BomOption, Format, FormatOption, IndicatorArg, ScopeOption
from plancli.cli.output import emit
from plancli.cli.settings import settings


@app.command(short_help="The plan's year-by-year path to each target, with the actuals known.")
def trajectory(
    ctx: typer.Context,
    indicator: IndicatorArg,
    scope: ScopeOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """The path from the baseline to each target of INDICATOR that the plan implies, year by
    year (compound for levels, linear for shares and totals), with known actuals beside it."""
    from plancli.query.lookup import find_indicator, find_scope
    from plancli.results.trajectory import trajectory_result

    plan = settings(ctx).plan()
    ind, target = find_indicator(plan, indicator)
    area = find_scope(plan, scope) if scope is not None else None
    targets = [target] if target is not None else list(ind.targets)
    emit(ctx, trajectory_result(plan, ind, targets, area), fmt, bom=bom)
