"""A small plan of another city, made for the tests of what publishes a plan: its names hold
characters HTML must escape, so that the site shows that nothing comes from code and that every
value is escaped."""

from __future__ import annotations

from pathlib import Path

PLAN = """\
id: small-town
name: {zh: 小城<镇>发展规划 & 远景, en: "Small <Town> Development Plan & Vision"}
short_name: {zh: 小城<规划>, en: "Small <Town> Plan"}
issuer: {zh: 小城人民政府, en: Small Town Government}
base_year: 2020
period: {start: 2021, end: 2025}
horizon_years: [2025, 2035]
translation:
  en: {official: false, complete: false, note: "the tests' own English"}
"""
OUTLINE = """\
第一章 发展目标

第一节 经济目标

经济稳步增长。到2025年,全镇生产总值达到200亿元,2020年为150亿元。

数字经济加快发展,数字经济核心产业增加值占比达到12%。

第二章 <绿色>家园

第一节 生态环境

空气质量持续改善。
"""
CHAPTERS = """\
chapters:
- id: '1'
  title: {zh: 发展目标, en: Goals}
  quote: 第一章 发展目标
  sections:
  - id: '1.1'
    title: {zh: 经济目标, en: The economy}
    quote: 第一节 经济目标
    tasks:
    - id: 1.1.1
      title: {zh: 经济稳步增长, en: "Steady <growth>"}
      quote: 经济稳步增长
    - id: 1.1.2
      title: {zh: 数字经济加快发展, en: The digital economy}
      quote: 数字经济加快发展
- id: '2'
  title: {zh: <绿色>家园, en: "A <green> home"}
  quote: 第二章 <绿色>家园
  sections:
  - id: '2.1'
    title: {zh: 生态环境, en: Environment}
    quote: 第一节 生态环境
    tasks:
    - id: 2.1.1
      title: {zh: 空气质量持续改善, en: Cleaner air}
      quote: 空气质量持续改善
"""
TARGETS = """\
indicators:
- id: town_gdp
  name: {zh: 全镇生产总值, en: "Town <GDP>"}
  unit: 亿元
  baselines:
  - {year: 2020, value: 150, text: 150亿元, task: 1.1.1, quote: 2020年为150亿元}
  targets:
  - id: town_gdp@2025
    year: 2025
    value: 200
    text: 200亿元
    comparator: at_least
    kind: level
    task: 1.1.1
    quotes: [全镇生产总值达到200亿元]
- id: digital_share
  name: {zh: 数字经济核心产业增加值占比, en: Digital core industries' share}
  unit: '%'
  targets:
  - id: digital_share@2025
    year: 2025
    value: 12
    text: 12%
    comparator: at_least
    kind: share
    task: 1.1.2
    quotes: [数字经济核心产业增加值占比达到12%]
"""
ACTUALS = """\
actuals:
- indicator: town_gdp
  year: 2022
  value: 160
  unit: 亿元
  source: {title: 小城统计公报 <2022>, url: 'https://example.org/2022', quote: 生产总值160亿元,
    primary: true}
- indicator: town_gdp
  year: 2023
  value: 170
  unit: 亿元
  source: {title: A newspaper, url: 'https://example.org/news', quote: 生产总值约170亿元}
"""
ENGLISH = """\
paragraphs:
- id: 1.1.1
  en: "The economy grows steadily. By 2025 the town's GDP reaches 20 billion yuan <up from 15
    billion yuan in 2020>."
"""


def make(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("plan.yaml", PLAN),
        ("outline.txt", OUTLINE),
        ("chapters.yaml", CHAPTERS),
        ("targets.yaml", TARGETS),
        ("actuals.yaml", ACTUALS),
        ("outline.en.yaml", ENGLISH),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    return folder
