"""Targets, baselines and actual values as records: `targets`, and `show` (one indicator)."""

from __future__ import annotations

from typing import Annotated

from plancli.maths.baselines import target_value
from plancli.model.models import Actual, Baseline, Indicator, Target
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.series import compares_of, series_of
from plancli.model.vocab import Comparator, Compares, Direction, Kind, Series
from plancli.query.browse import TargetFilter, chapter_of, filter_targets, section_of
from plancli.results import PAGE_ONLY, Rows


class StatementRow(Record):
    """Where the outline states a target: a paragraph, and the target's words in it."""

    task: str
    quote: str


class TargetRow(Record):
    """A target as the plan states it, with its indicator's names and unit and its place."""

    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    year: int
    comparator: Comparator
    value: float | None  # in the unit; a relative target's comes from its base (None: unknown)
    relative_base_year: int | None
    relative_factor: float | None
    relative_percent: float | None
    relative_amount: float | None
    unit: str
    text: str
    kind: Kind
    compares: Compares  # what it compares: single_year, sum, average, level or change
    direction: Direction
    every_year: bool
    maintain: bool
    aspirational: bool
    implied_by_name: bool
    value_in_words: bool  # 全覆盖, 清零, 翻番 …: the value is read from a word (docs/data.md)
    qualifier: str | None  # 基本 (basically)
    year_stated: bool
    scope: str
    scope_en: str | None  # the glossary's English for the scope
    chapter: str  # the paragraph that sets the target
    section: str
    task: str
    tasks: tuple[str, ...]  # every paragraph stating it: its own task first, then the others
    quotes: tuple[str, ...]  # its words, every place it is stated (each once)
    statements: tuple[StatementRow, ...]  # each quote with the paragraph it stands in
    note: str | None


def target_row(plan: Plan, ind: Indicator, t: Target) -> TargetRow:
    rel = t.relative
    return TargetRow(
        target_id=t.id,
        indicator=ind.id,
        name_zh=ind.name.zh,
        name_en=ind.name.en,
        year=t.year,
        comparator=t.comparator,
        value=target_value(plan, ind, t),
        relative_base_year=rel.base_year if rel else None,
        relative_factor=rel.factor if rel else None,
        relative_percent=rel.percent if rel else None,
        relative_amount=rel.amount if rel else None,
        unit=ind.unit,
        text=t.text,
        kind=t.kind,
        compares=compares_of(ind, t),
        direction=t.effective_direction,
        every_year=t.every_year,
        maintain=t.maintain,
        aspirational=t.aspirational,
        implied_by_name=t.implied_by_name,
        value_in_words=t.value_in_words,
        qualifier=t.qualifier,
        year_stated=t.year_stated,
        scope=t.scope,
        scope_en=plan.scope_en(t.scope),
        chapter=chapter_of(t.task),
        section=section_of(t.task),
        task=t.task,
        tasks=tuple(t.tasks),
        quotes=tuple(dict.fromkeys(q for _, q in t.statements)),
        statements=tuple(StatementRow(task, q) for task, q in t.statements),
        note=t.note,
    )


class TargetsResult(Record):
    """`targets`: the targets that pass the filters."""

    targets: tuple[TargetRow, ...]
    filtered: bool  # whether any filter was given (for what an empty list says)
    english_unofficial: Annotated[bool, PAGE_ONLY]

    def document(self) -> tuple[TargetRow, ...]:
        return self.targets

    def rows(self) -> Rows:
        return Rows(TargetRow, self.targets)


class BaselineRow(Record):
    indicator: str
    year: int
    value: float
    unit: str
    text: str
    year_stated: bool  # False: the outline gives no year; it is read from the context
    scope: str
    scope_en: str | None
    task: str
    quote: str
    note: str | None


def baseline_row(plan: Plan, ind: Indicator, b: Baseline) -> BaselineRow:
    return BaselineRow(
        ind.id,
        b.year,
        b.value,
        ind.unit,
        b.text,
        b.year_stated,
        b.scope,
        plan.scope_en(b.scope),
        b.task,
        b.quote,
        b.note,
    )


class ActualRow(Record):
    indicator: str
    year: int
    value: float
    unit: str
    scope: str
    scope_en: str | None
    origin: str  # "shipped" (actuals.yaml) or "user" (--actuals)
    source_title: str
    source_url: str | None
    source_quote: str | None
    source_primary: bool
    note: str | None


def actual_row(plan: Plan, a: Actual, origin: str) -> ActualRow:
    s = a.source
    return ActualRow(
        a.indicator,
        a.year,
        a.value,
        a.unit,
        a.scope,
        plan.scope_en(a.scope),
        origin,
        s.title,
        s.url,
        s.quote,
        s.primary,
        a.note,
    )


class FactRow(Record):
    """One line of `show`'s CSV: a target, a baseline or an actual, `record` saying which."""

    record: str
    indicator: str
    target_id: str | None
    year: int
    comparator: str | None
    value: float | None
    unit: str
    text: str | None
    kind: str | None
    scope: str
    scope_en: str | None
    task: str | None
    quote: str | None
    source_title: str | None
    source_url: str | None


class IndicatorResult(Record):
    """`show`: one indicator with its targets (or only the one asked for), baselines, actuals."""

    indicator: str
    name_zh: str
    name_en: str
    unit: str
    series: Series  # what its actuals are: flow, running_total or level
    aliases: tuple[str, ...]
    note: str | None
    baselines: tuple[BaselineRow, ...]
    targets: tuple[TargetRow, ...]
    actuals: tuple[ActualRow, ...]
    english_unofficial: Annotated[bool, PAGE_ONLY]

    def document(self) -> IndicatorResult:
        return self

    def rows(self) -> Rows:
        ind = self.indicator
        out = [
            FactRow(
                "baseline",
                ind,
                None,
                b.year,
                None,
                b.value,
                b.unit,
                b.text,
                None,
                b.scope,
                b.scope_en,
                b.task,
                b.quote,
                None,
                None,
            )
            for b in self.baselines
        ]
        out += [
            FactRow(
                "target",
                ind,
                t.target_id,
                t.year,
                t.comparator,
                t.value,
                t.unit,
                t.text,
                t.kind,
                t.scope,
                t.scope_en,
                t.task,
                "; ".join(t.quotes),
                None,
                None,
            )
            for t in self.targets
        ]
        out += [
            FactRow(
                "actual",
                ind,
                None,
                a.year,
                None,
                a.value,
                a.unit,
                None,
                None,
                a.scope,
                a.scope_en,
                None,
                a.source_quote,
                a.source_title,
                a.source_url,
            )
            for a in self.actuals
        ]
        return Rows(FactRow, out)


def indicator_result(plan: Plan, ind: Indicator, only: Target | None = None) -> IndicatorResult:
    targets = [t for t in ind.targets if only is None or t.id == only.id]
    shipped = [(a, "shipped") for a in plan.actuals if a.indicator == ind.id]
    user = [(a, "user") for a in plan.user_actuals if a.indicator == ind.id]
    actuals = sorted(shipped + user, key=lambda pair: (pair[0].year, pair[1] == "user"))
    return IndicatorResult(
        indicator=ind.id,
        name_zh=ind.name.zh,
        name_en=ind.name.en,
        unit=ind.unit,
        series=series_of(ind),
        aliases=tuple(ind.aliases),
        note=ind.note,
        baselines=tuple(baseline_row(plan, ind, b) for b in ind.baselines),
        targets=tuple(target_row(plan, ind, t) for t in targets),
        actuals=tuple(actual_row(plan, a, origin) for a, origin in actuals),
        english_unofficial=plan.english_unofficial,
    )


def targets_result(plan: Plan, flt: TargetFilter) -> TargetsResult:
    rows = tuple(target_row(plan, i, t) for i, t in filter_targets(plan, flt))
    return TargetsResult(rows, flt != TargetFilter(), plan.english_unofficial)
