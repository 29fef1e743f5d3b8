"""`plancli schema`: the JSON Schema of a plan file, for editors and other validators."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.settings import settings


@app.command(short_help="Print the JSON Schema of a plan file, for editors.")
def schema(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="Which file's schema to print (plan, chapters, targets, actuals, exclusions, "
            "glossary, outline.en); without it, list them.",
            show_default=False,
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
    from plancli.loading.files import SCHEMAS
    from plancli.loading.schema import schema_file, schema_text, write_schemas
    from plancli.model.problems import UsageError
    from plancli.model.sanitise import for_terminal
    from plancli.report.catalogue import text

    lang = settings(ctx).lang
    if write is not None:
        if name is not None:
            raise UsageError("schema_name_and_write")
        for path in write_schemas(write, force=force):
            typer.echo(for_terminal(text("wrote", lang, path=str(path))))
        return
    if name is None:
        for key, spec in SCHEMAS.items():
            typer.echo(text("schema.row", lang, name=key, file=spec.name, schema=schema_file(key)))
        typer.echo(text("schema_list_hint", lang))
        return
    if name not in SCHEMAS:
        raise UsageError("unknown_schema", name=name, names=list(SCHEMAS))
    typer.echo(schema_text(name), nl=False)
