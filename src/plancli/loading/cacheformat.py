"""The format of a cache entry: a validated plan as plain data, in a frame of plancli's own.

    plancli-cache 1\n                      the format, and its version
    <key>\n                                the key the entry was written for (64 hex digits)
    <length> <sha256 of the body>\n        so a truncated or damaged entry is never used
    <body>                                 JSON (UTF-8) of plain values only

JSON, not pickle or marshal: reading an entry can only ever give text, numbers, booleans, null,
lists and mappings, never run code. A record is the list of its field values in its model's
field order, then a bitmask of the fields that were set (a dataclass: its field values; a
problem: its fields, its message as [code, parameters]); what class each nested value is
rebuilt as comes from the models' field annotations, never from the entry. Records are rebuilt
without validating them again (they were validated when the entry was written, by this very
code: the key covers it), the way pickle rebuilt them, at about the same cost.

The body holds what validation made of the files, not the outline: that is outline.txt's text
as read, whose bytes the key covers, so the reader passes it in.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from enum import Enum
from pathlib import Path

from pydantic import BaseModel

from plancli.model import models, translation
from plancli.model.msg import Msg
from plancli.model.outline import Outline
from plancli.model.plan import Plan
from plancli.model.problems import Problem

MAGIC = b"plancli-cache "  # every version of the format starts with it (pruning looks for it)
HEADER = MAGIC + b"1\n"
# The plan's fields an entry holds, and how each is rebuilt; `root` is where it was read from
# and is set by the reader. Any other field makes the plan uncacheable (see `encode`).
RECORDS = {
    "meta": models.PlanFile,
    "chapters_file": models.ChaptersFile,
    "indicators": list[models.Indicator],
    "actuals": list[models.Actual],
    "exclusions": list[models.Exclusion],
    "user_actuals": list[models.Actual],
    "glossary": list[translation.GlossaryTerm] | None,
    "english": list[translation.EnglishParagraph] | None,
    "warnings": list[Problem],  # what check reports of a valid plan, reported again on a hit
}
PLAIN = ("user_actuals_file", "user_actuals_skipped")  # as they are: text or null, a count
GIVEN = ("root", "outline")  # by the reader: where the files are, and the outline's text

_set = object.__setattr__
_new = object.__new__
_PLAIN_TYPES = (str, int, float, bool, type(None))


class BadEntry(Exception):
    """An entry that is not one plancli can use: why, for the debug output."""


def encode(key: str, plan: Plan) -> bytes:
    """The entry of a plan; TypeError or ValueError if it holds what the format cannot."""
    names = {f.name for f in dataclasses.fields(plan)}
    unknown = names - set(RECORDS) - set(PLAIN) - set(GIVEN)
    if unknown:
        raise TypeError(f"the plan has fields the cache does not know: {sorted(unknown)}")
    doc = {name: _plain(getattr(plan, name)) for name in RECORDS}
    for name in PLAIN:
        doc[name] = getattr(plan, name)
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    digest = hashlib.sha256(body).hexdigest()
    return b"%s%s\n%d %s\n%s" % (HEADER, key.encode(), len(body), digest.encode(), body)


def decode(key: str, data: bytes, root: Path, outline: str) -> Plan:
    """The plan of an entry written for `key`, read from root, whose outline.txt is `outline`;
    BadEntry if it is anything else."""
    doc = _body(key, data)
    try:
        fields = {name: _decoder(tp)(doc[name]) for name, tp in RECORDS.items()}
        file, skipped = doc["user_actuals_file"], doc["user_actuals_skipped"]
        if not (file is None or file.__class__ is str):
            raise TypeError("user_actuals_file is not text")
        if skipped.__class__ is not int:
            raise TypeError("user_actuals_skipped is not a count")
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
        raise BadEntry(f"not a plan of this version: {exc.__class__.__name__}: {exc}") from None
    return Plan(
        root=root,
        outline=Outline(outline),
        user_actuals_file=file,
        user_actuals_skipped=skipped,
        **fields,
    )


def _body(key: str, data: bytes):
    if not data.startswith(HEADER):
        raise BadEntry("not in plancli's format" if data[: len(MAGIC)] != MAGIC else "old format")
    start = len(HEADER) + len(key) + 1
    if data[len(HEADER) : start] != key.encode() + b"\n":
        raise BadEntry("written for another key")
    end = data.find(b"\n", start, start + 100)
    size, _, digest = data[start:end].partition(b" ")
    body = memoryview(data)[end + 1 :]
    if end < 0 or not size.isdigit() or int(size) != len(body):
        raise BadEntry("truncated")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        raise BadEntry("damaged: the checksum does not match")
    try:
        doc = json.loads(str(body, "utf-8"))
    except (ValueError, RecursionError) as exc:  # (UnicodeDecodeError is a ValueError)
        raise BadEntry(f"not JSON: {exc}") from None
    if doc.__class__ is not dict:
        raise BadEntry("not a plan")
    return doc


def _plain(value):
    """A record as plain values (see the module's docstring)."""
    if isinstance(value, BaseModel):
        cls = value.__class__
        if value.__pydantic_extra__ or value.__pydantic_private__:
            raise TypeError(f"{cls.__name__} has extra or private attributes")
        fields, given = value.__dict__, value.__pydantic_fields_set__
        mask = 0
        out = []
        for i, name in enumerate(cls.__pydantic_fields__):
            out.append(_plain(fields[name]))
            if name in given:
                mask |= 1 << i
        out.append(mask)
        return out
    if value.__class__ in (list, tuple):
        return [_plain(v) for v in value]
    if value.__class__ is dict:
        if not all(k.__class__ is str for k in value):
            raise TypeError("a mapping with keys other than text cannot be cached")
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, _PLAIN_TYPES):
        return value
    if value.__class__ is Problem:
        return [_plain(getattr(value, name)) for name in Problem.__slots__]
    if value.__class__ is Msg:
        return [value.code, {k: _param(v) for k, v in value.params.items()}]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_plain(getattr(value, f.name)) for f in dataclasses.fields(value)]
    raise TypeError(f"a {value.__class__.__name__} cannot be cached")


def _param(value):
    """A message's parameter: plain as it is; a list as ["list", items]; a message worded
    inside it as ["msg", code, parameters] (so a plain value is never a list)."""
    if value.__class__ is Msg:
        return ["msg", *_plain(value)]
    if value.__class__ in (list, tuple):
        return ["list", [_param(v) for v in value]]
    if isinstance(value, _PLAIN_TYPES):
        return value
    raise TypeError(f"a message parameter of type {value.__class__.__name__} cannot be cached")


def _unparam(value):
    if value.__class__ is not list:
        if not isinstance(value, _PLAIN_TYPES):
            raise TypeError("not a message parameter")
        return value
    if value[0] == "list" and len(value) == 2 and value[1].__class__ is list:
        return [_unparam(v) for v in value[1]]
    if value[0] == "msg" and len(value) == 3:
        return _message(value[1:])
    raise TypeError("not a message parameter")


def _message(value) -> Msg:
    code, params = value
    if code.__class__ is not str or params.__class__ is not dict:
        raise TypeError("not a message")
    return Msg(code, {k: _unparam(v) for k, v in params.items()})


def _problem(value) -> Problem:
    """A problem as _plain gave it: its fields in the order of Problem.__slots__."""
    if value.__class__ is not list or len(value) != len(Problem.__slots__):
        raise TypeError("not a Problem")
    fields = dict(zip(Problem.__slots__, value, strict=True))
    texts = ("file", "rule", "level")
    if not all(fields[name].__class__ is str for name in texts):
        raise TypeError("not a Problem")
    problem = Problem(
        fields["file"],
        fields["rule"],
        _message(fields["msg"]),
        fields["line"],
        fields["column"],
        fields["id"],
        path=tuple(fields["path"]),
        related=tuple(fields["related"]),
        at_key=bool(fields["at_key"]),
        level=fields["level"],
    )
    problem.first_line = fields["first_line"]
    return problem


_DECODERS: dict = {}


def _decoder(tp):
    """A function rebuilding a value of annotation `tp` from its plain form; None for plain
    values (text, numbers, booleans, null). TypeError for annotations the format cannot hold:
    a test builds one for every model, so a new kind of field is caught there."""
    try:
        return _DECODERS[tp]
    except KeyError:
        pass
    except TypeError:  # an unhashable annotation
        return _make_decoder(tp)
    decode_ = _DECODERS[tp] = _make_decoder(tp)
    return decode_


def _make_decoder(tp):
    if isinstance(tp, type):
        if issubclass(tp, BaseModel):
            return _record_decoder(tp)
        if issubclass(tp, Enum):
            return tp
        if tp in _PLAIN_TYPES:
            return _as_is
        if tp is Problem:
            return _problem
        if dataclasses.is_dataclass(tp):
            return _dataclass_decoder(tp)
        raise TypeError(f"a field of type {tp.__name__} cannot be cached")
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return _decoder(args[0])
    if origin is typing.Literal and all(isinstance(a, _PLAIN_TYPES) for a in args):
        return _as_is
    if origin is list or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        return _sequence_decoder(_decoder(args[0]), origin)
    if origin is dict and _decoder(args[0]) is _as_is:
        value_of = _decoder(args[1])

        def mapping(value):
            if value.__class__ is not dict:
                raise TypeError("expected a mapping")
            return value if value_of is _as_is else {k: value_of(v) for k, v in value.items()}

        return mapping
    if origin in (typing.Union, types.UnionType):
        others = [a for a in args if a is not type(None)]
        if len(others) == 1 and len(args) == 2:
            inner = _decoder(others[0])
            return _as_is if inner is _as_is else (lambda v: None if v is None else inner(v))
        if all(_decoder(a) is _as_is for a in args):
            return _as_is
    raise TypeError(f"a field of type {tp} cannot be cached")


def _as_is(value):
    return value


def _sequence_decoder(item, kind: type):
    def each(value):
        if value.__class__ is not list:
            raise TypeError("expected a list")
        items = value if item is _as_is else [item(v) for v in value]
        return items if kind is list else kind(items)

    return each


def _dataclass_decoder(cls):
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__} has fields its constructor does not take")
    hints = typing.get_type_hints(cls)
    rebuild = [_decoder(hints[f.name]) for f in fields]

    def instance(value):
        if value.__class__ is not list or len(value) != len(rebuild):
            raise TypeError(f"not a {cls.__name__}")
        return cls(*(r(v) for r, v in zip(rebuild, value, strict=True)))

    return instance


def _record_decoder(cls: type[BaseModel]):
    if cls.model_config.get("extra") == "allow" or cls.__private_attributes__:
        raise TypeError(f"{cls.__name__} has extra or private attributes")
    names = tuple(cls.__pydantic_fields__)
    size = len(names) + 1
    given_sets: dict[int, frozenset[str]] = {}
    nested: list[tuple[int, typing.Callable]] = []

    def record(value):
        if value.__class__ is not list or len(value) != size:
            raise TypeError(f"not a {cls.__name__}")
        for i, rebuild in nested:
            value[i] = rebuild(value[i])
        mask = value[-1]
        given = given_sets.get(mask)
        if given is None:
            given = given_sets[mask] = frozenset(n for i, n in enumerate(names) if mask >> i & 1)
        obj = _new(cls)
        _set(obj, "__dict__", dict(zip(names, value, strict=False)))  # (not the mask, last)
        _set(obj, "__pydantic_fields_set__", set(given))
        _set(obj, "__pydantic_extra__", None)
        _set(obj, "__pydantic_private__", None)
        return obj

    _DECODERS[cls] = record  # before the fields: a model may contain itself
    try:
        for i, name in enumerate(names):
            rebuild = _decoder(cls.__pydantic_fields__[name].annotation)
            if rebuild is not _as_is:
                nested.append((i, rebuild))
    except TypeError:
        del _DECODERS[cls]
        raise
    return record
