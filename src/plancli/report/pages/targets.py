"""The pages of `targets` (a filtered list) and `show` (one indicator with everything)."""

from __future__ import annotations

from typing import Any

from plancli.model.record import Record
from plancli.report.catalogue import text
from plancli.report.page import Column, Facts, Heading, Page, Table
from plancli.report.pages.places import provenance, target_columns
from plancli.report.words import in_lang, say_value, scope_word, unit_word
from plancli.results.targets import ActualRow, IndicatorResult, TargetsResult


def targets_page(r: TargetsResult, lang: str) -> Page:
    empty = text("targets.none_match" if r.filtered else "targets.none", lang)
    caption = text("targets.caption", lang, n=len(r.targets))
    table = Table(r.targets, target_columns(lang), caption=caption, empty=empty)
    return Page().add(table, *(provenance(r, lang) if r.targets else []))


class QuoteRow(Record):
    id: str
    task: str
    quote: str


def _source(a: ActualRow, lang: str) -> str:
    parts = [a.source_title]
    if a.source_url:
        parts.append(a.source_url)
    if a.origin == "user":
        parts.append(text("show.your_actuals", lang))
    return " ".join(parts)


def show_columns(lang: str) -> tuple[list[Column], list[Column], list[Column]]:
    """The columns of show's baselines, quotes and actual values."""

    def label(key: str) -> str:
        return text(f"show.{key}", lang)

    def value(rec: Any) -> str:
        return say_value(rec.value, rec.unit, lang)

    # In a narrow terminal the scope goes first, then what the quote and the task say.
    baselines = [
        Column(label("year"), lambda b: str(b.year), role="id"),
        Column(label("value"), value, role="figure"),
        Column(label("as_written"), lambda b: b.text, drop=2),
        Column(label("scope"), lambda b: scope_word(b, lang), drop=1),
        Column(label("task"), lambda b: b.task, role="code", drop=3),
    ]
    quotes = [
        Column(label("quote_of"), lambda q: q.id, role="id"),
        Column(label("task"), lambda q: q.task, role="code", drop=1),
        Column(label("quote"), lambda q: q.quote),
    ]
    actuals = [
        Column(label("year"), lambda a: str(a.year), role="id"),
        Column(label("value"), value, role="figure"),
        Column(label("scope"), lambda a: scope_word(a, lang), drop=1),
        Column(label("source"), lambda a: _source(a, lang)),
    ]
    return baselines, quotes, actuals


def show_page(r: IndicatorResult, lang: str) -> Page:
    def label(key: str) -> str:
        return text(f"show.{key}", lang)

    facts = [
        (label("other_name"), r.name_zh if lang == "en" else r.name_en),
        (label("unit"), unit_word(r.unit, lang) or label("no_unit")),
        (label("series"), text(f"series.{r.series}", lang)),
    ]
    if r.aliases:
        facts.append((label("aliases"), text("reading.list_sep", lang).join(r.aliases)))
    if r.note:
        facts.append((label("note"), r.note))
    facts += [(text("show.target_note", lang, id=t.target_id), t.note) for t in r.targets if t.note]

    quotes = [QuoteRow(t.target_id, st.task, st.quote) for t in r.targets for st in t.statements]
    quotes += [QuoteRow(str(b.year), b.task, b.quote) for b in r.baselines]
    baselines, quote_columns, actuals = show_columns(lang)
    return Page().add(
        Heading(f"{r.indicator}  {in_lang(r, 'name', lang)}"),
        Facts(facts),
        Table(r.targets, target_columns(lang), title=label("targets"), empty=label("no_targets")),
        Table(r.baselines, baselines, title=label("baselines"), empty=label("no_baselines")),
        Table(quotes, quote_columns, title=label("quotes")),
        Table(r.actuals, actuals, title=label("actuals"), empty=label("no_actuals")),
        *provenance(r, lang),
    )


def table_page(result: Any, lang: str) -> Page:
    if isinstance(result, TargetsResult):
        return targets_page(result, lang)
    return show_page(result, lang)
