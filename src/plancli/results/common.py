"""What several results share: how a result says what its CSV is, the mark of a field whose
record is inlined, and an indicator named with its unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from plancli.model.models import Indicator

# Marks a field whose record is inlined in JSON and CSV (its fields take the field's place):
# `judgement: Annotated[TargetJudgement, INLINE]`.
INLINE = "inline"


class Rows(NamedTuple):
    """What a result prints as CSV: records of one class (which names the columns even when
    there are none)."""

    record: type
    items: Sequence[Any]


class IndicatorRef(NamedTuple):
    indicator: str
    name_zh: str
    name_en: str
    unit: str


def indicator_ref(ind: Indicator) -> IndicatorRef:
    return IndicatorRef(ind.id, ind.name.zh, ind.name.en, ind.unit)
