"""Bandwidth as the outline writes it (城域出口带宽达到24T)."""

import pytest

from plancli.model.units import UnitError, convert, parse_unit, to_unit


def test_terabits_written_as_t():
    assert to_unit("24T", "Tbps") == 24


def test_gigabits_convert_to_terabits():
    assert convert(500, "Gbps", "Tbps") == pytest.approx(0.5)


def test_bandwidth_does_not_convert_to_other_families():
    assert parse_unit("T").family == "Tbps"
    with pytest.raises(UnitError):
        convert(1, "Tbps", "吨")


def test_egress_bandwidth_target_reads_its_text(plan):
    indicator, target = plan.target_by_id["metro_egress_bandwidth@2025"]
    assert to_unit(target.text, indicator.unit) == target.value
