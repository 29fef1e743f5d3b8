"""The Typer app, its global options (conventions: --data, --lang, --actuals) and error handling."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

try:  # Typer 0.29 carries its own copy of Click
    from typer._click import Command, Context
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
except ImportError:  # pragma: no cover - older Typer, on Click itself
    from click import Command, Context
    from click.exceptions import ClickException, NoArgsIsHelpError

from plancli import __version__
from plancli.cli import state
from plancli.model.problems import PlancliError

# Each command's module, in the order `plancli --help` lists them. A module is imported, and its
# command built by Typer, only when that command is run (or help lists them all): start-up
# costs one command, not fifteen.
COMMANDS: dict[str, str] = {
    "gap": "plancli.cli.gap",
    "growth": "plancli.cli.growth",
    "trajectory": "plancli.cli.trajectory",
    "score": "plancli.cli.score",
    "review": "plancli.cli.score",
    "chapters": "plancli.cli.chapters",
    "chapter": "plancli.cli.chapters",
    "tasks": "plancli.cli.tasks",
    "task": "plancli.cli.tasks",
    "targets": "plancli.cli.targets",
    "show": "plancli.cli.show",
    "search": "plancli.cli.search",
    "check": "plancli.cli.check",
    "schema": "plancli.cli.schema",
}


class PlancliGroup(TyperGroup):
    """Loads commands on demand, and turns plancli's own errors into one line on stderr and the
    conventions' exit code."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(_build(cmd_name), cmd_name)
        return self.commands.get(cmd_name)

    def make_context(self, info_name, args, parent=None, **extra) -> Context:
        _check_lengths(args)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except ClickException as exc:
            _fail(exc)

    def invoke(self, ctx: Context):
        try:
            return super().invoke(ctx)
        except PlancliError as exc:
            _say(str(exc))
            ctx.exit(exc.exit_code)
        except ClickException as exc:
            _fail(exc)


def _fail(exc: ClickException):
    """A usage error in one line, with where to find help (exit 2); asking for help is not one."""
    if isinstance(exc, NoArgsIsHelpError):
        raise exc
    where = getattr(exc, "ctx", None)
    hint = f" (see '{where.command_path} --help')" if where is not None else ""
    _say(f"{exc.format_message()}{hint}")
    raise typer.Exit(exc.exit_code)


def _say(message: str) -> None:
    """An error in one line on stderr; what a data file or an argument put in it cannot act
    on the terminal (control characters replaced)."""
    from plancli.report.sanitise import for_terminal

    typer.echo(f"plancli: error: {for_terminal(message, prose=False)}", err=True)


def _check_lengths(args: list[str]) -> None:
    """Every argument within MAX_ARG_CHARS, checked before anything else looks at them."""
    from plancli.loading.limits import MAX_ARG_CHARS

    for n, arg in enumerate(args, start=1):
        if len(arg) > MAX_ARG_CHARS:
            _say(
                f"argument {n} is {len(arg):,} characters long; the limit is "
                f"{MAX_ARG_CHARS:,} (docs/limits.md)"
            )
            raise typer.Exit(2)


def _build(name: str) -> Command:
    """Import the command's module (which registers it on `app`) and let Typer build it."""
    from importlib import import_module

    from typer.main import get_command_from_info

    import_module(COMMANDS[name])
    info = next(c for c in app.registered_commands if (c.name or c.callback.__name__) == name)
    return get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


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
    from plancli.loading import cache

    state.configure(data=data, lang=lang, actuals=actuals)
    cache.use(not no_cache)
