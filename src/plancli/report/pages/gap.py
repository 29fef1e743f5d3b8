"""`gap`'s page: one indicator's targets, each with the gap and the growth still needed."""

from __future__ import annotations

from plancli.report.catalogue import text
from plancli.report.page import Column, Lines, Page, Table
from plancli.report.pages.measure import (
    actual_cell,
    actual_lines,
    after_at,
    derived,
    figure,
    heading,
    no_targets,
    note_lines,
    scope_name,
    target_value_cell,
    year_line,
)
from plancli.report.words import fmt_number, fmt_value, signed, signed_rate, status_word
from plancli.results.judgement import GapResult, TargetJudgement


def _gap_cell(rec: TargetJudgement) -> str:
    shown = fmt_number(rec.gap)
    if rec.gap_pct is not None:
        shown += f" ({fmt_number(rec.gap_pct, 1)}%)"
    return shown


def columns(lang: str, with_actual: bool, show_year: bool) -> list[Column]:
    def label(key: str) -> str:
        return text(f"gap.{key}", lang)

    cols = [
        Column(label("target"), lambda r: after_at(r.target_id), role="id"),
        figure(label("value"), lambda r: target_value_cell(r, lang)),
        figure(label("actual"), lambda r: actual_cell(r, show_year, lang)),
        Column(label("met"), lambda r: fmt_value(r.met), role="status"),
        figure(label("gap"), _gap_cell),
        figure(label("left"), lambda r: fmt_value(r.years_left)),
        figure(label("growth"), lambda r: signed_rate(r.required_annual_growth_pct)),
        figure(label("change"), lambda r: signed(r.required_annual_change)),
        Column(label("status"), lambda r: status_word(r.status, lang), role="status"),
    ]
    return cols if with_actual else [c for i, c in enumerate(cols) if i != 2]


def table_page(result: GapResult, lang: str) -> Page:
    ind, rows, q = result.indicator, result.targets, result.asked
    if not rows:
        return Page().add(Lines([no_targets(ind, lang, q)]))
    # The actuals are named above the table; a column gives each target's own figure where
    # targets differ, or where it is found from them (a sum, a change).
    used = {(r.actual, r.actual_year) for r in rows}
    years = {y for _, y in used if y is not None}
    above = [
        heading(ind, lang, year_line(result.as_of, result.year_defaulted, lang)),
        *actual_lines(rows, ind, result.as_of, lang, q.given, scope_name(q, q.given_scope, lang)),
    ]
    notes = note_lines([(r.target_id, r.notes) for r in rows], lang)
    with_actual = len(used) > 1 or any(derived(r) for r in rows)
    table = Table(rows, columns(lang, with_actual, len(years) > 1))
    return Page().add(Lines(above), table, Lines(notes))
