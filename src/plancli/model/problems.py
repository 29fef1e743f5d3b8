"""Errors plancli reports in one line, and a problem found in a data file, located as precisely as
we can. Both carry a message as a code with parameters (plancli.model.msg); the CLI words it in
the reader's language from the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plancli.model.msg import Msg, msg


class PlancliError(Exception):
    """An error the CLI reports in one line, with an exit code (conventions: 1 data, 2 usage)."""

    exit_code = 2

    def __init__(self, code: str, **params: Any):
        self.msg = Msg(code, params)
        super().__init__(code, params)

    def __str__(self) -> str:
        # Worded by the catalogue (plancli.report.catalogue), in the language the reader chose.
        return f"{self.msg.code} {dict(self.msg.params)}"


class UsageError(PlancliError):
    exit_code = 2


class DataError(PlancliError):
    """The data could not be loaded; `problems` says why (the CLI shows the first and a count)."""

    exit_code = 1

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problem_line(problems[0]) if problems else msg("empty_file")
        more = len(problems) - 1
        super().__init__(
            "data_error",
            problem=first,
            more=msg("data_error_more", more=more) if more > 0 else None,
        )


@dataclass
class Problem:
    file: str
    rule: str  # the problem's code, as JSON and the text format give it
    msg: Msg  # what is wrong, worded by the catalogue
    line: int | None = None
    column: int | None = None
    id: str | None = None
    # Where in the parsed document the fault lies, for mapping to a line on demand.
    path: tuple[str | int, ...] = field(default=(), compare=False, repr=False)
    # The first occurrence of what `path` repeats (a duplicate id): its line joins the message.
    related: tuple[str | int, ...] = field(default=(), compare=False, repr=False)
    # Point at the key of the path's last step rather than its value (an unknown field).
    at_key: bool = field(default=False, compare=False, repr=False)
    first_line: int | None = None  # the line of `related`, once found


def problem_line(p: Problem, file: str | None = None) -> Msg:
    """`FILE:LINE:COL: [error] id: message (rule)`, FILE as given (e.g. relative to the cwd)."""
    return msg(
        "problem_line",
        file=file or p.file,
        line=p.line or 1,
        column=p.column or 1,
        id=msg("problem_id", id=p.id) if p.id else None,
        message=full_message(p),
        rule=p.rule,
    )


def full_message(p: Problem) -> Msg:
    """The problem's message, naming the line of the first occurrence where it has one."""
    return msg("first_at_line", message=p.msg, line=p.first_line) if p.first_line else p.msg
