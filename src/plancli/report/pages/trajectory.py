"""`trajectory`'s page: each target's path year by year, drawn as bars, with the actuals."""

from __future__ import annotations

from plancli.report.catalogue import render, text
from plancli.report.page import Column, Lines, Notes, Page, Table
from plancli.report.pages.measure import (
    change_text,
    figure,
    is_change,
    name_of,
    no_targets,
    target_value_cell,
    unit_line,
)
from plancli.report.words import fmt_value, signed, signed_rate, value_cell
from plancli.results.trajectory import PointRow, TrajectoryRecord, TrajectoryResult

BAR_WIDTH = 30  # the bars' natural width; in a terminal they take the width the table leaves
PATH_CELL, ACTUAL_MARK = "█", "●"


def bar(
    path: float | None, actual: float | None, lo: float, hi: float, width: int = BAR_WIDTH
) -> str:
    """The path as a bar of full cells, with the actual as a dot at its own position, in a
    chart `width` cells wide."""

    def cells(value: float) -> int:
        if hi <= lo:
            return width
        return min(max(round((value - lo) / (hi - lo) * (width - 1)) + 1, 1), width)

    line = [PATH_CELL] * (cells(path) if path is not None else 0)
    line += [" "] * (width - len(line))
    if actual is not None:
        line[cells(actual) - 1] = ACTUAL_MARK
    return "".join(line).rstrip()


def span(points: tuple[PointRow, ...]) -> tuple[float, float]:
    values = [v for p in points for v in (p.path_value, p.actual) if v is not None]
    if not values:
        return 0.0, 0.0
    lo, hi = min(values), max(values)
    # Start the bars a little below the smallest value, so that it still shows.
    return lo - (hi - lo) * 0.1, hi


def columns(lang: str, points: tuple[PointRow, ...], with_bar: bool) -> list[Column]:
    def label(key: str) -> str:
        return text(f"trajectory.{key}", lang)

    # Left out first when the table does not fit: the chart, then the deviation (the path and
    # the actual stay beside their year).
    cols = [
        Column(label("year"), lambda p: str(p.year), role="id"),
        figure(label("path"), lambda p: fmt_value(p.path_value)),
        figure(label("actual"), lambda p: fmt_value(p.actual)),
        figure(label("deviation"), lambda p: signed(p.deviation), drop=2),
    ]
    if with_bar:
        lo, hi = span(points)
        cols.append(
            Column(
                "",
                lambda p: bar(p.path_value, p.actual, lo, hi),
                role="chart",
                drop=1,
                draw=lambda p, width: bar(p.path_value, p.actual, lo, hi, width),
                width=BAR_WIDTH,
            )
        )
    return cols


def _value(value: float | None, unit: str, _lang: str) -> str:
    return value_cell(value, unit)


def path_line(traj: TrajectoryRecord, lang: str) -> str:
    """gdp@2025: 6,871 (2020) → ≥10,000 (2025) · compound, 7.79% a year."""
    unit = traj.unit
    goal = target_value_cell(traj, lang)
    start = ""
    if traj.baseline is not None:
        base = (change_text if is_change(traj) else _value)(traj.baseline, unit, lang)
        start = f"{base} ({traj.baseline_year}) → "
    shown = f"{traj.target_id}: {start}{goal} ({traj.year})"
    if traj.annual_change is None:
        return shown
    if traj.annual_growth_pct is not None:
        how, step = text("shape.compound", lang), signed_rate(traj.annual_growth_pct)
    elif unit == "%":
        how, step = (
            text("shape.linear", lang),
            signed(traj.annual_change) + text("trajectory.pp", lang),
        )
    else:
        how = text("shape.from_zero" if traj.shape == "from_zero" else "shape.linear", lang)
        step = signed(traj.annual_change) + unit
    return shown + " · " + text("trajectory.step", lang, how=how, step=step)


def _page(result: TrajectoryResult, lang: str, markdown: bool) -> Page:
    ind = result.indicator
    if not result.trajectories:
        return Page().add(Lines([no_targets(ind, lang, result)]))
    page = Page().add(
        Lines([f"{name_of(ind, lang)} ({ind.indicator}) · {unit_line(ind.unit, lang)}"])
    )
    for traj in result.trajectories:
        notes = Notes(text("measure.notes", lang), [render(n, lang) for n in traj.notes])
        cols = columns(lang, traj.points, not markdown)
        table = Table(traj.points, cols, title=path_line(traj, lang))
        page.add(table, notes)
    if not markdown:
        page.add(Lines([text("trajectory.legend", lang, path=PATH_CELL, actual=ACTUAL_MARK)]))
    if not any(p.actual is not None for t in result.trajectories for p in t.points):
        page.add(Lines([text("trajectory.no_actuals", lang)]))
    return page


def table_page(result: TrajectoryResult, lang: str) -> Page:
    return _page(result, lang, markdown=False)


def markdown_page(result: TrajectoryResult, lang: str) -> Page:
    return _page(result, lang, markdown=True)
