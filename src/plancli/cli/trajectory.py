"""`plancli trajectory`: the year-by-year path the plan implies from its baseline to each target,
drawn in the terminal, with the actual values known for those years placed against it."""

from __future__ import annotations

import typer

from plancli.cli import measure as m
from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.options import FormatOption
from plancli.cli.output import Column, Format, emit, tr

KEYS = (
    "target_id",
    "indicator",
    "unit",
    "shape",
    "year",
    "path_value",
    "actual",
    "deviation",
    "actual_source",
)
BAR_WIDTH = 30
PATH_CELL, ACTUAL_MARK = "█", "●"


def _columns(fmt: Format) -> list[Column]:
    cols = [
        Column("year", "年份", "Year", no_wrap=True),
        m.figure("path_value", "规划路径", "Plan path", m.plain),
        m.figure("actual", "实际", "Actual", m.plain),
        m.figure("deviation", "偏差", "Deviation", m.signed),
    ]
    if fmt is Format.table:
        cols.append(Column("bar", "", "", no_wrap=True))
    return cols


def bar(path: float | None, actual: float | None, lo: float, hi: float) -> str:
    """The path as a bar of full cells, with the actual as a dot at its own position."""

    def cells(value: float) -> int:
        if hi <= lo:
            return BAR_WIDTH
        return min(max(round((value - lo) / (hi - lo) * (BAR_WIDTH - 1)) + 1, 1), BAR_WIDTH)

    line = [PATH_CELL] * (cells(path) if path is not None else 0)
    line += [" "] * (BAR_WIDTH - len(line))
    if actual is not None:
        line[cells(actual) - 1] = ACTUAL_MARK
    return "".join(line).rstrip()


def _span(rows: list[dict]) -> tuple[float, float]:
    values = [r[k] for r in rows for k in ("path_value", "actual") if r[k] is not None]
    if not values:
        return 0.0, 0.0
    lo, hi = min(values), max(values)
    # Start the bars a little below the smallest value, so that it still shows.
    return lo - (hi - lo) * 0.1, hi


def _rows(traj, indicator) -> list[dict]:
    return [
        {
            "target_id": traj.target.id,
            "indicator": indicator.id,
            "unit": indicator.unit,
            "shape": str(traj.shape),
            "year": p.year,
            "path_value": p.path,
            "actual": p.actual.value if p.actual else None,
            "deviation": p.deviation,
            "actual_source": p.actual.source_dict() if p.actual else None,
        }
        for p in traj.points
    ]


def _heading(plan, indicator, traj) -> str:
    from plancli.maths.metrics import Shape, plan_need

    t, unit = traj.target, indicator.unit
    goal = m.target_cell(traj.target_value, unit, t.comparator, t.effective_direction)
    start = (
        f"{m.value_cell(traj.baseline.value, unit)} ({traj.baseline.year}) → "
        if traj.baseline
        else ""
    )
    text = f"{t.id}: {start}{goal} ({t.year})"
    need = plan_need(plan, indicator, t).need
    if traj.note is None and need.change is not None:
        if traj.shape is Shape.COMPOUND and need.growth_pct is not None:
            how, step = tr("复合增长", "compound"), m.signed_rate(need.growth_pct)
        elif unit == "%":
            how = tr("线性", "linear")
            step = m.signed(need.change) + tr("个百分点", " pp")
        else:
            how = tr("自零累计", "a total from zero") if traj.shape is Shape.FROM_ZERO else ""
            how = how or tr("线性", "linear")
            step = m.signed(need.change) + unit
        text += " · " + tr(f"{how}，每年 {step}", f"{how}: {step} a year")
    return text


@app.command()
def trajectory(
    indicator: m.IndicatorArg,
    fmt: FormatOption = Format.table,
) -> None:
    """The path from the baseline to each target of INDICATOR that the plan implies, year by
    year (compound for levels, linear for shares and totals), with known actuals beside it."""
    from plancli.maths.metrics import trajectory as path_of
    from plancli.report.sanitise import for_terminal

    plan = state.plan()
    ind, targets = m.chosen_targets(plan, indicator)
    trajs = [path_of(plan, ind, t) for t in targets]
    if fmt in (Format.json, Format.csv) or not trajs:
        rows = [r for traj in trajs for r in _rows(traj, ind)]
        emit(rows, [Column(k, k, k) for k in KEYS], fmt, empty=m.no_targets_message(ind))
        return
    typer.echo(for_terminal(f"{m.name_of(ind)} ({ind.id}) · {m.unit_line(ind.unit)}"))
    for traj in trajs:
        rows = _rows(traj, ind)
        lo, hi = _span(rows)
        for r in rows:
            r["bar"] = bar(r["path_value"], r["actual"], lo, hi)
        typer.echo("")
        heading = _heading(plan, ind, traj)
        if fmt is Format.table:  # printed apart, so that the table's width cannot wrap it
            typer.echo(for_terminal(heading))
        emit(rows, _columns(fmt), fmt, title=heading if fmt is Format.markdown else None)
        if traj.note:
            typer.echo(for_terminal(tr("说明：", "Note: ") + traj.note))
    if fmt is Format.table:
        typer.echo(
            tr(
                f"{PATH_CELL} 规划路径  {ACTUAL_MARK} 实际值（条形起点略低于最小值）",
                f"{PATH_CELL} plan path  {ACTUAL_MARK} actual (bars start a little below the "
                "smallest value)",
            )
        )
    known = sum(1 for traj in trajs for p in traj.points if p.actual)
    if not known:
        typer.echo(
            tr(
                "这些年份还没有实际值（随包数据或 --actuals）。",
                "No actual values are known for these years (shipped or --actuals).",
            )
        )
