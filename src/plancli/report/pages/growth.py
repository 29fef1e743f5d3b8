"""`growth`'s page: the growth each target needs, from the plan's baseline and from the actual,
beside the growth rates the plan states."""

from __future__ import annotations

from plancli.report.catalogue import text
from plancli.report.page import Column, Lines, Page, Table
from plancli.report.pages.measure import (
    actual_cell,
    actual_lines,
    after_at,
    change_text,
    figure,
    heading,
    is_change,
    no_targets,
    note_lines,
    scope_name,
    target_value_cell,
    year_line,
)
from plancli.report.words import fmt_number, fmt_value, signed, signed_rate, value_cell
from plancli.results.growth import GrowthResult, GrowthRow, StatedRateRow


def columns(lang: str, base_year: int, show_year: bool, br: str) -> list[Column]:
    def label(key: str) -> str:
        return text(f"growth.{key}", lang, br=br)

    def baseline(row: GrowthRow) -> str:
        j = row.judgement
        shown = (
            change_text(j.baseline, j.unit, lang)
            if is_change(j)
            else value_cell(j.baseline, j.unit)
        )
        if j.baseline_year not in (None, base_year):
            shown += f" ({j.baseline_year})"
        return shown

    # Left out first when the table does not fit: the plan's change a year, the actual (named
    # above the table), the years left, the baseline, the change still needed. The target, its
    # value, the plan's rate and the rate still needed stay.
    return [
        Column(label("target"), lambda r: after_at(r.judgement.target_id), role="id"),
        figure(label("value"), lambda r: target_value_cell(r.judgement, lang)),
        figure(label("baseline"), baseline, drop=4),
        figure(label("plan_rate"), lambda r: signed_rate(r.plan_annual_growth_pct)),
        figure(label("plan_change"), lambda r: signed(r.plan_annual_change), drop=1),
        figure(label("actual"), lambda r: actual_cell(r.judgement, show_year, lang), drop=2),
        figure(label("left"), lambda r: fmt_value(r.judgement.years_left), drop=3),
        figure(label("needed_rate"), lambda r: signed_rate(r.judgement.required_annual_growth_pct)),
        figure(
            label("needed_change"), lambda r: signed(r.judgement.required_annual_change), drop=5
        ),
    ]


def stated_lines(stated: tuple[StatedRateRow, ...], lang: str) -> list[str]:
    if not stated:
        return [text("growth.none_stated", lang)]
    lines = []
    for s in stated:
        # The data file's note is English; it glosses the figure for English readers.
        note = f" ({s.note})" if s.note and lang == "en" else ""
        what = text(f"stated.{s.stated_as}", lang)
        rate = fmt_number(s.value)
        lines.append(
            text("growth.stated", lang, indicator=s.indicator, what=what, year=s.year, rate=rate)
            + note
        )
    return lines


def _page(result: GrowthResult, lang: str, br: str) -> Page:
    ind, rows = result.indicator, result.targets
    q = result.asked
    if not rows:
        return Page().add(Lines([no_targets(ind, lang, q)]))
    judged = [r.judgement for r in rows]
    years = {j.actual_year for j in judged if j.actual_year is not None}
    base = text("growth.base_year", lang, year=result.base_year)
    above = [
        heading(ind, lang, base, year_line(result.as_of, result.year_defaulted, lang)),
        *actual_lines(judged, ind, result.as_of, lang, q.given, scope_name(q, q.given_scope, lang)),
    ]
    table = Table(rows, columns(lang, result.base_year, len(years) > 1, br))
    page = Page().add(Lines(above), table, Lines(stated_lines(result.stated, lang)))
    return page.add(*note_lines([(j.target_id, j.notes) for j in judged], lang))


def table_page(result: GrowthResult, lang: str) -> Page:
    return _page(result, lang, "\n")  # two-line headers keep the table narrow


def markdown_page(result: GrowthResult, lang: str) -> Page:
    return _page(result, lang, " ")
