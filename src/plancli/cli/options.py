"""The options several commands share, each defined once (--format, --bom, --chapter, --section,
--target-year, --year, --actual, --scope, INDICATOR).

A command takes one as a typed parameter: `chapter: ChapterOption = None`. What a user gave is
checked against the plan in the command's body (plancli.cli.checks), once the global options
have chosen the plan. Light on purpose: `plancli --help` imports every command module.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from plancli.cli import complete


class Format(StrEnum):
    """The output formats; each is a reporter of plancli.report.reporters."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format: a table to read, or json/csv/markdown."),
]
BomOption = Annotated[
    bool,
    typer.Option("--bom", help="Start CSV output with a UTF-8 byte-order mark (for Excel)."),
]
ChapterOption = Annotated[
    str | None,
    typer.Option(
        "--chapter",
        "-c",
        metavar="N",
        help="Only chapter N.",
        autocompletion=complete.chapters,
        show_default=False,
    ),
]
SectionOption = Annotated[
    str | None,
    typer.Option(
        "--section", "-s", help="Only this section, e.g. 2.1.", autocompletion=complete.sections
    ),
]
TargetYearOption = Annotated[
    int | None,
    typer.Option(
        "--target-year", help="Only targets due in this year (2025 or 2035).", show_default=False
    ),
]
IndicatorArg = Annotated[
    str,
    typer.Argument(
        metavar="INDICATOR",
        help="An indicator id (gdp), a target id (gdp@2025), or a Chinese or English name "
        "or alias.",
        autocompletion=complete.indicators,
        show_default=False,
    ),
]
ActualOption = Annotated[
    str | None,
    typer.Option(
        "--actual",
        metavar="VALUE",
        help="The actual value: 8000, 8000亿, 0.8万亿, 80% (converted to the indicator's unit). "
        "Default: the latest shipped or --actuals value up to --year.",
        show_default=False,
    ),
]
YearOption = Annotated[
    str | None,
    typer.Option(
        "--year",
        metavar="YEAR",
        help="The year the actual value belongs to. Default: the latest complete calendar year.",
        show_default=False,
    ),
]
ScopeOption = Annotated[
    str | None,
    typer.Option(
        "--scope",
        metavar="AREA",
        help="Only the targets for this area (全市, 市区, 温州东部新区 …); --actual is for it. "
        "Default: all targets, and --actual for the area they share, else 全市.",
        autocompletion=complete.scopes,
        show_default=False,
    ),
]
