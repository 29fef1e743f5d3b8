"""Rules that need the whole plan: unique ids, cross-references, quotes, years and units.

Each rule yields Problems that carry the path of the node at fault; the loader turns that path
into a line and column only when there is something to report. The plan may be partial (a file
that did not load, records dropped for schema errors): `BlindSpots` says what is missing, so that
no rule reports the consequence of a problem already reported.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator

from plancli.loading.english_rules import english_rules
from plancli.loading.rulebook import BlindSpots, tasks_with_paths
from plancli.loading.schema_errors import did_you_mean
from plancli.loading.series_rules import series_rules
from plancli.model.msg import Msg, msg
from plancli.model.plan import Plan
from plancli.model.plausible import limit_problem, value_problem
from plancli.model.problems import Problem
from plancli.model.units import UnitError, convert, parse_quantity, parse_unit, to_unit
from plancli.model.vocab import Kind

MAX_QUOTE_CHARS = 80  # a target's quote is one clause, so it cannot swallow its neighbours


def validate(plan: Plan, gaps: BlindSpots | None = None) -> list[Problem]:
    gaps = gaps or BlindSpots()
    plan.outline.index(_all_quotes(plan))
    problems: list[Problem] = []
    rules = (_chapters, _indicators, _targets, series_rules, _actuals, _exclusions, english_rules)
    for rule in rules:
        problems.extend(rule(plan, gaps))
    return problems


def _all_quotes(plan: Plan) -> set[str]:
    quotes = {t.quote for t in plan.tasks}
    quotes |= {c.quote for c in plan.chapters} | {s.quote for s in plan.section_by_id.values()}
    quotes |= {q for _, t in plan.targets for q in t.quotes}
    quotes |= {b.quote for _, b in plan.baselines}
    quotes |= {e.context for e in plan.exclusions}
    return quotes


def _p(file: str, rule: str, message: Msg, ident: str | None, *path: str | int) -> Problem:
    return Problem(file, rule, message, id=ident, path=tuple(path))


def _again(file: str, what: Msg, ident: str, first: tuple, *path: str | int) -> Problem:
    """A duplicate id: the problem points at the second occurrence, naming the first's line."""
    again = msg("defined_again", what=what, id=ident)
    return Problem(file, "duplicate-id", again, id=ident, path=path, related=first)


def _quote(plan: Plan, file: str, quote: str, ident: str, *path) -> Iterator[Problem]:
    # No outline (a problem of its own): nothing to look quotes up in.
    if plan.outline.text and not plan.outline.contains(quote):
        yield _p(file, "quote-not-found", msg("quote_not_found", quote=quote), ident, *path)


# -- chapters.yaml ----------------------------------------------------------------------------


def _chapters(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    f = "chapters.yaml"
    ordered = f not in gaps.shifted  # with records left out, positions say nothing
    seen: dict[str, tuple] = {}
    for ci, c in enumerate(plan.chapters):
        here: tuple[str | int, ...] = ("chapters", ci, "id")
        if c.id in seen:
            yield _again(f, msg("record_chapter"), c.id, seen[c.id], *here)
        seen.setdefault(c.id, here)
        if ordered and c.id != str(ci + 1):
            yield _p(
                f,
                "id-order",
                msg("chapter_order", chapter=c.id, n=ci + 1),
                c.id,
                "chapters",
                ci,
                "id",
            )
        yield from _quote(plan, f, c.quote, c.id, "chapters", ci, "quote")
        for si, s in enumerate(c.sections):
            here = ("chapters", ci, "sections", si, "id")
            if s.id in seen:
                yield _again(f, msg("record_section"), s.id, seen[s.id], *here)
            seen.setdefault(s.id, here)
            if ordered and s.id != f"{c.id}.{si + 1}":
                yield _p(
                    f,
                    "id-order",
                    msg("section_order", section=s.id, expected=f"{c.id}.{si + 1}"),
                    s.id,
                    "chapters",
                    ci,
                    "sections",
                    si,
                    "id",
                )
            yield from _quote(plan, f, s.quote, s.id, "chapters", ci, "sections", si, "quote")
    counters: Counter[str] = Counter()
    for t, prefix, path in tasks_with_paths(plan):
        if t.id in seen:
            yield _again(f, msg("record_task"), t.id, seen[t.id], *path, "id")
        seen.setdefault(t.id, (*path, "id"))
        counters[prefix] += 1
        expected = f"{prefix}.{counters[prefix]}"
        if ordered and t.id != expected:
            yield _p(
                f,
                "id-order",
                msg("task_order", task=t.id, expected=expected),
                t.id,
                *path,
                "id",
            )
        n = len(plan.outline.paragraphs_with(t.quote)) if plan.outline.text else 1
        if n == 0:
            yield from _quote(plan, f, t.quote, t.id, *path, "quote")
        elif n > 1:
            yield _p(
                f,
                "quote-ambiguous",
                msg("quote_ambiguous", n=n),
                t.id,
                *path,
                "quote",
            )


# -- targets.yaml -----------------------------------------------------------------------------


def _indicators(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    f = "targets.yaml"
    names: dict[str, tuple[str, tuple]] = {}
    first: dict[str, tuple] = {}
    for ii, ind in enumerate(plan.indicators):
        if ind.id in first:
            yield _again(f, msg("record_indicator"), ind.id, first[ind.id], "indicators", ii, "id")
        first.setdefault(ind.id, ("indicators", ii, "id"))
        labels: list[tuple[str, tuple[str | int, ...]]] = [
            (ind.id, ("id",)),
            (ind.name.zh, ("name", "zh")),
        ]
        labels += [(a, ("aliases", ai)) for ai, a in enumerate(ind.aliases)]
        for label, where in labels:
            key = label.casefold()
            if key in names and names[key][0] != ind.id:
                owner, at = names[key]
                yield Problem(
                    f,
                    "duplicate-id",
                    msg("name_taken", name=label, indicator=owner),
                    id=ind.id,
                    path=("indicators", ii, *where),
                    related=at,
                )
            names.setdefault(key, (ind.id, ("indicators", ii, *where)))
        for bi, b in enumerate(ind.baselines):
            path = ("indicators", ii, "baselines", bi)
            bid = f"{ind.id} baseline {b.year}"
            if b.task not in plan.task_places and not gaps.may_hold("chapters.yaml", b.task):
                yield _p(f, "unknown-task", msg("unknown_task", task=b.task), bid, *path, "task")
            if plan.meta is not None and b.year > plan.meta.base_year:
                yield _p(
                    f,
                    "year-range",
                    msg("baseline_after_base", year=b.year, base_year=plan.meta.base_year),
                    bid,
                    *path,
                    "year",
                )
            yield from _quote(plan, f, b.quote, bid, *path, "quote")
            yield from _value_text(b.value, b.text, ind.unit, bid, *path)
            yield from _plausible(f, ind, b.value, bid, *path, "value")


def _value_text(value, text: str, unit: str, ident: str, *path) -> Iterator[Problem]:
    """Where the text as written reads as a quantity, it must agree with the stored value."""
    try:
        parse_quantity(text)
        written = to_unit(text, unit)
    except (UnitError, AttributeError):
        return
    if value is not None and not math.isclose(written, value, rel_tol=1e-9, abs_tol=1e-9):
        yield _p(
            "targets.yaml",
            "value-text",
            msg("value_text", value=value, unit=unit, text=text, written=written),
            ident,
            *path,
            "value",
        )


def _targets(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    f = "targets.yaml"
    seen: dict[str, tuple] = {}
    meta = plan.meta
    horizon = set(meta.horizon_years) if meta is not None else set()
    for ii, ind in enumerate(plan.indicators):
        unit_family = _family(ind.unit)
        for ti, t in enumerate(ind.targets):
            path = ("indicators", ii, "targets", ti)
            if t.id in seen:
                yield _again(f, msg("record_target"), t.id, seen[t.id], *path, "id")
            seen.setdefault(t.id, (*path, "id"))
            if t.indicator_id != ind.id:
                why = msg("target_id_indicator", indicator=ind.id)
                yield _p(f, "id-format", why, t.id, *path, "id")
            if meta is not None and t.year not in horizon:  # (then the id's year goes unsaid)
                why = msg("target_year_horizon", year=t.year, years=sorted(horizon))
                yield _p(f, "year-range", why, t.id, *path, "year")
            elif not t.id.split("@", 1)[1].startswith(str(t.year)):
                yield _p(f, "id-format", msg("target_id_year", year=t.year), t.id, *path, "id")
            if meta is not None and t.relative and t.relative.base_year > meta.base_year:
                yield _p(
                    f,
                    "year-range",
                    msg("relative_base_after", base_year=meta.base_year),
                    t.id,
                    *path,
                    "relative",
                    "base_year",
                )
            if t.kind in (Kind.SHARE, Kind.GROWTH_RATE) and unit_family != "%":
                yield _p(
                    f,
                    "kind-unit",
                    msg("kind_unit", kind=msg(f"kind.{t.kind}"), unit=ind.unit),
                    t.id,
                    *path,
                    "kind",
                )
            if t.task not in plan.task_places and not gaps.may_hold("chapters.yaml", t.task):
                yield _p(f, "unknown-task", msg("unknown_task", task=t.task), t.id, *path, "task")
            for qi, q in enumerate(t.quotes):
                yield from _target_quote(plan, t.id, t.task, q, *path, "quotes", qi)
            yield from _also_in(plan, gaps, t, path)
            yield from _value_text(t.value, t.text, ind.unit, t.id, *path)
            if t.value is not None:
                yield from _plausible(f, ind, t.value, t.id, *path, "value")
            elif t.relative is not None:
                for name in ("factor", "percent", "amount"):
                    given = getattr(t.relative, name)
                    problem = limit_problem(given) if given is not None else None
                    if problem:
                        yield _p(f, "value-range", problem, t.id, *path, "relative", name)


def _plausible(file: str, ind, value: float, ident: str, *path) -> Iterator[Problem]:
    """The rules every value goes through (plausible.py), on a value in the indicator's unit."""
    problem = value_problem(ind, value)
    if problem:
        yield _p(file, "value-range", problem, ident, *path)


def _target_quote(plan: Plan, ident: str, task: str, quote: str, *path) -> Iterator[Problem]:
    """A target's quote: one clause, in the outline, and in the paragraph of the task it is
    given for (a restatement elsewhere is an also_in entry with that paragraph's task)."""
    if len(quote) > MAX_QUOTE_CHARS:
        why = msg("quote_length", length=len(quote), limit=MAX_QUOTE_CHARS)
        yield _p("targets.yaml", "quote-length", why, ident, *path)
    if plan.outline.text and not plan.outline.contains(quote):
        yield from _quote(plan, "targets.yaml", quote, ident, *path)
        return
    place = plan.task_places.get(task)
    para = plan.paragraph_of(place.task) if place is not None and plan.outline.text else None
    if para is not None and quote not in para.text:
        why = msg("quote_place", quote=quote, task=task)
        yield _p("targets.yaml", "quote-place", why, ident, *path)


def _also_in(plan: Plan, gaps: BlindSpots, t, path) -> Iterator[Problem]:
    """Each restatement names a known task other than the target's own, once."""
    seen = {(t.task, q) for q in t.quotes}
    for si, s in enumerate(t.also_in):
        here = (*path, "also_in", si)
        if s.task not in plan.task_places and not gaps.may_hold("chapters.yaml", s.task):
            why = msg("unknown_task", task=s.task)
            yield _p("targets.yaml", "unknown-task", why, t.id, *here, "task")
            continue
        if s.task == t.task:
            why = msg("also_in_own_task", task=s.task)
            yield _p("targets.yaml", "also-in", why, t.id, *here, "task")
        elif (s.task, s.quote) in seen:
            why = msg("also_in_again", task=s.task)
            yield _p("targets.yaml", "also-in", why, t.id, *here)
        seen.add((s.task, s.quote))
        yield from _target_quote(plan, t.id, s.task, s.quote, *here, "quote")


def _family(unit: str) -> str | None:
    try:
        return parse_unit(unit).family
    except UnitError:
        return None


# -- actuals.yaml -----------------------------------------------------------------------------


def _actuals(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    yield from _actuals_of(plan, gaps, plan.actuals, "actuals.yaml", shipped=True)
    if plan.user_actuals_file:
        yield from _actuals_of(plan, gaps, plan.user_actuals, plan.user_actuals_file, shipped=False)


def _actuals_of(
    plan: Plan, gaps: BlindSpots, actuals: list, f: str, *, shipped: bool
) -> Iterator[Problem]:
    meta = plan.meta
    lo, hi = (meta.base_year, max(meta.horizon_years)) if meta is not None else (None, None)
    groups: defaultdict[tuple, list[int]] = defaultdict(list)
    for ai, a in enumerate(actuals):
        ident = f"{a.indicator} {a.year}"
        ind = plan.indicator_by_id.get(a.indicator)
        if ind is None:
            if not gaps.may_hold("targets.yaml", a.indicator):
                yield _p(
                    f,
                    "unknown-indicator",
                    msg(  # a misspelt id is told the one it resembles
                        "unknown_indicator_in_file",
                        indicator=a.indicator,
                        hint=did_you_mean(a.indicator, plan.indicator_by_id),
                    ),
                    ident,
                    "actuals",
                    ai,
                    "indicator",
                )
        else:
            try:
                value = convert(a.value, a.unit, ind.unit)
            except UnitError:
                yield _p(
                    f,
                    "unit-family",
                    msg("actual_unit_family", unit=a.unit, indicator_unit=ind.unit),
                    ident,
                    "actuals",
                    ai,
                    "unit",
                )
            else:
                yield from _plausible(f, ind, value, ident, "actuals", ai, "value")
        if lo is not None and not lo <= a.year <= hi:
            why = msg("actual_year_range", year=a.year, first=lo, last=hi)
            yield _p(f, "year-range", why, ident, "actuals", ai, "year")
        if shipped and not (a.source.url and a.source.quote):
            yield _p(
                f,
                "source-missing",
                msg("source_missing"),
                ident,
                "actuals",
                ai,
                "source",
            )
        groups[(a.indicator, a.year, a.scope)].append(ai)
    for (ind, year, scope), idx in groups.items():
        if len(idx) > 1 and sum(1 for i in idx if actuals[i].preferred) != 1:
            yield _p(
                f,
                "duplicate-actual",
                msg("duplicate_actual", n=len(idx), indicator=ind, year=year, scope=scope),
                f"{ind} {year}",
                "actuals",
                idx[1],
            )


# -- exclusions.yaml --------------------------------------------------------------------------


def _exclusions(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    f = "exclusions.yaml"
    if not plan.outline.text:
        return
    for ei, e in enumerate(plan.exclusions):
        # From the outline's index, built in one pass for every quote and context.
        n = len(plan.outline.positions(e.context))
        if n != 1:
            yield _p(
                f,
                "exclusion-context",
                msg("exclusion_context", context=e.context, n=n),
                e.context,
                "exclusions",
                ei,
                "context",
            )
