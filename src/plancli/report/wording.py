"""Words for showing plan data in Chinese or English: units, target flags, kinds of record.

The closed sets' own words (comparators, kinds, statuses) live in vocab.py; this module adds the
words a reader needs around them. Chinese is the data's own language, so zh shows it as stored.
"""

from __future__ import annotations

# English for the base words of units.py; a base not listed here is shown as written.
BASE_EN: dict[str, str] = {
    "元": "yuan",
    "美元": "US dollars",
    "%": "%",
    "个百分点": "percentage points",
    "人": "people",
    "人次": "person-times",
    "家": "entities",
    "个": "items",
    "项": "items",
    "所": "institutions",
    "座": "facilities",
    "条": "lines",
    "张": "beds",
    "套": "units",
    "户": "households",
    "处": "sites",
    "名": "people",
    "位": "place (rank)",
    "强": "top N",
    "岁": "years",
    "年": "years",
    "分钟": "minutes",
    "小时": "hours",
    "公里": "km",
    "米": "m",
    "平方公里": "km²",
    "平方米": "m²",
    "亩": "mu",
    "公顷": "ha",
    "吨": "tonnes",
    "立方米": "m³",
    "标箱": "TEU",
    "千瓦": "kW",
    "微克/立方米": "µg/m³",
    "辆": "vehicles",
    "艘": "ships",
    "台": "units",
    "件": "pieces",
    "次": "times",
    "倍": "times",
    "": "",
}

MAGNITUDE_EN: dict[str, str] = {
    "万亿": "trillion",
    "千亿": "100 billion",
    "百亿": "10 billion",
    "十亿": "billion",
    "亿": "100 million",
    "千万": "10 million",
    "百万": "million",
    "十万": "100,000",
    "万": "10,000",
}


def unit_word(unit: str, lang: str) -> str:
    """The unit for a reader: 亿元 → "100 million yuan" in English, as stored in Chinese."""
    if lang != "en":
        return unit
    from plancli.model.units import BASES, SYNONYMS, UnitError, parse_unit

    if unit in SYNONYMS:
        return unit
    try:
        parsed = parse_unit(unit)
    except UnitError:
        return unit
    # A base without a short English word here gets units.py's description of it.
    base = BASE_EN[parsed.base] if parsed.base in BASE_EN else BASES.get(parsed.base, parsed.base)
    magnitude = unit[: len(unit) - len(parsed.base)] if parsed.base else unit
    if parsed.factor == 1 or magnitude not in MAGNITUDE_EN:
        return base
    return f"{MAGNITUDE_EN[magnitude]} {base}".strip()


# Flags of a target (models.Target), in the order they are listed.
FLAG_WORDS: dict[str, dict[str, str]] = {
    "aspirational": {"zh": "力争", "en": "aspirational"},
    "implied_by_name": {"zh": "名称隐含", "en": "implied by name"},
    "value_in_words": {"zh": "文字表述", "en": "stated in words"},
    "every_year": {"zh": "每年", "en": "every year"},
    "maintain": {"zh": "保持", "en": "maintain"},
    "year_assumed": {"zh": "年份推定", "en": "year assumed"},
}
# Words that qualify a target (models.Target.qualifier), in English.
QUALIFIER_EN: dict[str, str] = {"基本": "basically"}

RECORD_WORDS: dict[str, dict[str, str]] = {
    "indicator": {"zh": "指标", "en": "indicator"},
    "chapter": {"zh": "章", "en": "chapter"},
    "section": {"zh": "节", "en": "section"},
    "task": {"zh": "任务", "en": "task"},
    "paragraph": {"zh": "正文", "en": "text"},
    "baseline": {"zh": "基期值", "en": "baseline"},
    "target": {"zh": "目标", "en": "target"},
    "actual": {"zh": "实际值", "en": "actual"},
}


def target_flags(record: dict, lang: str) -> list[str]:
    """The words for a target record's flags, its scope when not the whole city included."""
    from plancli.model.vocab import WHOLE_CITY

    words = [FLAG_WORDS[f][lang] for f in FLAG_WORDS if f != "year_assumed" and record.get(f)]
    if record.get("qualifier"):
        q = record["qualifier"]
        words.append(q if lang == "zh" else QUALIFIER_EN.get(q, q))
    if record.get("year_stated") is False:
        words.append(FLAG_WORDS["year_assumed"][lang])
    if record.get("scope") and record["scope"] != WHOLE_CITY:
        words.append(("范围:" if lang == "zh" else "scope: ") + record["scope"])
    return words
