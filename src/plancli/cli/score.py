"""`plancli score` and `plancli review`: how the plan is doing, target by target, chapter by
chapter and overall."""

from __future__ import annotations

import typer

from plancli.cli import measure as m
from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.options import BomOption, ChapterOption, FormatOption, chosen_place
from plancli.cli.output import Block, Column, Format, View, console, emit_view, fmt_number, tr

BAR_WIDTH = 20
STATUS_ORDER = ("achieved", "on_track", "behind", "off_track", "missed", "no_baseline", "no_data")


def bar(score: float | None) -> str:
    if score is None:
        return ""
    full = round(score / 100 * BAR_WIDTH)
    return "█" * full + "░" * (BAR_WIDTH - full)


def _score_cell(value, _rec=None) -> str:
    return "—" if value is None else fmt_number(value, 1)


def _counts_cell(_value, rec: dict) -> str:
    counts = rec["counts"]
    return (
        " ".join(f"{m.status_word(s)} {counts[s]}" for s in STATUS_ORDER[:-1] if counts.get(s))
        or "—"
    )


def _chapter_title(_value, rec: dict) -> str:
    title = tr(rec["title_zh"], rec["title_en"])
    return title + (tr("（数据稀少）", " (thin data)") if rec["thin"] else "")


CHAPTER_COLUMNS = [
    Column("chapter", "章", "Ch.", justify="right", no_wrap=True),
    Column("title", "标题", "Title", show=_chapter_title),
    Column(
        "with_data",
        "有数据",
        "Data",
        justify="right",
        no_wrap=True,
        show=lambda v, r: f"{v}/{r['targets']}",
    ),
    Column("mean_score", "得分", "Score", justify="right", no_wrap=True, show=_score_cell),
    Column("bar", "", "", no_wrap=True, show=lambda _v, r: bar(r["mean_score"])),
    Column("counts", "状态", "Statuses", show=_counts_cell),
]


def _actual_cell(_value, rec: dict) -> str:
    return f"{m.value_cell(rec['actual'], rec['unit'])} ({rec['actual_year']})"


def _target_cell(_value, rec: dict) -> str:
    unit = "" if rec["unit"] in ("%", "") else rec["unit"]
    return m.target_cell(rec["target"], rec["unit"], rec["comparator"], rec["direction"]) + unit


TARGET_COLUMNS = [
    Column("target_id", "目标", "Target", min_width=16, break_before="@"),
    Column("actual", "实际（年份）", "Actual (year)", justify="right", show=_actual_cell),
    Column("target", "目标值", "Target value", justify="right", show=_target_cell),
    Column("score", "得分", "Score", justify="right", no_wrap=True, show=_score_cell),
    Column("status", "状态", "Status", no_wrap=True, show=lambda v, _r: m.status_word(v)),
]


def _load(year: str | None, chapter: str | None):
    from plancli.maths.scorecard import build

    plan = state.plan()
    when, defaulted = m.resolve_year(plan, year)
    ch, _ = chosen_place(plan, chapter)
    return plan, build(plan, when, ch.id if ch else None), defaulted


def _heading(card, defaulted: bool) -> str:
    return tr("温州“十四五”规划目标评分 · ", "Wenzhou 14th Five-Year Plan scorecard · ") + (
        m.year_line(card.year, defaulted)
    )


def _overall_facts(card) -> list[tuple[str, str]]:
    o = card.overall
    score = _score_cell(o.mean_score)
    return [
        (
            tr("总体得分", "Overall score"),
            f"{score} {bar(o.mean_score)}  "
            + tr("（各章得分的平均）", "(mean of the chapter scores)"),
        ),
        (tr("有数据的目标", "Targets with data"), f"{o.with_data}/{o.targets}"),
        (
            tr("状态", "Statuses"),
            " · ".join(
                f"{m.status_word(s)} {o.counts[s]}" for s in STATUS_ORDER if o.counts.get(s)
            ),
        ),
    ]


@app.command()
def score(
    year: m.YearOption = None,
    chapter: ChapterOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """Score every target with data (0–100) on the latest actuals up to --year, then each
    chapter and the plan as a whole; targets without data are counted, never scored as zero."""
    _plan, card, defaulted = _load(year, chapter)
    lang = state.settings.lang
    doc = card.to_dict(lang)
    with_data = [
        {**t.to_dict(lang), "direction": str(t.metrics.direction)}
        for t in card.targets
        if t.score is not None
    ]
    no_data = [t.metrics.target_id for t in card.targets if t.score is None]
    chapters = [c.to_dict() for c in card.chapters]
    view = View(
        heading=_heading(card, defaulted),
        document=doc,
        rows=doc["targets"],
        fields=list(doc["targets"][0]) if doc["targets"] else [],
        facts=_overall_facts(card),
        blocks=[
            Block(chapters, CHAPTER_COLUMNS, tr("各章", "Chapters")),
            Block(
                with_data,
                TARGET_COLUMNS,
                tr("有数据的目标", "Targets with data"),
                empty=tr("没有目标有实际值。", "No target has an actual value."),
            ),
        ],
    )
    emit_view(view, fmt, bom=bom)
    if no_data and fmt in (Format.table, Format.markdown):
        from rich.text import Text

        console().print()
        console().print(
            Text(
                tr(
                    f"未评分（无实际值或无法算出目标值，{len(no_data)}个）：",
                    f"Not scored (no actual value, or no target value; {len(no_data)}): ",
                )
                + ", ".join(no_data)
            ),
            overflow="fold",
        )


@app.command()
def review(
    year: m.YearOption = None,
    chapter: ChapterOption = None,
) -> None:
    """A mid-term or final review as Markdown, ready to paste into a memo: the targets achieved,
    on track, behind, off track and missed, with their figures and sources."""
    from plancli.report.review import render
    from plancli.report.sanitise import for_terminal

    _plan, card, defaulted = _load(year, chapter)
    typer.echo(for_terminal(render(card, state.settings.lang, defaulted)))
