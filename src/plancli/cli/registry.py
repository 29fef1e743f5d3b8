"""The command registry: each command's module, loaded only when that command runs.

Why this reaches into Typer's internals: Typer builds every command of an app when the app
starts (importing every command's module and the core behind it), which would cost each run the
start-up of all sixteen commands. A Click group can list commands by name and build one on
demand, but Typer (0.29) carries its own copy of Click under `typer._click` (Click itself is not
installed) and offers no public hook to build one command from its registration; so this module
subclasses `typer.core.TyperGroup` and calls `typer.main.get_command_from_info`. It is kept in
this one small module, and pyproject pins Typer to the range it is tested with (a test checks
that the registry lists exactly the commands that exist and that each builds).

Here too each command is given the app's global options after its name (Click has no notion of
an option shared by a group and its commands): a copy of the app's own option object, defined
once in plancli.cli.app, whose callback hands what was typed to the app.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from importlib import import_module
from typing import Any

import typer
from typer._click import Command, Context, Parameter
from typer._click.core import ParameterSource
from typer._click.exceptions import ClickException
from typer.core import TyperGroup, TyperOption
from typer.main import get_command_from_info

from plancli.model.problems import PlancliError

# Each command's module, in the order `plancli --help` lists them. A module is imported, and its
# command built by Typer, only when that command is run (or help lists them all).
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
    "actuals": "plancli.cli.actuals",
    "search": "plancli.cli.search",
    "chart": "plancli.cli.chart",
    "site": "plancli.cli.site",
    "sqlite": "plancli.cli.sqlite",
    "check": "plancli.cli.check",
    "schema": "plancli.cli.schema",
}


# The app's options that a command takes after its name too (conventions: global options).
GLOBAL_OPTIONS = ("data", "lang", "actuals", "no_cache")


class LazyGroup(TyperGroup):
    """Lists the registry's commands and builds one only when it is asked for. What `attach`
    sets: the app the commands register on, how plancli's own errors and Click's are reported
    (one line on stderr, in the reader's language, and the conventions' exit code), and what a
    global option given after the command does."""

    typer_app: typer.Typer
    on_error: Callable[[Context, PlancliError], Any]
    on_click_error: Callable[[ClickException, Context | None, list[str]], Any]
    on_args: Callable[[list[str]], Any]
    on_global: Callable[[Context, str, Any], Any]

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(build(cmd_name), cmd_name)
        command = self.commands.get(cmd_name)
        if command is not None:  # (Typer builds the commands already imported itself)
            taken = {p.name for p in command.params}
            command.params += [
                self.after_command(p)
                for p in self.params
                if p.name in GLOBAL_OPTIONS and p.name not in taken
            ]
        return command

    def after_command(self, option: Parameter) -> Parameter:
        """A copy of one of the app's options for a command: given after the command, it
        overrides the value given (or taken from the environment) before it."""
        on_global = self.on_global

        def given(ctx: Context, param: Parameter, value: Any) -> Any:
            if param.name and ctx.get_parameter_source(param.name) is ParameterSource.COMMANDLINE:
                on_global(ctx, param.name, value)
            return value

        mine = copy.copy(option)
        # The environment and the default apply once, before the command: here only what is
        # typed counts, and the command's help says no default of its own.
        mine.envvar, mine.expose_value = None, False
        if isinstance(mine, TyperOption):
            mine.show_default = False
        mine.callback = given
        return mine

    def make_context(
        self, info_name: Any, args: list[str], parent: Any = None, **extra: Any
    ) -> Context:
        self.on_args(list(args))
        try:
            return super().make_context(info_name, list(args), parent=parent, **extra)
        except ClickException as exc:
            self.on_click_error(exc, parent, list(args))
            raise  # on_click_error exits; this is never reached

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClickException as exc:
            self.on_click_error(exc, ctx, [])
        except PlancliError as exc:
            return self.on_error(ctx, exc)


def attach(
    app: typer.Typer,
    on_error: Callable[[Context, PlancliError], Any],
    on_click_error: Callable[[ClickException, Context | None, list[str]], Any],
    on_args: Callable[[list[str]], Any],
    on_global: Callable[[Context, str, Any], Any],
) -> None:
    LazyGroup.typer_app = app
    LazyGroup.on_error = staticmethod(on_error)
    LazyGroup.on_click_error = staticmethod(on_click_error)
    LazyGroup.on_args = staticmethod(on_args)
    LazyGroup.on_global = staticmethod(on_global)


def build(name: str) -> Command:
    """Import the command's module (which registers it on the app) and let Typer build it."""
    app = LazyGroup.typer_app
    import_module(COMMANDS[name])
    info = next(c for c in app.registered_commands if _name(c) == name)
    return get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


def _name(info: Any) -> str:
    return str(info.name or getattr(info.callback, "__name__", ""))


def registered(app: typer.Typer) -> list[str]:
    """The commands registered on the app (for the test that the registry lists them all)."""
    return [_name(c) for c in app.registered_commands]
