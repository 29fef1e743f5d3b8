"""`plancli chapters` (the table of contents) and `plancli chapter N` (one chapter's summary)."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete, state
from plancli.cli.app import app
from plancli.cli.options import (
    BomOption,
    FormatOption,
    SectionOption,
    TargetYearOption,
    check_target_year,
    chosen_place,
)
from plancli.cli.output import Format


@app.command()
def chapters(fmt: FormatOption = Format.table, bom: BomOption = False) -> None:
    """The table of contents: each chapter with its sections, tasks and quantified targets."""
    from plancli.cli.output import Column, emit, tr
    from plancli.cli.views import in_lang
    from plancli.query.browse import chapter_counts

    plan = state.plan()
    records = chapter_counts(plan)
    columns = [
        Column("id", "章", "chapter", justify="right", no_wrap=True),
        Column("title_zh", "标题", "title", show=lambda _v, r: in_lang(r, "title")),
        Column("section_count", "节", "sections", justify="right", no_wrap=True),
        Column("task_count", "任务", "tasks", justify="right", no_wrap=True),
        Column("target_count", "目标", "targets", justify="right", no_wrap=True),
    ]
    totals = [sum(r[k] for r in records) for k in ("section_count", "task_count", "target_count")]
    caption = tr(
        "合计 {} 节、{} 项任务、{} 个量化目标",
        "In all: {} sections, {} tasks, {} quantified targets",
    ).format(*totals)
    emit(
        records,
        columns,
        fmt,
        caption=caption,
        empty=tr("这个规划没有章。", "This plan has no chapters."),
        bom=bom,
        fields=[
            "id",
            "title_zh",
            "title_en",
            "heading",
            "section_count",
            "task_count",
            "target_count",
        ],
    )


@app.command()
def chapter(
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
    from plancli.cli.output import Block, View, emit_view, tr
    from plancli.cli.views import chapter_heading, section_heading, target_columns, task_columns
    from plancli.query.browse import (
        TargetFilter,
        filter_targets,
        structure_records,
        target_record,
        targets_per_task,
        task_record,
    )

    plan = state.plan()
    ch, sec = chosen_place(plan, number, section)
    year = check_target_year(plan, target_year)
    flt = TargetFilter(chapter=ch.id, section=sec.id if sec else None, target_year=year)
    pairs = filter_targets(plan, flt)
    targets = [target_record(plan, i, t) for i, t in pairs]
    per_task = targets_per_task(pairs)
    sections = [s for s in ch.sections if sec is None or s.id == sec.id]
    intro = [] if sec else [plan.task_places[t.id] for t in ch.tasks]
    doc_sections = [
        {
            "id": s.id,
            "title_zh": s.title.zh,
            "title_en": s.title.en,
            "heading": s.quote,
            "tasks": [task_record(plan.task_places[t.id], per_task.get(t.id)) for t in s.tasks],
        }
        for s in sections
    ]
    document = {
        "id": ch.id,
        "title_zh": ch.title.zh,
        "title_en": ch.title.en,
        "heading": ch.quote,
        "section": sec.id if sec else None,
        "target_year": year,
        "introduction": [task_record(p, per_task.get(p.task.id)) for p in intro],
        "sections": doc_sections,
        "targets": targets,
    }
    n_tasks = len(intro) + sum(len(s["tasks"]) for s in doc_sections)
    facts = [
        (tr("节", "Sections"), str(len(sections))),
        (tr("任务", "Tasks"), str(n_tasks)),
        (tr("量化目标", "Quantified targets"), str(len(targets)) + _year_note(year)),
    ]
    blocks = []
    if intro:
        blocks.append(
            Block(document["introduction"], task_columns(), title=tr("引言", "Introduction"))
        )
    no_tasks = tr("暂无任务数据。", "no tasks recorded yet.")
    for s, d in zip(sections, doc_sections, strict=True):
        blocks.append(Block(d["tasks"], task_columns(), title=section_heading(s), empty=no_tasks))
    blocks.append(
        Block(
            targets,
            target_columns(),
            title=tr("量化目标", "Quantified targets") + _year_note(year),
            empty=tr("无。", "none."),
        )
    )
    rows = structure_records(plan, ch.id, sec.id if sec else None, per_task)
    heading = chapter_heading(ch) + (f" · {section_heading(sec)}" if sec else "")
    emit_view(
        View(heading, document, rows, list(STRUCTURE_FIELDS), facts=facts, blocks=blocks),
        fmt,
        bom=bom,
    )


STRUCTURE_FIELDS = (
    "chapter",
    "section",
    "section_title_zh",
    "section_title_en",
    "task",
    "title_zh",
    "title_en",
    "lead",
    "target_count",
    "target_ids",
)


def _year_note(year: int | None) -> str:
    from plancli.cli.output import tr

    return "" if year is None else tr(f"({year}年)", f" ({year})")
