"""The command line: a thin layer that parses arguments and renders what the core computes.

Each command lives in its own module and registers itself on the shared app; modules import
only Typer and the standard library at the top, so start-up stays cheap.
"""

from plancli.cli import check as _check  # noqa: F401  (registers the command)
from plancli.cli import schema as _schema  # noqa: F401
from plancli.cli.app import app

COMMAND_MODULES = ("check", "schema")


def main() -> None:
    app()
