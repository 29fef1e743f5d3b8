"""The pages of `actuals` (the actual values known) and `actuals --missing` (those the targets
still need for a year: what to fill in)."""

from __future__ import annotations

from plancli.report.catalogue import text
from plancli.report.page import Column, Lines, Page, Passage, Table
from plancli.report.words import fmt_value, in_lang, say_value, unit_word
from plancli.results.actuals import ActualsResult, MissingResult, NeededRow
from plancli.results.targets import ActualRow


def _source(a: ActualRow, lang: str) -> str:
    said = a.source_title
    if a.origin == "user":
        said += " " + text("show.your_actuals", lang)
    return said


def _actuals_page(result: ActualsResult, lang: str) -> Page:
    def label(key: str) -> str:
        return text(f"actuals.{key}", lang)

    columns = [
        Column(label("indicator"), lambda a: a.indicator, role="id", no_wrap=True),
        Column(label("year"), lambda a: str(a.year), role="id", no_wrap=True),
        Column(label("value"), lambda a: say_value(a.value, a.unit, lang), role="figure"),
        Column(label("scope"), lambda a: a.scope_en if lang == "en" else a.scope),
        Column(label("primary"), lambda a: fmt_value(a.source_primary), role="status"),
        Column(label("source"), lambda a: _source(a, lang)),
    ]
    empty = label("none_match" if result.filtered else "none")
    n = len(result.actuals)
    caption = text("actuals.caption", lang, n=n) if n else None
    return Page().add(Table(result.actuals, columns, caption=caption, empty=empty))


def _give(row: NeededRow, lang: str) -> str:
    return text(f"series_one.{row.series}", lang)


def _missing_page(result: MissingResult, lang: str) -> Page:
    def label(key: str) -> str:
        return text(f"actuals.{key}", lang)

    columns = [
        Column(label("indicator"), lambda n: n.indicator, role="id", no_wrap=True),
        Column(label("name"), lambda n: in_lang(n, "name", lang)),
        Column(label("unit"), lambda n: unit_word(n.unit, lang) or "—"),
        Column(label("scope"), lambda n: n.scope_en if lang == "en" else n.scope),
        Column(label("give"), lambda n: _give(n, lang)),
        Column(
            label("targets"),
            lambda n: ", ".join(t.split("@", 1)[1] for t in n.target_ids),
            role="id",
        ),
    ]
    key = "missing_heading_default" if result.year_defaulted else "missing_heading"
    above = [text(f"actuals.{key}", lang, year=result.year, n=len(result.needed))]
    table = Table(result.needed, columns, empty=label("missing_none"))
    page = Page().add(Lines(above), table)
    return page.add(Passage(label("missing_how"))) if result.needed else page


def table_page(result: ActualsResult | MissingResult, lang: str) -> Page:
    if isinstance(result, MissingResult):
        return _missing_page(result, lang)
    return _actuals_page(result, lang)
