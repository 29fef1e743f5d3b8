"""The actual values as records (`actuals`): every shipped and --actuals value with its year,
scope and source; and (`actuals --missing`) the fill-in sheet of those the targets still need,
whose CSV is exactly what `--actuals` reads."""

from __future__ import annotations

from plancli.maths.needs import Needed, needed_actuals
from plancli.model.models import Actual, Indicator
from plancli.model.plan import Plan
from plancli.model.record import Record
from plancli.model.vocab import Series
from plancli.results import Rows
from plancli.results.targets import ActualRow, actual_row


class ActualsFilter(Record):
    indicator: str | None = None  # --indicator: one indicator's
    year: int | None = None  # --year: that year's
    primary: bool = False  # --primary: only those from a government (primary) source


class ActualsResult(Record):
    """`actuals`: the actual values that pass the filters, shipped then the user's, by
    indicator (in the plan's order), year and scope."""

    actuals: tuple[ActualRow, ...]
    filtered: bool  # whether any filter was given (for what an empty list says)

    def document(self) -> tuple[ActualRow, ...]:
        return self.actuals

    def rows(self) -> Rows:
        return Rows(ActualRow, self.actuals)


def actuals_result(plan: Plan, flt: ActualsFilter) -> ActualsResult:
    order = {ind.id: n for n, ind in enumerate(plan.indicators)}

    def wanted(a: Actual) -> bool:
        return (
            (flt.indicator is None or a.indicator == flt.indicator)
            and (flt.year is None or a.year == flt.year)
            and (not flt.primary or a.source.primary)
        )

    found = [(a, "shipped") for a in plan.actuals if wanted(a)]
    found += [(a, "user") for a in plan.user_actuals if wanted(a)]
    found.sort(key=lambda p: (order.get(p[0].indicator, len(order)), p[0].year, p[0].scope))
    rows = tuple(actual_row(plan, a, origin) for a, origin in found)
    return ActualsResult(rows, flt != ActualsFilter())


class NeededRow(Record):
    """An actual the targets need for a year and have not: `actuals --missing` in JSON."""

    indicator: str
    name_zh: str
    name_en: str
    year: int
    unit: str
    scope: str
    scope_en: str
    series: Series  # what to give: flow (the year's own amount), running_total, level
    target_ids: tuple[str, ...]  # the targets that need it


class SheetRow(Record):
    """A row of the fill-in sheet (`actuals --missing --format csv`): exactly the columns
    `--actuals` reads (loading.actuals_csv.ACTUALS_COLUMNS), value and source left empty."""

    indicator: str
    year: int
    value: float | None
    unit: str
    scope: str
    source_title: str | None
    source_url: str | None
    source_quote: str | None


class MissingResult(Record):
    """`actuals --missing`: the actuals the targets need for one year and have not."""

    year: int
    year_defaulted: bool
    needed: tuple[NeededRow, ...]

    def document(self) -> tuple[NeededRow, ...]:
        return self.needed

    def rows(self) -> Rows:
        sheet = [
            SheetRow(n.indicator, n.year, None, n.unit, n.scope, None, None, None)
            for n in self.needed
        ]
        return Rows(SheetRow, sheet)


def needed_row(plan: Plan, n: Needed) -> NeededRow:
    ind = n.indicator
    scope_en = plan.scope_en(n.scope) or n.scope
    return NeededRow(
        ind.id,
        ind.name.zh,
        ind.name.en,
        n.year,
        ind.unit,
        n.scope,
        scope_en,
        n.series,
        n.target_ids,
    )


def missing_result(
    plan: Plan, year: int, defaulted: bool, indicator: Indicator | None = None
) -> MissingResult:
    chosen = [indicator] if indicator is not None else None
    rows = tuple(needed_row(plan, n) for n in needed_actuals(plan, year, chosen))
    return MissingResult(year, defaulted, rows)
