"""The command line: a thin layer that parses arguments and renders what the core computes.

Each command lives in its own module and registers itself on the shared app; modules import
only Typer and the standard library at the top, so start-up stays cheap.
"""

from plancli.cli import chapters as _chapters  # noqa: F401  (registers the commands)
from plancli.cli import check as _check  # noqa: F401
from plancli.cli import gap as _gap  # noqa: F401
from plancli.cli import growth as _growth  # noqa: F401
from plancli.cli import score as _score  # noqa: F401
from plancli.cli import search as _search  # noqa: F401
from plancli.cli import show as _show  # noqa: F401
from plancli.cli import targets as _targets  # noqa: F401
from plancli.cli import tasks as _tasks  # noqa: F401
from plancli.cli import trajectory as _trajectory  # noqa: F401
from plancli.cli.app import app

COMMAND_MODULES = (
    "check",
    "chapters",
    "tasks",
    "targets",
    "show",
    "search",
    "gap",
    "growth",
    "trajectory",
)


def main() -> None:
    app()
