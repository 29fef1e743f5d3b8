import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancli.model.units import (
    UnitError,
    convert,
    parse_cn_number,
    parse_quantity,
    parse_unit,
    to_unit,
)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("8000", "亿元", 8000),
        ("8000亿", "亿元", 8000),
        ("8000亿元", "亿元", 8000),
        ("0.8万亿", "亿元", 8000),
        ("1万亿元", "亿元", 10000),
        ("1.7万亿元", "亿元", 17000),
        ("10万元", "元", 100000),
        ("千亿", "亿元", 1000),
        ("一百三十亿元", "亿元", 130),
        ("80%", "%", 80),
        ("３．０％", "%", 3.0),
        ("200万标箱", "万标箱", 200),
        ("1,253.26万人次", "万人次", 1253.26),
        ("-2.7%", "%", -2.7),
    ],
)
def test_to_unit_reads_the_plans_unit_words(text, unit, expected):
    assert to_unit(text, unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "unit"), [("80%", "亿元"), ("8000万人", "亿元"), ("27微克/立方米", "%")]
)
def test_to_unit_refuses_another_family(text, unit):
    with pytest.raises(UnitError, match="does not convert"):
        to_unit(text, unit)


@pytest.mark.parametrize("text", ["abc", "", "元", "8000 bananas", "nan", "inf"])
def test_unreadable_quantities(text):
    with pytest.raises(UnitError):
        to_unit(text, "亿元")


def test_units_and_families():
    assert parse_unit("亿元").factor == 1e8
    assert parse_unit("万亿元").base == "元"
    assert parse_unit("微克/立方米").family == "微克/立方米"
    assert parse_unit("个百分点").family == "%"
    assert convert(1, "万亿元", "亿元") == 10000
    with pytest.raises(UnitError, match="unknown unit"):
        parse_unit("furlongs")
    with pytest.raises(UnitError, match="different kinds"):
        convert(1, "公里", "亿元")


@pytest.mark.parametrize(
    ("cn", "value"), [("一百三十", 130), ("千", 1000), ("十二", 12), ("两千", 2000), ("九", 9)]
)
def test_chinese_numerals(cn, value):
    assert parse_cn_number(cn) == value


def test_bare_number_has_no_unit():
    assert parse_quantity("12.5").unit is None


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_round_trip_between_units(x):
    assert math.isclose(
        convert(convert(x, "亿元", "元"), "元", "亿元"), x, rel_tol=1e-12, abs_tol=1e-9
    )
