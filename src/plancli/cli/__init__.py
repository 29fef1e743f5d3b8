"""The command line: a thin layer that parses arguments, asks the core for a result and hands it
to the reporter of the chosen format.

Each command lives in its own module and registers itself on the shared app when imported;
`registry.COMMANDS` names the module of each, so that only the command being run is loaded.
Command modules import only Typer and plancli.cli's option declarations at the top, and the core
in the command's body: `plancli --help` builds every command to list them, and must not load the
data model (pydantic) to do so (bench/README.md).
"""

from plancli.cli.app import app
from plancli.cli.registry import COMMANDS

__all__ = ["COMMANDS", "app"]
