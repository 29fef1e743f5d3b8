"""The floor with options: the smallest Typer program that takes a command's options (as
`plancli gap` does: an argument, two options and a choice) and prints a one-row Rich table.

Typer 0.29 builds a pydantic TypeAdapter for each option on first use; bench/floor.py has no
options. Measured beside it to tell what option handling costs from what is plancli's own.
"""

from enum import StrEnum
from typing import Annotated

import typer

app = typer.Typer()


class Format(StrEnum):
    table = "table"
    json = "json"


@app.command()
def main(
    indicator: str,
    actual: Annotated[str | None, typer.Option("--actual")] = None,
    year: Annotated[str | None, typer.Option("--year")] = None,
    fmt: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("target", "value")
    table.add_row(f"{indicator}@2025", actual or "10000")
    Console().print(table)


if __name__ == "__main__":
    app()
