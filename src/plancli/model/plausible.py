"""Which values are plausible for an indicator: one rule set for every value plancli computes
with, however it arrives (`--actual`, a `--actuals` file, data/actuals.yaml, and the targets and
baselines of targets.yaml). docs/limits.md lists the rules; the conventions state them:

1. The limits of every number (limits.MAX_VALUE, limits.MIN_VALUE): finite, at most 1e15 in
   magnitude, and 0 or at least 1e-9 in magnitude, so that nothing computed from them overflows.
2. The indicator's own `range:` in targets.yaml, when it has one (bounds included).
3. Otherwise the kind of its targets: a growth rate above -100%; every other kind (levels,
   money, counts, totals, ratios, and the levels a change target's rise is measured on) at
   least 0; a share at most 100; a rank a whole number of at least 1. An indicator without
   targets has no kind: only 1 applies.

Values are in the indicator's unit. Pure: callers turn a message into a usage error or a
problem in a file.
"""

from __future__ import annotations

import math

from plancli.model.limits import MAX_VALUE, MIN_VALUE
from plancli.model.models import Indicator
from plancli.model.msg import Msg, msg
from plancli.model.vocab import Kind


def limit_problem(value: float) -> Msg | None:
    """Why a number is outside the limits every number must keep, if it is."""
    if not math.isfinite(value):
        return msg("not_finite_value", value=str(value))
    if abs(value) > MAX_VALUE:
        return msg("beyond_limit", value=value, limit=MAX_VALUE)
    if value != 0 and abs(value) < MIN_VALUE:
        return msg("too_close_to_zero", value=value, limit=MIN_VALUE)
    return None


def value_problem(indicator: Indicator, value: float) -> Msg | None:
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
        return msg(
            "outside_range", value=value, unit=indicator.unit, indicator=indicator.id,
            name_zh=indicator.name.zh, name_en=indicator.name.en,
            range=_span(span.min, span.max),
        )  # fmt: skip
    return _kind_problem(indicator, value)


def _kind_problem(indicator: Indicator, value: float) -> Msg | None:
    kinds = {t.kind for t in indicator.targets}
    if not kinds:
        return None
    if Kind.GROWTH_RATE in kinds:
        return None if value > -100 else msg("rate_below_minus_100", value=value)
    if value < 0:
        return msg(
            "negative_value", value=value, unit=indicator.unit, indicator=indicator.id,
            name_zh=indicator.name.zh, name_en=indicator.name.en,
        )  # fmt: skip
    if Kind.SHARE in kinds and value > 100:
        return msg("share_above_100", value=value)
    if Kind.RANK in kinds and value < 1:
        return msg("rank_below_1", value=value)
    if Kind.RANK in kinds and not float(value).is_integer():
        return msg("rank_not_whole", value=value)
    return None


def _span(low: float | None, high: float | None) -> Msg:
    if low is None:
        return msg("range_at_most", high=high)
    if high is None:
        return msg("range_at_least", low=low)
    return msg("range_between", low=low, high=high)
