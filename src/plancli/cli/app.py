"""The Typer app and its global options (conventions: --data, --lang, --actuals, --no-cache).

The options are read once, into a Settings object on the context (`ctx.obj`), which every
command reads them from: the language in particular goes from here to the reporter, never
through global state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plancli import __version__
from plancli.cli import errors, registry
from plancli.cli.settings import Lang, Settings

app = typer.Typer(
    cls=registry.LazyGroup,
    name="plancli",
    help="A plan's outline as data: its targets, their gaps and progress, its chapters and text "
    "(the packaged plan unless --data names another).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
registry.attach(app, errors.plancli_error, errors.click_error, errors.check_lengths)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plancli {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
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
        Lang,
        typer.Option(
            "--lang", envvar="PLANCLI_LANG", help="Language of names, titles, words and messages."
        ),
    ] = Lang.zh,
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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            envvar="PLANCLI_NO_CACHE",
            help="Read and validate the data files on every run, without the cache of "
            "validated plans.",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(data=data, lang=str(lang), actuals=actuals, use_cache=not no_cache)
