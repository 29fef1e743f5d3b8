"""`plancli show INDICATOR`: one indicator with every target, baseline, quote and actual."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import complete, state
from plancli.cli.app import app
from plancli.cli.options import BomOption, FormatOption
from plancli.cli.output import Format


@app.command()
def show(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR",
            help="Indicator id, Chinese or English name, alias, or a target id (gdp@2025).",
            autocompletion=complete.indicators,
        ),
    ],
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """One indicator: its targets, its baselines, the quotes they come from, known actuals."""
    from plancli.cli.output import Block, Column, View, emit_view, fmt_value, tr
    from plancli.cli.views import in_lang, lang, say_value, target_columns
    from plancli.query.browse import FACT_FIELDS, indicator_detail, indicator_facts
    from plancli.report.wording import unit_word

    plan = state.plan()
    ind, only = find(plan, indicator)
    detail = indicator_detail(plan, ind, only)
    facts = [
        (tr("英文名", "Chinese name"), _other_name(detail)),
        (tr("单位", "Unit"), unit_word(ind.unit, lang()) or tr("(无单位)", "(a pure number)")),
    ]
    if ind.aliases:
        facts.append((tr("别名", "Aliases"), tr("、", ", ").join(ind.aliases)))
    if ind.note:
        facts.append((tr("说明", "Note"), ind.note))
    value = Column(
        "value", "数值", "value", justify="right", show=lambda v, r: say_value(v, r["unit"])
    )
    baselines = Block(
        detail["baselines"],
        [
            Column("year", "年份", "year", no_wrap=True),
            value,
            Column("text", "原文", "as written"),
            Column("scope", "范围", "scope"),
            Column("task", "任务", "task", no_wrap=True),
        ],
        title=tr("基期值", "Baselines"),
        empty=tr("原文未给出。", "none stated in the outline."),
    )
    targets = Block(
        detail["targets"],
        target_columns(),
        title=tr("目标", "Targets"),
        empty=tr("这个指标没有量化目标。", "this indicator has no quantified target."),
    )
    quote_rows = [
        {"id": t["id"], "task": t["task"], "quote": q}
        for t in detail["targets"]
        for q in t["quotes"]
    ]
    quote_rows += [
        {"id": f"{b['year']}", "task": b["task"], "quote": b["quote"]} for b in detail["baselines"]
    ]
    quotes = Block(
        quote_rows,
        [
            Column("id", "目标/基期", "target/baseline", min_width=16, break_before="@"),
            Column("task", "任务", "task", no_wrap=True),
            Column("quote", "原文", "quote (as written)"),
        ],
        title=tr("原文引用", "Quotes from the outline"),
    )
    actuals = Block(
        detail["actuals"],
        [
            Column("year", "年份", "year", no_wrap=True),
            value,
            Column("scope", "范围", "scope"),
            Column("source_title", "来源", "source", show=_source),
        ],
        title=tr("实际值", "Actual values"),
        empty=tr("暂无。", "none known yet."),
    )
    notes = [(t["id"], t["note"]) for t in detail["targets"] if t["note"]]
    facts += [(tr("注", "Note") + f" {tid}", fmt_value(note)) for tid, note in notes]
    view = View(
        f"{ind.id}  {in_lang(detail, 'name')}",
        detail,
        indicator_facts(detail),
        list(FACT_FIELDS),
        facts=facts,
        blocks=[targets, baselines, quotes, actuals],
    )
    emit_view(view, fmt, bom=bom)


def find(plan, query: str):
    from plancli.query.lookup import find_indicator

    return find_indicator(plan, query)


def _other_name(detail: dict) -> str:
    return detail["name_zh"] if str(state.settings.lang) == "en" else detail["name_en"]


def _source(_value, rec: dict) -> str:
    from plancli.cli.output import tr

    parts = [rec["source_title"]]
    if rec.get("source_url"):
        parts.append(rec["source_url"])
    if rec.get("user"):
        parts.append(tr("(你的 --actuals)", "(your --actuals)"))
    return " ".join(parts)
