"""The options several commands share, each defined once (--format, --bom, --chapter, --section,
--target-year), and the checks of what a user gave them.

A command takes one as a typed parameter: `chapter: ChapterOption = None`. The checks need the
plan, so they run in the command body, after the global options have chosen it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete
from plancli.cli.output import Format
from plancli.model.problems import UsageError

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


def chosen_place(plan, chapter: str | None, section: str | None = None):
    """The chapter and the section that --chapter and --section name (None where not given).

    UsageError for an unknown chapter or section, or a section that is not in the chapter."""
    from plancli.query.lookup import find_chapter, find_section

    ch = find_chapter(plan, chapter.strip()) if chapter is not None else None
    sec = find_section(plan, section) if section is not None else None
    if ch is not None and sec is not None and not sec.id.startswith(f"{ch.id}."):
        raise UsageError(f"section {sec.id} is not in chapter {ch.id}")
    return ch, sec


def check_target_year(plan, year: int | None) -> int | None:
    """The year of --target-year, which must be one of the plan's horizon years."""
    horizon = list(plan.meta.horizon_years)
    if year is not None and year not in horizon:
        expected = " or ".join(str(y) for y in horizon)
        raise UsageError(f"--target-year {year} is not a target year of this plan (use {expected})")
    return year
