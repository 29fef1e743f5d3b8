"""How a target is put into words in a table (plancli.report.pages.places), in both languages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from plancli.report.pages.places import target_value
from plancli.report.words import say_value


def _target(**kw) -> SimpleNamespace:
    fields = {"value": None, "relative_base_year": 2020, "relative_factor": None}
    fields |= {"relative_percent": None, "relative_amount": None, "unit": "亿元"}
    return SimpleNamespace(**(fields | kw))


def test_plain_value():
    t = _target(value=10000.0, relative_base_year=None)
    assert target_value(t, "zh") == "10,000亿元"
    assert target_value(t, "en") == "1 trillion yuan"


def test_relative_factor():
    t = _target(relative_factor=2.0, value=13742.0)
    assert target_value(t, "zh") == "2020年的2倍 ≈ 13,742亿元"
    assert target_value(t, "en") == "2× the 2020 value ≈ 1.3742 trillion yuan"


def test_relative_percent_without_a_base():
    assert target_value(_target(relative_percent=15.0), "zh") == "比2020年+15%"
    assert target_value(_target(relative_percent=-3.5), "en") == "-3.5% on the 2020 value"


@pytest.mark.parametrize(
    "value, unit, zh, en",
    [
        (6871.0, "亿元", "6,871亿元", "687.1 billion yuan"),
        (45.0, "万人", "45万人", "450,000 people"),
        (1000.0, "万人", "1,000万人", "10 million people"),
        (985.2, "万人", "985.2万人", "9.852 million people"),
        (1.5, "万元", "1.5万元", "15,000 yuan"),
        (100.0, "万千瓦", "100万千瓦", "1 million kW"),
        (30.0, "强", "30强", "top 30"),
        (27.0, "微克/立方米", "27微克/立方米", "27 µg/m³"),
        (56.4, "%", "56.4%", "56.4%"),
        (1.96, "", "1.96", "1.96"),
        (82.0, "岁", "82岁", "82 years"),
        (None, "亿元", "—", "—"),
    ],
)
def test_say_value(value, unit, zh, en):
    assert say_value(value, unit, "zh") == zh
    assert say_value(value, unit, "en") == en
