"""Pydantic's validation errors as problems a person can act on, and the records that survive.

`schema_problems` turns each error into a Problem that names the record (its id), the field and
what was wrong with the value (a number in quotes, full-width digits, a typo'd field name …).
`salvage` drops only what failed (an unknown key, a bad optional field, else the innermost
record) so the rest can be cross-checked, and says which list positions moved (for line numbers).
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from plancli.model import models
from plancli.model.msg import Msg, msg
from plancli.model.problems import Problem
from plancli.model.vocab import COMPARATOR_WORDS

_ASCII_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_YAML11_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-][0-9]+)?")
# What a field of each pydantic type expects, as a catalogue code.
_EXPECTED = {
    "int_type": "want_whole_number",
    "float_type": "want_number",
    "string_type": "want_text",
    "bool_type": "want_bool",
    "list_type": "want_list",
    "dict_type": "want_mapping",
    "model_type": "want_mapping",
}
# The errors plancli's own validators raise (models.py): their type is their catalogue code.
_OWN_ERRORS = (
    "unknown_unit",
    "not_finite_number",
    "relative_one_of",
    "value_or_relative",
    "around_direction",
    "change_is_amount",
    "range_empty",
    "range_order",
    "not_in_context",
)
# What a value of each pattern in models.py must be, as a catalogue code.
PATTERN_CODES = {
    models.INDICATOR_ID: "want_indicator_id",
    models.TARGET_ID: "want_target_id",
    models.TASK_ID: "want_task_id",
    r"^\d+\.\d+$": "want_section_id",
    r"^\d+$": "want_chapter_id",
    r"^https?://\S+$": "want_url",
    r"^[a-z0-9][a-z0-9-]*$": "want_plan_id",
}


# -- messages ---------------------------------------------------------------------------------


def number_hint(text: str) -> Msg | None:
    """Why a piece of text that looks like a number is not one."""
    s = text.strip()
    if _ASCII_NUMBER.fullmatch(s):
        if re.search(r"[eE]", s) and not _YAML11_FLOAT.fullmatch(s):
            # YAML 1.1 (PyYAML) wants a point and a signed exponent: 1e5 is text, 1.0e+5 not.
            return msg("hint_exponent")
        return msg("hint_quoted_number")
    folded = unicodedata.normalize("NFKC", s).replace(",", "")
    if folded != s and _ASCII_NUMBER.fullmatch(folded):
        if "," in s and unicodedata.normalize("NFKC", s) == s:
            return msg("hint_thousands", number=folded)
        return msg("hint_wide_digits", number=folded)
    if s.lower().lstrip("+-.") in ("nan", "inf", "infinity"):
        return msg("hint_not_finite")
    return None


def what(value: Any) -> Msg:
    """A value as a person would describe it."""
    if value is None:
        return msg("got_nothing")
    if isinstance(value, bool):
        return msg("got_bool", value="true" if value else "false")
    if isinstance(value, int):
        return msg("got_number", value=value)
    if isinstance(value, float):
        if math.isnan(value):
            return msg("got_nan")
        if math.isinf(value):
            return msg("got_infinity" if value > 0 else "got_minus_infinity")
        return msg("got_number", value=repr(value))
    if isinstance(value, str):
        return msg("got_text", text=_short(value))
    if isinstance(value, list):
        return msg("got_list")
    if isinstance(value, dict):
        return msg("got_mapping")
    return msg("got_other", type=type(value).__name__)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def describe(err: Any, model_cls: Any = None) -> Msg:
    """The message for one pydantic error, without the field name."""
    kind, loc, value = err["type"], tuple(err["loc"]), err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return msg("missing_field", field=str(loc[-1]))
    if kind == "extra_forbidden":
        name = str(loc[-1])
        if name == "<<":
            return msg("merge_key")
        fields = _fields_at(model_cls, loc[:-1])
        return msg("unknown_field", field=name, hint=did_you_mean(name, fields))
    if kind in _EXPECTED:
        if kind == "model_type" and not loc:
            return msg("file_not_mapping", got=what(value))
        return msg(
            "expected", want=msg(_EXPECTED[kind]), got=what(value), hint=_type_hint(kind, value)
        )
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if not isinstance(value, str):
            return msg("want_one_of", choices=choices, got=what(value))
        return msg(
            "not_one_of", value=_short(value), choices=choices, hint=did_you_mean(value, choices)
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        code = PATTERN_CODES.get(pattern)
        wanted = msg(code) if code else msg("want_pattern", pattern=pattern)
        return msg("not_pattern", value=_short(str(value)), want=wanted)
    if kind == "string_too_short":
        return msg("empty_text")
    if kind == "too_short":
        return msg("too_few_items", n=ctx.get("min_length", 1))
    if kind in _OWN_ERRORS:
        if isinstance(value, float) and not math.isfinite(value):
            return msg("not_finite_got", got=what(value))
        return msg(kind, **ctx)
    return msg("schema_other", detail=str(err["msg"]), got=what(value))


def _type_hint(kind: str, value: Any) -> Msg | None:
    if isinstance(value, str) and kind in ("int_type", "float_type"):
        return number_hint(value)
    if isinstance(value, bool) and kind == "string_type":
        return msg("hint_yaml_boolean")
    if isinstance(value, (int, float)) and kind == "string_type":
        return msg("hint_quote_it", value=str(value))
    return None


def did_you_mean(word: str, choices: Any) -> Msg | None:
    # A comparator written as the outline words it (以上) is told its code (at_least).
    code = COMPARATOR_WORDS.get(word.strip())
    close = [code] if code in choices else difflib.get_close_matches(word, list(choices), 1, 0.6)
    return msg("did_you_mean_one", choice=close[0]) if close else None


def _fields_at(model_cls: Any, steps: tuple) -> list[str]:
    """Field names of the model found at steps below model_cls (for did-you-mean)."""
    cls = model_cls
    for step in steps:
        if cls is None:
            return []
        if isinstance(step, int):
            continue
        info = cls.model_fields.get(step)
        cls = _model_in(info.annotation) if info else None
    return list(cls.model_fields) if cls is not None else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


# -- record ids -------------------------------------------------------------------------------


def record_at(data: Any, loc: tuple) -> tuple[str | None, int]:
    """The id of the innermost record holding loc, and how many steps of loc lead to it.

    Ids as the cross-file rules write them: chapters, sections, tasks, indicators and targets by
    `id`; a baseline as `<indicator> baseline <year>`; an actual as `<indicator> <year>`; an
    exclusion by its context.
    """
    ident, depth, node, parent_key = None, 0, data, None
    for n, step in enumerate(loc):
        node = _child(node, step)
        if node is None:
            break
        if isinstance(step, int) and isinstance(node, dict):
            found = _ident(node, parent_key, ident)
            if found is not None:
                ident, depth = found, n + 1
        parent_key = step if isinstance(step, str) else parent_key
    return ident, depth


def _child(node: Any, step) -> Any:
    if isinstance(node, dict) and isinstance(step, str):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def _scalar(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _ident(record: dict, list_key, outer: str | None) -> str | None:
    if list_key == "baselines" and outer is not None:
        year = _scalar(record.get("year"))
        return f"{outer} baseline {year}" if year else f"{outer} baseline"
    if list_key == "actuals":
        ind, year = _scalar(record.get("indicator")), _scalar(record.get("year"))
        return f"{ind} {year}" if ind and year else ind
    if list_key == "exclusions":
        return _scalar(record.get("context"))
    return _scalar(record.get("id"))


def _dotted(steps: tuple) -> str:
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def schema_problems(label: str, model_cls: Any, data: Any, errors: list[Any]) -> list[Problem]:
    """One Problem per pydantic error, with the record's id and the field within it."""
    problems = []
    for err in errors:
        loc = tuple(err["loc"])
        ident, depth = record_at(data, loc)
        # Name the field within the record; for a missing or unknown field, the mapping it is in.
        named = loc[depth:-1] if err["type"] in ("missing", "extra_forbidden") else loc[depth:]
        where = _dotted(named)
        message = describe(err, model_cls)
        problems.append(
            Problem(
                label,
                "schema",
                msg("at_field", field=where, problem=message) if where else message,
                id=ident,
                path=loc,
                at_key=err["type"] == "extra_forbidden",
            )
        )
    return problems


# -- salvage ----------------------------------------------------------------------------------


@dataclass
class Salvage:
    """What survived a file's schema errors, and how to map its list positions back."""

    model: Any = None
    # For each list that lost items (by its path in the file as written): the original
    # positions of the items kept, in order.
    kept: dict[tuple, list[int]] = field(default_factory=dict)
    dropped_ids: frozenset[str] = frozenset()


_GONE = object()  # a trie leaf: delete this key or list item


def salvage(model_cls: Any, data: Any, errors: list[Any], rounds: int = 6) -> Salvage:
    """Validate what is left after removing what failed, in a few rounds.

    An unknown key goes; so does a field with a bad value (the default takes its place if it has
    one); when that is not enough the innermost record holding the error goes. Nothing is
    guessed: a record either validates as written, minus keys, or is left out.
    """
    removed: set[tuple] = set()
    for _ in range(rounds):
        new = set()
        for err in errors:
            cut = _cut(data, err, removed)
            if cut is None:
                return Salvage(dropped_ids=frozenset(_ids(data)))
            new.add(cut)
        if new <= removed:
            break
        removed |= new
        kept: dict[tuple, list[int]] = {}
        cleaned = _rebuild(data, _trie(removed), (), kept)
        try:
            model = model_cls.model_validate(cleaned)
        except ValidationError as exc:
            errors = [
                dict(e, loc=unmap(tuple(e["loc"]), kept)) for e in exc.errors(include_url=False)
            ]
            continue
        dropped = {i for path in removed for i in _ids(_at(data, path))}
        return Salvage(model, kept, frozenset(dropped))
    return Salvage(dropped_ids=frozenset(_ids(data)))


def _cut(data: Any, err: dict, removed: set[tuple]) -> tuple | None:
    """The key or list item to remove for this error; None when only the whole file could go."""
    loc = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        return loc
    if loc and isinstance(loc[-1], str) and err["type"] != "missing" and loc not in removed:
        return loc  # a bad field: without it, its default may do
    items = [n for n, step in enumerate(loc) if isinstance(step, int)]
    return loc[: items[-1] + 1] if items else None


def _trie(paths: set[tuple]) -> dict:
    root: dict = {}
    for path in sorted(paths, key=len):
        node = root
        for step in path[:-1]:
            node = node.setdefault(step, {})
            if node is _GONE:
                break
        else:
            node[path[-1]] = _GONE
    return root


def _rebuild(node: Any, trie: dict, path: tuple, kept: dict) -> Any:
    """A copy of node without the trie's leaves (only the containers on their way are copied)."""
    if isinstance(node, dict):
        out = dict(node)
        for step, sub in trie.items():
            if step in out:
                if sub is _GONE:
                    del out[step]
                else:
                    out[step] = _rebuild(out[step], sub, (*path, step), kept)
        return out
    if isinstance(node, list):
        items: list[Any] = []
        positions: list[int] = []
        for i, item in enumerate(node):
            sub = trie.get(i)
            if sub is _GONE:
                continue
            items.append(_rebuild(item, sub, (*path, i), kept) if sub else item)
            positions.append(i)
        if len(positions) != len(node):
            kept[path] = positions
        return items
    return node


def unmap(path: tuple, kept: dict[tuple, list[int]]) -> tuple:
    """A path into the salvaged data as a path into the file as written."""
    if not kept:
        return path
    raw: list = []
    for step in path:
        if isinstance(step, int):
            positions = kept.get(tuple(raw))
            if positions is not None and 0 <= step < len(positions):
                step = positions[step]
        raw.append(step)
    return tuple(raw)


def _at(data: Any, path: tuple) -> Any:
    for step in path:
        data = _child(data, step)
    return data


def _ids(node: Any) -> Iterator[str]:
    """Every `id` in a subtree (iteratively: nesting is bounded, but keep it cheap)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ident = _scalar(item.get("id"))
            if ident is not None:
                yield ident
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
