"""Units and quantities as the plan writes them: 亿元, 万人, 微克/立方米, 0.8万亿, 超千亿, 80%.

A unit is an optional magnitude word (万, 亿, 万亿 …) before a base word (元, 人, 公里 …). Two
units convert into each other when they share a base; the base is the unit's family.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from plancli.model.msg import Msg
from plancli.model.record import Record

MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
}

# Base words the plan counts in (their English words are in the message catalogue). A base
# not listed here is an unknown unit; "" is a plain number.
BASES: frozenset[str] = frozenset(
    (
        "元",
        "美元",
        "%",
        "个百分点",
        "人",
        "人次",
        "家",
        "个",
        "项",
        "所",
        "座",
        "条",
        "张",
        "套",
        "户",
        "处",
        "名",
        "位",
        "强",
        "岁",
        "年",
        "分钟",
        "小时",
        "公里",
        "米",
        "平方公里",
        "平方米",
        "亩",
        "公顷",
        "吨",
        "立方米",
        "标箱",
        "千瓦",
        "微克/立方米",
        "Tbps",
        "辆",
        "艘",
        "台",
        "件",
        "次",
        "倍",
        "",
    )
)

# Units that are another spelling of a base unit, with their factor to it.
SYNONYMS: dict[str, tuple[str, float]] = {
    "千米": ("公里", 1.0),
    "km": ("公里", 1.0),
    "万千瓦": ("千瓦", 1e4),
    "pp": ("%", 1.0),
    "百分点": ("%", 1.0),
    "µg/m³": ("微克/立方米", 1.0),
    "ug/m3": ("微克/立方米", 1.0),
    # The outline writes bandwidth as 24T (terabits per second).
    "T": ("Tbps", 1.0),
    "Gbps": ("Tbps", 1e-3),
}


class UnitError(ValueError):
    """A unit that is not known, or a quantity that cannot be read; `msg` says which."""

    def __init__(self, code: str, **params: Any):
        self.msg = Msg(code, params)
        super().__init__(code, params)


class Unit(Record):
    text: str
    base: str
    factor: float  # how many base units one of this unit is

    @property
    def family(self) -> str:
        # 个百分点 and % are one family: both are percent.
        return "%" if self.base == "个百分点" else self.base


@cache  # a handful of units, asked for once per target and actual
def parse_unit(text: str) -> Unit:
    """Read a unit such as 亿元, 万标箱 or 微克/立方米; raise UnitError for an unknown one."""
    text = text.strip()
    if text in SYNONYMS:
        base, factor = SYNONYMS[text]
        return Unit(text, base, factor)
    if text in BASES:
        return Unit(text, text, 1.0)
    for word, factor in MAGNITUDES.items():
        rest = text.removeprefix(word)
        if rest != text and rest in BASES and rest not in UNSCALED:
            return Unit(text, rest, factor)
    raise UnitError("unknown_unit", unit=text, **known_units())


UNSCALED = ("%", "个百分点", "")  # bases no magnitude word goes before


def known_units() -> dict[str, list[str]]:
    """What a unit may be, for the message about one that is not known: the base words, the
    magnitude words that may go before them, and the other spellings."""
    return {
        "bases": sorted(b for b in BASES if b),
        "magnitudes": list(MAGNITUDES),
        "synonyms": list(SYNONYMS),
    }


def unit_pattern() -> str:
    """Every unit parse_unit reads, as one regular expression (the JSON Schema's `pattern` for
    a unit, so that an editor flags an unknown one as it is typed); the empty unit is a plain
    number."""

    def alternatives(words: Iterable[str]) -> str:
        # Longest first, so that 平方公里 is tried before 公里; then in a fixed order.
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    scaled = [b for b in BASES if b not in UNSCALED]
    unscaled = [b for b in UNSCALED if b]
    return (
        f"^(?:(?:{alternatives(MAGNITUDES)})?(?:{alternatives(scaled)})"
        f"|{alternatives(unscaled)}|{alternatives(SYNONYMS)})?$"
    )


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert value from one unit to another of the same family."""
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.family != dst.family:
        raise UnitError("unit_family", unit=from_unit, to=to_unit)
    return value * src.factor / dst.factor


CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％－＋，", "0123456789.%-+,")


def parse_cn_number(text: str) -> float:
    """Read a Chinese numeral below 万: 一百三十 → 130, 千 → 1000, 十二 → 12."""
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            raise UnitError("not_a_number", text=text)
    return float(total + (digit or 0))


_QUANTITY = re.compile(
    r"^\s*(?P<num>[-+]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?|[零〇一二两三四五六七八九十百千]+)"
    r"\s*(?P<unit>.*?)\s*$"
)


class Quantity(Record):
    value: float
    unit: Unit | None  # None: a bare number, in whatever unit the reader expects


def parse_quantity(text: str) -> Quantity:
    """Read 8000, 8000亿, 0.8万亿, 80%, 1万亿元, 超千亿 (without 超), 一百三十亿 or １２％."""
    norm = text.translate(FULL_WIDTH).strip()
    if norm[:1] in ("万", "亿"):  # 亿吨大港: a bare magnitude word is one of it
        norm = "1" + norm
    match = _QUANTITY.match(norm)
    if not match:
        raise UnitError("not_a_number", text=text)
    num, unit_text = match.group("num"), match.group("unit")
    value = float(num.replace(",", "")) if num[-1].isdigit() else parse_cn_number(num)
    if not math.isfinite(value):
        raise UnitError("not_finite", text=text)
    if not unit_text:
        return Quantity(value, None)
    if unit_text in MAGNITUDES:  # 8000亿: magnitude without a base word
        return Quantity(value * MAGNITUDES[unit_text], None)
    return Quantity(value, parse_unit(unit_text))


def to_unit(text: str, unit: str) -> float:
    """Read a quantity and express it in unit; a bare number is taken to be in unit already.

    A magnitude without a base (8000亿) is read against the unit's base: 8000亿 in 亿元 is 8000.
    """
    q = parse_quantity(text)
    target = parse_unit(unit)
    if q.unit is None:
        norm = text.translate(FULL_WIDTH).strip()
        # A magnitude word was given (8000亿, 亿吨): the value is counted in the base unit.
        written = _QUANTITY.match(norm)
        if norm[:1] in ("万", "亿") or (written is not None and written.group("unit")):
            return q.value / target.factor
        return q.value
    if q.unit.family != target.family:
        raise UnitError("quantity_unit_family", text=text, given=q.unit.text, unit=unit)
    return q.value * q.unit.factor / target.factor
