"""Presenters: each result as a page to read (plancli.report.page), in the reader's language.

One module per kind of result; `table_page` and `markdown_page` find the presenter by the
result's class and import only its module. A presenter's `markdown_page` may differ from its
`table_page` (the scorecard's is the review memo); where it does not define one, the table's
page is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from plancli.report.page import Page

PRESENTER_BY_RESULT = {
    "GapResult": "plancli.report.pages.gap",
    "GrowthResult": "plancli.report.pages.growth",
    "TrajectoryResult": "plancli.report.pages.trajectory",
    "ScorecardResult": "plancli.report.pages.score",
    "ChaptersResult": "plancli.report.pages.reading",
    "ChapterResult": "plancli.report.pages.reading",
    "TasksResult": "plancli.report.pages.reading",
    "TaskResult": "plancli.report.pages.reading",
    "TargetsResult": "plancli.report.pages.targets",
    "IndicatorResult": "plancli.report.pages.targets",
    "SearchResult": "plancli.report.pages.search",
    "ActualsResult": "plancli.report.pages.actuals",
    "MissingResult": "plancli.report.pages.actuals",
}


def _presenter(result: Any) -> Any:
    return import_module(PRESENTER_BY_RESULT[type(result).__name__])


def table_page(result: Any, lang: str) -> Page:
    page: Page = _presenter(result).table_page(result, lang)
    return page


def markdown_page(result: Any, lang: str) -> Page:
    module = _presenter(result)
    page: Page = getattr(module, "markdown_page", module.table_page)(result, lang)
    return page
