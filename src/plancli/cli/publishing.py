"""What the commands that publish (chart, site, sqlite) share: --force, and the optional
libraries they need, named with the extra that installs them when they are missing."""

from __future__ import annotations

from importlib import import_module
from typing import Annotated

import typer

from plancli.model.problems import UsageError

ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Replace the output even where plancli did not write it (a file, or a non-empty "
        "folder that is not a site plancli built).",
    ),
]
# module → (the library's name, the extra that installs it)
EXTRAS = {
    "matplotlib": ("Matplotlib", "charts"),
    "jinja2": ("Jinja2", "site"),
}


def require(module: str, what: str) -> None:
    """UsageError naming the extra to install when an optional library cannot be imported."""
    try:
        import_module(module)
    except ImportError:
        library, extra = EXTRAS[module]
        command = f"pip install 'plancli[{extra}]'"
        raise UsageError("needs_extra", what=what, library=library, command=command) from None


def say(message: str) -> None:
    """What a command wrote, said on stdout wrapped to the terminal's width at spaces; a path
    longer than the width stands whole on a line of its own, to be copied."""
    import sys

    from rich.cells import cell_len

    from plancli.model.sanitise import for_terminal
    from plancli.report.table import console

    width = console(sys.stdout).width
    lines: list[str] = []
    for word in for_terminal(message).split(" "):
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    typer.echo("\n".join(lines))
