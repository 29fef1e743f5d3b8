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

    # Left out first when the table does not fit (the `drop` rank): "met", which the status
    # says too; the change a year; the years left; the growth a year; the actual, when targets
    # were judged on different ones. The target, its value, the gap and the status stay.
    cols = [
        Column(label("target"), lambda r: after_at(r.target_id), role="id"),
        figure(label("value"), lambda r: target_value_cell(r, lang)),
        figure(label("actual"), lambda r: actual_cell(r, show_year, lang), drop=5),
        Column(label("met"), lambda r: fmt_value(r.met), role="status", drop=1),
        figure(label("gap"), _gap_cell),
        figure(label("left"), lambda r: fmt_value(r.years_left), drop=3),
        figure(label("growth"), lambda r: signed_rate(r.required_annual_growth_pct), drop=4),
        figure(label("change"), lambda r: signed(r.required_annual_change), drop=2),
        Column(label("status"), lambda r: status_word(r.status, lang), role="status"),
    ]
    return cols if with_actual else [c for i, c in enumerate(cols) if i != 2]


def table_page(result: GapResult, lang: str) -> Page:
    ind, rows, q = result.indicator, result.targets, result.asked
    if not rows:
        return Page().add(Lines([no_targets(ind, lang, q)]))
    # The actuals are named above the table; a column gives each target's own figure where
    # targets were judged on different ones, or where it is found from them (a sum, a change).
    # A row without one says so in its status.
    used = {(r.actual, r.actual_year) for r in rows if r.actual is not None}
    years = {y for _, y in used}
    above = [
        heading(ind, lang, year_line(result.as_of, result.year_defaulted, lang)),
        *actual_lines(rows, ind, result.as_of, lang, q.given, scope_name(q, q.given_scope, lang)),
    ]
    with_actual = len(used) > 1 or any(derived(r) for r in rows)
    table = Table(rows, columns(lang, with_actual, len(years) > 1))
    page = Page().add(Lines(above), table)
    return page.add(*note_lines([(r.target_id, r.notes) for r in rows], lang))
