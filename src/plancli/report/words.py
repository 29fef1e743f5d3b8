"""Values for a reader: numbers rounded, units in words, statuses, kinds and comparators in the
reader's language (from the catalogue), target values with their comparator."""

from __future__ import annotations

from typing import Any

from plancli.model.units import SYNONYMS, UnitError, parse_unit
from plancli.model.vocab import WHOLE_CITY
from plancli.report.catalogue import text

COMPARATOR_SIGNS = {"at_least": "≥", "at_most": "≤", "around": "≈"}


def fmt_number(x: float | None, digits: int = 2) -> str:
    """Round for reading: thousands separators, no trailing zeros."""
    if x is None:
        return "—"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    shown = f"{x:,.{digits}f}".rstrip("0").rstrip(".")
    return "0" if shown in ("-0", "") else shown


def fmt_value(value: Any) -> str:
    """Any plain value of a record: numbers rounded, booleans as ✓/✗, lists joined."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float):
        return fmt_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt_value(v) for v in value)
    return str(value)


def signed(value: float | None) -> str:
    shown = fmt_number(value)
    return "+" + shown if value is not None and value > 0 else shown


def signed_rate(value: float | None) -> str:
    return "—" if value is None else signed(value) + "%"


def value_cell(value: float | None, unit: str) -> str:
    """A value of the indicator: numbers bare, percentages with their sign."""
    if value is None:
        return "—"
    return fmt_number(value) + ("%" if unit == "%" else "")


def target_cell(value: float | None, unit: str, comparator: str, direction: str) -> str:
    """≥10,000, ≤27, ≈1.9↓: a target's value with its comparator (an around one's direction)."""
    if value is None:
        return "?"
    arrow = ("↑" if direction == "up" else "↓") if comparator == "around" else ""
    return f"{COMPARATOR_SIGNS[comparator]}{value_cell(value, unit)}{arrow}"


def target_said(value: float | None, unit: str, comparator: str, direction: str, lang: str) -> str:
    """≥10,000亿元 / ≥1 trillion yuan, ≈1.9↓: a target with its comparator and its unit, in
    the reader's words (the unit's, in English: say_value)."""
    if value is None:
        return "?"
    arrow = ("↑" if direction == "up" else "↓") if comparator == "around" else ""
    return f"{COMPARATOR_SIGNS[comparator]}{say_value(value, unit, lang)}{arrow}"


def status_word(code: str, lang: str) -> str:
    return text(f"status.{code}", lang)


def kind_word(code: str, lang: str) -> str:
    return text(f"kind.{code}", lang)


def comparator_word(code: str, lang: str) -> str:
    return text(f"comparator.{code}", lang)


def unit_word(unit: str, lang: str) -> str:
    """The unit for a reader: 亿元 → "100 million yuan" in English, as stored in Chinese."""
    if lang != "en" or unit in SYNONYMS:
        return unit
    try:
        parsed = parse_unit(unit)
    except UnitError:
        return unit
    base = text(f"unit.{parsed.base}", "en")
    magnitude = unit[: len(unit) - len(parsed.base)] if parsed.base else unit
    if parsed.factor == 1 or not magnitude:
        return base
    return f"{text(f'magnitude.{magnitude}', 'en')} {base}".strip()


# English scale words for an amount read in its base unit (1.7万亿元 is 1.7 trillion yuan).
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
RANKS = ("强", "位")


def say_value(value: float | None, unit: str, lang: str) -> str:
    """A stored value with its unit for reading: 6871亿元 in Chinese; in English the amount in
    its base unit, in the words English uses for it (687.1 billion yuan, 450,000 people)."""
    if value is None:
        return "—"
    if lang != "en":
        return f"{fmt_number(value)}{unit}"
    word = unit_word(unit, "en")
    if word in ("", "%"):
        return f"{fmt_number(value)}{word}"
    try:
        parsed = parse_unit(unit)
    except UnitError:
        return f"{fmt_number(value)} {word}"
    if parsed.base in RANKS:  # a place in a ranking: 30强 is the top 30
        return text(f"rank.{parsed.base}", "en", n=fmt_number(value))
    if parsed.factor == 1:
        return f"{fmt_number(value)} {word}"
    amount = value * parsed.factor
    base = text(f"unit.{parsed.base}", "en")
    for scale, name in SCALES:
        if abs(amount) >= scale:
            return f"{amount / scale:,.6g} {name} {base}"
    return f"{fmt_number(amount)} {base}"


def in_lang(record: Any, key: str, lang: str) -> str:
    """record.key_zh or record.key_en for lang, the other when it is empty."""
    first, other = (f"{key}_en", f"{key}_zh") if lang == "en" else (f"{key}_zh", f"{key}_en")
    return getattr(record, first, None) or getattr(record, other, None) or "—"


# Flags of a target (models.Target), in the order they are listed.
FLAGS = ("aspirational", "implied_by_name", "value_in_words", "every_year", "maintain")


def target_flags(record: Any, lang: str) -> list[str]:
    """The words for a target's flags (and its qualifier), and its scope when it is not the
    whole city."""
    words = [text(f"flag.{f}", lang) for f in FLAGS if getattr(record, f, False)]
    qualifier = getattr(record, "qualifier", None)
    if qualifier:
        words.append(text(f"qualifier.{qualifier}", lang))
    if getattr(record, "year_stated", True) is False:
        words.append(text("flag.year_assumed", lang))
    scope = getattr(record, "scope", None)
    if scope and scope != WHOLE_CITY:
        words.append(text("flag.scope", lang, scope=scope_word(record, lang)))
    return words


def scope_word(record: Any, lang: str) -> str:
    """A record's scope for a reader: in English, the glossary's rendering (`scope_en`), else
    the scope as the data writes it."""
    if lang == "en":
        return getattr(record, "scope_en", None) or record.scope
    return str(record.scope)
