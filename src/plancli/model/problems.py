"""A problem found in a data file, located as precisely as we can."""

from __future__ import annotations

from dataclasses import dataclass, field


class PlancliError(Exception):
    """An error the CLI reports in one line, with an exit code (conventions: 1 data, 2 usage)."""

    exit_code = 2


class UsageError(PlancliError):
    exit_code = 2


class DataError(PlancliError):
    """The data could not be loaded; `problems` says why."""

    exit_code = 1

    def __init__(self, problems: list[Problem]):
        problems = [p for p in problems if p.is_error] or problems
        self.problems = problems
        first = problems[0].format() if problems else "invalid data"
        more = (
            f" (and {len(problems) - 1} more problems; run `plancli check`)"
            if len(problems) > 1
            else ""
        )
        super().__init__(first + more)


@dataclass
class Problem:
    file: str
    rule: str
    message: str
    line: int | None = None
    column: int | None = None
    id: str | None = None
    # Where in the parsed document the fault lies, for mapping to a line on demand.
    path: tuple[str | int, ...] = field(default=(), compare=False, repr=False)
    # The first occurrence of what `path` repeats (a duplicate id): its line joins the message.
    related: tuple[str | int, ...] = field(default=(), compare=False, repr=False)
    # Point at the key of the path's last step rather than its value (an unknown field).
    at_key: bool = field(default=False, compare=False, repr=False)
    # "error", or "warning": reported, but the data is still valid (exit code 0).
    level: str = "error"

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def format(self, file: str | None = None) -> str:
        """`FILE:LINE:COL: [error] message (rule)`, FILE as given (e.g. relative to the cwd);
        [warning] for a warning."""
        where = f"{file or self.file}:{self.line or 1}:{self.column or 1}"
        ident = f"{self.id}: " if self.id else ""
        return f"{where}: [{self.level}] {ident}{self.message} ({self.rule})"

    def to_dict(self) -> dict:
        """The conventions' JSON record: file, line, column, id, rule, message, and the
        level (error or warning)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "id": self.id,
            "rule": self.rule,
            "message": self.message,
            "level": self.level,
        }
