"""Numbers in a Chinese text, and whether an English text carries every one of them.

Every Arabic numeral of the Chinese (a year, a percentage, an amount, a rank, a route name such
as S2 or G60) must appear in the English as a number of the same value. Amounts written with 万,
亿 or 万亿 are compared by value, so that their natural English forms match: 1万亿 is 1 trillion,
6871亿 is 687.1 billion, 1.5万 is 15,000 or 15 thousand. The one table of conversions is
CONVERSIONS below; docs/checking.md prints it.
"""

from __future__ import annotations

import re
from fractions import Fraction

from plancli.model.limits import MAX_NUMBER_CHARS
from plancli.model.record import Record

# The conversion table: magnitude words of the Chinese and scale words of the English, each with
# its factor. A Chinese amount n·magnitude is found in the English as any number whose value,
# times the scale word after it (if any), is the same.
CONVERSIONS: dict[str, dict[str, int]] = {
    "zh": {"万亿": 10**12, "亿": 10**8, "万": 10**4},
    "en": {"trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3},
}
# Percentages: written so in the Chinese, found so in the English (with the same number).
PERCENT = {
    "zh": ("%", "％", "个百分点", "百分点"),
    "en": ("%", "per cent", "percent", "percentage point", "pp"),
}

_ZH = re.compile(
    r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)"
    rf"({'|'.join(CONVERSIONS['zh'])})?"
    rf"({'|'.join(map(re.escape, PERCENT['zh']))})?"
)
_EN = re.compile(
    r"(?<![0-9.,])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?"
    rf"(?:[\s\-]*({'|'.join(CONVERSIONS['en'])})\b)?"
    rf"(\s*(?:{'|'.join(map(re.escape, PERCENT['en']))}))?",
    re.IGNORECASE,
)


class Figure(Record):
    """A number as written in the Chinese, and its value with the magnitude applied."""

    text: str
    value: Fraction
    percent: bool
    scaled: bool  # written with 万, 亿 or 万亿

    def english(self) -> str:
        """Its natural English form, for messages: 1 trillion, 687.1 billion, 15,000, 7.2%."""
        if self.percent:
            return f"{_plain(self.value)}%"
        if not self.scaled:
            return _plain(self.value)
        for word, factor in CONVERSIONS["en"].items():
            if word != "thousand" and self.value >= factor:
                return f"{_plain(self.value / factor)} {word}"
        return _plain(self.value, grouped=True)


def _plain(value: Fraction, grouped: bool = False) -> str:
    if value.denominator == 1:
        return f"{value.numerator:,}" if grouped else str(value.numerator)
    return (
        f"{float(value):,.6f}".rstrip("0").rstrip(".")
        if grouped
        else (f"{float(value):.6f}".rstrip("0").rstrip("."))
    )


def figures(chinese: str) -> list[Figure]:
    """Every Arabic number of a Chinese text, in order."""
    out = []
    for m in _ZH.finditer(chinese):
        number, magnitude, percent = m.groups()
        if len(number) > MAX_NUMBER_CHARS:  # no figure of a plan; and int() refuses 4,300 digits
            continue
        value = Fraction(number) * CONVERSIONS["zh"].get(magnitude or "", 1)
        out.append(Figure(m.group(0), value, percent is not None, magnitude is not None))
    return out


def english_numbers(english: str) -> set[tuple[Fraction, bool]]:
    """The numbers of an English text as (value, is a percentage), scale words applied."""
    out = set()
    for m in _EN.finditer(english):
        digits, decimals, scale, percent = m.groups()
        if len(digits) + len(decimals or "") > MAX_NUMBER_CHARS:
            continue
        value = Fraction(digits.replace(",", "") + (decimals or ""))
        if scale:
            value *= CONVERSIONS["en"][scale.lower()]
        out.add((value, percent is not None))
        if scale:  # "2.5 million people" also shows the numeral 2.5
            out.add((Fraction(digits.replace(",", "") + (decimals or "")), False))
    return out


def missing(chinese: str, english: str) -> list[Figure]:
    """The figures of the Chinese that the English lacks, each once."""
    have = english_numbers(english)
    values = {v for v, _ in have}
    out: list[Figure] = []
    for fig in figures(chinese):
        found = (fig.value, True) in have if fig.percent else fig.value in values
        if not found and fig not in out:
            out.append(fig)
    return out
