"""How a target is put into words in a table (cli/views.py), in both languages."""

from __future__ import annotations

import pytest

from plancli.cli import state
from plancli.cli.views import say_value, target_value


@pytest.fixture
def lang():
    def _set(code: str) -> None:
        state.configure(data=None, lang=state.Lang(code), actuals=None)

    yield _set
    state.configure(data=None, lang=state.Lang.zh, actuals=None)


def _relative(**kw) -> dict:
    rec = {"value": None, "relative_base_year": 2020, "relative_factor": None}
    rec |= {"relative_percent": None, "resolved_value": None, "unit": "亿元"}
    return rec | kw


def test_plain_value(lang):
    lang("zh")
    assert target_value(None, {"value": 10000.0, "unit": "亿元"}) == "10,000"


def test_relative_factor(lang):
    rec = _relative(relative_factor=2.0, resolved_value=13742.0)
    lang("zh")
    assert target_value(None, rec) == "2020年的2倍 ≈ 13,742亿元"
    lang("en")
    assert target_value(None, rec) == "2× the 2020 value ≈ 13,742 × 100 million yuan"


def test_relative_percent_without_a_base(lang):
    lang("zh")
    assert target_value(None, _relative(relative_percent=15.0)) == "比2020年+15%"
    lang("en")
    assert target_value(None, _relative(relative_percent=-3.5)) == "-3.5% on the 2020 value"


@pytest.mark.parametrize(
    "value, unit, zh, en",
    [
        (6871.0, "亿元", "6,871亿元", "6,871 × 100 million yuan"),
        (56.4, "%", "56.4%", "56.4%"),
        (1.96, "", "1.96", "1.96"),
        (82.0, "岁", "82岁", "82 years"),
        (None, "亿元", "—", "—"),
    ],
)
def test_say_value(lang, value, unit, zh, en):
    lang("zh")
    assert say_value(value, unit) == zh
    lang("en")
    assert say_value(value, unit) == en
