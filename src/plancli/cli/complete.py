"""Shell completion of indicator, chapter, section and task ids (Typer `autocompletion=`).

The global options are not applied while the shell asks for completions, so the plan is found
from --data (or PLANCLI_DATA) on the command line typed so far, before or after the command. A
plan that cannot be loaded completes nothing rather than printing an error into the user's
prompt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

from plancli.loading.files import resolve_data_dir
from plancli.model.problems import PlancliError

if TYPE_CHECKING:
    from plancli.model.plan import Plan


def _plan(ctx: typer.Context) -> Plan | None:
    from plancli.cli.settings import settings
    from plancli.loading.cache import load_plan  # a completion is a run of its own

    data = settings(ctx).data or ctx.find_root().params.get("data")
    try:
        return load_plan(resolve_data_dir(data))
    except (PlancliError, OSError):
        return None


def _starting(pairs: Iterable[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    key = incomplete.casefold()
    seen: dict[str, str] = {}
    for value, help_text in pairs:
        if value.casefold().startswith(key) and value not in seen:
            seen[value] = help_text
    return list(seen.items())


def indicators(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Indicator ids (and target ids once an @ is typed), then Chinese names and aliases."""
    plan = _plan(ctx)
    if plan is None:
        return []
    pairs = [(ind.id, ind.name.zh) for ind in plan.indicators]
    if "@" in incomplete:
        pairs += [(tid, ind.name.zh) for tid, (ind, _t) in plan.target_by_id.items()]
    pairs += [(ind.name.zh, ind.id) for ind in plan.indicators]
    pairs += [(alias, ind.id) for ind in plan.indicators for alias in ind.aliases]
    return _starting(pairs, incomplete)


def chapters(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    return (
        [] if plan is None else _starting(((c.id, c.title.zh) for c in plan.chapters), incomplete)
    )


def sections(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    if plan is None:
        return []
    return _starting(((s.id, s.title.zh) for s in plan.section_by_id.values()), incomplete)


def tasks(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    if plan is None:
        return []
    return _starting(((i, p.task.title.zh) for i, p in plan.task_places.items()), incomplete)


def scopes(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    plan = _plan(ctx)
    if plan is None:
        return []
    from plancli.query.lookup import plan_scopes

    return _starting(((s, "") for s in plan_scopes(plan)), incomplete)
