"""What several results share: an indicator named with its unit."""

from __future__ import annotations

from plancli.model.models import Indicator
from plancli.model.record import Record


class IndicatorRef(Record):
    indicator: str
    name_zh: str
    name_en: str
    unit: str


def indicator_ref(ind: Indicator) -> IndicatorRef:
    return IndicatorRef(ind.id, ind.name.zh, ind.name.en, ind.unit)
