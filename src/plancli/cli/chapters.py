"""`plancli chapters` (the table of contents) and `plancli chapter N` (one chapter's summary)."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete
from plancli.cli.app import app
from plancli.cli.options import BomOption, Format, FormatOption, SectionOption, TargetYearOption
from plancli.cli.output import emit
from plancli.cli.settings import settings


@app.command(short_help="The table of contents: chapters, sections, tasks and targets.")
def chapters(ctx: typer.Context, fmt: FormatOption = Format.table, bom: BomOption = False) -> None:
    """The table of contents: each chapter with its sections, tasks and quantified targets."""
    from plancli.results.reading import chapters_result

    emit(ctx, chapters_result(settings(ctx).plan(with_actuals=False)), fmt, bom=bom)


@app.command(short_help="One chapter: its sections, their tasks, and its targets.")
def chapter(
    ctx: typer.Context,
    number: Annotated[
        str,
        typer.Argument(
            metavar="N", help="Chapter number, e.g. 2.", autocompletion=complete.chapters
        ),
    ],
    section: SectionOption = None,
    target_year: TargetYearOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """One chapter: its sections, each with its tasks, and a table of its targets."""
    from plancli.cli.checks import check_target_year, chosen_place
    from plancli.results.reading import chapter_result

    plan = settings(ctx).plan(with_actuals=False)
    ch, sec = chosen_place(plan, number, section)
    assert ch is not None  # a chapter number was given
    emit(ctx, chapter_result(plan, ch, sec, check_target_year(plan, target_year)), fmt, bom=bom)
