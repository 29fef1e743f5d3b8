"""A review report in Markdown: one page a planning office could paste into a memo."""

from __future__ import annotations

from plancli.maths.scorecard import Scorecard, TargetScore
from plancli.model.vocab import STATUS_WORDS, Status

SECTIONS = (
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.OFF_TRACK,
    Status.MISSED,
    Status.NO_BASELINE,  # an actual, but no baseline to draw the plan's path from
)
TEXT = {
    "title": (
        "温州“十四五”规划实施情况评估（{year}年）",
        "Review of Wenzhou's 14th Five-Year Plan ({year})",
    ),
    "default": ("（年份为最近一个完整年度）", " (the latest complete year)"),
    "summary": (
        "总体得分 {score}（各章得分的平均），{with_data}/{targets}个目标有实际值。",
        "Overall score {score} (the mean of the chapter scores); {with_data} of "
        "{targets} targets have actual values.",
    ),
    "counts": ("各状态目标数：", "Targets by status: "),
    "thin": (
        "数据稀少（不足20%的目标有数据）的章：",
        "Chapters with thin data (under 20% of targets with data): ",
    ),
    "no_data": (
        "另有{n}个目标没有实际值，未评分。",
        "{n} more targets have no actual value and are not scored.",
    ),
    "none": ("（无）", "(none)"),
    "method": (
        "得分：从基期值到目标值已完成的比例（0–100）；状态：与规划隐含路径相比"
        "（“时间过半、任务过半”）。",
        "Score: the share of the way from the baseline to the "
        "target covered (0–100); status: against the path the plan implies for the year.",
    ),
    "secondary": ("（二手来源）", " (secondary)"),
    "cols": (
        ("目标", "指标", "目标值", "实际值", "得分", "来源"),
        ("Target", "Indicator", "Target value", "Actual", "Score", "Source"),
    ),
}


def t(key: str, lang: str) -> str | tuple:
    zh, en = TEXT[key]
    return en if lang == "en" else zh


def _num(x: float | None, digits: int = 2) -> str:
    if x is None:
        return "—"
    text = f"{x:,.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _unit(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{_num(value)}{unit}"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(s: TargetScore, lang: str) -> str:
    m = s.metrics
    src = m.actual_source or {}
    source = src.get("title") or "—"
    if src.get("url"):
        source = f"[{source}]({src['url']})"
    if src and not src.get("primary"):
        source += t("secondary", lang)
    target = m.target_text
    if m.target is not None and _num(m.target) not in target.replace(",", ""):
        target += f" (≈{_unit(m.target, m.unit)})"  # a relative target: what it comes to
    cells = (
        m.target_id,
        m.name(lang),
        target,
        f"{_unit(m.actual, m.unit)} ({m.actual_year})",
        _num(s.score, 1),
        source,
    )
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def render(card: Scorecard, lang: str = "zh", defaulted: bool = False) -> str:
    o = card.overall
    lines = [
        f"# {t('title', lang).format(year=card.year)}" + (t("default", lang) if defaulted else ""),
        "",
    ]
    lines.append(
        t("summary", lang).format(
            score=_num(o.mean_score, 1), with_data=o.with_data, targets=o.targets
        )
    )
    counts = "，".join if lang == "zh" else ", ".join
    lines.append(
        t("counts", lang)
        + counts(
            f"{STATUS_WORDS[st][lang]} {o.counts[str(st)]}" for st in Status if o.counts[str(st)]
        )
    )
    thin = [c for c in card.chapters if c.summary.thin]
    if thin:
        lines.append(t("thin", lang) + ", ".join(c.chapter for c in thin))
    lines += ["", t("method", lang)]
    for status in SECTIONS:
        group = [s for s in card.targets if s.status is status]
        lines += ["", f"## {STATUS_WORDS[status][lang]} ({len(group)})", ""]
        if not group:
            lines.append(t("none", lang))
            continue
        cols = t("cols", lang)
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("| " + " | ".join("---" for _ in cols) + " |")
        lines += [_row(s, lang) for s in group]
    rest = [s for s in card.targets if s.status not in SECTIONS]
    if rest:
        lines += ["", t("no_data", lang).format(n=len(rest))]
    return "\n".join(lines)
