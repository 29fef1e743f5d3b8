"""`Record`: typing.NamedTuple's class syntax at two thirds of its cost to define.

Every command defines some fifty small record classes before it prints anything (the results
every reporter is given, the parts of a page, the maths' figures). typing.NamedTuple checks each
field's annotation, and under `from __future__ import annotations` every annotation is a string
that it compiles into a ForwardRef: ~9 µs a field, ~2 ms a query on fifty classes. Nothing reads
those checked annotations: the reporters read the annotations as written (typing.get_type_hints,
which resolves strings itself). So a record class is made here by collections.namedtuple with
the same fields, defaults, annotations, methods and docstring, and nothing checked.

To a type checker `Record` is typing.NamedTuple itself, so the classes are typed exactly as
before; at run time it is a base whose metaclass returns the namedtuple class (as
typing.NamedTuple's does), so `class Row(Record): ...` reads as it did.
"""

from __future__ import annotations

from collections import namedtuple
from typing import TYPE_CHECKING, Any

# What the class statement puts in every namespace: not fields, not copied.
_OWN = frozenset({"__module__", "__qualname__", "__annotations__", "__doc__", "__slots__"})

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:

    class _RecordMeta(type):
        def __new__(mcls, name: str, bases: tuple, ns: dict[str, Any]) -> type:
            if not bases:  # Record itself
                return super().__new__(mcls, name, bases, ns)
            fields = dict(ns.get("__annotations__", {}))
            defaults = [ns[f] for f in fields if f in ns]
            if any(f in ns for f in list(fields)[: len(fields) - len(defaults)]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            cls = namedtuple(name, fields, defaults=defaults, module=ns["__module__"])
            cls.__qualname__ = ns["__qualname__"]
            cls.__annotations__ = fields
            if ns.get("__doc__"):
                cls.__doc__ = ns["__doc__"]
            for key, value in ns.items():
                if key not in _OWN and key not in fields:
                    setattr(cls, key, value)
            return cls

    class Record(metaclass=_RecordMeta):
        """Base of a record class: `class Row(Record):` with annotated fields."""
