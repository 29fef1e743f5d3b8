"""Which values are plausible for an indicator: one rule set for every value plancli computes
with, however it arrives (`--actual`, a `--actuals` file, data/actuals.yaml, and the targets and
baselines of targets.yaml). docs/limits.md lists the rules; the conventions state them:

1. The limits of every number (limits.MAX_VALUE, limits.MIN_VALUE): finite, at most 1e15 in
   magnitude, and 0 or at least 1e-9 in magnitude, so that nothing computed from them overflows.
2. The indicator's own `range:` in targets.yaml, when it has one (bounds included).
3. Otherwise the kind of its targets: a growth rate above -100%; a change anything; every other
   kind (levels, money, counts, totals, ratios) at least 0; a share at most 100; a rank a whole
   number of at least 1. An indicator without targets has no kind: only 1 applies.

Values are in the indicator's unit. Pure: callers turn a message into a usage error or a
problem in a file.
"""

from __future__ import annotations

import math

from plancli.loading.limits import MAX_VALUE, MIN_VALUE
from plancli.model.models import Indicator
from plancli.model.vocab import Kind


def limit_problem(value: float) -> str | None:
    """Why a number is outside the limits every number must keep, if it is."""
    if not math.isfinite(value):
        return f"{value} is not a finite number"
    if abs(value) > MAX_VALUE:
        return f"{value:g} is beyond plancli's limit of ±{MAX_VALUE:g}"
    if value != 0 and abs(value) < MIN_VALUE:
        return f"{value:g} is closer to 0 than plancli's limit of {MIN_VALUE:g} (write 0 for zero)"
    return None


def value_problem(indicator: Indicator, value: float) -> str | None:
    """Why a value is meaningless for the indicator (a negative GDP, a share above 100), if so."""
    problem = limit_problem(value)
    if problem:
        return problem
    span = indicator.range
    if span is not None:
        low = -math.inf if span.min is None else span.min
        high = math.inf if span.max is None else span.max
        if low <= value <= high:
            return None
        return (
            f"{value:g} {indicator.unit} is outside the plausible range of "
            f"{_name(indicator)}: {_span(span.min, span.max)} (its `range:` in targets.yaml)"
        )
    return _kind_problem(indicator, value)


def _kind_problem(indicator: Indicator, value: float) -> str | None:
    kinds = {t.kind for t in indicator.targets}
    if not kinds:
        return None
    if Kind.GROWTH_RATE in kinds:
        return None if value > -100 else f"a growth rate of {value:g}% is below -100%"
    if Kind.CHANGE in kinds:
        return None
    if value < 0:
        return (
            f"{value:g} {indicator.unit} is negative, which is meaningless for {_name(indicator)}"
        )
    if Kind.SHARE in kinds and value > 100:
        return f"a share of {value:g}% is above 100%"
    if Kind.RANK in kinds and value < 1:
        return f"a rank of {value:g} is below 1"
    if Kind.RANK in kinds and not float(value).is_integer():
        return f"a rank of {value:g} is not a whole number"
    return None


def _name(indicator: Indicator) -> str:
    return f"{indicator.name.en} ({indicator.id})"


def _span(low: float | None, high: float | None) -> str:
    if low is None:
        return f"at most {high:g}"
    if high is None:
        return f"at least {low:g}"
    return f"{low:g} to {high:g}"
