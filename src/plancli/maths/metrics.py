"""Plan maths: direction, gap, met, required growth, the plan-implied path and progress status.

Pure: it knows the data model and the vocabulary, nothing of the terminal. docs/methods.md
states every formula and edge rule implemented here, with its source. Notation there and here:
B baseline in year t0 (the plan's base year), A actual in year t, T target for year Y,
d = +1 where more is better and -1 where less is better.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import NamedTuple

from plancli.maths.plausible import value_problem
from plancli.model.models import Actual, Indicator, Source, Target
from plancli.model.plan import Plan
from plancli.model.problems import UsageError
from plancli.model.units import UnitError, convert, parse_quantity, parse_unit, to_unit
from plancli.model.vocab import (
    AROUND_TOLERANCE,
    ON_TRACK_RATIO,
    TARGET_KEYS,
    WHOLE_CITY,
    Comparator,
    Direction,
    Kind,
    Status,
)

# The figures of the contract that a target may lack; a missing one gets a note saying why.
FIGURE_KEYS = (
    "met",
    "gap",
    "gap_pct",
    "years_left",
    "required_annual_growth_pct",
    "required_annual_change",
)
# The keys of one target's figures in JSON, in order (the output contract).
CONTRACT_KEYS = (
    *TARGET_KEYS,
    "actual",
    "actual_year",
    *FIGURE_KEYS,
    "status",
)
JSON_KEYS = (*CONTRACT_KEYS, "actual_source", "notes")


class Shape(StrEnum):
    """How a target's value is expected to move from the baseline to the target."""

    COMPOUND = "compound"  # levels, counts, money: a constant growth rate
    LINEAR = "linear"  # shares, rates, ratios, ranks: a constant change in points
    FROM_ZERO = "from_zero"  # cumulative totals and changes over the period: linear from 0
    RATE = "rate"  # an average annual growth rate over the period


def shape_of(kind: Kind, unit: str) -> Shape:
    if kind is Kind.GROWTH_RATE:
        return Shape.RATE
    if kind in (Kind.CUMULATIVE, Kind.CHANGE):
        return Shape.FROM_ZERO
    # A percentage moves in points, never by a compound rate of itself.
    if kind in (Kind.LEVEL, Kind.COUNT) and parse_unit(unit).family != "%":
        return Shape.COMPOUND
    return Shape.LINEAR


# -- the formulas, on plain numbers ------------------------------------------------------------


def sign(direction: Direction) -> int:
    return 1 if direction is Direction.UP else -1


def is_met(
    actual: float,
    target: float,
    comparator: Comparator,
    direction: Direction,
    tolerance: float = AROUND_TOLERANCE,
) -> bool:
    """At or beyond the target in its direction; an around target also within the tolerance."""
    if sign(direction) * (actual - target) >= 0:
        return True
    # The band's edge is inclusive; 1e-9 absorbs float rounding (1.938 - 1.9 > 0.038).
    band = tolerance * abs(target) * (1 + 1e-9)
    return comparator is Comparator.AROUND and abs(actual - target) <= band


def gap_of(actual: float, target: float, direction: Direction) -> float:
    """What is still to go toward the target: positive while short, <= 0 at or beyond it."""
    return sign(direction) * (target - actual)


def compound_rate(start: float, end: float, years: float) -> float | None:
    """(end / start) ** (1 / years) - 1, or None where no compound rate exists."""
    if years <= 0 or start <= 0 or end <= 0:
        return None
    return (end / start) ** (1 / years) - 1


def path_value(shape: Shape, base: float, target: float, t0: int, year_t: int, t: float) -> float:
    """The plan-implied value in year t on the way from base (t0) to target (year_t).

    Compound for levels, counts and money (linear where a compound path cannot exist: a zero or
    negative end); linear for the rest. Outside t0..year_t the path holds its end values.
    """
    if year_t <= t0:
        return target
    frac = min(max((t - t0) / (year_t - t0), 0.0), 1.0)
    if frac in (0.0, 1.0):  # the ends exactly, free of rounding
        return base if frac == 0.0 else target
    if shape is Shape.COMPOUND and base > 0 and target > 0:
        return base * (target / base) ** frac
    return base + (target - base) * frac


def progress_ratio(actual: float, base: float, path: float) -> float | None:
    """R = (A - B) / (V(t) - B): the share of the path due by now that has been covered."""
    if path == base:
        return None
    return (actual - base) / (path - base)


def status_from_ratio(ratio: float) -> Status:
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= 0:
        return Status.BEHIND
    return Status.OFF_TRACK


def average_rate(rates_pct: list[float]) -> float:
    """The average annual rate (in %) of a run of annual rates: their geometric mean."""
    growth = math.prod(1 + r / 100 for r in rates_pct)
    return (growth ** (1 / len(rates_pct)) - 1) * 100


def rate_for_remaining_years(
    target_pct: float, period_years: int, known_pct: list[float], years_left: int
) -> float | None:
    """The rate (in %) the remaining years need so that the period averages target_pct:
    ((1+g)^n / prod(1+g_i)) ** (1/years_left) - 1."""
    if years_left <= 0:
        return None
    done = math.prod(1 + r / 100 for r in known_pct)
    if done <= 0:
        return None
    return (((1 + target_pct / 100) ** period_years / done) ** (1 / years_left) - 1) * 100


class Need(NamedTuple):
    """What is still needed per year: a compound rate (%) and/or a change in the unit."""

    growth_pct: float | None
    change: float | None
    notes: dict[str, str]


def required(shape: Shape, start: float, end: float, years: int, unit: str) -> Need:
    """The annual growth and change that take start to end in `years` steps.

    For at-most targets both come out negative: the need is a reduction.
    """
    if years <= 0:
        return Need(None, None, {"required_annual_growth_pct": "no years left"})
    change = (end - start) / years
    if shape is Shape.FROM_ZERO:
        return Need(
            None,
            change,
            {
                "required_annual_growth_pct": "a total over the period: the need is the remainder "
                "per remaining year (required_annual_change)"
            },
        )
    if shape is Shape.LINEAR:
        what = "a percentage moves in points" if _is_pct(unit) else "it moves by points"
        return Need(
            None,
            change,
            {
                "required_annual_growth_pct": f"no compound rate: {what} per year "
                "(required_annual_change)"
            },
        )
    rate = compound_rate(start, end, years)
    if rate is None:
        why = "a zero actual" if start == 0 else "a value at or below zero"
        return Need(None, change, {"required_annual_growth_pct": f"{why} has no compound rate"})
    return Need(rate * 100, change, {})


def _is_pct(unit: str) -> bool:
    return parse_unit(unit).family == "%"


# -- actual values -----------------------------------------------------------------------------


class ActualPick(NamedTuple):
    """One actual value chosen for a target, in the indicator's unit, with where it came from."""

    value: float
    year: int
    scope: str
    origin: str  # "shipped" (actuals.yaml), "user" (--actuals FILE) or "option" (--actual)
    source: Source | None = None

    def source_dict(self) -> dict:
        src = self.source
        return {
            "origin": self.origin,
            "title": src.title if src else "--actual",
            "url": src.url if src else None,
            "quote": src.quote if src else None,
            "primary": src.primary if src else False,
        }


def _indicator(plan: Plan, indicator: Indicator | str) -> Indicator:
    return indicator if isinstance(indicator, Indicator) else plan.indicator_by_id[indicator]


def _preferred(group: list[Actual]) -> Actual:
    chosen = [a for a in group if a.preferred]
    return chosen[0] if chosen else group[-1]


def actual_series(plan: Plan, indicator: Indicator | str, scope: str) -> dict[int, ActualPick]:
    """The actual chosen for each year in this scope: a user's value (--actuals) wins over a
    shipped one; among duplicates in one file the `preferred: true` one."""
    ind = _indicator(plan, indicator)
    chosen: dict[int, ActualPick] = {}
    shipped, user = plan.actuals_of(ind.id, scope)
    for origin, actuals in (("shipped", shipped), ("user", user)):
        by_year: dict[int, list[Actual]] = {}
        for a in actuals:
            by_year.setdefault(a.year, []).append(a)
        for year, group in by_year.items():
            a = _preferred(group)
            value = convert(a.value, a.unit, ind.unit)
            chosen[year] = ActualPick(value, year, scope, origin, a.source)
    return dict(sorted(chosen.items()))


def latest_actual(
    plan: Plan, indicator: Indicator | str, scope: str, up_to_year: int
) -> ActualPick | None:
    """The latest actual for the indicator in this scope with a year <= up_to_year."""
    series = actual_series(plan, indicator, scope)
    years = [y for y in series if y <= up_to_year]
    return series[max(years)] if years else None


def parse_actual(indicator: Indicator, text: str) -> float:
    """A user's value (8000, 8000亿, 0.8万亿, 80%) in the indicator's unit; UsageError if it
    cannot be read, is in another family of units, or is not plausible for the indicator
    (plausible.value_problem: the rules every actual goes through)."""
    where = f"--actual {text!r} for {indicator.id}"
    try:
        given = parse_quantity(text).unit
        if given is not None and given.family != parse_unit(indicator.unit).family:
            measured = indicator.unit or "plain numbers (no unit)"
            raise UsageError(
                f"{where}: a value in {given.text} does not convert to the indicator's unit, "
                f"{measured}"
            )
        value = to_unit(text, indicator.unit)
    except UnitError as exc:
        raise UsageError(f"{where}: {exc}") from None
    if not math.isfinite(value):
        raise UsageError(f"--actual {text!r} is not a finite number")
    problem = value_problem(indicator, value)
    if problem:
        raise UsageError(f"--actual {text!r} for {indicator.id}: {problem}")
    return value


# -- baselines and target values ---------------------------------------------------------------


class BaseValue(NamedTuple):
    value: float
    year: int
    origin: str  # "stated" (the plan), "actual" (a sourced actual), "zero" (a period total)


def base_value(plan: Plan, indicator: Indicator, year: int, scope: str) -> BaseValue | None:
    """The plan's stated value for year, else the chosen actual for it."""
    for b in indicator.baselines:
        if b.year == year and b.scope == scope:
            return BaseValue(b.value, year, "stated")
    pick = actual_series(plan, indicator, scope).get(year)
    return BaseValue(pick.value, year, "actual") if pick else None


def baseline_of(plan: Plan, indicator: Indicator, target: Target) -> BaseValue | None:
    """Where the target's path starts: the base year's stated value, else a sourced actual
    for it, else the latest stated value before it; a period total starts from zero."""
    t0 = plan.meta.base_year
    shape = shape_of(target.kind, indicator.unit)
    if shape is Shape.FROM_ZERO:
        return BaseValue(0.0, t0, "zero")
    if shape is Shape.RATE:
        return None
    found = base_value(plan, indicator, t0, target.scope)
    if found:
        return found
    earlier = [b for b in indicator.baselines if b.year < t0 and b.scope == target.scope]
    if earlier:
        b = max(earlier, key=lambda b: b.year)
        return BaseValue(b.value, b.year, "stated")
    return None


def target_value(plan: Plan, indicator: Indicator, target: Target) -> float | None:
    """The target in the indicator's unit; a relative target (翻一番) from its base year's value,
    or None when that value is unknown."""
    if target.value is not None:
        return target.value
    rel = target.relative
    base = base_value(plan, indicator, rel.base_year, target.scope)
    return None if base is None else rel.apply(base.value)


# -- one target's figures ----------------------------------------------------------------------


class TargetMetrics(NamedTuple):
    """Every figure for one target against one actual, unrounded. `to_dict` gives the JSON."""

    target_id: str
    indicator: str
    name_zh: str
    name_en: str
    unit: str
    kind: Kind
    scope: str
    target_year: int
    comparator: Comparator
    direction: Direction
    target: float | None
    target_text: str
    actual: float | None
    actual_year: int | None
    met: bool | None
    gap: float | None
    gap_pct: float | None
    years_left: int | None
    required_annual_growth_pct: float | None
    required_annual_change: float | None
    status: Status
    actual_pick: ActualPick | None
    baseline: BaseValue | None
    path_value: float | None
    progress_ratio: float | None
    notes: dict[str, str]

    @property
    def actual_source(self) -> dict | None:
        return self.actual_pick.source_dict() if self.actual_pick else None

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def to_dict(self, lang: str = "zh") -> dict:
        out = {k: getattr(self, k) for k in CONTRACT_KEYS if k != "name"}
        out["name"] = self.name(lang)
        out["kind"] = str(self.kind)
        out["comparator"] = str(self.comparator)
        out["status"] = str(self.status)
        out["actual_source"] = self.actual_source
        out["notes"] = dict(self.notes)
        return {k: out[k] for k in JSON_KEYS}


def evaluate(
    plan: Plan,
    indicator: Indicator,
    target: Target,
    actual: ActualPick | None,
    *,
    as_of: int | None = None,
) -> TargetMetrics:
    """Judge one target against one actual (None: no actual value is known).

    as_of is the year asked about, when it may be later than the actual's year.
    """
    result = _Evaluation(plan, indicator, target, actual).result()
    if as_of is not None and actual is not None and actual.year < target.year <= as_of:
        result.notes["actual_year"] = (
            f"the deadline {target.year} has passed, but the latest actual is for {actual.year}"
        )
    return result


class _Evaluation:
    def __init__(self, plan: Plan, ind: Indicator, target: Target, pick: ActualPick | None):
        self.plan, self.ind, self.target, self.pick = plan, ind, target, pick
        self.t0 = plan.meta.base_year
        self.shape = shape_of(target.kind, ind.unit)
        self.direction = target.effective_direction
        self.d = sign(self.direction)
        self.T = target_value(plan, ind, target)
        self.baseline = baseline_of(plan, ind, target)
        self.notes: dict[str, str] = {}
        # The figures _judge finds: those of the contract, and where the plan's path stands.
        self.fig: dict = dict.fromkeys((*FIGURE_KEYS, "path_value", "progress_ratio"))

    def result(self) -> TargetMetrics:
        status = self._judge()
        for key in FIGURE_KEYS:
            if self.fig[key] is None and key not in self.notes:
                self.notes[key] = self.notes.get("status", "does not apply")
        t, ind = self.target, self.ind
        return TargetMetrics(
            target_id=t.id,
            indicator=ind.id,
            name_zh=ind.name.zh,
            name_en=ind.name.en,
            unit=ind.unit,
            kind=t.kind,
            scope=t.scope,
            target_year=t.year,
            comparator=t.comparator,
            direction=self.direction,
            target=self.T,
            target_text=t.text,
            actual=self.pick.value if self.pick else None,
            actual_year=self.pick.year if self.pick else None,
            status=status,
            actual_pick=self.pick,
            baseline=self.baseline,
            notes=self.notes,
            **self.fig,
        )

    # Each _judge step returns the status and records the figures it finds on the way.
    def _judge(self) -> Status:
        t = self.target
        if self.pick is None:
            self.notes["status"] = "no actual value is known"
            return Status.NO_DATA
        if self.T is None:
            rel = t.relative
            self.notes["status"] = (
                f"the target is relative to the {rel.base_year} value, which is not known "
                "(no stated baseline and no actual for that year)"
            )
            return Status.NO_BASELINE
        year = self.pick.year
        self.fig["years_left"] = max(t.year - year, 0)
        if year > t.year:
            self.notes["actual_year"] = f"the actual is for {year}, after the deadline {t.year}"
        A = self.pick.value
        if t.every_year:  # each year's own value (a rate too) against the floor or ceiling
            self._set_gap(A, is_met(A, self.T, t.comparator, self.direction))
            return self._judge_every_year()
        if self.shape is Shape.RATE:
            return self._judge_rate()
        met = is_met(A, self.T, t.comparator, self.direction)
        self._set_gap(A, met)
        if year >= t.year:
            word = "achieved" if met else "missed"
            self.notes["required_annual_growth_pct"] = f"deadline {t.year} reached: {word}"
            self.notes["required_annual_change"] = f"deadline {t.year} reached: {word}"
            return Status.ACHIEVED if met else Status.MISSED
        if met:
            why = (
                f"met: the value is to be held until {t.year}"
                if t.maintain
                else "already met: nothing more is needed"
            )
            self.notes["required_annual_growth_pct"] = why
            self.notes["required_annual_change"] = why
            return Status.ON_TRACK if t.maintain else Status.ACHIEVED
        need = required(self.shape, A, self.T, t.year - year, self.ind.unit)
        self.fig["required_annual_growth_pct"] = need.growth_pct
        self.fig["required_annual_change"] = need.change
        self.notes.update(need.notes)
        return self._judge_path(A, year)

    def _set_gap(self, value: float, met: bool) -> None:
        self.fig["met"] = met
        self.fig["gap"] = gap_of(value, self.T, self.direction)
        if self.T != 0:
            self.fig["gap_pct"] = self.fig["gap"] / self.T * 100
        else:
            self.notes["gap_pct"] = "the target is zero: no percentage of it"
        if met and self.fig["gap"] > 0:
            self.notes["met"] = (
                f"within {AROUND_TOLERANCE:.0%} of the target value (around); "
                "the gap is measured to the value itself"
            )

    def _judge_path(self, A: float, year: int) -> Status:
        """Before the deadline and unmet: compare with the plan-implied path."""
        t, B = self.target, self.baseline
        if B is None:
            self.notes["status"] = (
                f"no baseline: the plan states no {self.t0} value and no actual for it is known"
            )
            return Status.NO_BASELINE
        if is_met(B.value, self.T, t.comparator, self.direction):
            self.notes["status"] = (
                f"the baseline ({B.value:g} in {B.year}) already met the target; "
                "the value has since slipped back"
            )
            return Status.OFF_TRACK
        if year <= B.year:
            moved = self.d * (A - B.value)
            self.notes["status"] = (
                f"no time elapsed: the actual is for the base year {B.year}, so none of the path "
                "is due yet" + ("" if moved >= 0 else "; the value is below the baseline")
            )
            return Status.ON_TRACK if moved >= 0 else Status.OFF_TRACK
        V = path_value(self.shape, B.value, self.T, B.year, t.year, year)
        R = progress_ratio(A, B.value, V)
        self.fig["path_value"], self.fig["progress_ratio"] = V, R
        return status_from_ratio(R)

    def _judge_every_year(self) -> Status:
        """A floor or ceiling held in each year of the period: each year is its own deadline."""
        t, year = self.target, self.pick.year
        start = self.plan.meta.period.start
        series = actual_series(self.plan, self.ind, t.scope)
        series[year] = self.pick
        failed = [
            y
            for y, p in series.items()
            if start <= y <= min(year, t.year)
            and not is_met(p.value, self.T, t.comparator, self.direction)
        ]
        why = "a floor or ceiling for each year: nothing is to grow, the value is to hold"
        self.notes["required_annual_growth_pct"] = why
        self.notes["required_annual_change"] = why
        if failed:
            self.notes["status"] = f"not held in {', '.join(map(str, failed))}"
            return Status.MISSED
        if year >= t.year:
            return Status.ACHIEVED
        self.notes["status"] = f"held so far; it must hold in each year until {t.year}"
        return Status.ON_TRACK

    def _judge_rate(self) -> Status:
        """An average annual growth rate over the period: judged on the average of the annual
        rates known from the period's first year up to the actual's year."""
        t, year = self.target, self.pick.year
        n = t.year - self.t0
        series = {y: p.value for y, p in actual_series(self.plan, self.ind, t.scope).items()}
        series[year] = self.pick.value
        wanted = range(self.t0 + 1, min(year, t.year) + 1)
        known = [series[y] for y in wanted if y in series]
        missing = [y for y in wanted if y not in series]
        if year <= self.t0:
            # A rate for the base year (or before) lies outside the period: nothing is due yet.
            self._set_gap(
                self.pick.value, is_met(self.pick.value, self.T, t.comparator, self.direction)
            )
            self.fig["required_annual_growth_pct"] = self.T
            self.notes["required_annual_change"] = "a growth-rate target: the need is a rate"
            self.notes["status"] = (
                f"no time elapsed: the actual is for the base year {self.t0}, before the period"
            )
            return Status.ON_TRACK
        avg = average_rate(known) if known else self.pick.value
        if len(known) > 1:
            self.notes["gap"] = (
                f"measured from the average annual rate {avg:.4g}% over {len(known)} known years "
                f"up to {min(year, t.year)}"
            )
        if missing:
            self.notes["status"] = f"rates unknown for {', '.join(map(str, missing))}"
        met = is_met(avg, self.T, t.comparator, self.direction)
        self._set_gap(avg, met)
        self.fig["required_annual_change"] = None
        self.notes["required_annual_change"] = (
            "a growth-rate target: the need is a rate (required_annual_growth_pct)"
        )
        if year >= t.year:
            self.notes["required_annual_growth_pct"] = f"deadline {t.year} reached"
            return Status.ACHIEVED if met else Status.MISSED
        if missing:
            self.notes["required_annual_growth_pct"] = (
                f"the rates for {', '.join(map(str, missing))} are not known"
            )
        else:
            self.fig["required_annual_growth_pct"] = rate_for_remaining_years(
                self.T, n, known, t.year - year
            )
        if met:
            # An average over the period is only achieved when the period is over.
            return Status.ON_TRACK
        # Compare as levels (Open SDG: growth-rate indicators are converted to levels first).
        k = len(known)
        level = (1 + avg / 100) ** k
        path = (1 + self.T / 100) ** k
        R = progress_ratio(level, 1.0, path)
        self.fig["path_value"], self.fig["progress_ratio"] = path, R
        if R is None:
            return Status.OFF_TRACK
        return status_from_ratio(R)


def evaluate_indicator(
    plan: Plan,
    indicator: Indicator,
    *,
    year: int,
    given: float | None = None,
    given_scope: str = WHOLE_CITY,
    targets: list[Target] | None = None,
) -> list[TargetMetrics]:
    """Every target of the indicator (or the given ones) against `given` for `year`, or else
    the latest actual in the target's scope up to `year` (and up to its deadline: a target is
    judged on the figure for its own year, as the UN progress chart does)."""
    results = []
    for target in targets if targets is not None else indicator.targets:
        if given is None:
            pick = latest_actual(plan, indicator, target.scope, min(year, target.year))
        elif target.scope == given_scope:
            pick = ActualPick(float(given), year, target.scope, "option")
        else:  # an actual scores a target only when their scopes match
            pick = None
        result = evaluate(plan, indicator, target, pick, as_of=year)
        if given is not None and pick is None:
            why = f"the given actual is for {given_scope}; this target is for {target.scope}"
            result.notes.update(dict.fromkeys(result.notes, why))
        results.append(result)
    return results


# -- the plan's own growth: from the baseline, and the rates the plan states -------------------


class PlanNeed(NamedTuple):
    """The annual growth the plan itself implies: from its baseline to the target."""

    baseline: BaseValue | None
    years: int | None
    need: Need


def plan_need(plan: Plan, indicator: Indicator, target: Target) -> PlanNeed:
    shape = shape_of(target.kind, indicator.unit)
    T = target_value(plan, indicator, target)
    if shape is Shape.RATE:
        years = target.year - plan.meta.base_year
        return PlanNeed(None, years, Need(T, None, {"required_annual_change": "a rate target"}))
    B = baseline_of(plan, indicator, target)
    if B is None or T is None:
        why = "no baseline" if B is None else "the target's base value is not known"
        return PlanNeed(B, None, Need(None, None, {"required_annual_growth_pct": why}))
    years = target.year - B.year
    return PlanNeed(B, years, required(shape, B.value, T, years, indicator.unit))


class StatedRate(NamedTuple):
    indicator: str
    value: float  # in %
    year: int
    text: str
    what: str  # "target" or "baseline"
    note: str | None


def stated_growth_rates(plan: Plan, indicator: Indicator) -> list[StatedRate]:
    """Growth rates the plan states for an indicator: its own growth-rate targets, and the
    baselines and targets of its companion rate indicator `<id>_growth` (gdp → gdp_growth)."""
    found: list[StatedRate] = []
    rate_ind = plan.indicator_by_id.get(f"{indicator.id}_growth")
    for ind in (indicator, rate_ind):
        if ind is None:
            continue
        for t in ind.targets:
            if t.kind is Kind.GROWTH_RATE and t.value is not None:
                found.append(StatedRate(ind.id, t.value, t.year, t.text, "target", t.note))
        if ind is rate_ind:
            for b in ind.baselines:
                found.append(StatedRate(ind.id, b.value, b.year, b.text, "baseline", b.note))
    return found


# -- the plan-implied path year by year --------------------------------------------------------


class PathPoint(NamedTuple):
    year: int
    path: float | None
    actual: ActualPick | None

    @property
    def deviation(self) -> float | None:
        """Actual minus path, in the indicator's unit."""
        if self.path is None or self.actual is None:
            return None
        return self.actual.value - self.path


class Trajectory(NamedTuple):
    target: Target
    target_value: float | None
    baseline: BaseValue | None
    shape: Shape
    points: list[PathPoint]
    note: str | None


def trajectory(plan: Plan, indicator: Indicator, target: Target) -> Trajectory:
    """The year-by-year path from the baseline to the target that the plan implies, with the
    actuals known for those years beside it."""
    shape = shape_of(target.kind, indicator.unit)
    T = target_value(plan, indicator, target)
    B = baseline_of(plan, indicator, target)
    actuals = actual_series(plan, indicator, target.scope)
    start = B.year if B else plan.meta.base_year
    note = None

    def flat(value):
        return lambda _year: value

    if T is None:
        at = flat(None)
        note = f"the target is relative to the {target.relative.base_year} value, which is unknown"
    elif shape is Shape.RATE:
        at = flat(T)
        note = f"an average annual rate: {T:g}% in each year of the period"
    elif target.every_year:
        at = flat(T)
        note = "a floor or ceiling held in each year"
    elif B is None:
        at = flat(None)
        note = f"no baseline: the plan states no {plan.meta.base_year} value to start a path from"
    elif is_met(B.value, T, target.comparator, target.effective_direction):
        at = flat(T)
        note = (
            f"the baseline ({B.value:g} in {B.year}) already meets the target: "
            "the path is the level to hold"
        )
    else:

        def at(year):
            return path_value(shape, B.value, T, B.year, target.year, year)

    points = [PathPoint(y, at(y), actuals.get(y)) for y in range(start, target.year + 1)]
    return Trajectory(target, T, B, shape, points, note)
