"""`plancli tasks` (the list of tasks) and `plancli task ID` (one task in full)."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete
from plancli.cli.app import app
from plancli.cli.options import BomOption, ChapterOption, Format, FormatOption, SectionOption
from plancli.cli.output import emit
from plancli.cli.settings import settings


@app.command(short_help="The tasks (paragraphs) of the plan, or of a chapter or section.")
def tasks(
    ctx: typer.Context,
    chapter: ChapterOption = None,
    section: SectionOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """The tasks (paragraphs) of the plan, with how many quantified targets each states."""
    from plancli.cli.checks import chosen_place
    from plancli.results.reading import tasks_result

    plan = settings(ctx).plan(with_actuals=False)
    ch, sec = chosen_place(plan, chapter, section)
    emit(ctx, tasks_result(plan, ch, sec), fmt, bom=bom)


@app.command(short_help="One task in full: its place, its paragraph and its targets.")
def task(
    ctx: typer.Context,
    task_id: Annotated[
        str,
        typer.Argument(metavar="TASK", help="Task id, e.g. 2.1.3.", autocompletion=complete.tasks),
    ],
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """One task in full: its place in the plan, its paragraph of the outline, its targets."""
    from plancli.query.lookup import find_task
    from plancli.results.reading import task_result

    plan = settings(ctx).plan(with_actuals=False)
    emit(ctx, task_result(plan, find_task(plan, task_id.strip())), fmt, bom=bom)
