"""`plancli check`: validate every file of the plan directory and report all problems at once.

Formats (docs/checking.md): text `FILE:LINE:COL: [error] message (rule)` (or [warning]) and a
summary line; json `{"summary": …, "problems": […]}`; github workflow commands (`::error file=…`,
`::warning …`). Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from plancli.cli import state
from plancli.cli.app import app

SUMMARY_KEYS = ("chapters", "sections", "tasks", "indicators", "targets", "baselines", "actuals")


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def summary_counts(plan) -> dict[str, int]:
    if plan is None:
        return dict.fromkeys(SUMMARY_KEYS, 0)
    return {
        "chapters": len(plan.chapters),
        "sections": len(plan.section_by_id),
        "tasks": len(plan.task_places),
        "indicators": len(plan.indicators),
        "targets": len(plan.target_by_id),
        "baselines": len(plan.baselines),
        "actuals": len(plan.all_actuals),
    }


def summary_line(counts: dict[str, int], problems: list) -> str:
    described = ", ".join(f"{n} {k}" for k, n in counts.items())
    errors = [p for p in problems if p.is_error]
    w = len(problems) - len(errors)
    warned = f"; {w} warning{'s' if w != 1 else ''}" if w else ""
    if not errors:
        return f"ok: {described}{warned}"
    n, files = len(errors), len({p.file for p in errors})
    return (
        f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}; "
        f"read {described}{warned}"
    )


def github_escape(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value: also `:` and `,`, which end a property."""
    return github_escape(text).replace(":", "%3A").replace(",", "%2C")


def github_line(p, file: str) -> str:
    message = f"{p.id}: {p.message}" if p.id else p.message
    return (
        f"::{p.level} file={github_property(file)},line={p.line},col={p.column},"
        f"title={github_property(p.rule)}::{github_escape(message)}"
    )


@app.command()
def check(
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: FILE:LINE:COL lines and a summary; json; github: Actions annotations.",
        ),
    ] = CheckFormat.text,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Plan data directory, as the global --data (given here, hooks can append it).",
            show_default=False,
        ),
    ] = None,
    actuals: Annotated[
        Path | None,
        typer.Option(
            "--actuals",
            help="Your own actuals file to check with the plan, as the global --actuals.",
            show_default=False,
        ),
    ] = None,
    no_warnings: Annotated[
        bool,
        typer.Option(
            "--no-warnings",
            help="Report errors only: no warnings (such as paragraphs not yet translated) in "
            "the listing or the summary.",
        ),
    ] = False,
) -> None:
    """Validate the plan data: every problem in every file, with file, line and column.

    Exit codes: 0 valid (warnings allowed), 1 errors found (a file that does not parse is one),
    2 usage error.
    """
    from plancli import process
    from plancli.loading.cache import check as run_check
    from plancli.loading.datadir import resolve_data_dir
    from plancli.report.sanitise import for_terminal, json_text

    root = resolve_data_dir(data) if data is not None else state.data_dir()
    plan, problems = run_check(root, actuals if actuals is not None else state.settings.actuals)
    counts = summary_counts(plan)
    failed = any(p.is_error for p in problems)
    # The verdict stands even if the reader stops reading early (`plancli check | head`).
    process.set_verdict(1 if failed else 0)
    shown = [p for p in problems if p.is_error] if no_warnings else problems
    if fmt is CheckFormat.json:
        records = [dict(p.to_dict(), file=display_path(root, p.file)) for p in shown]
        doc = {"summary": counts, "problems": records}
        typer.echo(json_text(doc, indent=2))
    elif fmt is CheckFormat.github:
        for p in shown:
            typer.echo(for_terminal(github_line(p, display_path(root, p.file)), prose=False))
        # Annotations alone on stdout; the summary is for the log.
        typer.echo(summary_line(counts, shown), err=True)
    else:
        for p in shown:
            typer.echo(for_terminal(p.format(display_path(root, p.file)), prose=False))
        typer.echo(summary_line(counts, shown))
    if failed:
        raise typer.Exit(1)


def display_path(root: Path, file: str) -> str:
    """The path as a user can open it: a plan file relative to where plancli runs when it is
    below it, else in full; a user's --actuals file as given."""
    from plancli.loading.datadir import PLAN_FILES

    if file not in PLAN_FILES:
        return file
    full = root / file
    try:
        return str(full.resolve().relative_to(Path.cwd().resolve()))
    # Not below the working directory, gone, or a symbolic link to itself (RuntimeError).
    except (ValueError, OSError, RuntimeError):
        return str(full)
