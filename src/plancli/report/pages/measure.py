"""What the pages of gap, growth and trajectory share: the heading of one indicator, the actual
used and its source, the notes under a table, and the cells naming a target."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plancli.model.msg import Msg
from plancli.report.catalogue import render, text
from plancli.report.page import Column, Notes
from plancli.report.words import fmt_value, say_value, target_cell, unit_word, value_cell
from plancli.results.common import IndicatorRef


def name_of(ind: IndicatorRef, lang: str) -> str:
    return ind.name_en if lang == "en" else ind.name_zh


def unit_line(unit: str, lang: str) -> str:
    if unit == "%":
        return text("measure.unit_pct", lang)
    if not unit:
        return text("measure.unit_none", lang)
    # In English the unit in words, then as written (亿元), as the data and JSON give it.
    shown = f"{unit_word(unit, 'en')} ({unit})" if lang == "en" else unit
    return text("measure.unit", lang, unit=shown)


def year_line(year: int, defaulted: bool, lang: str) -> str:
    return text("measure.year_default" if defaulted else "measure.year", lang, year=year)


def heading(ind: IndicatorRef, lang: str, *more: str) -> str:
    return " · ".join([f"{name_of(ind, lang)} ({ind.indicator})", unit_line(ind.unit, lang), *more])


def source_text(rec: Any, lang: str) -> str:
    """Where the actual of a record comes from: its source and the file, or --actual."""
    if rec.actual_origin is None:
        return "—"
    if rec.actual_origin == "option":
        return text("origin.option", lang)
    origin = text(f"origin.{rec.actual_origin}", lang)
    if rec.actual_origin == "shipped" and not rec.actual_source_primary:
        origin = text("origin.secondary", lang, origin=origin)
    return f"{rec.actual_source_title} ({origin})"


def actual_lines(records: Sequence[Any], ind: IndicatorRef, year: int, lang: str) -> list[str]:
    """Which actual (and from where) the figures used, or that none is known."""
    used: dict[tuple, Any] = {}
    for rec in records:
        if rec.actual is not None:
            used.setdefault((rec.actual, rec.actual_year, rec.actual_source_title), rec)
    lines = [
        text(
            "measure.actual_used",
            lang,
            value=say_value(rec.actual, rec.unit, lang),
            year=rec.actual_year,
            source=source_text(rec, lang),
        )
        for rec in used.values()
    ]
    if not used:
        name = name_of(ind, lang) if lang == "zh" else ind.indicator
        lines.append(text("measure.no_actual", lang, name=name, year=year))
    return lines


def note_lines(items: Sequence[tuple[str, Sequence[Msg]]], lang: str) -> list[Notes]:
    """The distinct notes, each once with the targets it applies to, for reading under a
    table (none at all when no target has a note)."""
    by_text: dict[str, list[str]] = {}
    for target_id, notes in items:
        for note in notes:
            ids = by_text.setdefault(render(note, lang), [])
            if target_id not in ids:
                ids.append(target_id)
    lines = [f"{', '.join(ids)}: {said}" for said, ids in by_text.items()]
    return [Notes(text("measure.notes", lang), lines)] if lines else []


def no_targets(ind: IndicatorRef, lang: str) -> str:
    return text("measure.no_targets", lang, name=name_of(ind, lang), indicator=ind.indicator)


def after_at(target_id: str) -> str:
    """What follows the @ of a target id (2025, 2035.double): a target in one indicator's table."""
    return target_id.split("@", 1)[1]


def target_value_cell(rec: Any) -> str:
    return target_cell(rec.value, rec.unit, str(rec.comparator), str(rec.direction))


def actual_cell(rec: Any, show_year: bool) -> str:
    shown = value_cell(rec.actual, rec.unit)
    if show_year and rec.actual_year is not None:
        shown += f" ({rec.actual_year})"
    return shown


def figure(label: str, cell: Any, drop: int = 0) -> Column:
    """A column of figures: right-aligned, never cut or wrapped (left out, in a narrow
    terminal, in the order of `drop` where it has one)."""
    return Column(label, cell, role="figure", drop=drop)


def plain(value: Any) -> str:
    return fmt_value(value)
