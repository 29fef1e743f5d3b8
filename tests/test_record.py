"""plancli.model.record.Record: typing.NamedTuple's class syntax, made by collections.namedtuple."""

from __future__ import annotations

import pickle
from typing import NamedTuple, get_type_hints

import pytest

from plancli.model.msg import Msg
from plancli.model.record import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0
    label: str | None = None

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)

    @property
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


class Typed(NamedTuple):
    x: int
    y: int = 0
    label: str | None = None


def test_a_record_is_the_namedtuple_typing_would_make():
    p = Point(1)
    assert p == (1, 0, None) and isinstance(p, tuple)
    assert Point._fields == Typed._fields and Point._field_defaults == Typed._field_defaults
    assert p.moved(2) == Point(3) and Point(-1, 2).norm1 == 3
    assert Point.__doc__ == "A point." and Point.__qualname__ == "Point"
    assert Point.__module__ == __name__ and repr(p) == "Point(x=1, y=0, label=None)"
    assert pickle.loads(pickle.dumps(p)) == p
    assert get_type_hints(Point) == get_type_hints(Typed)
    assert p._asdict() == {"x": 1, "y": 0, "label": None}
    with pytest.raises(AttributeError):
        p.z = 1  # type: ignore[attr-defined]


def test_a_field_without_a_default_cannot_follow_one_with():
    with pytest.raises(TypeError):

        class Bad(Record):
            x: int = 0
            y: int


def test_plancli_records_are_records():
    assert Msg("c", {}) == ("c", {}) and Msg._fields == ("code", "params")
