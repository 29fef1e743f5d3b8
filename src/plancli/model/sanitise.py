"""Making what plancli prints safe for whoever reads it: a terminal, a spreadsheet, a strict JSON
parser (docs/limits.md, "What is sanitised").

Data files are written by others: a title may hold escape sequences that clear a terminal, set
its window title or plant a link, and a CSV cell that starts with `=` is a formula to Excel.
Every reporter passes the text it prints through these functions; they are pure and cheap, so
any reporter can call them on every cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from plancli.model.problems import UsageError

REPLACEMENT = "\ufffd"

# Patterns as text, compiled by `re` when first used (and cached there): a command pays only for
# the ones its format needs (~1 ms all told at import otherwise).
# C0 controls, DEL and C1 controls (Unicode category Cc), and lone surrogates (undecodable bytes
# of a command-line argument, which no output encoding can write). Prose keeps newline and tab.
_CONTROL_PROSE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
_CONTROL_LINE = "[\x00-\x1f\x7f-\x9f\ud800-\udfff]"
_SURROGATE = "[\ud800-\udfff]"
# What json.dumps leaves raw in a string (it escapes C0 only): DEL and the C1 controls, which
# some terminals act on when JSON is shown in them.
_JSON_RAW_CONTROL = "[\x7f-\x9f]"


def writable(text: str) -> str:
    """text with lone surrogates (undecodable bytes of an argument) replaced by U+FFFD, so that
    it can be written as UTF-8; machine output (JSON, CSV) keeps every other character."""
    if re.search(_SURROGATE, text) is None:
        return text
    return re.sub(_SURROGATE, REPLACEMENT, text)


def for_terminal(text: str, *, prose: bool = True) -> str:
    """text with every control character replaced by U+FFFD, so that nothing read from a data
    file reaches a terminal as an escape sequence. Prose keeps newline and tab; prose=False
    (a single line: an error, a check problem) replaces them too. Length is unchanged, so
    highlight spans stay valid."""
    pattern = _CONTROL_PROSE if prose else _CONTROL_LINE
    if re.search(pattern, text) is None:  # the common case: no copy
        return text
    return re.sub(pattern, REPLACEMENT, text)


# The OWASP rule for CSV injection: a cell starting with one of these is a formula to Excel,
# LibreOffice and Google Sheets, unless it is a number (-5, +3.2).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"


def _is_formula(text: str) -> bool:
    return text.startswith(FORMULA_START) and re.fullmatch(_NUMBER, text) is None


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: text starting with = + - @ tab or CR
    (not a number) gets a leading `'`, which spreadsheets show as plain text. Text that already
    starts with `'` before such a character gets one more, so that csv_unescape gives back
    exactly the original (lone surrogates aside, which become U+FFFD). Anything that is not
    text is returned as it is."""
    if not isinstance(value, str) or not value:
        return value
    value = writable(value)
    if _is_formula(value.lstrip("'")):
        return "'" + value
    return value


def csv_unescape(text: str) -> str:
    """The text csv_cell was given: one leading `'` dropped where csv_cell added it (before
    `'`s and then = + - @ tab or CR that is not a number). A sheet plancli wrote reads back
    unchanged; a cell a person typed as `'=1+1` reads as `=1+1`, as the spreadsheet shows it."""
    if text.startswith("'") and _is_formula(text.lstrip("'")):
        return text[1:]
    return text


def non_finite(obj: Any) -> tuple[str, float] | None:
    """Where in obj (dicts, lists, tuples, named tuples) a float is NaN or infinite, and the
    value; None when every number is finite. The place is a dotted path; from a record in a
    list that has a target_id or id, it starts there (`gdp@2025: required_annual_growth_pct`)."""
    found = _non_finite(obj, ())
    if found is None:
        return None
    parts, value = found
    if parts and isinstance(parts[0], _Id):
        return f"{parts[0]}: {'.'.join(map(str, parts[1:]))}", value
    return ".".join(map(str, parts)), value


class _Id(str):
    """A record's id in a path: what comes before it is left out."""


def _non_finite(obj: Any, parts: tuple) -> tuple[tuple, float] | None:
    if isinstance(obj, float):
        return None if math.isfinite(obj) else (parts, obj)
    items: Iterable[tuple[Any, Any]]
    if isinstance(obj, dict):
        items = obj.items()
    elif hasattr(obj, "_fields"):
        items = zip(obj._fields, obj, strict=True)
    elif isinstance(obj, (list, tuple)):
        items = ((_label(item, n), item) for n, item in enumerate(obj))
    else:
        return None
    for key, value in items:
        found = _non_finite(value, (key,) if isinstance(key, _Id) else (*parts, key))
        if found is not None:
            return found
    return None


def _label(item: Any, n: int) -> Any:
    for key in ("target_id", "id"):
        ident = item.get(key) if isinstance(item, dict) else getattr(item, key, None)
        if isinstance(ident, str):
            return _Id(ident)
    return n


def has_non_finite(obj: Any) -> bool:
    """Whether a float in obj (dicts, lists, tuples) is NaN or infinite: the check every
    output pays, so a loop over a stack rather than recursion, looking at each container's
    items in place and stacking only the containers among them (~0.06 µs a value)."""
    stack = [obj]
    pop, push = stack.pop, stack.append
    while stack:
        item = pop()
        kind = type(item)
        if kind is dict:
            values = item.values()
        elif kind is list or isinstance(item, tuple):
            values = item
        elif kind is float:
            values = (item,)
        else:
            continue
        for value in values:
            kind = type(value)
            if kind is float:
                if value - value != 0:  # inf - inf and nan - nan are nan; a finite x - x is 0
                    return True
            elif kind is not str and kind is not int and value is not None and kind is not bool:
                push(value)  # a container (or an enum, a Path: looked at and passed over)
    return False


def require_finite(obj: Any) -> None:
    """Raise a usage error (exit 2) if a number in obj overflowed or is undefined: plancli
    prints no `inf`, `nan`, `Infinity` or `NaN`, in any format."""
    if has_non_finite(obj):
        _overflowed(obj)


def _overflowed(obj: Any, detail: str = "") -> None:
    found = non_finite(obj)
    if found is None:  # inside an object the walk cannot see into
        raise UsageError("not_finite_figure", detail=detail)
    where, value = found
    raise UsageError("figure_overflow", where=where, value=str(value))


def json_text(obj: Any, **options: Any) -> str:
    """JSON that a strict parser reads: never NaN or Infinity (a usage error instead), no raw
    control character (DEL and C1 escaped as \\u00XX like C0, so the text reads back the same),
    no lone surrogate (U+FFFD)."""
    import json

    try:  # the encoder itself refuses NaN and infinity: no walk of obj beforehand
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False, **options)
    except ValueError as exc:
        _overflowed(obj, str(exc))
    if re.search(_JSON_RAW_CONTROL, text) is not None:  # only ever inside strings
        text = re.sub(_JSON_RAW_CONTROL, lambda m: f"\\u{ord(m.group()):04x}", text)
    return writable(text)
