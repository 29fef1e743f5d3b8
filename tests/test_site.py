"""`plancli site`: the files it writes, every page's links and markup, the downloads (the bytes
the other commands print), the languages, another plan's names, and the folder rules. The
pages in a real browser: tests/test_site_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import small_plan
from plancli.loading.safewrite import MARK, SITE_MARKER
from site_helpers import broken_links, build, read
from test_language import data_strings, english_words


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("site") / "site", "--no-cache")


@pytest.fixture(scope="module")
def pages(site):
    return {path.resolve(): read(path) for path in sorted(site.rglob("*.html"))}


def test_the_files_of_the_site(site, plan):
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {"index.html", "assets/site.css", SITE_MARKER, "downloads/plan.sqlite"} <= names
    for lang in ("zh", "en"):
        assert f"{lang}/index.html" in names and f"{lang}/indicators/index.html" in names
        assert {f"{lang}/chapters/{c.id}.html" for c in plan.chapters} <= names
        assert {f"{lang}/indicators/{i.id}.html" for i in plan.indicators} <= names
    for fmt in ("csv", "json"):
        assert {
            f"downloads/{n}.{fmt}" for n in ("targets", "scorecard", "chapters", "tasks")
        } <= names
        assert {f"downloads/indicators/{i.id}.{fmt}" for i in plan.indicators} <= names
    charts = {n for n in names if n.startswith("charts/")}
    assert "charts/gdp.svg" in charts and len(charts) > 50
    marker = json.loads((site / SITE_MARKER).read_text(encoding="utf-8"))
    assert sorted(marker["files"]) == sorted(names - {SITE_MARKER})


def test_no_local_link_is_broken(site, pages):
    broken = {
        str(path.relative_to(site.resolve())): bad
        for path, page in pages.items()
        if (bad := broken_links(site, path, page, pages))
    }
    assert broken == {}


def test_every_page_is_accessible_markup(pages):
    for path, page in pages.items():
        tags = [tag for tag, _ in page.tags]
        html = dict(page.tags)["html"]
        assert html.get("lang") in ("zh-Hans", "en"), path
        assert tags.count("h1") >= 1, path
        assert any(MARK in c for c in page.comments), path
        for tag, attrs in page.tags:
            if tag == "img":
                assert attrs.get("alt"), path
            if tag == "th" and attrs.get("scope") is None:
                raise AssertionError(f"{path}: a th without scope")
        if "table" in tags:
            assert "caption" in tags and "thead" in tags, path
        # a status is a word and a sign, never a colour alone
        for _tag, attrs in page.tags:
            if "status" in str(attrs.get("class", "")).split():
                assert attrs["class"].startswith("status status-"), path


def test_an_indicator_page_holds_its_chart_targets_sources_and_words(site):
    page = (site / "en/indicators/gdp.html").read_text(encoding="utf-8")
    assert '<img src="../../charts/gdp.svg" alt="Chart of GDP (gross regional product)' in page
    assert "gdp@2035.double" in page and "+5.23%" in page  # the growth still needed
    assert "比2020年“翻一番”以上" in page  # the plan's own words
    assert "secondary source" in page and "https://" in page  # an actual's source
    assert 'href="../../downloads/indicators/gdp.csv"' in page
    assert "About the English on these pages: plancli&#39;s own translation" in page
    zh = (site / "zh/indicators/gdp.html").read_text(encoding="utf-8")
    assert "plancli&#39;s own translation" not in zh and "地区生产总值" in zh
    svg = (site / "charts/gdp.svg").read_text(encoding="utf-8")
    assert MARK in svg[:4096] and "<text" in svg  # years and values as text


def test_an_indicator_page_says_what_each_target_compares_and_where(site):
    en = (site / "en/indicators/gdp.html").read_text(encoding="utf-8")
    assert "2025 · Wenzhou East New Area" in en and "in Wenzhou East New Area" in en
    assert "whole city (January–June)" in en and "温州东部新区" not in en.split("<h2")[2]
    zh = (site / "zh/indicators/gdp.html").read_text(encoding="utf-8")
    assert "2025 · 温州东部新区" in zh
    # a change target: its actual is the change since 2020, and the chart draws that figure
    en = (site / "en/indicators/rural_disposable_income_per_capita.html").read_text("utf-8")
    assert "6,054 (2022)" in en and "a change since a base year" in en
    assert "are the figure it compares: a change since a base year" in en
    zh = (site / "zh/indicators/rural_disposable_income_per_capita.html").read_text("utf-8")
    assert "较基年的变化" in zh


def test_a_chapter_page_holds_its_paragraphs_in_the_language(site):
    en = (site / "en/chapters/1.html").read_text(encoding="utf-8")
    assert 'id="task-1.4.7"' in en and "life expectancy" in en
    assert "<mark>城乡居民收入比缩小到1.9左右</mark>" in en  # the Chinese, its quotes marked
    zh = (site / "zh/chapters/1.html").read_text(encoding="utf-8")
    assert "<mark>城乡居民收入比缩小到1.9左右</mark>" in zh and "life expectancy" not in zh


def test_the_downloads_are_what_the_commands_print(site, run):
    for args, name in (
        (("targets", "--format", "json"), "targets.json"),
        (("score", "--year", "2025", "--format", "csv"), "scorecard.csv"),
        (("chapters", "--format", "csv"), "chapters.csv"),
        (("show", "gdp", "--format", "csv"), "indicators/gdp.csv"),
        (("show", "pm25", "--format", "json"), "indicators/pm25.json"),
    ):
        r = run(*args)
        assert r.exit_code == 0
        assert (site / "downloads" / name).read_bytes() == r.stdout_bytes, name
    tasks = json.loads((site / "downloads/tasks.json").read_text(encoding="utf-8"))
    assert len(tasks) == 246 and tasks[0]["paragraph_en"]


def test_the_chinese_pages_have_no_english_of_plancli(site, pages, plan):
    data = data_strings()
    outline = plan.outline.text  # the plan's own words (RCEP, 5G …) are not plancli's
    allowed = re.compile(r"\b(?:CSV|JSON|SQLite|docs/\w+\.md|\w+\.(?:csv|json|sqlite)|English)\b")
    shown = {
        piece
        for path, page in pages.items()
        if "/zh/" in path.as_posix()
        for piece in page.text
        if piece not in outline
    }
    text = "\n".join(sorted(shown))
    for s in data:  # the data's texts as a whole, before the scan cuts any
        text = text.replace(s, " ")
    assert english_words(allowed.sub(" ", text), data) == []


def test_another_plan_gets_its_own_names_escaped(tmp_path):
    data = small_plan.make(tmp_path / "data")
    site = build(tmp_path / "site", "--data", str(data))
    en = (site / "en/index.html").read_text(encoding="utf-8")
    assert "<title>Overview · Small &lt;Town&gt; Plan</title>" in en
    assert "Small &lt;Town&gt; Development Plan &amp; Vision" in en
    assert "<Town>" not in en and "Wenzhou" not in en and "温州" not in en
    chapter = (site / "en/chapters/2.html").read_text(encoding="utf-8")
    assert "Chapter 2  A &lt;green&gt; home" in chapter
    assert "This paragraph has no English translation yet." in chapter
    assert "the tests&#39; own English" in chapter
    page = (site / "zh/indicators/town_gdp.html").read_text(encoding="utf-8")
    assert "小城统计公报 &lt;2022&gt;" in page and "二手来源" in page
    assert (site / "charts/town_gdp.svg").is_file()
    pages = {p.resolve(): read(p) for p in site.rglob("*.html")}
    assert all(not broken_links(site, p, page, pages) for p, page in pages.items())


def test_a_folder_that_is_not_a_site_is_kept(run, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    r = run("--lang", "en", "site", str(folder))
    assert r.exit_code == 2 and "not a site plancli built" in r.stderr and "--force" in r.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_site_is_built_again_over_itself(site, run):
    before = (site / "en/index.html").read_bytes()
    r = run("--lang", "en", "site", str(site))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("wrote the site: 497 pages in zh, en, ")
    assert (site / "en/index.html").read_bytes() == before  # the same plan, the same bytes


def test_a_target_id_breaks_only_between_its_words(site):
    # A narrow column may break an id after an underscore or before its @ (<wbr>), never inside
    # a word, and <wbr> adds no character: the id copied from the page is whole.
    page = (site / "en/chapters/13.html").read_text(encoding="utf-8")
    assert "surface_<wbr>water_<wbr>good_<wbr>share<wbr>@2025</a>" in page
    css = (site / "assets/site.css").read_text(encoding="utf-8")
    assert "anywhere" not in css
