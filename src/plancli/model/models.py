"""The data model of a plan directory (pydantic v2). Structure and single-record rules live here;
rules that need the whole plan (ids, cross-references, quotes) live in validate.py.

No `from __future__ import annotations` here: with real annotations pydantic need not resolve
strings when the classes are created, which every command pays for at start-up.
"""

import math
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from plancli.model.units import UnitError, known_units, parse_unit, unit_pattern
from plancli.model.vocab import WHOLE_CITY, Comparator, Compares, Direction, Kind, Series

INDICATOR_ID = r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$"
TARGET_ID = r"^[a-z][a-z0-9_]*@\d{4}(?:\.[a-z0-9_]+)?$"
TASK_ID = r"^\d+\.\d+\.\d+$"


def _finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise PydanticCustomError("not_finite_number", "must be a finite number")
    return value


# Strict numbers: "8000" written as a string, or a bool, is a mistake in a data file.
Number = Annotated[float, Field(strict=True)]


class Record(BaseModel):
    # Unknown fields are errors: a typo such as `vaule:` must not silently vanish.
    # defer_build: a cached plan is rebuilt without validation (loading.cacheformat), so the
    # schemas are built only when a file is actually validated.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Name(Record):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Task(Record):
    id: str = Field(pattern=TASK_ID)
    title: Name
    lead: StrictBool = True  # False: the paragraph has no lead sentence; the title is ours
    quote: str = Field(min_length=1, description="the paragraph's opening words, as written")


class Section(Record):
    id: str = Field(pattern=r"^\d+\.\d+$")
    title: Name
    quote: str = Field(min_length=1, description="the heading as written: 第一节 …")
    tasks: list[Task] = []


class Chapter(Record):
    id: str = Field(pattern=r"^\d+$")
    title: Name
    quote: str = Field(min_length=1, description="the heading as written: 第一章 …")
    tasks: list[Task] = Field(default=[], description="the chapter's introduction, ids N.0.k")
    sections: list[Section] = []


class ChaptersFile(Record):
    preface: list[Task] = []
    chapters: list[Chapter]
    closing: list[Task] = []


class Relative(Record):
    """A target stated against another year's value: 比2020年翻一番 is factor 2, 比2020年增加
    1.5万元 is amount 15000 (in the indicator's unit)."""

    base_year: StrictInt
    factor: Number | None = None
    percent: Number | None = Field(default=None, description="a change in % of the base value")
    amount: Number | None = Field(default=None, description="a change in the indicator's unit")

    _finite = field_validator("factor", "percent", "amount")(_finite)

    @model_validator(mode="after")
    def _one_of(self) -> "Relative":
        if sum(x is not None for x in (self.factor, self.percent, self.amount)) != 1:
            raise PydanticCustomError(
                "relative_one_of", "give exactly one of factor, percent or amount"
            )
        return self

    def apply(self, base: float) -> float:
        if self.factor is not None:
            return base * self.factor
        if self.percent is not None:
            return base * (1 + self.percent / 100)
        assert self.amount is not None  # exactly one of the three is given (_one_of)
        return base + self.amount


class Statement(Record):
    """Where else the outline states a target: the paragraph, and the target's words in it."""

    task: str = Field(pattern=TASK_ID)
    quote: str = Field(min_length=1, description="the target's words in that paragraph, exact")


class Target(Record):
    id: str = Field(pattern=TARGET_ID)
    year: StrictInt = Field(description="the deadline; for every_year targets the period's end")
    value: Number | None = Field(default=None, description="in the indicator's unit")
    relative: Relative | None = None
    text: str = Field(min_length=1, description="the value as written: 1万亿元, 翻一番")
    comparator: Comparator
    kind: Kind
    # What the target compares (single_year, sum, average, level, change); without it, what
    # its kind says (maths.series.compares_of, docs/data.md)
    compares: Compares | None = None
    direction: Direction | None = Field(default=None, description="required for around targets")
    every_year: StrictBool = False  # a floor or ceiling held in each year of the period
    maintain: StrictBool = False  # 保持, 稳定在: a level to hold, not to reach
    aspirational: StrictBool = False  # 力争, 争取
    implied_by_name: StrictBool = False  # a count spelled out by a programme's name
    # 全覆盖, 全部, 清零, 消除, 翻番 …: the value is read from a word by the rule of docs/data.md
    value_in_words: StrictBool = False
    qualifier: Literal["基本"] | None = Field(
        default=None, description="基本 (basically): the same comparator and value, said in a note"
    )
    year_stated: StrictBool = True  # False: the outline gives no year; `year` is assumed
    scope: str = WHOLE_CITY
    task: str = Field(pattern=TASK_ID, description="the paragraph that sets the target")
    quotes: list[str] = Field(min_length=1, description="its words in that paragraph, exact")
    also_in: list[Statement] = Field(
        default=[], description="every other paragraph stating it, with its words there"
    )
    note: str | None = None

    _finite = field_validator("value")(_finite)

    @property
    def tasks(self) -> list[str]:
        """Every paragraph stating the target: its own task first, then the others in the
        order of also_in, each once."""
        return list(dict.fromkeys([self.task, *(s.task for s in self.also_in)]))

    @property
    def statements(self) -> list[tuple[str, str]]:
        """Each of the target's quotes with the paragraph it stands in: (task, quote)."""
        return [(self.task, q) for q in self.quotes] + [(s.task, s.quote) for s in self.also_in]

    @model_validator(mode="after")
    def _shape(self) -> "Target":
        if (self.value is None) == (self.relative is None):
            raise PydanticCustomError("value_or_relative", "give exactly one of value or relative")
        if self.comparator is Comparator.AROUND and self.direction is None:
            raise PydanticCustomError(
                "around_direction", "an around target needs a direction (up or down)"
            )
        # A change (提高2个百分点, 比2020年增加1.5万元) is an amount over a base year's value, and
        # an amount over a base year is a change: its level is unknown until the base is.
        is_amount = self.relative is not None and self.relative.amount is not None
        if (self.kind is Kind.CHANGE) != is_amount:
            raise PydanticCustomError(
                "change_is_amount",
                "a change target is given as a relative base_year and amount, and such a "
                "target is of kind change",
            )
        return self

    @property
    def indicator_id(self) -> str:
        return self.id.split("@", 1)[0]

    @property
    def effective_direction(self) -> Direction:
        if self.direction is not None:
            return self.direction
        return Direction.DOWN if self.comparator is Comparator.AT_MOST else Direction.UP


class Baseline(Record):
    year: StrictInt
    value: Number
    text: str = Field(min_length=1)
    year_stated: StrictBool = True  # False: the outline gives no year; `year` is read from context
    scope: str = WHOLE_CITY
    task: str = Field(pattern=TASK_ID)
    quote: str = Field(min_length=1)
    note: str | None = None

    _finite = field_validator("value")(_finite)


class ValueRange(Record):
    """The values that are plausible for an indicator, in its unit, bounds included: an actual
    outside them is an error (`plancli check`) and a usage error on the command line. Without
    it, the kind of the indicator's targets decides (docs/limits.md)."""

    min: Number | None = None
    max: Number | None = None

    _finite = field_validator("min", "max")(_finite)

    @model_validator(mode="after")
    def _ordered(self) -> "ValueRange":
        if self.min is None and self.max is None:
            raise PydanticCustomError("range_empty", "give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError(
                "range_order", "min {min} is above max {max}", {"min": self.min, "max": self.max}
            )
        return self


# A unit as the JSON Schema gives it to editors: the pattern of every unit plancli reads (the
# validator below gives the message, with the list, for one it does not).
UNIT_FIELD = Field(
    description="a unit: a base word (元, 人, 公里, % …), with or without a "
    "magnitude word before it (亿元, 万人); empty for a plain number (docs/conventions.md)",
    json_schema_extra={"pattern": unit_pattern()},
)


class Indicator(Record):
    id: str = Field(pattern=INDICATOR_ID)
    name: Name
    unit: str = UNIT_FIELD
    # What its actuals are: yearly flows, running totals or levels (docs/data.md); required
    # where a target sums them, else level
    series: Series | None = None
    range: ValueRange | None = Field(
        default=None, description="plausible values in the unit (else the kind's defaults)"
    )
    aliases: list[str] = []
    baselines: list[Baseline] = []
    targets: list[Target] = []
    note: str | None = None

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        try:
            parse_unit(unit)
        except UnitError:
            # The error's type is its code; schema_errors words it from the catalogue.
            # (with what a unit may be, for the message: units.known_units)
            raise PydanticCustomError(
                "unknown_unit", "unknown unit '{unit}'", {"unit": unit, **known_units()}
            ) from None
        return unit


class TargetsFile(Record):
    indicators: list[Indicator]


class Source(Record):
    title: str = Field(min_length=1)
    # Optional for a user's own --actuals; every shipped actual must have both (validate.py).
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    quote: str | None = Field(default=None, min_length=1)
    primary: StrictBool = False


class Actual(Record):
    indicator: str = Field(pattern=INDICATOR_ID)
    year: StrictInt
    value: Number
    unit: str = UNIT_FIELD
    scope: str = WHOLE_CITY
    source: Source
    # Further pages that give the same figure: kept so a reader can check it twice.
    other_sources: list[Source] = []
    preferred: StrictBool | None = Field(
        default=None, description="which of two actuals for one indicator, year and scope wins"
    )
    note: str | None = None

    _finite = field_validator("value")(_finite)

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        return Indicator._known_unit(unit)


class ActualsFile(Record):
    actuals: list[Actual] = []


class Period(Record):
    start: StrictInt
    end: StrictInt


class Translation(Record):
    """A translation of the plan's text: whose it is, and whether it is finished."""

    official: StrictBool = Field(
        description="false: plancli's own translation, not an official one"
    )
    complete: StrictBool = Field(
        default=False,
        description="true once every paragraph is translated: a missing one is then an error",
    )
    note: str | None = None


class PlanFile(Record):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Name
    short_name: Name | None = Field(
        default=None, description="what titles call the plan (e.g. 温州“十四五”规划); default: name"
    )
    issuer: Name
    base_year: StrictInt
    period: Period
    horizon_years: list[StrictInt] = Field(min_length=1)
    # Language code -> the translation of the paragraphs into it (outline.<code>.yaml).
    translation: dict[Literal["en"], Translation] = {}


class Exclusion(Record):
    context: str = Field(min_length=2, description="occurs exactly once in the outline")
    reason: str = Field(min_length=3)
    # Which completeness ledger it answers for: the Arabic numerals, or the quantity words
    # (全覆盖, 清零, 翻番 …) of plancli.ledger.
    ledger: Literal["numerals", "words"] = "numerals"


def _or_null(schema: dict) -> None:
    """JSON Schema of a list the validator also accepts as null (a key with only comments)."""
    listed = {k: v for k, v in schema.items() if k not in ("title", "default")}
    for k in listed:
        del schema[k]
    schema["anyOf"] = [listed, {"type": "null"}]


class ExclusionsFile(Record):
    exclusions: list[Exclusion] = Field(default=[], json_schema_extra=_or_null)

    @field_validator("exclusions", mode="before")
    @classmethod
    def _none_is_empty(cls, value):
        # A key followed only by comments (chapter markers) reads as null in YAML.
        return [] if value is None else value
