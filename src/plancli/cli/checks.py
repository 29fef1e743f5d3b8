"""Checks of what a user gave the shared options, against the plan they apply to: chapter and
section, --target-year, --year (UsageError, with what was expected, for anything else)."""

from __future__ import annotations

from plancli.maths.clock import latest_complete_year
from plancli.model.models import Chapter, Section
from plancli.model.plan import Plan
from plancli.model.problems import UsageError
from plancli.query.lookup import find_chapter, find_section


def chosen_place(
    plan: Plan, chapter: str | None, section: str | None = None
) -> tuple[Chapter | None, Section | None]:
    """The chapter and the section that --chapter and --section name (None where not given).

    UsageError for an unknown chapter or section, or a section that is not in the chapter."""
    ch = find_chapter(plan, chapter.strip()) if chapter is not None else None
    sec = find_section(plan, section) if section is not None else None
    if ch is not None and sec is not None and not sec.id.startswith(f"{ch.id}."):
        raise UsageError("section_not_in_chapter", section=sec.id, chapter=ch.id)
    return ch, sec


def check_target_year(plan: Plan, year: int | None) -> int | None:
    """The year of --target-year, which must be one of the plan's horizon years."""
    horizon = list(plan.meta.horizon_years)
    if year is not None and year not in horizon:
        raise UsageError("target_year_not_in_plan", year=year, years=horizon)
    return year


def resolve_year(plan: Plan, given: str | None) -> tuple[int, bool]:
    """The year --year asks for, and whether it was the default; UsageError outside the plan."""
    lo, hi = plan.meta.base_year, max(plan.meta.horizon_years)
    if given is None:
        return min(max(latest_complete_year(), lo), hi), True
    try:
        year = int(given.strip())
    except ValueError:
        raise UsageError("year_not_a_year", text=given, first=lo, last=hi) from None
    if not lo <= year <= hi:
        raise UsageError("year_out_of_range", year=year, first=lo, last=hi)
    return year, False
