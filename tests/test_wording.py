"""Words for units and flags in Chinese and English (plancli.report.wording)."""

from __future__ import annotations

import re

import pytest

from plancli.model.units import BASES
from plancli.report.wording import BASE_EN, target_flags, unit_word


@pytest.mark.parametrize(
    "unit, en",
    [
        ("亿元", "100 million yuan"),
        ("万亿元", "trillion yuan"),
        ("元", "yuan"),
        ("万人", "10,000 people"),
        ("%", "%"),
        ("", ""),
        ("公里", "km"),
        ("万标箱", "10,000 TEU"),
        ("微克/立方米", "µg/m³"),
        ("强", "top N"),
        ("万千瓦", "万千瓦"),  # a synonym is shown as written
    ],
)
def test_units_in_english(unit, en):
    assert unit_word(unit, "en") == en
    assert unit_word(unit, "zh") == unit


def test_every_base_unit_has_english():
    for base in BASES:
        word = unit_word(base, "en")
        assert not re.search(r"[\u4e00-\u9fff]", word), (base, word)
    assert BASE_EN["元"] == "yuan"


def test_unknown_unit_is_shown_as_written():
    assert unit_word("光年", "en") == "光年"


def test_flags_in_both_languages():
    rec = {
        "aspirational": True,
        "implied_by_name": True,
        "every_year": False,
        "maintain": False,
        "year_stated": False,
        "scope": "市区",
    }
    assert target_flags(rec, "zh") == ["力争", "名称隐含", "年份推定", "范围:市区"]
    assert target_flags(rec, "en") == [
        "aspirational",
        "implied by name",
        "year assumed",
        "scope: 市区",
    ]
    plain = dict.fromkeys(rec, False) | {"year_stated": True, "scope": "全市"}
    assert target_flags(plain, "en") == []


def test_a_value_in_words_and_its_qualifier_are_flagged():
    rec = {"value_in_words": True, "qualifier": "基本", "year_stated": True, "scope": "全市"}
    assert target_flags(rec, "zh") == ["文字表述", "基本"]
    assert target_flags(rec, "en") == ["stated in words", "basically"]
    assert target_flags(rec | {"qualifier": None}, "en") == ["stated in words"]
