"""The Typer app, its global options (conventions: --data, --lang, --actuals) and error handling."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from plancli import __version__
from plancli.cli import state
from plancli.problems import PlancliError


class PlancliGroup(TyperGroup):
    """Turns plancli's own errors into one line on stderr and the conventions' exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PlancliError as exc:
            click.echo(f"plancli: error: {exc}", err=True)
            ctx.exit(exc.exit_code)


app = typer.Typer(
    cls=PlancliGroup,
    name="plancli",
    help="Wenzhou's 14th Five-Year Plan outline as data: targets, gaps, progress scores.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plancli {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="PLANCLI_DATA",
            help="Plan data directory (default: the packaged plan).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        state.Lang,
        typer.Option(
            "--lang", envvar="PLANCLI_LANG", help="Language of names, titles and status words."
        ),
    ] = state.Lang.zh,
    actuals: Annotated[
        Path | None,
        typer.Option(
            "--actuals",
            envvar="PLANCLI_ACTUALS",
            help="Your own actual values (YAML, or CSV with columns "
            "indicator,year,value,unit,scope,source_title,source_url,source_quote); "
            "they add to or override the shipped ones.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    state.configure(data=data, lang=lang, actuals=actuals)
