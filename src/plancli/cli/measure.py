"""What gap, growth and trajectory share: the INDICATOR argument, --actual and --year and the
evaluation they ask for, and showing figures with their units in the chosen language.

Imports of the core happen inside the functions: the CLI starts without loading pydantic.
"""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli.output import Column, Format, emit, fmt_number, tr
from plancli.model.problems import UsageError

IndicatorArg = Annotated[
    str,
    typer.Argument(
        metavar="INDICATOR",
        help="An indicator id (gdp), a target id (gdp@2025), or a Chinese or English name "
        "or alias.",
        show_default=False,
    ),
]
ActualOption = Annotated[
    str | None,
    typer.Option(
        "--actual",
        metavar="VALUE",
        help="The actual value: 8000, 8000亿, 0.8万亿, 80% (converted to the indicator's unit). "
        "Default: the latest shipped or --actuals value up to --year.",
        show_default=False,
    ),
]
YearOption = Annotated[
    str | None,
    typer.Option(
        "--year",
        metavar="YEAR",
        help="The year the actual value belongs to. Default: the latest complete calendar year.",
        show_default=False,
    ),
]


def resolve_year(plan, text: str | None) -> tuple[int, bool]:
    """The year asked for, and whether it was the default; UsageError outside the plan."""
    from plancli.maths.clock import latest_complete_year

    lo, hi = plan.meta.base_year, max(plan.meta.horizon_years)
    if text is None:
        return min(max(latest_complete_year(), lo), hi), True
    try:
        year = int(text.strip())
    except ValueError:
        raise UsageError(
            f"--year {text!r} is not a year (expected one such as 2023, within {lo}–{hi})"
        ) from None
    if not lo <= year <= hi:
        raise UsageError(f"--year {year} is outside the plan's years {lo}–{hi}")
    return year, False


def chosen_targets(plan, query: str):
    """The indicator a user named and its targets (only the one named, for a target id)."""
    from plancli.query.lookup import find_indicator

    indicator, target = find_indicator(plan, query)
    return indicator, [target] if target is not None else list(indicator.targets)


def evaluate(plan, query: str, actual: str | None, year: str | None):
    """What gap and growth start from: the indicator named, its targets judged against --actual
    (or the latest actual up to --year), and that year with whether it was the default.

    Returns (indicator, results, year, defaulted)."""
    from plancli.maths.metrics import evaluate_indicator, parse_actual

    indicator, targets = chosen_targets(plan, query)
    when, defaulted = resolve_year(plan, year)
    from plancli.report.sanitise import require_finite

    given = parse_actual(indicator, actual) if actual is not None else None
    results = evaluate_indicator(plan, indicator, year=when, given=given, targets=targets)
    require_finite(results)  # before anything is printed, in any format
    return indicator, results, when, defaulted


def no_targets_message(indicator) -> str:
    return tr(
        f"{indicator.name.zh}（{indicator.id}）没有目标值，只有基期值。",
        f"{indicator.name.en} ({indicator.id}) has no targets, only a baseline.",
    )


def name_of(indicator) -> str:
    return tr(indicator.name.zh, indicator.name.en)


def year_line(year: int, defaulted: bool) -> str:
    if defaulted:
        return tr(
            f"年份：{year}（默认：最近一个完整年度）",
            f"Year: {year} (default: latest complete year)",
        )
    return tr(f"年份：{year}", f"Year: {year}")


# -- figures, rounded for reading; the unit is named once, above a table ---------------------


def unit_line(unit: str) -> str:
    if unit == "%":
        return tr(
            "单位：%（差距和变化为百分点）", "unit: % (gaps and changes in percentage points)"
        )
    if not unit:
        return tr("单位：无（比值）", "unit: none (a ratio)")
    from plancli.report.wording import unit_word

    return tr(f"单位：{unit}", f"unit: {unit_word(unit, 'en')} ({unit})")


def value_cell(value: float | None, unit: str) -> str:
    """A value of the indicator: numbers bare, percentages with their sign."""
    if value is None:
        return "—"
    return fmt_number(value) + ("%" if unit == "%" else "")


def plain(value, _record=None) -> str:
    return fmt_number(value)


def signed(value, _record=None) -> str:
    text = fmt_number(value)
    return "+" + text if value is not None and value > 0 else text


def signed_rate(value, _record=None) -> str:
    return "—" if value is None else signed(value) + "%"


COMPARATOR_SIGNS = {"at_least": "≥", "at_most": "≤", "around": "≈"}


def target_cell(value: float | None, unit: str, comparator: str, direction: str) -> str:
    if value is None:
        return "?"
    arrow = ("↑" if direction == "up" else "↓") if comparator == "around" else ""
    return f"{COMPARATOR_SIGNS[comparator]}{value_cell(value, unit)}{arrow}"


def target_cells(rec: dict, direction: str, show_year: bool) -> dict:
    """The cells that name a target and its actual in a table of one indicator: what follows the
    @ of its id (2025, 2035.double), its value with its comparator, and the actual, with its year
    when the targets' actuals are of different years."""
    actual = value_cell(rec["actual"], rec["unit"])
    if show_year and rec["actual_year"] is not None:
        actual += f" ({rec['actual_year']})"
    return {
        "target_cell_id": rec["target_id"].split("@", 1)[1],
        "target_cell": target_cell(rec["target"], rec["unit"], rec["comparator"], direction),
        "actual_cell": actual,
    }


def figure(key: str, zh: str, en: str, show=None) -> Column:
    """A column of figures: right-aligned, never wrapped."""
    return Column(key, zh, en, justify="right", no_wrap=True, show=show)


def emit_between(above: list[str], records, columns, fmt: Format, below: list[str]) -> None:
    """A table with lines of text above and below it; in Markdown a blank line on each side, so
    that the table is read as one."""
    from plancli.report.sanitise import for_terminal

    for line in above:
        typer.echo(for_terminal(line))
    if fmt is Format.markdown:
        typer.echo("")
    emit(records, columns, fmt)
    if fmt is Format.markdown:
        typer.echo("")
    for line in below:
        typer.echo(for_terminal(line))


def with_unit(value: float | None, unit: str) -> str:
    """A value with its unit, for a sentence."""
    return "—" if value is None else f"{fmt_number(value)}{unit}"


def status_word(code: str) -> str:
    from plancli.cli import state
    from plancli.model.vocab import STATUS_WORDS, Status

    return STATUS_WORDS[Status(code)][state.settings.lang]


def source_text(source: dict | None) -> str:
    if source is None:
        return "—"
    if source["origin"] == "option":
        return tr("命令行 --actual", "--actual on the command line")
    where = tr("随包数据", "shipped data") if source["origin"] == "shipped" else "--actuals"
    return f"{source['title']} ({where})"


def note_lines(items: list[tuple[str, dict[str, str]]]) -> list[str]:
    """The distinct notes, each once with the targets it applies to, for reading under a table."""
    from plancli.cli.notes_zh import in_chinese

    by_text: dict[str, list[str]] = {}
    for target_id, notes in items:
        for text in notes.values():
            ids = by_text.setdefault(tr(in_chinese(text), text), [])
            if target_id not in ids:
                ids.append(target_id)
    lines = [f"  {', '.join(ids)}: {text}" for text, ids in by_text.items()]
    return [tr("说明：", "Notes:"), *lines] if lines else []


def actual_lines(records: list[dict], indicator, year: int) -> list[str]:
    """Which actual (and from where) the figures used, or that none is known."""
    lines = []
    used: dict[tuple, dict] = {}
    for rec in records:
        if rec["actual"] is not None:
            key = (rec["actual"], rec["actual_year"], rec["actual_source"]["title"])
            used.setdefault(key, rec)
    for rec in used.values():
        lines.append(
            tr("实际值：", "Actual used: ")
            + with_unit(rec["actual"], rec["unit"])
            + tr(f"（{rec['actual_year']}年）", f" ({rec['actual_year']})")
            + tr("，来源：", ", source: ")
            + source_text(rec["actual_source"])
        )
    if not used:
        lines.append(
            tr(
                f"截至{year}年没有{indicator.name.zh}的实际值（随包数据或 --actuals）；"
                "可用 --actual 给出。",
                f"No actual value for {indicator.id} up to {year} (shipped or --actuals); "
                "give one with --actual.",
            )
        )
    return lines
