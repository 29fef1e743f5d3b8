"""Records as machine output: JSON values and CSV rows, the same in every language.

A record is a NamedTuple (plancli.results). Its fields, in order, are its keys, with these
rules: a field marked `Annotated[Record, INLINE]` holds a record whose fields take its place (a
score row is its judgement's fields, then its own); another record is a nested object in JSON,
a list of records a nested list; a note list (Msgs) is
`[{"code", "params", "text_zh", "text_en"}]` in JSON and three columns in CSV (`notes_code`,
`notes_zh`, `notes_en`, several notes joined by " | "); a single Msg field `message` is
`message` (English) and `message_zh`. CSV cells are plain values: a list of records is a column
for each of the record's fields (`stated_growth_rates_value` …), each joined by "; "; another
list is joined by "; ", a record's fields by ":", a mapping as `key:value`; never JSON in a
cell. A number in CSV is written as the shortest text that reads back as its value rounded to
15 significant digits, which drops the noise of binary arithmetic (10000 − 10213.9 is
-213.9, not -213.89999999999964), and a whole number without a decimal point (4200, not
4200.0); JSON keeps every digit of the double.
"""

from __future__ import annotations

import math
from enum import Enum
from functools import cache
from typing import Any, get_args, get_type_hints

from plancli.model.msg import Msg
from plancli.report.catalogue import note_json, render
from plancli.results import INLINE, PAGE_ONLY

NOTE_SEPARATOR = " | "


def is_record(value: Any) -> bool:
    return isinstance(value, tuple) and hasattr(value, "_fields") and not isinstance(value, Msg)


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


@cache
def listed(cls: Any) -> dict[str, type]:
    """The fields of a record class that hold a list of records, with their record class."""
    out = {}
    for key, hint in _hints(cls).items():
        args = [a for a in get_args(hint) if a is not Ellipsis]
        record = args[0] if len(args) == 1 else None
        if isinstance(record, type) and hasattr(record, "_fields") and record is not Msg:
            out[key] = record
    return out


@cache
def inlined(cls: Any) -> dict[str, type]:
    """The fields of a record class whose records are inlined, with their record class."""
    out = {}
    for key, hint in _hints(cls).items():
        args = get_args(hint)
        if len(args) == 2 and args[1] == INLINE:
            out[key] = args[0]
    return out


@cache
def page_only(cls: Any) -> frozenset[str]:
    """The fields of a record class that machine output leaves out."""
    hints = _hints(cls).items()
    return frozenset(key for key, hint in hints if PAGE_ONLY in getattr(hint, "__metadata__", ()))


def to_json(value: Any) -> Any:
    """A record (or a list of them, or a plain value) as JSON-ready values."""
    if isinstance(value, Msg):
        return note_json(value)
    if is_record(value):
        out: dict[str, Any] = {}
        inline = inlined(value.__class__)
        hidden = page_only(value.__class__)
        for key, item in zip(value._fields, value, strict=True):
            if key in hidden:
                continue
            if key in inline:
                out.update(to_json(item))
            elif isinstance(item, Msg):
                out[key], out[f"{key}_zh"] = render(item, "en"), render(item, "zh")
            else:
                out[key] = to_json(item)
        return out
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value


def csv_columns(cls: type) -> list[str]:
    """The CSV header of a record class."""
    columns: list[str] = []
    hints = _hints(cls)
    inline, lists = inlined(cls), listed(cls)
    hidden = page_only(cls)
    for key in cls._fields:  # type: ignore[attr-defined]
        kind = hints.get(key)
        if key in hidden:
            continue
        if key in inline:
            columns += csv_columns(inline[key])
        elif key in lists:
            columns += [f"{key}_{f}" for f in lists[key]._fields]  # type: ignore[attr-defined]
        elif kind is Msg:
            columns += [key, f"{key}_zh"]
        elif key == "notes":
            columns += ["notes_code", "notes_zh", "notes_en"]
        else:
            columns.append(key)
    return columns


def csv_row(record: Any) -> list[Any]:
    """A record's cells, in the order of csv_columns."""
    cells: list[Any] = []
    inline, lists = inlined(record.__class__), listed(record.__class__)
    hidden = page_only(record.__class__)
    for key, item in zip(record._fields, record, strict=True):
        if key in hidden:
            continue
        if key in inline:
            cells += csv_row(item)
        elif key in lists:
            for f in lists[key]._fields:  # type: ignore[attr-defined]
                cells.append("; ".join(str(csv_cell(getattr(r, f))) for r in item))
        elif isinstance(item, Msg):
            cells += [render(item, "en"), render(item, "zh")]
        elif key == "notes":
            cells += [
                NOTE_SEPARATOR.join(m.code for m in item),
                NOTE_SEPARATOR.join(render(m, "zh") for m in item),
                NOTE_SEPARATOR.join(render(m, "en") for m in item),
            ]
        else:
            cells.append(csv_cell(item))
    return cells


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return csv_number(value)
    if isinstance(value, Enum):
        return value.value
    if is_record(value) or (isinstance(value, tuple) and value and isinstance(value[0], int)):
        return ":".join(str(csv_cell(v)) for v in value)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(csv_cell(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}:{csv_cell(v)}" for k, v in value.items())
    return value


def csv_number(x: float) -> str:
    """A float as CSV writes it: rounded to 15 significant digits (the noise of binary
    arithmetic lies beyond them), in the shortest text that reads back as that value, without
    a decimal point when it is whole."""
    if not math.isfinite(x):
        return repr(x)  # (refused before it gets here: require_finite)
    rounded = float(f"{x:.15g}")
    if rounded.is_integer() and abs(rounded) < 1e15:
        return str(int(rounded))
    return repr(rounded)
