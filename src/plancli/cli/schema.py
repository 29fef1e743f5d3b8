"""`plancli schema`: the JSON Schema of a plan file, for editors and other validators."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import app


class SchemaName(StrEnum):
    plan = "plan"
    chapters = "chapters"
    targets = "targets"
    actuals = "actuals"
    exclusions = "exclusions"
    glossary = "glossary"
    outline_en = "outline.en"


@app.command()
def schema(
    name: Annotated[
        SchemaName | None,
        typer.Argument(
            help="Which file's schema to print; without it, list them.", show_default=False
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            help="Write every schema as DIR/<name>.schema.json (e.g. data/schema).",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With --write: replace schema files even where plancli did not write them.",
        ),
    ] = False,
) -> None:
    """Print the JSON Schema (draft 7) of plan.yaml, chapters.yaml, targets.yaml, actuals.yaml,
    exclusions.yaml, glossary.yaml or outline.en.yaml.

    Data files name theirs on the first line (`# yaml-language-server: $schema=…`) so that
    editors validate as you type; `plancli check` checks more than a schema can. --write
    replaces only files plancli wrote (they say so in their `$comment`), unless --force.
    """
    from plancli.loading.schema import FILES, schema_file, schema_text, write_schemas
    from plancli.model.problems import UsageError
    from plancli.report.sanitise import for_terminal

    if write is not None:
        if name is not None:
            raise UsageError("give a schema name or --write DIR, not both")
        for path in write_schemas(write, force=force):
            typer.echo(for_terminal(f"wrote {path}"))
        return
    if name is None:
        for key, file in FILES.items():
            typer.echo(f"{key:<11} {file:<16} {schema_file(key)}")
        typer.echo("Print one with `plancli schema NAME`; write all with --write DIR.")
        return
    typer.echo(schema_text(name.value), nl=False)
