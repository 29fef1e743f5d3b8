"""What several results share: an indicator named with its unit, a target's identity."""

from __future__ import annotations

from typing import Any

from plancli.model.models import Indicator, Target
from plancli.model.record import Record
from plancli.model.series import compares_of, series_of


class IndicatorRef(Record):
    indicator: str
    name_zh: str
    name_en: str
    unit: str


def indicator_ref(ind: Indicator) -> IndicatorRef:
    return IndicatorRef(ind.id, ind.name.zh, ind.name.en, ind.unit)


def target_keys(ind: Indicator, t: Target) -> dict[str, Any]:
    """The keys that say which target a record is about, as every per-target record has them
    (target judgement, trajectory): its id, indicator, unit, kind, series, what it compares,
    scope, year and comparator."""
    return {
        "target_id": t.id,
        "indicator": ind.id,
        "name_zh": ind.name.zh,
        "name_en": ind.name.en,
        "unit": ind.unit,
        "kind": t.kind,
        "series": series_of(ind),
        "compares": compares_of(ind, t),
        "scope": t.scope,
        "year": t.year,
        "comparator": t.comparator,
    }
