"""`plancli site DIR`: the plan as a static website, in Chinese and English."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import app
from plancli.cli.options import YearOption
from plancli.cli.publishing import ForceOption, require, say
from plancli.cli.settings import settings


@app.command(short_help="Build a static website of the plan, in Chinese and English.")
def site(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="The folder to build the site in.", show_default=False),
    ],
    year: YearOption = None,
    force: ForceOption = False,
) -> None:
    """Build a static site of the plan in DIR, for any web server or to open from disk: an
    overview with the scorecard for --year, a page per chapter and per indicator (with its
    chart), in Chinese and English, and the data to download (CSV, JSON, SQLite). DIR must be
    new, empty or a site plancli built (it then replaces only its own files), unless --force."""
    require("jinja2", "plancli site")
    require("matplotlib", "plancli site")
    from plancli.cli.checks import resolve_year
    from plancli.loading.safewrite import check_site, write_site
    from plancli.report.catalogue import text
    from plancli.report.charts.draw import Drawer
    from plancli.report.site.build import LANGS, site_files
    from plancli.results.publication import publication

    opts = settings(ctx)
    plan = opts.plan()
    when, defaulted = resolve_year(plan, year)
    check_site(folder, force=force)  # before the work of building it
    pub = publication(plan, when, defaulted)
    drawer = Drawer(words=False)
    files = site_files(pub, lambda chart: drawer.draw(chart, "svg", None))
    write_site(folder, files, force=force)
    said = text(
        "site_written",
        opts.lang,
        pages=sum(name.endswith(".html") for name in files),
        langs=list(LANGS),
        charts=sum(name.startswith("charts/") for name in files),
        downloads=sum(name.startswith("downloads/") for name in files),
        path=str(folder),
        index=str(folder / "index.html"),
    )
    say(said)
