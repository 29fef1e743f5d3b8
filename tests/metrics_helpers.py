"""Building small plans for the maths tests: the shipped plan with chosen actuals and extra
indicators, so that each edge rule can be tested whatever actuals are shipped later."""

from __future__ import annotations

from dataclasses import replace

from plancli.model.models import Actual, Indicator
from plancli.model.plan import Plan

SOURCE = {"title": "test source", "url": "https://example.org/stats", "quote": "a sentence"}


def actual(indicator: str, year: int, value: float, unit: str, **extra) -> Actual:
    return Actual.model_validate(
        {
            "indicator": indicator,
            "year": year,
            "value": value,
            "unit": unit,
            "source": extra.pop("source", SOURCE),
            **extra,
        }
    )


def indicator(
    ident: str, unit: str, targets: list[dict], baselines: list[dict] | None = None, **extra
) -> Indicator:
    """An indicator with targets given by their distinctive fields only (and any field of the
    indicator's own, such as series)."""
    full = []
    for t in targets:
        full.append(
            {
                "id": f"{ident}@{t.get('year', 2025)}",
                "year": 2025,
                "text": str(t.get("value", "x")),
                "comparator": "at_least",
                "kind": "level",
                "task": "1.4.2",
                "quotes": ["a quote"],
                **t,
            }
        )
    base = [
        {"year": 2020, "text": str(b["value"]), "task": "1.1.2", "quote": "a quote", **b}
        for b in baselines or []
    ]
    return Indicator.model_validate(
        {
            "id": ident,
            "name": {"zh": ident, "en": ident},
            "unit": unit,
            "baselines": base,
            "targets": full,
            **extra,
        }
    )


def with_data(
    plan: Plan,
    *,
    actuals: list[Actual] = (),
    user: list[Actual] = (),
    indicators: list[Indicator] = (),
) -> Plan:
    """The plan with exactly these actuals (shipped and user) and some extra indicators."""
    return replace(
        plan,
        indicators=[*plan.indicators, *indicators],
        actuals=list(actuals),
        user_actuals=list(user),
    )
