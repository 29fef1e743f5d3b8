"""`plancli chart INDICATOR`: the indicator's baseline, actual values and the plan's path to
each target, drawn in the terminal, or as an SVG or PNG file with --output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import IndicatorArg, TargetYearOption
from plancli.cli.publishing import ForceOption, require, say
from plancli.cli.settings import settings

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the chart to FILE instead: .svg (text kept as text) or .png.",
        show_default=False,
    ),
]


@app.command(short_help="An indicator's baseline, actuals, path and targets, drawn.")
def chart(
    ctx: typer.Context,
    indicator: IndicatorArg,
    output: OutputOption = None,
    target_year: TargetYearOption = None,
    force: ForceOption = False,
) -> None:
    """A chart of INDICATOR: its baseline, every actual value (hollow where the source is
    secondary), the plan's path to each target and the targets, year by year; in the terminal,
    as wide as it is, or as an SVG or PNG file (--output) in the language of --lang."""
    from plancli.cli.checks import check_target_year
    from plancli.model.problems import UsageError
    from plancli.query.lookup import find_indicator
    from plancli.results.chart import chart_result

    opts = settings(ctx)
    plan = opts.plan()
    ind, only = find_indicator(plan, indicator)
    targets = [only] if only is not None else list(ind.targets)
    result = chart_result(plan, ind, targets, check_target_year(plan, target_year))
    if output is None:
        from plancli.report.charts import text

        text.render(result, opts.lang, sys.stdout)
        return
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise UsageError("chart_format", path=str(output), suffixes=[".svg", ".png"])
    require("matplotlib", "plancli chart --output")
    from plancli.loading.safewrite import write_data
    from plancli.report.catalogue import text as words
    from plancli.report.charts.draw import Drawer

    data = Drawer().draw(result, fmt, opts.lang)
    written = write_data(output, data, force=force)
    say(words("wrote", opts.lang, path=str(written)))
