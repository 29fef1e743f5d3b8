"""Messages as a reader sees them: a core Msg (or an error or problem carrying one) worded by
the catalogue, in English unless asked otherwise."""

from __future__ import annotations

from typing import Any

from plancli.model.msg import Msg
from plancli.model.problems import Problem, full_message
from plancli.report.catalogue import render


def english(thing: Any, lang: str = "en") -> str:
    if isinstance(thing, Problem):
        return render(full_message(thing), lang)
    message = thing if isinstance(thing, Msg) else thing.msg
    return render(message, lang)
