"""The command line: a thin layer that parses arguments and renders what the core computes.

Each command lives in its own module and registers itself on the shared app when imported;
`app.COMMANDS` names the module of each, so that only the command being run is loaded. Modules
import only Typer and the standard library at the top, so start-up stays cheap.
"""

from plancli.cli.app import COMMANDS, app

__all__ = ["COMMANDS", "app"]
