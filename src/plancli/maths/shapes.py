"""The formulas, on plain numbers: how a target's value moves (its shape), met, gap, the
plan-implied path, the progress ratio and its status band, and the growth still needed.

docs/methods.md states every formula and edge rule implemented here, with its source. Notation
there and here: B baseline in year t0 (the plan's base year), A actual in year t, T target for
year Y, d = +1 where more is better and -1 where less is better.
"""

from __future__ import annotations

import math
from enum import StrEnum

from plancli.model.msg import Msg, msg
from plancli.model.record import Record
from plancli.model.units import parse_unit
from plancli.model.vocab import (
    AROUND_TOLERANCE,
    ON_TRACK_RATIO,
    Comparator,
    Direction,
    Kind,
    Status,
)


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
    if kind in (Kind.LEVEL, Kind.COUNT) and not is_pct(unit):
        return Shape.COMPOUND
    return Shape.LINEAR


def is_pct(unit: str) -> bool:
    return parse_unit(unit).family == "%"


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


class Need(Record):
    """What is still needed per year: a compound rate (%) and/or a change in the unit, and
    notes saying why either is missing."""

    growth_pct: float | None
    change: float | None
    notes: tuple[Msg, ...] = ()


def required(shape: Shape, start: float, end: float, years: int, unit: str) -> Need:
    """The annual growth and change that take start to end in `years` steps.

    For at-most targets both come out negative: the need is a reduction.
    """
    if years <= 0:
        return Need(None, None, (msg("no_years_left"),))
    change = (end - start) / years
    if shape is Shape.FROM_ZERO:
        return Need(None, change, (msg("need_is_remainder"),))
    if shape is Shape.LINEAR:
        return Need(
            None, change, (msg("moves_in_points_pct" if is_pct(unit) else "moves_in_points"),)
        )
    rate = compound_rate(start, end, years)
    if rate is None:
        return Need(None, change, (msg("zero_no_rate" if start == 0 else "negative_no_rate"),))
    return Need(rate * 100, change)
