"""`plancli targets`: the quantified targets, filtered by place, deadline, kind and flags."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import (
    BomOption,
    ChapterOption,
    Format,
    FormatOption,
    SectionOption,
    TargetYearOption,
)
from plancli.cli.output import emit
from plancli.cli.settings import settings
from plancli.model.vocab import Kind


@app.command(short_help="The quantified targets, filtered by place, year, kind or flag.")
def targets(
    ctx: typer.Context,
    chapter: ChapterOption = None,
    section: SectionOption = None,
    target_year: TargetYearOption = None,
    kind: Annotated[
        list[Kind] | None,
        typer.Option("--kind", "-k", help="Only this kind of target (repeat for several)."),
    ] = None,
    aspirational: Annotated[
        bool | None,
        typer.Option(
            "--aspirational/--no-aspirational",
            help="Only aspirational targets (力争, 争取), or none of them. Default: all.",
            show_default=False,
        ),
    ] = None,
    implied_by_name: Annotated[
        bool | None,
        typer.Option(
            "--implied-by-name/--no-implied-by-name",
            help="Only targets implied by a programme's name, or none of them. Default: all.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """The quantified targets of the plan: value, unit, comparator, year, kind and place."""
    from plancli.cli.checks import check_target_year, chosen_place
    from plancli.query.browse import TargetFilter
    from plancli.results.targets import targets_result

    plan = settings(ctx).plan(with_actuals=False)
    ch, sec = chosen_place(plan, chapter, section)
    flt = TargetFilter(
        chapter=ch.id if ch else None,
        section=sec.id if sec else None,
        target_year=check_target_year(plan, target_year),
        kinds=frozenset(kind or ()),
        aspirational=aspirational,
        implied_by_name=implied_by_name,
    )
    emit(ctx, targets_result(plan, flt), fmt, bom=bom)
