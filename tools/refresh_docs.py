"""Re-run every ```console example of the README and docs/*.md and write its real output, and
draw the README's pictures again.

    python tools/refresh_docs.py [--no-images] [FILE ...]

An example is a fenced ```console block whose first line is `$ plancli ARGS`; everything after
it in the block is replaced by what `plancli ARGS` prints at 100 columns on the shipped data,
with the clock fixed at 2026 (so the default year is 2025). The table of notes in
docs/output.md (between `<!-- notes -->` and `<!-- end notes -->`) is written from the message
catalogue. tests/test_docs.py checks that the files stay in step.

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
BLOCK = re.compile(r"```console\n\$ plancli (?P<args>[^\n]*)\n(?P<out>.*?)```", re.DOTALL)
ENV = {
    "COLUMNS": "100",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "PLANCLI_TODAY": "2026-11-27",
    "PLANCLI_NO_CACHE": "1",
}


def run(args: str) -> str:
    from typer.testing import CliRunner

    from plancli.cli import app

    for var in ("PLANCLI_DATA", "PLANCLI_LANG", "PLANCLI_ACTUALS"):
        os.environ.pop(var, None)
    result = CliRunner().invoke(app, shlex.split(args), env=ENV)
    # An example of an error shows the one line it prints on stderr.
    shown = result.stdout + result.stderr
    return "\n".join(line.rstrip() for line in shown.splitlines()) + "\n"


NOTES = re.compile(r"<!-- notes -->\n.*?<!-- end notes -->", re.DOTALL)


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
    return BLOCK.sub(lambda m: f"```console\n$ plancli {m['args']}\n{run(m['args'])}```", text)


def examples(text: str) -> list[tuple[str, str]]:
    return [(m["args"], m["out"]) for m in BLOCK.finditer(text)]


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
