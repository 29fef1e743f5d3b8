"""The plan's structure as records: `chapters`, `chapter N`, `tasks` and `task ID`."""

from __future__ import annotations

from typing import Annotated

from plancli.model.models import Chapter, Section
from plancli.model.plan import Plan, TaskPlace
from plancli.model.record import Record
from plancli.query.browse import (
    TargetFilter,
    chapters_stating,
    filter_targets,
    quote_spans,
    quotes_in,
    targets_per_task,
    tasks_in,
)
from plancli.results import INLINE, PAGE_ONLY, Rows
from plancli.results.targets import TargetRow, target_row


class ChapterRow(Record):
    chapter: str
    title_zh: str
    title_en: str
    heading: str  # as written in the outline: 第一章 …
    section_count: int
    task_count: int
    target_count: int


class ChaptersResult(Record):
    """`chapters`: the table of contents."""

    chapters: tuple[ChapterRow, ...]
    # The plan's targets, each once (a target stated in two chapters counts in both rows).
    target_total: Annotated[int, PAGE_ONLY]
    english_unofficial: Annotated[bool, PAGE_ONLY]
    # Tasks (paragraphs) outside every chapter: the outline's preface and closing words. The
    # table's total counts them, as `check` does.
    outside_tasks: Annotated[int, PAGE_ONLY] = 0

    def document(self) -> tuple[ChapterRow, ...]:
        return self.chapters

    def rows(self) -> Rows:
        return Rows(ChapterRow, self.chapters)


def chapters_result(plan: Plan) -> ChaptersResult:
    per_chapter: dict[str, int] = {}
    for _, t in plan.targets:
        for ch in chapters_stating(t):
            per_chapter[ch] = per_chapter.get(ch, 0) + 1
    rows = tuple(
        ChapterRow(
            c.id,
            c.title.zh,
            c.title.en,
            c.quote,
            len(c.sections),
            len(c.tasks) + sum(len(s.tasks) for s in c.sections),
            per_chapter.get(c.id, 0),
        )
        for c in plan.chapters
    )
    outside = sum(1 for p in plan.task_places.values() if p.chapter is None)
    return ChaptersResult(rows, len(plan.target_by_id), plan.english_unofficial, outside)


class TaskRow(Record):
    task: str
    title_zh: str
    title_en: str
    lead: bool  # False: the paragraph has no lead sentence, and the title is the editors'
    chapter: str | None
    section: str | None
    target_count: int
    target_ids: tuple[str, ...]
    paragraph_zh: str | None  # the paragraph as the outline writes it
    paragraph_en: str | None  # its English (outline.en.yaml), where the plan has one


def task_row(plan: Plan, place: TaskPlace, target_ids: list[str] | None = None) -> TaskRow:
    t, c, s = place.task, place.chapter, place.section
    ids = tuple(target_ids or ())
    para = plan.paragraph_of(t)
    return TaskRow(
        t.id,
        t.title.zh,
        t.title.en,
        t.lead,
        c.id if c else None,
        s.id if s else None,
        len(ids),
        ids,
        para.text if para else None,
        plan.english_by_task.get(t.id),
    )


class TasksResult(Record):
    """`tasks`: the tasks of the plan, of a chapter or of a section."""

    tasks: tuple[TaskRow, ...]
    chapter: str | None  # the filters given
    section: str | None
    english_unofficial: Annotated[bool, PAGE_ONLY]

    def document(self) -> tuple[TaskRow, ...]:
        return self.tasks

    def rows(self) -> Rows:
        return Rows(TaskRow, self.tasks)


def tasks_result(plan: Plan, chapter: Chapter | None, section: Section | None) -> TasksResult:
    places = tasks_in(plan, chapter.id if chapter else None, section.id if section else None)
    per_task = targets_per_task(filter_targets(plan, TargetFilter()))
    rows = tuple(task_row(plan, p, per_task.get(p.task.id)) for p in places)
    return TasksResult(
        rows,
        chapter.id if chapter else None,
        section.id if section else None,
        plan.english_unofficial,
    )


class SectionRecord(Record):
    section: str
    title_zh: str
    title_en: str
    heading: str  # as written: 第一节 …
    tasks: tuple[TaskRow, ...]


class StructureRow(Record):
    """One line of `chapter`'s CSV: a task with its section (a section without tasks yet
    still has a line, its task fields empty)."""

    chapter: str
    section: str | None
    section_title_zh: str | None
    section_title_en: str | None
    task: str | None
    title_zh: str | None
    title_en: str | None
    lead: bool | None
    target_count: int
    target_ids: tuple[str, ...]
    paragraph_zh: str | None
    paragraph_en: str | None


class ChapterResult(Record):
    """`chapter N`: its introduction, its sections with their tasks, its targets."""

    chapter: str
    title_zh: str
    title_en: str
    heading: str
    section: str | None  # the --section given
    target_year: int | None  # the --target-year given
    introduction: tuple[TaskRow, ...]
    sections: tuple[SectionRecord, ...]
    targets: tuple[TargetRow, ...]
    english_unofficial: Annotated[bool, PAGE_ONLY]

    def document(self) -> ChapterResult:
        return self

    def rows(self) -> Rows:
        out = [_structure_row(self.chapter, None, t) for t in self.introduction]
        for s in self.sections:
            out += [_structure_row(self.chapter, s, t) for t in s.tasks]
            if not s.tasks:
                out.append(_structure_row(self.chapter, s, None))
        return Rows(StructureRow, out)


def _structure_row(chapter: str, s: SectionRecord | None, t: TaskRow | None) -> StructureRow:
    return StructureRow(
        chapter,
        s.section if s else None,
        s.title_zh if s else None,
        s.title_en if s else None,
        t.task if t else None,
        t.title_zh if t else None,
        t.title_en if t else None,
        t.lead if t else None,
        t.target_count if t else 0,
        t.target_ids if t else (),
        t.paragraph_zh if t else None,
        t.paragraph_en if t else None,
    )


def chapter_result(
    plan: Plan, ch: Chapter, sec: Section | None, target_year: int | None
) -> ChapterResult:
    flt = TargetFilter(chapter=ch.id, section=sec.id if sec else None, target_year=target_year)
    pairs = filter_targets(plan, flt)
    per_task = targets_per_task(pairs)
    places = plan.task_places
    sections = tuple(
        SectionRecord(
            s.id,
            s.title.zh,
            s.title.en,
            s.quote,
            tuple(task_row(plan, places[t.id], per_task.get(t.id)) for t in s.tasks),
        )
        for s in ch.sections
        if sec is None or s.id == sec.id
    )
    intro = () if sec else tuple(task_row(plan, places[t.id], per_task.get(t.id)) for t in ch.tasks)
    return ChapterResult(
        chapter=ch.id,
        title_zh=ch.title.zh,
        title_en=ch.title.en,
        heading=ch.quote,
        section=sec.id if sec else None,
        target_year=target_year,
        introduction=intro,
        sections=sections,
        targets=tuple(target_row(plan, i, t) for i, t in pairs),
        english_unofficial=plan.english_unofficial,
    )


class TaskDetailRow(Record):
    """A task in full, as `task`'s CSV prints it (JSON adds its targets)."""

    task: Annotated[
        TaskRow, INLINE
    ]  # inlined: task, title_zh, title_en, lead, chapter, section, target_count …
    chapter_title_zh: str | None
    chapter_title_en: str | None
    chapter_heading: str | None
    section_title_zh: str | None
    section_title_en: str | None
    section_heading: str | None
    line: int | None  # the paragraph's line in outline.txt


class TaskResult(Record):
    """`task ID`: one task in full, its paragraph with where its targets' quotes stand."""

    detail: Annotated[TaskDetailRow, INLINE]
    targets: tuple[TargetRow, ...]
    quote_spans: tuple[tuple[int, int], ...]  # in the paragraph: the targets' quotes
    english_unofficial: Annotated[bool, PAGE_ONLY]

    def document(self) -> TaskResult:
        return self

    def rows(self) -> Rows:
        return Rows(TaskDetailRow, [self.detail])


def task_result(plan: Plan, place: TaskPlace) -> TaskResult:
    t, c, s = place.task, place.chapter, place.section
    para = plan.paragraph_of(t)
    pairs = filter_targets(plan, TargetFilter(task=t.id))
    targets = tuple(target_row(plan, i, tg) for i, tg in pairs)
    detail = TaskDetailRow(
        task=task_row(plan, place, [tg.target_id for tg in targets]),
        chapter_title_zh=c.title.zh if c else None,
        chapter_title_en=c.title.en if c else None,
        chapter_heading=c.quote if c else None,
        section_title_zh=s.title.zh if s else None,
        section_title_en=s.title.en if s else None,
        section_heading=s.quote if s else None,
        line=para.line if para else None,
    )
    # The targets' words in this paragraph (a target stated elsewhere too has others there).
    quotes = [q for _, tg in pairs for q in quotes_in(tg, t.id)]
    spans = quote_spans(para.text, quotes) if para else []
    return TaskResult(detail, targets, tuple(spans), plan.english_unofficial)
