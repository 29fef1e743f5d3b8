"""The floor of the stack: the smallest Typer program that prints a one-row Rich table.

Every query command is measured against this (bench/run.py): plancli should cost next to
nothing beyond what Typer and Rich cost anyway.
"""

import typer

app = typer.Typer()


@app.command()
def main() -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("target", "value")
    table.add_row("gdp@2025", "10000")
    Console().print(table)


if __name__ == "__main__":
    app()
