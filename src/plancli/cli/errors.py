"""Errors as one line on stderr in the reader's language: plancli's own (codes from the core)
and Click's (usage mistakes Typer finds while parsing), with the conventions' exit codes."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer._click import Context
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)

from plancli.model.limits import MAX_ARG_CHARS
from plancli.model.msg import Msg, msg
from plancli.model.problems import DataError, PlancliError
from plancli.model.sanitise import for_terminal
from plancli.report.catalogue import render, text

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
ENV_LANG = "PLANCLI_LANG"


def lang_of(ctx: Context | None, args: Sequence[str] = ()) -> str:
    """The language the reader chose: the parsed --lang, else --lang in what was typed (an error
    may come before it is parsed), else PLANCLI_LANG, else Chinese."""
    root = ctx.find_root() if ctx is not None else None
    chosen = getattr(root.obj, "lang", None) if root is not None else None
    if chosen is None and root is not None:  # parsed, but the app's callback has not run yet
        chosen = root.params.get("lang")
    if chosen is None:
        given = list(args) or sys.argv[1:]
        for n, arg in enumerate(given):
            if arg == "--lang" and n + 1 < len(given):
                chosen = given[n + 1]
            elif arg.startswith("--lang="):
                chosen = arg.split("=", 1)[1]
    chosen = str(chosen or os.environ.get(ENV_LANG) or DEFAULT_LANG).strip().lower()
    return chosen if chosen in LANGS else DEFAULT_LANG


def fail(message: Msg, lang: str, exit_code: int) -> NoReturn:
    """An error in one line on stderr; what a data file or an argument put in it cannot act on
    the terminal (control characters replaced)."""
    said = for_terminal(render(message, lang), prose=False)
    typer.echo(text("error_prefix", lang, message=said), err=True)
    raise typer.Exit(exit_code)


def check_lengths(args: list[str]) -> None:
    """Every argument within MAX_ARG_CHARS, checked before anything else looks at them."""
    for n, arg in enumerate(args, start=1):
        if len(arg) > MAX_ARG_CHARS:
            too_long = msg("argument_too_long", n=n, length=len(arg), limit=MAX_ARG_CHARS)
            fail(too_long, lang_of(None, args), 2)


def plancli_error(ctx: Context, exc: PlancliError) -> NoReturn:
    said = exc.msg
    options = ctx.find_root().obj if ctx is not None else None
    if isinstance(exc, DataError) and hasattr(options, "check_command"):
        said = exc.with_command(options.check_command())
    fail(said, lang_of(ctx), exc.exit_code)


def click_error(exc: ClickException, around: Context | None, args: list[str]) -> NoReturn:
    """A usage error in one line, with where to find help (exit 2); asking for help is not one.
    `around` is the context the error arose in, where the error carries none."""
    if isinstance(exc, NoArgsIsHelpError):
        raise exc
    ctx = getattr(exc, "ctx", None)
    said = click_message(exc)
    if ctx is not None:
        said = msg("see_help", message=said, command=ctx.command_path)
    fail(said, lang_of(ctx or around, args), getattr(exc, "exit_code", 2))


def click_message(exc: ClickException) -> Msg:
    """What Click says, as a catalogue message (Click's English where it says more)."""
    if isinstance(exc, NoSuchOption):
        hint = (
            msg("possible_options", options=sorted(exc.possibilities))
            if exc.possibilities
            else None
        )
        return msg("no_such_option", option=exc.option_name, hint=hint)
    if isinstance(exc, MissingParameter):
        name = _hint(exc)
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
        return msg("missing_option" if kind == "option" else "missing_argument", name=name)
    if isinstance(exc, BadParameter):
        choice = re.fullmatch(r"(?:Value error, )?(.*) is not one of (.*?)\.?", exc.message, re.S)
        if choice:
            value = choice[1].strip("'")
            choices = re.findall(r"'([^']*)'", choice[2])
            return msg("not_a_choice", param=_hint(exc), value=value, choices=choices)
        number = re.fullmatch(r"Input should be a valid (integer|number).*", exc.message, re.S)
        if number:
            return msg(
                "not_a_whole_number" if number[1] == "integer" else "not_a_number_given",
                param=_hint(exc),
            )
        least = re.fullmatch(r"Input should be greater than or equal to (\S+)", exc.message)
        if least:
            return msg("below_least", param=_hint(exc), least=least[1])
        return msg("bad_value", param=_hint(exc), detail=exc.message)
    if isinstance(exc, BadOptionUsage):
        if exc.message.endswith("requires an argument."):
            return msg("option_needs_value", option=exc.option_name)
        if exc.message.endswith("does not take a value."):
            return msg("option_takes_no_value", option=exc.option_name)
    if isinstance(exc, UsageError):
        found = re.fullmatch(r"No such command '(.*)'\.", exc.message)
        if found:
            return msg("no_such_command", name=found[1])
        extra = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", exc.message)
        if extra:
            return msg("extra_arguments", count=len(extra[1].split()), args=extra[1])
    return msg("usage_other", detail=exc.format_message())


def _hint(exc: Any) -> str:
    """How Click names the parameter: '--format' / '-f', 'INDICATOR'."""
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(h) for h in hint)
    if exc.param is not None:
        # Click adds "(env var: 'PLANCLI_LANG')" in English: the option is name enough.
        return re.sub(r" \(env var: [^)]*\)", "", str(exc.param.get_error_hint()))
    return "?"
