"""`plancli targets`: the quantified targets, filtered by place, deadline, kind and flags."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.options import (
    BomOption,
    ChapterOption,
    FormatOption,
    SectionOption,
    TargetYearOption,
    check_target_year,
    chosen_place,
)
from plancli.cli.output import Format
from plancli.model.vocab import Kind

TARGET_FIELDS = [
    "id",
    "indicator",
    "name_zh",
    "name_en",
    "year",
    "comparator",
    "value",
    "relative_base_year",
    "relative_factor",
    "relative_percent",
    "relative_amount",
    "resolved_value",
    "unit",
    "text",
    "kind",
    "direction",
    "every_year",
    "maintain",
    "aspirational",
    "implied_by_name",
    "value_in_words",
    "qualifier",
    "year_stated",
    "scope",
    "chapter",
    "section",
    "task",
    "quotes",
    "note",
]


@app.command()
def targets(
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
    from plancli.cli.output import emit, tr
    from plancli.cli.views import target_columns
    from plancli.query.browse import TargetFilter, filter_targets, target_record

    plan = state.plan()
    ch, sec = chosen_place(plan, chapter, section)
    flt = TargetFilter(
        chapter=ch.id if ch else None,
        section=sec.id if sec else None,
        target_year=check_target_year(plan, target_year),
        kinds=frozenset(kind or ()),
        aspirational=aspirational,
        implied_by_name=implied_by_name,
    )
    records = [target_record(plan, i, t) for i, t in filter_targets(plan, flt)]
    filtered = flt != TargetFilter()
    emit(
        records,
        target_columns(),
        fmt,
        caption=tr(
            f"{len(records)} 个目标", f"{len(records)} target{'' if len(records) == 1 else 's'}"
        ),
        empty=tr("没有符合这些条件的目标。", "No targets match these filters.")
        if filtered
        else tr("这个规划没有量化目标。", "This plan has no quantified targets."),
        bom=bom,
        fields=TARGET_FIELDS,
    )
