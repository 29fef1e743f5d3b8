"""What gap and growth are asked: an indicator (or one of its targets), --actual and --year,
checked against the plan."""

from __future__ import annotations

import typer

from plancli.cli.checks import resolve_year
from plancli.cli.settings import settings
from plancli.model.plan import Plan
from plancli.query.lookup import find_indicator, find_scope
from plancli.results.judgement import Asked, ask


def asked(
    ctx: typer.Context,
    indicator: str,
    actual: str | None,
    year: str | None,
    scope: str | None = None,
) -> tuple[Plan, Asked]:
    """What gap and growth were asked, checked: the plan, the indicator named (a target id names
    one target), --actual read in its unit, --year within the plan, --scope one of its areas."""
    plan = settings(ctx).plan()
    ind, target = find_indicator(plan, indicator)
    when, defaulted = resolve_year(plan, year)
    area = find_scope(plan, scope) if scope is not None else None
    return plan, ask(plan, ind, target, actual, when, defaulted, area)
