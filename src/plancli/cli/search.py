"""`plancli search TEXT`: where the plan speaks of something, with each match highlighted."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import BomOption, ChapterOption, Format, FormatOption
from plancli.cli.output import emit
from plancli.cli.settings import settings


@app.command(short_help="Find text in names, titles and the whole outline.")
def search(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="What to look for (Chinese or English).")
    ],
    chapter: ChapterOption = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="At most this many matches.", show_default=False),
    ] = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """Find TEXT in indicator names, aliases, titles and the full text of the outline.

    A substring match: Latin letters in any case, full-width forms (ＧＤＰ, ，) as their
    ordinary ones. Each match is shown with where it lives (chapter, section, task).
    """
    from plancli.cli.checks import chosen_place
    from plancli.model.problems import UsageError
    from plancli.query.search import check_query, fold_query
    from plancli.results.search import search_result

    check_query(text)
    if not fold_query(text):
        raise UsageError("search_empty")
    plan = settings(ctx).plan(with_actuals=False)
    ch, _ = chosen_place(plan, chapter)
    emit(ctx, search_result(plan, text, ch.id if ch else None, limit), fmt, bom=bom)
