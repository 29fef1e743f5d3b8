"""`plancli score` and `plancli review`: how the plan is doing, target by target, chapter by
chapter and overall; `review` is the scorecard in Markdown, as a memo."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import BomOption, ChapterOption, Format, FormatOption, YearOption
from plancli.cli.output import emit
from plancli.cli.settings import settings

if TYPE_CHECKING:
    from plancli.results.scorecard import ScorecardResult


def _scorecard(ctx: typer.Context, year: str | None, chapter: str | None) -> ScorecardResult:
    from plancli.cli.checks import chosen_place, resolve_year
    from plancli.results.scorecard import scorecard_result

    plan = settings(ctx).plan()
    when, defaulted = resolve_year(plan, year)
    ch, _ = chosen_place(plan, chapter)
    return scorecard_result(plan, when, defaulted, ch.id if ch else None)


@app.command(short_help="Score every target with data, then each chapter and the plan.")
def score(
    ctx: typer.Context,
    year: YearOption = None,
    chapter: ChapterOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """Score every target with data (0–100) on the latest actuals up to --year, then each
    chapter and the plan as a whole; targets without data are counted, never scored as zero."""

    emit(ctx, _scorecard(ctx, year, chapter), fmt, bom=bom)


@app.command(short_help="The scorecard as a review in Markdown, ready for a memo.")
def review(
    ctx: typer.Context,
    year: YearOption = None,
    chapter: ChapterOption = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="Output format: markdown (the review), or the scorecard as table/json/csv.",
        ),
    ] = Format.markdown,
    bom: BomOption = False,
) -> None:
    """A mid-term or final review as Markdown, ready to paste into a memo: the targets achieved,
    on track, behind, off track and missed, with their figures and sources.

    The review is the scorecard's Markdown (`score --format markdown`); its other formats are
    the scorecard's too.
    """

    emit(ctx, _scorecard(ctx, year, chapter), fmt, bom=bom)
