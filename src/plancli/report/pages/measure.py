"""What the pages of gap, growth and trajectory share: the heading of one indicator, the actual
used and its source, the notes under a table, and the cells naming a target."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plancli.model.msg import Msg
from plancli.report.catalogue import render, text
from plancli.report.page import Column, Notes
from plancli.report.words import (
    COMPARATOR_SIGNS,
    fmt_value,
    say_value,
    signed,
    target_cell,
    unit_word,
    value_cell,
)
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


def source_text(origin: str | None, title: str | None, primary: bool | None, lang: str) -> str:
    """Where an actual comes from: its source and the file, or --actual."""
    if origin is None:
        return "—"
    if origin == "option":
        return text("origin.option", lang)
    said = text(f"origin.{origin}", lang)
    if origin == "shipped" and primary is False:
        said = text("origin.secondary", lang, origin=said)
    return f"{title} ({said})"


def actual_lines(
    records: Sequence[Any],
    ind: IndicatorRef,
    year: int,
    lang: str,
    given: float | None = None,
    given_scope: str | None = None,
) -> list[str]:
    """The actuals (and from where) the figures were found from, by source, or that none is
    known. A target's own figure (a sum, a change) is in the table."""
    by_source: dict[tuple, list[tuple[int, float]]] = {}
    for rec in records:
        for part in rec.actual_parts:
            key = (part.origin, part.source_title, part.source_primary)
            items = by_source.setdefault(key, [])
            if (part.year, part.value) not in items:
                items.append((part.year, part.value))
    lines = []
    for (origin, title, primary), items in by_source.items():
        source = source_text(origin, title, primary, lang)
        said = [
            text("measure.actual_item", lang, value=say_value(v, ind.unit, lang), year=y)
            for y, v in sorted(items)
        ]
        if len(said) == 1:
            y, v = items[0]
            lines.append(
                text(
                    "measure.actual_used",
                    lang,
                    value=say_value(v, ind.unit, lang),
                    year=y,
                    source=source,
                )
            )
        else:
            lines.append(text("measure.actuals_used", lang, items=said, source=source))
    if not by_source and given is not None:
        value = say_value(given, ind.unit, lang)
        lines.append(text("measure.given_unused", lang, value=value, scope=given_scope))
    elif not by_source:
        name = name_of(ind, lang) if lang == "zh" else ind.indicator
        lines.append(text("measure.no_actual", lang, name=name, year=year))
    return lines


def derived(rec: Any) -> bool:
    """Whether a record's actual is a figure found from its actuals (a sum, a change, an
    average), rather than one of them as it stands."""
    parts = rec.actual_parts
    return rec.actual is not None and (len(parts) != 1 or parts[0].value != rec.actual)


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


def scope_name(asked: Any, scope: str, lang: str) -> str:
    """An area as the reader's language names it (asked: a page's question, with the English of
    each area it names)."""
    return dict(asked.scope_names).get(scope, scope) if lang == "en" else scope


def no_targets(ind: IndicatorRef, lang: str, asked: Any = None) -> str:
    """Why there is nothing to show: no targets, or none for the --scope asked about."""
    name = name_of(ind, lang)
    if asked is not None and asked.scope is not None and asked.scopes:
        return text(
            "measure.no_targets_in_scope",
            lang,
            name=name,
            indicator=ind.indicator,
            scope=scope_name(asked, asked.scope, lang),
            scopes=[scope_name(asked, s, lang) for s in asked.scopes],
        )
    return text("measure.no_targets", lang, name=name, indicator=ind.indicator)


def after_at(target_id: str) -> str:
    """What follows the @ of a target id (2025, 2035.double): a target in one indicator's table."""
    return target_id.split("@", 1)[1]


def is_change(rec: Any) -> bool:
    return str(getattr(rec, "compares", "")) == "change"


def change_text(value: float | None, unit: str, lang: str) -> str:
    """A change: +2百分点 / +2 pp for a percentage, +15,000 in any other unit."""
    if value is None:
        return "—"
    return signed(value) + (text("measure.pp", lang) if unit == "%" else "")


def change_said(value: float | None, unit: str, lang: str) -> str:
    """A change with its unit in the reader's words: +2百分点 / +2 pp, +1,500元 / +1,500 yuan."""
    if value is None or unit == "%":
        return change_text(value, unit, lang)
    return ("+" if value > 0 else "") + say_value(value, unit, lang)


def target_value_cell(rec: Any, lang: str) -> str:
    if is_change(rec) and rec.value is not None:
        return COMPARATOR_SIGNS[str(rec.comparator)] + change_text(rec.value, rec.unit, lang)
    return target_cell(rec.value, rec.unit, str(rec.comparator), str(rec.direction))


def actual_cell(rec: Any, show_year: bool, lang: str) -> str:
    if is_change(rec):
        shown = change_text(rec.actual, rec.unit, lang)
    else:
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
