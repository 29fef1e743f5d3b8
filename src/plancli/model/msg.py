"""A message as a code and its parameters: what the core says, before anyone words it.

Notes on figures, errors and problems in data files are all Msgs. The words, in Chinese and in
English, are in the message catalogue (plancli.report.catalogue), which is the only place a Msg
becomes text; so the core never chooses a language, and JSON can carry the code, its
parameters and both texts.

Parameters are plain values (text, numbers, lists of them), or another Msg for a part of a
message that is itself worded (the reason inside an error, a "did you mean" hint), or None for
a part that is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plancli.model.record import Record


class Msg(Record):
    code: str
    params: Mapping[str, Any]

    def key(self) -> tuple[str, str]:
        """What makes two messages the same (the parameters may hold lists, so not hashable)."""
        return self.code, repr(sorted(self.params.items()))


def msg(code: str, **params: Any) -> Msg:
    return Msg(code, params)


def distinct(messages: list[Msg]) -> tuple[Msg, ...]:
    """The messages in order, each once."""
    seen: dict[tuple[str, str], Msg] = {}
    for m in messages:
        seen.setdefault(m.key(), m)
    return tuple(seen.values())
