"""`plancli tasks` (the list of tasks) and `plancli task ID` (one task in full)."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete, state
from plancli.cli.app import app
from plancli.cli.options import BomOption, ChapterOption, FormatOption, SectionOption, chosen_place
from plancli.cli.output import Format

TASK_FIELDS = [
    "id",
    "title_zh",
    "title_en",
    "lead",
    "chapter",
    "section",
    "target_count",
    "target_ids",
]
DETAIL_FIELDS = TASK_FIELDS + [
    "chapter_title_zh",
    "chapter_title_en",
    "section_title_zh",
    "section_title_en",
    "line",
    "paragraph",
]


@app.command()
def tasks(
    chapter: ChapterOption = None,
    section: SectionOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """The tasks (paragraphs) of the plan, with how many quantified targets each states."""
    from plancli.cli.output import emit, tr
    from plancli.cli.views import task_columns
    from plancli.query.browse import (
        TargetFilter,
        filter_targets,
        targets_per_task,
        task_record,
        tasks_in,
    )

    plan = state.plan()
    ch, sec = chosen_place(plan, chapter, section)
    places = tasks_in(plan, ch.id if ch else None, sec.id if sec else None)
    per_task = targets_per_task(filter_targets(plan, TargetFilter()))
    records = [task_record(p, per_task.get(p.task.id)) for p in places]
    where = sec.id if sec else ch.id if ch else None
    label = (
        tr(f"第{where}节", f"section {where}") if sec else tr(f"第{where}章", f"chapter {where}")
    )
    empty = (
        tr(f"{label}暂无任务数据。", f"No tasks recorded in {label} yet.")
        if where
        else tr("这个规划没有任务。", "This plan has no tasks.")
    )
    emit(
        records,
        task_columns(place=sec is None),
        fmt,
        caption=tr(
            f"{len(records)} 项任务", f"{len(records)} task{'' if len(records) == 1 else 's'}"
        ),
        empty=empty,
        bom=bom,
        fields=TASK_FIELDS,
    )


@app.command()
def task(
    task_id: Annotated[
        str,
        typer.Argument(metavar="TASK", help="Task id, e.g. 2.1.3.", autocompletion=complete.tasks),
    ],
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """One task in full: its place in the plan, its paragraph of the outline, its targets."""
    from plancli.cli.output import Block, View, emit_view, tr
    from plancli.cli.views import chapter_heading, in_lang, section_heading, target_columns
    from plancli.query.browse import (
        TargetFilter,
        filter_targets,
        quote_spans,
        target_record,
        task_detail,
    )
    from plancli.query.lookup import find_task

    plan = state.plan()
    place = find_task(plan, task_id.strip())
    detail = task_detail(plan, place)
    targets = [
        target_record(plan, i, t) for i, t in filter_targets(plan, TargetFilter(task=place.task.id))
    ]
    facts = [
        (tr("章", "Chapter"), chapter_heading(place.chapter) if place.chapter else "—"),
        (tr("节", "Section"), section_heading(place.section) if place.section else "—"),
        (tr("原文位置", "In outline.txt"), tr(f"第{detail['line']}行", f"line {detail['line']}")),
    ]
    if not place.task.lead:
        facts.append(
            (
                tr("标题", "Title"),
                tr("段落无领句，标题为编者所拟", "ours: the paragraph has no lead"),
            )
        )
    if str(state.settings.lang) == "en":
        facts.append(("Chinese title", place.task.title.zh))
    paragraph = detail["paragraph"] or tr("(未在原文中找到该段落)", "(paragraph not found)")
    blocks = [
        Block(
            targets,
            target_columns(place=False),
            title=tr("量化目标", "Quantified targets"),
            empty=tr("这一段没有量化目标。", "this paragraph states no quantified target."),
        )
    ]
    view = View(
        f"{place.task.id}  {in_lang(detail, 'title')}",
        {**detail, "targets": targets},
        [detail],
        DETAIL_FIELDS,
        facts=facts,
        text=paragraph,
        # The sentences the targets are quoted from stand out in the paragraph.
        text_marks=quote_spans(paragraph, (q for t in targets for q in t["quotes"])),
        blocks=blocks,
    )
    emit_view(view, fmt, bom=bom)
