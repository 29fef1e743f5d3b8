"""The static site of a plan (`plancli site DIR`): an overview, a page per chapter and per
indicator, in Chinese and in English, with charts and downloads, built from the records every
other format prints (results.publication) by Jinja2 templates (templates/, autoescaped), and
written by the safe writer as a site plancli owns (safewrite.write_site). docs/publishing.md
describes it; the browser tests (tests/test_site_browser.py) open it in Chromium.
"""
