"""`plancli chart`: what a chart draws (results.chart), the terminal's chart at 60, 80 and 120
columns, SVG and PNG files, and every way it can fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

import small_plan
from conftest import DATA
from plancli.loading.safewrite import MARK
from plancli.results.chart import chart_result


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return small_plan.make(tmp_path_factory.mktemp("small") / "data")


def test_a_chart_draws_the_baseline_actuals_paths_and_targets(plan):
    ind = plan.indicator_by_id["gdp"]
    chart = chart_result(plan, ind, list(ind.targets))
    assert [(b.year, b.value, b.origin) for b in chart.baselines] == [(2020, 6871.0, "stated")]
    # the actuals the trajectories judge by, each marked primary or secondary by its source
    by_year = {a.year: a for a in chart.actuals if a.scope == "全市"}
    assert by_year[2022].primary and not by_year[2021].primary
    assert {p.target_id for p in chart.paths} == {t.id for t in ind.targets}
    path = next(p for p in chart.paths if p.target_id == "gdp@2025")
    assert (path.points[0].year, path.points[0].value) == (2020, 6871.0)
    assert (path.points[-1].year, path.points[-1].value) == (2025, pytest.approx(10000.0))
    # a half year's GDP is not comparable with a year's: named, not drawn
    assert "全市(上半年)" in chart.other_scopes
    assert (chart.first_year, chart.last_year) == (2020, 2035)
    only_2025 = chart_result(plan, ind, list(ind.targets), 2025)
    assert only_2025.last_year == 2025 and {t.year for t in only_2025.targets} == {2025}


def test_an_indicator_with_nothing_but_a_target_has_nothing_to_draw(plan, run):
    ind = next(
        i
        for i in plan.indicators
        if i.targets and not i.baselines and not chart_result(plan, i, list(i.targets)).drawable
    )
    r = run("--lang", "en", "chart", ind.id)
    assert r.exit_code == 0
    assert "Nothing to draw" in r.stdout


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("indicator", ["gdp", "urbanization_rate", "pm25", "rd_intensity"])
def test_the_terminal_chart_fits_the_width(run, indicator, lang, width):
    r = run("--lang", lang, "chart", indicator, width=width)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines), [
        line for line in lines if cell_len(line) > width
    ]
    axis = next(line for line in lines if "└" in line)
    assert cell_len(axis) > width * 0.7  # and it uses the width it has
    assert "●" in r.stdout or "○" in r.stdout  # every one of these has an actual value
    assert "◆" in r.stdout


def test_the_terminal_chart_marks_secondary_sources_and_says_what_it_leaves_out(run):
    r = run("chart", "gdp", width=100)
    assert "○ 实际值（二手来源）" in r.stdout and "● 实际值" in r.stdout
    assert "未绘出：全市(上半年)的实际值" in r.stdout
    r = run("--lang", "en", "chart", "gdp", "--target-year", "2025", width=100)
    assert "2035" not in r.stdout.split("└")[1]  # the years end at 2025
    assert "gdp@2025 ≥10,000 (2025)" in r.stdout


def test_a_target_id_charts_that_target_alone(run):
    r = run("--lang", "en", "chart", "gdp@2035.double", width=100)
    assert r.exit_code == 0
    assert "gdp@2035.double" in r.stdout and "gdp@2025 " not in r.stdout


def test_svg_keeps_its_text_as_text_in_the_language_asked(run, tmp_path):
    out = tmp_path / "gdp.svg"
    r = run("chart", "gdp", "--output", str(out))
    assert r.exit_code == 0, r.output
    assert " ".join(r.stdout.split()) == f"已写入 {out}"
    svg = out.read_text(encoding="utf-8")
    assert MARK in svg[:4096]
    assert re.search(r"<text[^>]*>地区生产总值 \(gdp\)</text>", svg)  # not paths of glyphs
    assert "实际值（二手来源）" in svg and "规划路径" in svg
    assert "svg.fonttype" not in svg and "<!-- 地" not in svg
    en = tmp_path / "gdp-en.svg"
    run("--lang", "en", "chart", "gdp", "-o", str(en))
    assert "actual (secondary source)" in en.read_text(encoding="utf-8")
    again = tmp_path / "again.svg"
    run("chart", "gdp", "--output", str(again))
    assert again.read_bytes() == out.read_bytes()  # no date: the same chart, the same bytes


def test_png_with_a_chinese_font(run, tmp_path):
    from plancli.report.charts import fonts

    if fonts.cjk_family(["地区生产总值"]) is None:
        pytest.skip("no font with Chinese characters on this machine (Debian: fonts-noto-cjk)")
    out = tmp_path / "gdp.png"
    r = run("chart", "gdp", "--output", str(out))
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and MARK.encode() in data[:4096]


def test_png_without_a_chinese_font_is_refused_not_drawn_as_boxes(run, tmp_path, monkeypatch):
    from plancli.report.charts import fonts

    monkeypatch.setattr(fonts, "cjk_family", lambda texts: None)
    out = tmp_path / "gdp.png"
    r = run("chart", "gdp", "--output", str(out))
    assert r.exit_code == 2 and not out.exists()
    assert "fonts-noto-cjk" in r.stderr and "SVG" in r.stderr
    # English words need no such font
    r = run("--lang", "en", "chart", "urbanization_rate", "--output", str(out))
    assert r.exit_code == 0 and out.exists()


def test_an_output_plancli_did_not_write_is_kept_unless_forced(run, tmp_path):
    out = tmp_path / "mine.svg"
    out.write_text("<svg>my drawing</svg>")
    r = run("--lang", "en", "chart", "gdp", "--output", str(out))
    assert r.exit_code == 2 and "--force" in r.stderr
    assert out.read_text() == "<svg>my drawing</svg>"
    assert run("chart", "gdp", "--output", str(out), "--force").exit_code == 0
    assert MARK in out.read_text(encoding="utf-8")
    assert run("chart", "gdp", "--output", str(out)).exit_code == 0  # now it is plancli's


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("gdp", "--output", "gdp.pdf"), "give a file ending in .svg, .png"),
        (("gpd",), "did you mean"),
        (("gdp", "--target-year", "2030"), "2030"),
    ],
)
def test_usage_errors(run, args, said):
    r = run("--lang", "en", "chart", *args)
    assert r.exit_code == 2 and said in r.stderr and "Traceback" not in r.output


def test_a_missing_matplotlib_names_the_extra(run, tmp_path, monkeypatch):
    from plancli.cli import publishing

    real = publishing.import_module

    def without_matplotlib(name: str):
        if name.split(".")[0] == "matplotlib":
            raise ImportError(name)
        return real(name)

    monkeypatch.setattr(publishing, "import_module", without_matplotlib)
    r = run("--lang", "en", "chart", "gdp", "--output", str(tmp_path / "x.svg"))
    assert r.exit_code == 2 and not (tmp_path / "x.svg").exists()
    assert "Matplotlib" in r.stderr and "pip install 'plancli[charts]'" in r.stderr
    assert run("--lang", "en", "chart", "gdp").exit_code == 0  # the terminal needs none
    r = run("--lang", "en", "site", str(tmp_path / "site"))
    assert r.exit_code == 2 and "pip install 'plancli[charts]'" in r.stderr


def test_another_plan_names_its_own_indicators(run, small, tmp_path):
    r = run("--data", str(small), "--lang", "en", "chart", "town_gdp", width=80)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Town <GDP> (town_gdp)")
    assert "■ baseline" in r.stdout and "○ actual (secondary source)" in r.stdout
    out = tmp_path / "town.svg"
    assert run("--data", str(small), "chart", "town_gdp", "-o", str(out)).exit_code == 0
    svg = out.read_text(encoding="utf-8")
    assert "全镇生产总值 (town_gdp)" in svg and "<GDP>" not in svg  # escaped in the SVG


# The jobs: 12, 11, 10 and 10.5 (万人) new urban jobs in 2021–2024, yearly flows.
JOBS = (
    "indicator,year,value,unit\n"
    "urban_new_jobs,2021,12,万人\nurban_new_jobs,2022,11,万人\n"
    "urban_new_jobs,2023,10,万人\nurban_new_jobs,2024,10.5,万人\n"
)


def test_a_change_target_is_drawn_against_the_change_not_the_level(plan, run):
    ind = plan.indicator_by_id["rural_disposable_income_per_capita"]
    chart = chart_result(plan, ind, list(ind.targets))
    # the target is +15,000 yuan over 2020: its actuals are each year's rise since 2020 (the
    # figure `trajectory` shows), not the levels of ~35,000 yuan, which would dwarf the path
    drawn = {a.year: a.value for a in chart.actuals}
    assert drawn == {2020: 0.0, 2021: 3416.0, 2022: 6054.0}
    assert {a.target_id for a in chart.actuals} == {"rural_disposable_income_per_capita@2025"}
    assert max(chart.values) < 16000
    said = " ".join(run("--lang", "en", "chart", ind.id, width=100).stdout.split())
    assert "are the figure it compares: a change since a base year" in said
    assert "较基年的变化" in run("chart", ind.id, width=100).stdout


def test_a_sum_target_is_drawn_against_its_total_so_far(run, tmp_path):
    from plancli.loading.loader import load_plan

    mine = tmp_path / "jobs.csv"
    mine.write_text(JOBS, encoding="utf-8")
    plan = load_plan(DATA, mine)
    ind = plan.indicator_by_id["urban_new_jobs"]
    chart = chart_result(plan, ind, list(ind.targets))
    total = {a.year: a.value for a in chart.actuals if a.target_id == "urban_new_jobs@2025"}
    assert total == {2021: 12.0, 2022: 23.0, 2023: 33.0, 2024: pytest.approx(43.5)}
    # the yearly floor compares each year's figure: the flows themselves, drawn once
    yearly = {a.year: a.value for a in chart.actuals if a.target_id is None}
    assert yearly == {2021: 12.0, 2022: 11.0, 2023: 10.0, 2024: 10.5}
    r = run("--actuals", str(mine), "--lang", "en", "chart", "urban_new_jobs", width=100)
    said = " ".join(r.stdout.split())
    assert "for urban_new_jobs@2025 are the figure it compares: a sum over years" in said


def test_areas_are_named_in_english_on_an_english_chart(run):
    said = " ".join(run("--lang", "en", "chart", "gdp", width=120).stdout.split())
    assert "gdp@2025.east_new_area ≥1,000 (2025) in Wenzhou East New Area" in said
    assert "actual values for whole city (January–June)" in said
    assert "温州东部新区" not in said and "上半年" not in said
    assert "（温州东部新区）" in run("chart", "gdp", width=120).stdout
