"""`plancli gap`: how far an indicator is from each of its targets, and what is still needed."""

from __future__ import annotations

import typer

from plancli.cli import measure as m
from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.output import Column, Format, FormatOption, emit, fmt_number


def _columns(with_actual: bool) -> list[Column]:
    # One indicator per table: its unit and (where all targets share it) the actual are named
    # once, above it; a target is named by what follows the @ of its id (2025, 2035.double).
    cols = [
        Column("target_cell_id", "目标", "Target"),
        Column("target_cell", "目标值", "Value", justify="right", no_wrap=True),
        Column("actual_cell", "实际", "Actual", justify="right", no_wrap=True),
        Column("met", "达标", "Met", no_wrap=True),
        Column("gap_cell", "差距", "Gap", justify="right", no_wrap=True),
        Column("years_left", "剩余", "Left", justify="right", no_wrap=True),
        Column(
            "required_annual_growth_pct",
            "年增速",
            "Growth/yr",
            justify="right",
            no_wrap=True,
            show=m.signed_rate,
        ),
        Column(
            "required_annual_change",
            "年变化",
            "Change/yr",
            justify="right",
            no_wrap=True,
            show=m.signed,
        ),
        Column("status", "状态", "Status", show=lambda v, _: m.status_word(v), no_wrap=True),
    ]
    return cols if with_actual else [c for c in cols if c.key != "actual_cell"]


def _for_reading(rec: dict, show_year: bool) -> dict:
    unit = rec["unit"]
    actual = m.value_cell(rec["actual"], unit)
    if show_year and rec["actual_year"] is not None:
        actual += f" ({rec['actual_year']})"
    gap = m.plain(rec["gap"])
    if rec["gap_pct"] is not None:
        gap += f" ({fmt_number(rec['gap_pct'], 1)}%)"
    return {
        **rec,
        "target_cell_id": rec["target_id"].split("@", 1)[1],
        "target_cell": m.target_cell(rec["target"], unit, rec["comparator"], rec["direction"]),
        "actual_cell": actual,
        "gap_cell": gap,
    }


@app.command()
def gap(
    indicator: m.IndicatorArg,
    actual: m.ActualOption = None,
    year: m.YearOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """How far each target of INDICATOR is: met or not, the gap, the years left, the annual
    growth and change still needed, and a status.

    Without --actual, the latest shipped (or --actuals) value up to --year is used.
    """
    from plancli.metrics import JSON_KEYS, evaluate_indicator, parse_actual

    plan = state.plan()
    ind, targets = m.chosen_targets(plan, indicator)
    when, defaulted = m.resolve_year(plan, year)
    given = parse_actual(ind, actual) if actual is not None else None
    results = evaluate_indicator(plan, ind, year=when, given=given, targets=targets)
    records = [r.to_dict(state.settings.lang) for r in results]
    if fmt in (Format.json, Format.csv) or not records:
        emit(records, [Column(k, k, k) for k in JSON_KEYS], fmt, empty=m.no_targets_message(ind))
        return
    # The actual is named above the table; a column repeats it only where targets differ.
    used = {(rec["actual"], rec["actual_year"]) for rec in records}
    years = {y for _, y in used if y is not None}
    shown = [
        _for_reading({**rec, "direction": str(r.direction)}, len(years) > 1)
        for rec, r in zip(records, results, strict=True)
    ]
    typer.echo(
        f"{m.name_of(ind)} ({ind.id}) · {m.unit_line(ind.unit)} · {m.year_line(when, defaulted)}"
    )
    for line in m.actual_lines(records, ind, when):
        typer.echo(line)
    if fmt is Format.markdown:
        typer.echo("")
    emit(shown, _columns(len(used) > 1), fmt)
    if fmt is Format.markdown:
        typer.echo("")
    for line in m.note_lines([(r["target_id"], r["notes"]) for r in records]):
        typer.echo(line)
