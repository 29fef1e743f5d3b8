"""Handing a command's result to the reporter of the chosen format, with the reader's language
and the output stream."""

from __future__ import annotations

import sys
from typing import Any

import typer

from plancli.cli.settings import settings
from plancli.report.reporters import reporter


def emit(ctx: typer.Context, result: Any, fmt: str, *, bom: bool = False) -> None:
    """Print the result in the chosen format (--format), in the language of --lang."""
    lang = settings(ctx).lang
    reporter(str(fmt), sys.stdout, lang, bom=bom).report(result)
