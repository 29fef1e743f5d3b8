"""`plancli growth`: the annual growth each target needs, from an actual and from the plan's own
baseline, beside any growth rate the plan states for the indicator."""

from __future__ import annotations

from plancli.cli import measure as m
from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.options import FormatOption
from plancli.cli.output import Column, Format, emit, fmt_number, tr
from plancli.model.vocab import TARGET_KEYS

# The keys of growth's JSON and CSV, in order: the target named as in gap's, then its figures.
KEYS = (
    *TARGET_KEYS,
    "baseline",
    "baseline_year",
    "plan_years",
    "plan_annual_growth_pct",
    "plan_annual_change",
    "actual",
    "actual_year",
    "years_left",
    "required_annual_growth_pct",
    "required_annual_change",
    "status",
    "stated_growth_rates",
    "actual_source",
    "notes",
)


def _columns(fmt: Format) -> list[Column]:
    br = "\n" if fmt is Format.table else " "  # two-line headers keep a table narrow
    return [
        Column("target_cell_id", "目标", "Target"),
        m.figure("target_cell", "目标值", "Value"),
        m.figure("baseline_cell", "基期值", "Baseline"),
        m.figure("plan_annual_growth_pct", f"规划{br}年增速", f"Plan{br}rate", m.signed_rate),
        m.figure("plan_annual_change", f"规划{br}年变化", f"Plan{br}change", m.signed),
        m.figure("actual_cell", "实际", "Actual"),
        m.figure("years_left", "剩余", "Left"),
        m.figure("required_annual_growth_pct", f"所需{br}年增速", f"Needed{br}rate", m.signed_rate),
        m.figure("required_annual_change", f"所需{br}年变化", f"Needed{br}change", m.signed),
    ]


def _record(plan, ind, result, lang: str) -> dict:
    from plancli.maths.metrics import plan_need, stated_growth_rates

    target = plan.target_by_id[result.target_id][1]
    own = plan_need(plan, ind, target)
    rec = result.to_dict(lang)
    notes = dict(rec["notes"])
    notes.update({f"plan_{k}": v for k, v in own.need.notes.items()})
    rec.update(
        baseline=own.baseline.value if own.baseline else None,
        baseline_year=own.baseline.year if own.baseline else None,
        plan_years=own.years,
        plan_annual_growth_pct=own.need.growth_pct,
        plan_annual_change=own.need.change,
        stated_growth_rates=[s._asdict() for s in stated_growth_rates(plan, ind)],
        notes=notes,
    )
    return {k: rec[k] for k in KEYS}


def _for_reading(rec: dict, direction: str, show_year: bool, base_year: int) -> dict:
    baseline = m.value_cell(rec["baseline"], rec["unit"])
    if rec["baseline_year"] not in (None, base_year):
        baseline += f" ({rec['baseline_year']})"
    return {**rec, **m.target_cells(rec, direction, show_year), "baseline_cell": baseline}


@app.command()
def growth(
    indicator: m.IndicatorArg,
    actual: m.ActualOption = None,
    year: m.YearOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The annual growth each target of INDICATOR needs: from the plan's own baseline, and
    from the actual value (the latest known up to --year, or --actual).

    Shares move in percentage points a year, totals over the period by the remainder a year.
    """
    plan = state.plan()
    ind, results, when, defaulted = m.evaluate(plan, indicator, actual, year)
    lang = state.settings.lang
    records = [_record(plan, ind, r, lang) for r in results]
    if fmt in (Format.json, Format.csv) or not records:
        emit(records, [Column(k, k, k) for k in KEYS], fmt, empty=m.no_targets_message(ind))
        return
    years = {rec["actual_year"] for rec in records if rec["actual_year"] is not None}
    base_year = plan.meta.base_year
    shown = [
        _for_reading(rec, str(r.direction), len(years) > 1, base_year)
        for rec, r in zip(records, results, strict=True)
    ]
    heading = (
        f"{m.name_of(ind)} ({ind.id}) · {m.unit_line(ind.unit)} · "
        + tr(f"基期：{base_year}", f"base year: {base_year}")
        + f" · {m.year_line(when, defaulted)}"
    )
    above = [heading, *m.actual_lines(records, ind, when)]
    below = [
        *_stated_lines(records[0]["stated_growth_rates"]),
        *m.note_lines([(r["target_id"], r["notes"]) for r in records]),
    ]
    m.emit_between(above, shown, _columns(fmt), fmt, below)


def _stated_lines(stated: list[dict]) -> list[str]:
    if not stated:
        return [tr("规划未表述该指标的增速。", "The plan states no growth rate for it.")]
    lines = []
    for s in stated:
        what = tr("目标", "target") if s["what"] == "target" else tr("基期", "baseline")
        note = f" ({s['note']})" if s["note"] else ""
        lines.append(
            tr("规划表述的增速：", "Growth rate the plan states: ")
            + f"{s['indicator']}, {what} {s['year']}: {fmt_number(s['value'])}%{note}"
        )
    return lines
