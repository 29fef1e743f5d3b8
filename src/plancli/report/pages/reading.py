"""The pages of the reading commands: chapters, chapter N, tasks and task ID."""

from __future__ import annotations

from typing import Any

from plancli.report.catalogue import text
from plancli.report.page import Column, Facts, Heading, Page, Passage, Table
from plancli.report.pages.places import (
    chapter_heading,
    provenance,
    section_heading,
    target_columns,
    task_columns,
)
from plancli.report.words import fmt_value, in_lang
from plancli.results.reading import ChapterResult, ChaptersResult, TaskResult, TasksResult


def chapters_columns(lang: str) -> list[Column]:
    def label(key: str) -> str:
        return text(f"chapters.{key}", lang)

    return [
        Column(label("chapter"), lambda c: c.chapter, role="id"),
        Column(label("title"), lambda c: in_lang(c, "title", lang)),
        Column(label("sections"), lambda c: fmt_value(c.section_count), role="figure"),
        Column(label("tasks"), lambda c: fmt_value(c.task_count), role="figure"),
        Column(label("targets"), lambda c: fmt_value(c.target_count), role="figure"),
    ]


def chapters_page(result: ChaptersResult, lang: str) -> Page:
    rows, columns = result.chapters, chapters_columns(lang)
    in_chapters = sum(c.task_count for c in rows)
    outside = (
        text("chapters.outside", lang, chapters=in_chapters, outside=result.outside_tasks)
        if result.outside_tasks
        else ""
    )
    caption = text(
        "chapters.caption",
        lang,
        sections=sum(c.section_count for c in rows),
        tasks=in_chapters + result.outside_tasks,
        outside=outside,
        targets=result.target_total,
    )
    if sum(c.target_count for c in rows) != result.target_total:
        caption += text("chapters.shared", lang)
    table = Table(rows, columns, caption=caption, empty=text("chapters.none", lang))
    return Page().add(table, *provenance(result, lang))


def _year_note(year: int | None, lang: str) -> str:
    return "" if year is None else text("chapter.year_note", lang, year=year)


def chapter_page(r: ChapterResult, lang: str) -> Page:
    heading = chapter_heading(r.chapter, r.title_en, r.heading, lang)
    chosen = [s for s in r.sections if s.section == r.section]
    if chosen:
        s = chosen[0]
        heading += " · " + section_heading(s.section, s.title_en, s.heading, lang)
    n_tasks = len(r.introduction) + sum(len(s.tasks) for s in r.sections)
    year = _year_note(r.target_year, lang)
    facts = [
        (text("chapter.sections", lang), str(len(r.sections))),
        (text("chapter.tasks", lang), str(n_tasks)),
        (text("chapter.targets", lang), f"{len(r.targets)}{year}"),
    ]
    page = Page().add(Heading(heading), Facts(facts))
    if r.introduction:
        page.add(
            Table(r.introduction, task_columns(lang), title=text("chapter.introduction", lang))
        )
    for s in r.sections:
        title = section_heading(s.section, s.title_en, s.heading, lang)
        page.add(
            Table(s.tasks, task_columns(lang), title=title, empty=text("chapter.no_tasks", lang))
        )
    title = text("chapter.targets", lang) + year
    return page.add(
        Table(r.targets, target_columns(lang), title=title, empty=text("chapter.none", lang)),
        *provenance(r, lang),
    )


def tasks_page(r: TasksResult, lang: str) -> Page:
    if r.section:
        where = text("tasks.in_section", lang, section=r.section)
    elif r.chapter:
        where = text("tasks.in_chapter", lang, chapter=r.chapter)
    else:
        where = None
    empty = text("tasks.none_in", lang, where=where) if where else text("tasks.none", lang)
    caption = text("tasks.caption", lang, n=len(r.tasks))
    columns = task_columns(lang, place=r.section is None)
    return Page().add(Table(r.tasks, columns, caption=caption, empty=empty), *provenance(r, lang))


def task_page(r: TaskResult, lang: str) -> Page:
    d, t = r.detail, r.detail.task
    none = "—"
    facts = [
        (
            text("task.chapter", lang),
            chapter_heading(t.chapter, d.chapter_title_en or "", d.chapter_heading or "", lang)
            if t.chapter
            else none,
        ),
        (
            text("task.section", lang),
            section_heading(t.section, d.section_title_en or "", d.section_heading or "", lang)
            if t.section
            else none,
        ),
        (text("task.line", lang), text("task.line_n", lang, line=d.line)),
    ]
    if not t.lead:
        facts.append((text("task.title", lang), text("task.no_lead", lang)))
    if lang == "en":
        facts.append((text("task.chinese_title", lang), t.title_zh))
    paragraph = t.paragraph_zh or text("task.no_paragraph", lang)
    columns = target_columns(lang, place=False)
    if any(len(tg.tasks) > 1 for tg in r.targets):
        # A target this paragraph shares with others: where else the plan states it.
        def elsewhere(tg: Any) -> str:
            return ",\n".join(k for k in tg.tasks if k != t.task)

        label = text("task.also_in", lang)
        columns.append(Column(label, elsewhere, role="code", drop=3))
    targets = Table(
        r.targets,
        columns,
        title=text("task.targets", lang),
        empty=text("task.no_targets", lang),
    )
    # The outline's own words, the targets' quotes marked; in English its translation first.
    chinese = Passage(paragraph, r.quote_spans if t.paragraph_zh else ())
    english = [Passage(t.paragraph_en)] if lang == "en" and t.paragraph_en else []
    page = Page().add(Heading(f"{t.task}  {in_lang(t, 'title', lang)}"), Facts(facts))
    return page.add(*english, chinese, targets, *provenance(r, lang))


PAGES: dict[type, Any] = {
    ChaptersResult: chapters_page,
    ChapterResult: chapter_page,
    TasksResult: tasks_page,
    TaskResult: task_page,
}


def table_page(result: Any, lang: str) -> Page:
    page: Page = PAGES[type(result)](result, lang)
    return page
