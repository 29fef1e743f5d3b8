"""The scorecard's pages: for a terminal, the overall score, a table of chapters and a table of
targets; in Markdown, the review memo (`plancli review`), target by target by status."""

from __future__ import annotations

from plancli.model.vocab import Status
from plancli.report.catalogue import text
from plancli.report.page import ITEM_SEP, Column, Facts, Heading, Lines, Page, Passage, Table
from plancli.report.pages.measure import actual_cell, change_said, is_change, year_line
from plancli.report.words import (
    COMPARATOR_SIGNS,
    fmt_number,
    say_value,
    status_word,
    target_said,
)
from plancli.results.scorecard import (
    ChapterScoreRow,
    ScorecardResult,
    SummaryRecord,
    TargetScoreRow,
)

BAR_WIDTH = 20
STATUS_ORDER = tuple(str(s) for s in Status)
# The review's sections: every status but no_data (those targets are counted, not listed).
SECTIONS = STATUS_ORDER[:-1]


def bar(score: float | None, width: int = BAR_WIDTH) -> str:
    if score is None:
        return ""
    full = round(score / 100 * width)
    return "█" * full + "░" * (width - full)


def score_cell(value: float | None) -> str:
    return "—" if value is None else fmt_number(value, 1)


def plan_name(card: ScorecardResult, lang: str) -> str:
    return card.plan_name_en if lang == "en" else card.plan_name_zh


def counts_items(counts: dict[str, int], lang: str, order: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{status_word(s, lang)} {counts[s]}" for s in order if counts.get(s)) or ("—",)


def counts_text(counts: dict[str, int], lang: str, sep: str, order: tuple[str, ...]) -> str:
    return sep.join(counts_items(counts, lang, order))


def chapter_columns(lang: str) -> list[Column]:
    def label(key: str) -> str:
        return text(f"score.{key}", lang)

    def title(c: ChapterScoreRow) -> str:
        shown = c.title_en if lang == "en" else c.title_zh
        return shown + (text("score.thin", lang) if c.summary.thin else "")

    # In a narrow terminal the bars go first: the score beside them says the same.
    return [
        Column(label("chapter"), lambda c: c.chapter, role="id"),
        Column(label("title"), title),
        Column(
            label("data"), lambda c: f"{c.summary.with_data}/{c.summary.targets}", role="figure"
        ),
        Column(label("score"), lambda c: score_cell(c.summary.mean_score), role="figure"),
        Column(
            "",
            lambda c: bar(c.summary.mean_score),
            role="chart",
            drop=1,
            draw=lambda c, width: bar(c.summary.mean_score, width),
            width=BAR_WIDTH,
        ),
        Column(
            label("statuses"),
            lambda c: counts_text(c.summary.counts, lang, ITEM_SEP, SECTIONS),
            sep=ITEM_SEP,
        ),
    ]


SECONDARY_MARK = "*"


def secondary(t: TargetScoreRow) -> bool:
    """Judged on a shipped figure from a secondary source (not a government publication); a
    user's own figures are theirs to vouch for."""
    j = t.judgement
    return j.actual_origin == "shipped" and not j.actual_source_primary


def _actual_cell(t: TargetScoreRow, lang: str) -> str:
    j = t.judgement
    mark = SECONDARY_MARK if secondary(t) else ""
    return f"{actual_cell(j, False, lang)} ({j.actual_year}){mark}"


def _target_cell(t: TargetScoreRow, lang: str) -> str:
    j = t.judgement
    if is_change(j) and j.value is not None:
        return COMPARATOR_SIGNS[str(j.comparator)] + change_said(j.value, j.unit, lang)
    return target_said(j.value, j.unit, str(j.comparator), str(j.direction), lang)


def target_columns(lang: str) -> list[Column]:
    def label(key: str) -> str:
        return text(f"score.{key}", lang)

    # In a narrow terminal the target value goes first, then the actual: the score and the
    # status say how far each target is.
    return [
        Column(label("target"), lambda t: t.judgement.target_id, role="id"),
        Column(label("actual_year"), lambda t: _actual_cell(t, lang), role="figure", drop=2),
        Column(label("target_value"), lambda t: _target_cell(t, lang), role="figure", drop=1),
        Column(label("score"), lambda t: score_cell(t.score), role="figure"),
        Column(label("status"), lambda t: status_word(t.judgement.status, lang), role="status"),
    ]


def coverage_text(o: SummaryRecord, lang: str) -> str:
    """22/230, and the thin-coverage mark where under 20% of the targets have data."""
    shown = f"{o.with_data}/{o.targets}"
    return shown + (text("score.thin_overall", lang) if o.thin else "")


def table_page(card: ScorecardResult, lang: str) -> Page:
    o = card.overall
    heading = text(
        "score.heading",
        lang,
        plan=plan_name(card, lang),
        year=year_line(card.year, card.year_defaulted, lang),
    )
    facts: list[tuple[str, str | tuple[str, ...]]] = [
        (
            text("score.overall", lang),
            f"{score_cell(o.mean_score)} {bar(o.mean_score)}  "
            + text("score.mean_of_chapters", lang),
        ),
        (text("score.with_data", lang), coverage_text(o, lang)),
        (text("score.statuses", lang), counts_items(o.counts, lang, STATUS_ORDER)),
    ]
    scored = [t for t in card.targets if t.score is not None]
    page = Page().add(
        Heading(heading),
        Facts(facts),
        Table(card.chapters, chapter_columns(lang), title=text("score.chapters", lang)),
        Table(
            scored,
            target_columns(lang),
            title=text("score.scored", lang),
            empty=text("score.none_scored", lang),
        ),
    )
    if any(secondary(t) for t in scored):
        page.add(Lines([text("score.secondary_legend", lang, mark=SECONDARY_MARK)]))
    unscored = [t.judgement.target_id for t in card.targets if t.score is None]
    if unscored:
        said = text("score.not_scored", lang, n=len(unscored), ids=", ".join(unscored))
        page.add(Passage(said))
    return page


# -- the review memo -----------------------------------------------------------------------------


def _source_cell(t: TargetScoreRow, lang: str) -> str:
    j = t.judgement
    if j.actual_origin == "option":
        return text("origin.option", lang)
    # (In Markdown the title links to the source's page.)
    return (j.actual_source_title or "—") + (text("review.secondary", lang) if secondary(t) else "")


def _stated_target(t: TargetScoreRow, lang: str) -> str:
    j = t.judgement
    shown = j.text
    if is_change(j):  # 提高2个百分点, 比2020年增加1.5万元: the amount as written
        return shown
    if j.value is not None and fmt_number(j.value) not in shown.replace(",", ""):
        shown += f" (≈{say_value(j.value, j.unit, lang)})"  # a relative target: what it comes to
    return shown


def review_columns(lang: str) -> list[Column]:
    def label(key: str) -> str:
        return text(f"review.{key}", lang)

    def name(t: TargetScoreRow) -> str:
        return t.judgement.name_en if lang == "en" else t.judgement.name_zh

    def actual(t: TargetScoreRow) -> str:
        j = t.judgement
        if j.actual is None:
            return "—"
        if is_change(j):
            return f"{change_said(j.actual, j.unit, lang)} ({j.actual_year})"
        return f"{say_value(j.actual, j.unit, lang)} ({j.actual_year})"

    return [
        Column(label("target"), lambda t: t.judgement.target_id, role="id"),
        Column(label("indicator"), name),
        Column(label("target_value"), lambda t: _stated_target(t, lang)),
        Column(label("actual"), actual),
        Column(label("score"), lambda t: score_cell(t.score)),
        Column(
            label("source"),
            lambda t: _source_cell(t, lang),
            link=lambda t: t.judgement.actual_source_url,
        ),
    ]


def markdown_page(card: ScorecardResult, lang: str) -> Page:
    """The review memo: one page a planning office could paste into a memo."""
    o = card.overall
    title = text("review.title", lang, plan=plan_name(card, lang), year=card.year)
    if card.year_defaulted:
        title += text("review.default_year", lang)
    sep = "，" if lang == "zh" else ", "
    summary = [
        text(
            "review.summary",
            lang,
            score=score_cell(o.mean_score),
            with_data=o.with_data,
            targets=o.targets,
        ),
        text("review.counts", lang, counts=counts_text(o.counts, lang, sep, STATUS_ORDER)),
    ]
    if o.thin:
        summary.append(text("review.thin_overall", lang))
    thin = [c.chapter for c in card.chapters if c.summary.thin]
    if thin:
        summary.append(text("review.thin", lang, chapters=", ".join(thin)))
    page = Page().add(Heading(title, 1), Lines(summary), Lines([text("review.method", lang)]))
    columns = review_columns(lang)
    for status in SECTIONS:
        group = [t for t in card.targets if t.judgement.status == status]
        page.add(Heading(f"{status_word(status, lang)} ({len(group)})", 2))
        page.add(Table(group, columns, empty=text("review.none", lang)))
    rest = sum(1 for t in card.targets if t.judgement.status not in SECTIONS)
    if rest:
        page.add(Lines([text("review.no_data", lang, n=rest)]))
    return page
