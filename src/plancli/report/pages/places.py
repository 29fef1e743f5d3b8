"""What the reading pages share: the columns of targets and tasks, the headings of chapters and
sections, and the line that says whose the English is, in the reader's language."""

from __future__ import annotations

from typing import Any

from plancli.report.catalogue import text
from plancli.report.page import Column, Note, Part
from plancli.report.words import (
    comparator_word,
    fmt_number,
    fmt_value,
    in_lang,
    kind_word,
    say_value,
    target_flags,
)
from plancli.results.reading import TaskRow
from plancli.results.targets import TargetRow


def chapter_heading(chapter: str, title_en: str, heading: str, lang: str) -> str:
    return (
        text("reading.chapter_heading", lang, chapter=chapter, title=title_en)
        if lang == "en"
        else heading
    )


def section_heading(section: str, title_en: str, heading: str, lang: str) -> str:
    return f"{section}  {title_en if lang == 'en' else heading}"


def target_value(t: TargetRow, lang: str) -> str:
    """The target value; a relative one as its factor of a base year, with what it comes to."""
    if t.relative_base_year is None:
        return say_value(t.value, t.unit, lang)
    base = t.relative_base_year
    if t.relative_factor is not None:
        said = text(
            "reading.relative_factor", lang, base=base, factor=fmt_number(t.relative_factor)
        )
    elif t.relative_percent is not None:
        pct = t.relative_percent
        said = text(
            "reading.relative_percent",
            lang,
            base=base,
            change=("+" if pct >= 0 else "") + fmt_number(pct),
        )
    else:  # a change (kind change): its amount is the target; a share's is in points
        amount = t.relative_amount or 0.0
        shown = fmt_number(amount) + text("measure.pp", lang) if t.unit == "%" else None
        change = ("+" if amount >= 0 else "") + (shown or say_value(amount, t.unit, lang))
        return text("reading.relative_amount", lang, base=base, change=change)
    return f"{said} ≈ {say_value(t.value, t.unit, lang)}" if t.value is not None else said


def target_columns(lang: str, *, place: bool = True) -> list[Column]:
    """Targets in a table: the indicator with its flags, the target in words, year, kind."""

    def label(key: str) -> str:
        return text(f"targets.{key}", lang)

    def name(t: TargetRow) -> str:
        flags = target_flags(t, lang)
        shown = in_lang(t, "name", lang)
        return f"{shown} ({text('reading.list_sep', lang).join(flags)})" if flags else shown

    # In a narrow terminal the year goes first (the id carries it), then the kind and the
    # task; the id, the indicator and the target stay (or the table becomes blocks).
    cols = [
        Column(label("id"), lambda t: t.target_id, role="id"),
        Column(label("indicator"), name),
        Column(
            label("target"),
            lambda t: f"{comparator_word(t.comparator, lang)} {target_value(t, lang)}",
        ),
        Column(label("year"), lambda t: str(t.year), role="code", drop=1),
        Column(label("kind"), lambda t: kind_word(t.kind, lang), drop=2),
    ]
    if place:
        # Every paragraph stating the target, its own first, one a line (in Markdown "a, b").
        cols.append(Column(label("task"), lambda t: ",\n".join(t.tasks), role="code", drop=3))
    return cols


def task_columns(lang: str, *, place: bool = False) -> list[Column]:
    def label(key: str) -> str:
        return text(f"tasks.{key}", lang)

    def where(t: TaskRow) -> str:
        return t.section or t.chapter or text("tasks.preface_closing", lang)

    cols = [Column(label("id"), lambda t: t.task, role="id")]
    if place:
        cols.append(Column(label("section"), where, role="code", drop=1))
    cols += [
        Column(label("title"), lambda t: in_lang(t, "title", lang)),
        Column(label("targets"), lambda t: fmt_value(t.target_count), role="figure", drop=2),
    ]
    return cols


def provenance(result: Any, lang: str) -> list[Part]:
    """The line an English page shows once, at its foot, where plan.yaml says its English is
    plancli's own translation (the plan's text, its titles and names), not an official one."""
    if lang != "en" or not getattr(result, "english_unofficial", False):
        return []
    return [Note(text("reading.english_unofficial", lang))]
