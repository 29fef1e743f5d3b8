"""`plancli gap`: how far an indicator is from each of its targets, and what is still needed."""

from __future__ import annotations

from plancli.cli import measure as m
from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.options import FormatOption
from plancli.cli.output import Column, Format, emit, fmt_number


def _columns(with_actual: bool) -> list[Column]:
    # One indicator per table: its unit and (where all targets share it) the actual are named
    # once, above it; a target is named by what follows the @ of its id (2025, 2035.double).
    cols = [
        Column("target_cell_id", "目标", "Target"),
        m.figure("target_cell", "目标值", "Value"),
        m.figure("actual_cell", "实际", "Actual"),
        Column("met", "达标", "Met", no_wrap=True),
        m.figure("gap_cell", "差距", "Gap"),
        m.figure("years_left", "剩余", "Left"),
        m.figure("required_annual_growth_pct", "年增速", "Growth/yr", m.signed_rate),
        m.figure("required_annual_change", "年变化", "Change/yr", m.signed),
        Column("status", "状态", "Status", show=lambda v, _: m.status_word(v), no_wrap=True),
    ]
    return cols if with_actual else [c for c in cols if c.key != "actual_cell"]


def _for_reading(rec: dict, direction: str, show_year: bool) -> dict:
    gap = m.plain(rec["gap"])
    if rec["gap_pct"] is not None:
        gap += f" ({fmt_number(rec['gap_pct'], 1)}%)"
    return {**rec, **m.target_cells(rec, direction, show_year), "gap_cell": gap}


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
    from plancli.maths.metrics import JSON_KEYS

    ind, results, when, defaulted = m.evaluate(state.plan(), indicator, actual, year)
    records = [r.to_dict(state.settings.lang) for r in results]
    if fmt in (Format.json, Format.csv) or not records:
        emit(records, [Column(k, k, k) for k in JSON_KEYS], fmt, empty=m.no_targets_message(ind))
        return
    # The actual is named above the table; a column repeats it only where targets differ.
    used = {(rec["actual"], rec["actual_year"]) for rec in records}
    years = {y for _, y in used if y is not None}
    shown = [
        _for_reading(rec, str(r.direction), len(years) > 1)
        for rec, r in zip(records, results, strict=True)
    ]
    heading = (
        f"{m.name_of(ind)} ({ind.id}) · {m.unit_line(ind.unit)} · {m.year_line(when, defaulted)}"
    )
    notes = m.note_lines([(r["target_id"], r["notes"]) for r in records])
    above = [heading, *m.actual_lines(records, ind, when)]
    m.emit_between(above, shown, _columns(len(used) > 1), fmt, notes)
