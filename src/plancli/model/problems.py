"""Errors plancli reports in one line, and a problem found in a data file, located as precisely as
we can. Both carry a message as a code with parameters (plancli.model.msg); the CLI words it in
the reader's language from the catalogue."""

from __future__ import annotations

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

    def __init__(self, problems: list[Problem], command: str = "plancli check"):
        problems = [p for p in problems if p.is_error] or problems
        self.problems = problems
        super().__init__("data_error", **self._params(command))

    def _params(self, command: str) -> dict[str, Any]:
        first = problem_line(self.problems[0]) if self.problems else msg("empty_file")
        more = len(self.problems) - 1
        hint = msg("data_error_more", more=more, command=command) if more > 0 else None
        return {"problem": first, "more": hint}

    def with_command(self, command: str) -> Msg:
        """The message, naming the command that lists every problem of the data that was read
        (`plancli --actuals mine.csv check` when the problems are in the user's file)."""
        return Msg("data_error", self._params(command))


class Problem:
    """A problem in a data file. (A plain class rather than a dataclass: every command imports
    this module, and a dataclass costs ~0.5 ms to define.)"""

    __slots__ = ("file", "rule", "msg", "line", "column", "id", "path", "related", "at_key",
                 "level", "first_line")  # fmt: skip

    def __init__(
        self,
        file: str,
        rule: str,
        msg: Msg,
        line: int | None = None,
        column: int | None = None,
        id: str | None = None,
        *,
        path: tuple[str | int, ...] = (),
        related: tuple[str | int, ...] = (),
        at_key: bool = False,
        level: str = "error",
    ):
        self.file = file
        self.rule = rule  # the problem's code, as JSON and the text format give it
        self.msg = msg  # what is wrong, worded by the catalogue
        self.line, self.column, self.id = line, column, id
        # Where in the parsed document the fault lies, for mapping to a line on demand.
        self.path = path
        # The first occurrence of what `path` repeats (a duplicate id): its line joins the message.
        self.related = related
        # Point at the key of the path's last step rather than its value (an unknown field).
        self.at_key = at_key
        # "error", or "warning": reported, but the data is still valid (exit code 0).
        self.level = level
        self.first_line: int | None = None  # the line of `related`, once found

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def _key(self) -> tuple:
        return (self.file, self.rule, self.msg.key(), self.line, self.column, self.id, self.level)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaced

    def __repr__(self) -> str:
        return (
            f"Problem({self.file!r}, {self.rule!r}, {self.msg!r}, line={self.line}, "
            f"column={self.column}, id={self.id!r})"
        )


def problem_line(p: Problem, file: str | None = None) -> Msg:
    """`FILE:LINE:COL: [error] id: message (rule)` ([warning] for a warning), FILE as given
    (e.g. relative to the cwd)."""
    return msg(
        "problem_line" if p.is_error else "warning_line",
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
