"""Building a site once for a test module, and reading its pages: links, anchors, text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

from typer.testing import CliRunner

from plancli.cli import app


def build(folder: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, [*args, "site", str(folder)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return folder


class Page(HTMLParser):
    """A page's links (href, src), element ids, headings, tables and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []
        self._skip = 0
        self._joined = False  # the next text goes on the last piece: a <wbr> is not a break

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.add(str(a["id"]))
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(str(a[key]))
        if tag in ("style", "script"):
            self._skip += 1
        self._joined = tag == "wbr" and bool(self.text)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            if self._joined:
                self.text[-1] += data.strip()
            else:
                self.text.append(data.strip())
        self._joined = False

    def handle_comment(self, data):
        self.comments.append(data)


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path, path: Path, page: Page, pages: dict[Path, Page]) -> list[str]:
    """The page's local links whose file (or anchor) does not exist."""
    broken = []
    for link in page.links:
        if link.startswith(("http://", "https://", "mailto:", "data:")):
            continue
        target, anchor = urldefrag(link)
        file = (path.parent / unquote(target)).resolve() if target else path
        if not file.is_file() or site.resolve() not in file.parents:
            broken.append(link)
        elif anchor and file.suffix == ".html":
            linked = pages.get(file) or read(file)
            if anchor not in linked.ids:
                broken.append(link)
    return broken
