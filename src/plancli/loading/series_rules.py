"""The rule `series` of targets.yaml: what each target compares must be something its
indicator's actuals can give (plancli.model.series; docs/data.md, "Flows, totals and levels").

- A target that sums the actuals needs its indicator to say whether they are yearly flows or
  running totals (`series:`); levels are never added up.
- A stated `compares:` must fit the target's kind (a cumulative total sums, a change compares
  with its base year, a yearly floor takes each year's figure) and the indicator's series
  (a yearly flow has no level, a running total no average).
- A sum or an average over the years is stated as a floor (at_least, or around going up).
"""

from __future__ import annotations

from collections.abc import Iterator

from plancli.loading.rulebook import BlindSpots
from plancli.model.msg import msg
from plancli.model.plan import Plan
from plancli.model.problems import Problem
from plancli.model.series import SERIES_CANNOT, allowed_compares, compares_of, goes_up, series_of
from plancli.model.vocab import Compares, Kind

FILE = "targets.yaml"
RULE = "series"


def series_rules(plan: Plan, gaps: BlindSpots) -> Iterator[Problem]:
    for ii, ind in enumerate(plan.indicators):
        series = series_of(ind)
        for ti, t in enumerate(ind.targets):
            path = ("indicators", ii, "targets", ti)
            compares = compares_of(ind, t)
            if t.compares is not None and compares not in allowed_compares(t):
                why = msg(
                    "compares_not_for_kind",
                    kind=msg(f"kind.{t.kind}"),
                    compares=msg(f"compares.{compares}"),
                    allowed=[msg(f"compares.{c}") for c in allowed_compares(t)],
                    written=str(compares),
                )
                yield _problem(why, t.id, *path, "compares")
                continue
            if compares is Compares.SUM and ind.series is None:
                why = msg("sum_needs_series", indicator=ind.id)
                yield _problem(why, t.id, "indicators", ii, "id")
            elif compares in SERIES_CANNOT[series]:
                why = msg(
                    "series_cannot",
                    indicator=ind.id,
                    series=msg(f"series.{series}"),
                    compares=msg(f"compares.{compares}"),
                )
                yield _problem(why, t.id, *path, "compares" if t.compares else "kind")
            sums = compares is Compares.SUM or (
                compares is Compares.AVERAGE and t.kind is not Kind.GROWTH_RATE
            )
            if sums and not goes_up(t):
                yield _problem(msg("sum_goes_up"), t.id, *path, "comparator")


def _problem(why, ident: str, *path: str | int) -> Problem:
    return Problem(FILE, RULE, why, id=ident, path=tuple(path))
