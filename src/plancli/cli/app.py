"""The Typer app and its global options (conventions: --data, --lang, --actuals, --no-cache).

The global options are defined once, here, on the app; the registry gives every command a copy
of each, so that they work after the command too (`plancli show gdp --lang en`), the one given
after the command winning. They are read into a Settings object on the context (`ctx.obj`),
which every command reads them from: the language in particular goes from here to the reporter,
never through global state.

Help is Click's plain help (`rich_markup_mode=None`): it wraps to the terminal, shows a flag
without a type, and needs no Rich to print. Each command's summary in `plancli --help` is its
`short_help`, one whole sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import __version__
from plancli.cli import errors, registry
from plancli.cli.settings import Lang, Settings, settings

app = typer.Typer(
    cls=registry.LazyGroup,
    name="plancli",
    help="A plan's outline as data: its targets, their gaps and progress, its chapters and text "
    "(the packaged plan unless --data names another).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def after_command(ctx: Any, name: str, value: object) -> None:
    """A global option given after the command: it overrides the one given before it."""
    options = settings(ctx)
    if name == "no_cache":
        options.use_cache = not value
    elif name == "lang":
        options.lang = str(value)
    else:
        setattr(options, name, value)


registry.attach(app, errors.plancli_error, errors.click_error, errors.check_lengths, after_command)


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
            "--lang",
            envvar="PLANCLI_LANG",
            case_sensitive=False,
            help="Language of names, titles, words and messages.",
        ),
    ] = Lang.zh,
    actuals: Annotated[
        Path | None,
        typer.Option(
            "--actuals",
            envvar="PLANCLI_ACTUALS",
            help="Your own actual values (YAML, or CSV with the columns indicator, year, value, "
            "unit, scope, source_title, source_url, source_quote); they add to or override the "
            "shipped ones.",
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
