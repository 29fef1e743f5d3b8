"""Re-run every ```console example of the README and docs/*.md and write its real output, and
draw the README's pictures again.

    python tools/refresh_docs.py [--no-images] [FILE ...]

An example is a fenced ```console block whose first line is `$ plancli ARGS`; everything after
it in the block is replaced by what `plancli ARGS` prints at 100 columns on the shipped data,
with the clock fixed at 2026 (so the default year is 2025). A block right after a line
`<!-- planted: NAME -->` runs on a copy of the data with the mistakes PLANTED[NAME] written into
it, from a working directory where that copy is `data/` (docs/checking.md shows `check` finding
them). The table of notes in docs/output.md (between `<!-- notes -->` and `<!-- end notes -->`)
is written from the message catalogue, and the table of which columns a narrow terminal leaves
out (`<!-- layout -->` … `<!-- end layout -->`) from the columns the pages declare.
tests/test_docs.py checks that the files stay in step.

The pictures (docs/images/): a chart drawn by `plancli chart --output` (SVG), and a screenshot of
the site `plancli site` builds, taken in headless Chromium (Debian's chromium, driven by the
Playwright client) and reduced to 128 colours; skipped, saying so, where no Chromium is found.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(
    r"(?:<!-- planted: (?P<plant>[\w-]+) -->\n)?"
    r"```console\n\$ plancli (?P<args>[^\n]*)\n(?P<out>.*?)```",
    re.DOTALL,
)
# Mistakes written into a copy of the data for an example: (file, text, replacement), each
# replaced once.
PLANTED: dict[str, list[tuple[str, str, str]]] = {
    # a typo'd field name, and a task that does not exist
    "typo": [
        (
            "targets.yaml",
            "    value: 10000\n    text: 1万亿元\n",
            "    vaule: 10000\n    text: 1万亿元\n",
        ),
        (
            "targets.yaml",
            "    kind: share\n    task: 1.4.3\n",
            "    kind: share\n    task: 1.4.30\n",
        ),
    ],
    # a target year outside the plan's, a unit and a comparator that are not plancli's
    "words": [
        (
            "targets.yaml",
            "  - id: gdp@2035\n    year: 2035\n",
            "  - id: gdp@2035\n    year: 2030\n",
        ),
        ("targets.yaml", "  unit: 元\n", "  unit: yuan\n"),
        ("targets.yaml", "    comparator: around\n", "    comparator: 左右\n"),
    ],
}
ENV = {
    "COLUMNS": "100",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "PLANCLI_TODAY": "2026-11-27",
    "PLANCLI_NO_CACHE": "1",
}


def run(args: str, plant: str | None = None, env: dict[str, str] | None = None) -> str:
    from typer.testing import CliRunner

    from plancli.cli import app

    for var in ("PLANCLI_DATA", "PLANCLI_LANG", "PLANCLI_ACTUALS"):
        os.environ.pop(var, None)
    if plant is not None:
        return planted(args, plant)
    result = CliRunner().invoke(app, shlex.split(args), env=env or ENV)
    # An example of an error shows the one line it prints on stderr.
    shown = result.stdout + result.stderr
    return "\n".join(line.rstrip() for line in shown.splitlines()) + "\n"


def planted(args: str, plant: str) -> str:
    """`plancli ARGS` run from a directory whose data/ is the shipped data with PLANTED[plant]
    written into it (so that the problems read `data/targets.yaml:…`, as in a clone)."""
    import shutil
    import tempfile

    from plancli.loading.files import default_data_dir

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(default_data_dir(), data, ignore=shutil.ignore_patterns("__pycache__"))
        for name, old, new in PLANTED[plant]:
            path = data / name
            text = path.read_text(encoding="utf-8")
            assert old in text, f"planted {plant}: {old!r} is not in {name}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        here = Path.cwd()
        os.chdir(tmp)
        try:
            return run(args, None, {**ENV, "PLANCLI_DATA": "data"})
        finally:
            os.chdir(here)


NOTES = re.compile(r"<!-- notes -->\n.*?<!-- end notes -->", re.DOTALL)
LAYOUT = re.compile(r"<!-- layout -->\n.*?<!-- end layout -->", re.DOTALL)


def layout_table() -> str:
    """For each table, the columns a narrow terminal leaves out, in the order it does, and the
    ones it always shows (from the columns the pages declare: their `drop` ranks)."""
    from plancli.report.pages import gap, growth, places, reading, score, search, targets
    from plancli.report.pages import trajectory as traj
    from plancli.report.table import one_line

    baselines, quotes, actuals = targets.show_columns("en")
    tables = [
        ("`gap`", gap.columns("en", True, False)),
        ("`growth`", growth.columns("en", 2020, False, " ")),
        ("`trajectory`", traj.columns("en", (), True)),
        ("`score`: chapters", score.chapter_columns("en")),
        ("`score`: targets", score.target_columns("en")),
        ("`chapters`", reading.chapters_columns("en")),
        ("`tasks`, `chapter`'s tasks", places.task_columns("en", place=True)),
        ("`targets`, and the targets of `chapter`, `task`, `show`", places.target_columns("en")),
        ("`show`: baselines", baselines),
        ("`show`: quotes", quotes),
        ("`show`: actual values", actuals),
        ("`search`", search.columns("en")),
    ]

    def name(col) -> str:
        return one_line(col.label) or f"({col.role})"

    rows = ["| table | left out first, in this order | always shown |", "|---|---|---|"]
    for title, cols in tables:
        dropped = ", ".join(
            name(c) for c in sorted((c for c in cols if c.drop), key=lambda c: c.drop)
        )
        kept = ", ".join(name(c) for c in cols if not c.drop)
        rows.append(f"| {title} | {dropped or '—'} | {kept} |")
    return "<!-- layout -->\n" + "\n".join(rows) + "\n<!-- end layout -->"


def notes_table() -> str:
    """Every note code with its parameters and both texts, from the catalogue."""
    import string

    from plancli.report.catalogue.notes import NOTES as CODES

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = ["| code | params | English | Chinese |", "|---|---|---|---|"]
    for code, (en, zh) in CODES.items():
        params = [f for t in (en, zh) for _, f, _, _ in string.Formatter().parse(t) if f]
        shown = ", ".join(f"`{p}`" for p in dict.fromkeys(params)) or "—"
        rows.append(f"| `{code}` | {shown} | {cell(en)} | {cell(zh)} |")
    return "<!-- notes -->\n" + "\n".join(rows) + "\n<!-- end notes -->"


def refresh(text: str) -> str:
    text = NOTES.sub(lambda _m: notes_table(), text)
    text = LAYOUT.sub(lambda _m: layout_table(), text)

    def block(m: re.Match) -> str:
        head = f"<!-- planted: {m['plant']} -->\n" if m["plant"] else ""
        return f"{head}```console\n$ plancli {m['args']}\n{run(m['args'], m['plant'])}```"

    return BLOCK.sub(block, text)


def examples(text: str) -> list[tuple[str, str | None, str]]:
    return [(m["args"], m["plant"], m["out"]) for m in BLOCK.finditer(text)]


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


IMAGES = ROOT / "docs" / "images"
CHART = ["chart", "gdp", "--output"]
SHOT_PAGE = "en/indicators/gdp.html"


def images() -> None:
    """Draw the chart and screenshot the site of the README's section on publishing."""
    import tempfile

    IMAGES.mkdir(exist_ok=True)
    print(run(" ".join([*CHART, str(IMAGES / "chart-gdp.svg")])), end="")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        print(run(f"--lang en site {site}"), end="")
        shot = Path(tmp) / "shot.png"
        if not screenshot(site / SHOT_PAGE, shot):
            print("no Chromium (or no Playwright): the site's screenshot was not taken again")
            return
        from PIL import Image

        picture = Image.open(shot).convert("RGB").quantize(colors=128)
        picture.save(IMAGES / "site-indicator.png", optimize=True)
        print(f"wrote {IMAGES / 'site-indicator.png'}")


def screenshot(page: Path, out: Path) -> bool:
    import shutil

    browser = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return False
    if browser is None:
        return False
    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    flags += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browser, args=flags)
        tab = chromium.new_page(viewport={"width": 1000, "height": 940})
        tab.goto(page.as_uri(), wait_until="load")
        tab.screenshot(path=str(out))
        chromium.close()
    return True


if __name__ == "__main__":
    args = sys.argv[1:]
    draw = "--no-images" not in args
    args = [a for a in args if a != "--no-images"]
    files = [Path(a) for a in args] or doc_files()
    for path in files:
        old = path.read_text(encoding="utf-8")
        new = refresh(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path}")
    if draw:
        images()
