"""`plancli check`: validate every file of the plan directory and report all problems at once."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from plancli.cli import state
from plancli.cli.app import app


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def summary_counts(plan) -> dict[str, int]:
    if plan is None:
        return dict.fromkeys(
            ("chapters", "sections", "tasks", "indicators", "targets", "baselines", "actuals"), 0
        )
    return {
        "chapters": len(plan.chapters),
        "sections": len(plan.section_by_id),
        "tasks": len(plan.task_places),
        "indicators": len(plan.indicators),
        "targets": len(plan.target_by_id),
        "baselines": len(plan.baselines),
        "actuals": len(plan.all_actuals),
    }


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_prop(text: str) -> str:
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


@app.command()
def check(
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="text: FILE:LINE:COL lines; json; github: Actions annotations."
        ),
    ] = CheckFormat.text,
) -> None:
    """Validate the plan data: every problem in every file, then a summary.

    Exit codes: 0 valid, 1 problems found, 2 usage error.
    """
    from plancli.loader import check as run_check

    root = state.data_dir()
    plan, problems = run_check(root, state.settings.actuals)
    counts = summary_counts(plan)
    if fmt is CheckFormat.json:
        typer.echo(
            json.dumps(
                {"summary": counts, "problems": [p.to_dict() for p in problems]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for p in problems:
            if fmt is CheckFormat.github:
                typer.echo(
                    f"::error file={_github_prop(_display(root, p.file))},line={p.line or 1},"
                    f"col={p.column or 1},title={_github_prop(p.rule)}::"
                    f"{_github_escape((p.id + ': ' if p.id else '') + p.message)}"
                )
            else:
                typer.echo(p.format().replace(p.file, _display(root, p.file), 1))
        described = ", ".join(f"{n} {k}" for k, n in counts.items())
        verdict = f"{len(problems)} problem(s) found" if problems else "ok"
        typer.echo(f"{verdict}: {described}", err=bool(problems) and fmt is CheckFormat.github)
    if problems:
        raise typer.Exit(1)


def _display(root, file: str) -> str:
    """The path as a user can open it: data-dir files relative to where plancli runs."""
    from pathlib import Path

    path = Path(file)
    if path.is_absolute() or path.exists():
        return file
    full = root / file
    try:
        return str(full.relative_to(Path.cwd()))
    except ValueError:
        return str(full)
