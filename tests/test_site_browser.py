"""The site in a real browser: headless Chromium (Debian's `chromium`, driven by the Playwright
client, which downloads no browser of its own) opens the overview, a chapter page and an
indicator page in both languages, from file:// and from a web server on 127.0.0.1, and checks
that tables and the chart render, that Chinese is drawn in a real font (not as boxes), that no
local link is broken and that the console stays clean.

Where no browser can be found the tests are skipped, saying so; with PLANCLI_REQUIRE_BROWSER=1
(.ci/run sets it once it has installed Chromium) they fail instead. PLANCLI_SCREENSHOTS=DIR keeps
a screenshot of every page opened, to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from site_helpers import build

# The flags that run Chromium here: no sandbox (root), no GPU, and no network of its own.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    "zh/index.html",
    "en/index.html",
    "zh/chapters/1.html",
    "en/chapters/13.html",
    "zh/indicators/gdp.html",
    "en/indicators/urbanization_rate.html",
]


def chromium() -> str | None:
    given = os.environ.get("PLANCLI_CHROMIUM")
    if given:
        return given
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


def unavailable(reason: str) -> None:
    if os.environ.get("PLANCLI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"the browser tests must run here (PLANCLI_REQUIRE_BROWSER=1): {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("the Playwright client is not installed (pip install -e '.[test]')")
    executable = chromium()
    if executable is None:
        unavailable("no Chromium on this machine (Debian: apt-get install chromium fonts-noto-cjk)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch_persistent_context(
                str(profile),
                executable_path=executable,
                headless=True,
                args=FLAGS,
                viewport={"width": 1200, "height": 900},
            )
        except Error as exc:
            unavailable(f"Chromium ({executable}) did not start: {exc}")
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("browser-site") / "site")


@pytest.fixture(scope="module")
def server(site):
    """The site served by a plain web server on 127.0.0.1, for as long as the module runs."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def visit(browser, url: str, shot: str):
    """Open url; the page, and what went wrong on the way (console errors, failed loads)."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed to load {r.url}"))
    page.on(
        "response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.goto(url, wait_until="load")
    keep = os.environ.get("PLANCLI_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(keep) / shot), full_page=False)
    return page, problems


# Two glyphs of one font differ; two empty boxes (no font for the script) do not.
SAME_GLYPHS = """([a, b]) => {
  const font = getComputedStyle(document.body).font;
  const draw = (ch) => {
    const c = document.createElement("canvas"); c.width = 64; c.height = 64;
    const g = c.getContext("2d"); g.font = font.replace(/\\d+(\\.\\d+)?px/, "48px");
    g.fillText(ch, 4, 52); return Array.from(g.getImageData(0, 0, 64, 64).data).join(",");
  };
  return draw(a) === draw(b);
}"""


@pytest.mark.parametrize("path", PAGES)
def test_a_page_renders_in_chromium(browser, site, path):
    page, problems = visit(browser, (site / path).as_uri(), path.replace("/", "-") + ".png")
    try:
        assert problems == []
        assert page.locator("h1").first.is_visible()
        tables = page.locator("main table")
        assert tables.count() >= 1
        box = tables.first.bounding_box()
        assert box is not None and box["height"] > 40 and box["width"] > 100
        assert page.locator("main table th").first.is_visible()
        # Chinese is drawn with a font that has it: 温 and 州 differ (boxes would not)
        assert page.evaluate(SAME_GLYPHS, ["温", "州"]) is False
        # every local link leads to a file of the site, and to an anchor that exists
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for link in links:
            url = urlparse(link)
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            assert target.is_file(), link
            if url.fragment:
                assert f'id="{url.fragment}"' in target.read_text(encoding="utf-8"), link
        if "/indicators/" in path:
            chart = page.locator("figure.chart img")
            assert chart.get_attribute("alt")
            size = chart.evaluate("img => [img.complete, img.naturalWidth, img.naturalHeight]")
            assert size[0] and size[1] > 300 and size[2] > 150
    finally:
        page.close()


@pytest.mark.parametrize("path", ["en/index.html", "zh/indicators/gdp.html"])
def test_a_page_renders_from_a_web_server(browser, server, path):
    page, problems = visit(browser, f"{server}/{path}", "served-" + path.replace("/", "-") + ".png")
    try:
        assert problems == []
        assert page.locator("main table").count() >= 1
        # the language switch leads to the same page in the other language
        switch = page.locator("a.switch")
        switch.click()
        page.wait_for_load_state("load")
        other = "zh" if path.startswith("en") else "en"
        assert page.url == f"{server}/{other}/{path.split('/', 1)[1]}"
        assert problems == []
    finally:
        page.close()


def test_the_status_is_said_in_words_not_colour_alone(browser, site):
    page, problems = visit(browser, (site / "en/index.html").as_uri(), "statuses.png")
    try:
        words = page.locator("table.statuses .status").all_inner_texts()
        assert any("on track" in w for w in words) and any("achieved" in w for w in words)
    finally:
        page.close()
