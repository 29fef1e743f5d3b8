"""`plancli show INDICATOR`: one indicator with every target, baseline, quote and actual."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete
from plancli.cli.app import app
from plancli.cli.options import BomOption, Format, FormatOption
from plancli.cli.output import emit
from plancli.cli.settings import settings


@app.command(short_help="One indicator: its targets, baselines, quotes and actuals.")
def show(
    ctx: typer.Context,
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR",
            help="Indicator id, Chinese or English name, alias, or a target id (gdp@2025).",
            autocompletion=complete.indicators,
        ),
    ],
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """One indicator: its targets, its baselines, the quotes they come from, known actuals."""
    from plancli.query.lookup import find_indicator
    from plancli.results.targets import indicator_result

    plan = settings(ctx).plan()
    ind, only = find_indicator(plan, indicator)
    emit(ctx, indicator_result(plan, ind, only), fmt, bom=bom)
