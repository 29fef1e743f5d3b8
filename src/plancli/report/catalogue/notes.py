"""Notes on figures: why a figure is missing or how it was found. JSON carries each as its code
and parameters with both texts (docs/output.md lists them); tables print the text under the
table. `code: (English, Chinese)`.
"""

NOTES: dict[str, tuple[str, str]] = {
    "no_actual": ("no actual value is known", "没有实际值"),
    "scope_mismatch": (
        "the given actual is for {given_en}; this target is for {target_en}",
        "给出的实际值范围为{given_zh}，本目标范围为{target_zh}",
    ),
    "relative_base_unknown": (
        "the target is relative to the {base_year} value, which is not known "
        "(no stated baseline and no actual for that year)",
        "目标以{base_year}年值为基数，但该年值未知（规划未给出，也无该年实际值）",
    ),
    "no_baseline": (
        "no baseline: the plan states no {base_year} value and no actual for it is known",
        "无基期值：规划未给出{base_year}年值，也无该年实际值",
    ),
    "baseline_slipped": (
        "the baseline ({baseline} in {baseline_year}) already met the target; "
        "the value has since slipped back",
        "基期（{baseline_year}年{baseline}）已达标，此后回落",
    ),
    "no_time_elapsed": (
        "no time elapsed: the actual is for the base year {base_year}, so none of the path "
        "is due yet",
        "尚无时间进展：实际值为基期{base_year}年，路径尚未开始",
    ),
    "no_time_elapsed_below": (
        "no time elapsed: the actual is for the base year {base_year}, so none of the path "
        "is due yet; the value is below the baseline",
        "尚无时间进展：实际值为基期{base_year}年；数值低于基期值",
    ),
    "deadline_achieved": ("deadline {deadline} reached: achieved", "已到期限{deadline}年：已实现"),
    "deadline_missed": ("deadline {deadline} reached: missed", "已到期限{deadline}年：未实现"),
    "data_pending": (
        "the {deadline} figure is not in yet: judged on the latest, for {actual_year}",
        "{deadline}年数据尚未发布：按最新的{actual_year}年数据判断",
    ),
    "deadline_passed": (
        "the deadline {deadline} has passed, but the latest actual is for {actual_year}",
        "期限{deadline}年已过，但最新实际值为{actual_year}年",
    ),
    "actual_after_deadline": (
        "the actual is for {actual_year}, after the deadline {deadline}",
        "实际值为{actual_year}年，晚于期限{deadline}年",
    ),
    "already_met": ("already met: nothing more is needed", "已达标，无需再增长"),
    "hold_until": ("met: the value is to be held until {year}", "已达标，须保持到{year}年"),
    "no_years_left": ("no years left", "没有剩余年份"),
    "need_is_remainder": (
        "a total or a change over the period: the need is what remains, per remaining year",
        "期间累计或变化量目标：所需为剩余量按剩余年份平均",
    ),
    "moves_in_points_pct": (
        "no compound rate: a percentage moves in points per year",
        "百分比按百分点变化，不计复合增速",
    ),
    "moves_in_points": (
        "no compound rate: it moves by points per year",
        "按绝对量变化，不计复合增速",
    ),
    "zero_no_rate": ("a zero actual has no compound rate", "实际值为零，无复合增速"),
    "negative_no_rate": (
        "a value at or below zero has no compound rate",
        "数值不大于零，无复合增速",
    ),
    "need_is_rate": ("a growth-rate target: the need is a rate", "增速目标：所需为增速"),
    "rate_base_year": (
        "no time elapsed: the actual is for the base year {base_year}, before the period",
        "尚无时间进展：实际值为基期{base_year}年，在规划期之前",
    ),
    "average_rate": (
        "the gap is measured from the average annual rate {rate:.4g}% over {years} known years "
        "up to {up_to}",
        "差距按截至{up_to}年已知{years}年的年均增速{rate:.4g}%计算",
    ),
    "rates_unknown": ("rates unknown for {years}", "{years}年增速未知"),
    "every_year_hold": (
        "a floor or ceiling for each year: nothing is to grow, the value is to hold",
        "逐年底线或上限：无需增长，须逐年保持",
    ),
    "not_held_in": ("not held in {years}", "{years}年未达到"),
    "held_so_far": (
        "held so far; it must hold in each year until {year}",
        "至今保持，须逐年保持到{year}年",
    ),
    "target_zero": ("the target is zero: no percentage of it", "目标为零，无百分比"),
    "within_tolerance": (
        "within {tolerance_pct:g}% of the target value (around); the gap is measured to the "
        "value itself",
        "在目标值{tolerance_pct:g}%范围内（左右）；差距仍按目标值计",
    ),
    "path_rate": (
        "an average annual rate: {rate}% in each year of the period",
        "年均增速目标：规划期内每年{rate}%",
    ),
    "path_every_year": ("a floor or ceiling held in each year", "逐年保持的底线或上限"),
    "path_baseline_met": (
        "the baseline ({baseline} in {baseline_year}) already meets the target: "
        "the path is the level to hold",
        "基期（{baseline_year}年{baseline}）已达标：路径为须保持的水平",
    ),
    # What a target compares, found from its indicator's actuals (maths/observe.py).
    "sum_of_years": (
        "the actual is the sum of the yearly figures {first}–{last} ({years} "
        "{years:year|years} known)",
        "实际值为{first}–{last}年逐年数值之和（已知{years}年）",
    ),
    "sum_years_missing": (
        "no figure for {years}: the known years alone already reach the target",
        "{years}年无数值：仅已知各年之和即已达到目标",
    ),
    "sum_incomplete": (
        "the total so far is not known until {years} {n:is|are} given (the known years do not "
        "yet reach the target)",
        "须补齐{years}年数值方能得出累计数（已知各年之和尚未达到目标）",
    ),
    "sum_before_period": (
        "the actual is for {year}, before the plan's years from {first} that the total counts",
        "实际值为{year}年，早于累计起始年{first}年",
    ),
    "no_actual_in_years": (
        "no actual for any year {first}–{last}",
        "{first}–{last}年均无实际值",
    ),
    "change_since": (
        "the actual is the change since {year} (from {base})",
        "实际值为较{year}年（{base}）的变化",
    ),
    "change_base_unknown": (
        "the target is a change since {year}: it needs the {year} value of {name_en} "
        "({indicator}) for {scope_en}, which is not known (give it with --actuals)",
        "目标为较{year}年的变化：须有{scope_zh}{year}年的{name_zh}（{indicator}），"
        "目前未知（可用 --actuals 给出）",
    ),
    "total_base_unknown": (
        "the total over the plan's years is the running total less its value at the end of "
        "{year}: it needs the {year} value of {name_en} ({indicator}) for {scope_en}, which is not "
        "known (give it with --actuals)",
        "期间累计为截至年末累计数减去{year}年末数：须有{scope_zh}{year}年的{name_zh}"
        "（{indicator}），目前未知（可用 --actuals 给出）",
    ),
    "previous_total_unknown": (
        "one year's figure of a running total is its rise over the year before: the total for "
        "{year} is not known",
        "累计数的单一年度数为较上年末的增加量：{year}年末累计数未知",
    ),
    "average_of_years": (
        "the actual is the average {mean:.4g} of {years} known {years:year|years} up to {up_to}",
        "实际值为截至{up_to}年已知{years}年的平均数{mean:.4g}",
    ),
    "average_years_missing": ("no figure for {years}", "{years}年无数值"),
    "average_base_year": (
        "no time elapsed: the actual is for the base year {base_year}, before the period",
        "尚无时间进展：实际值为基期{base_year}年，在规划期之前",
    ),
    # What a given --actual was taken as (results/judgement.py).
    "given_as": (
        "--actual is taken as {series} for {year}; this target compares {compares}",
        "--actual 按{year}年的{series}计；本目标比较{compares}",
    ),
    "actual_scope_shared": (
        "--actual is taken to be for {scope_en}, the area of the targets (another: --scope)",
        "--actual 按目标的范围“{scope_zh}”计（其他范围用 --scope）",
    ),
    "actual_scope_whole_city": (
        "--actual is taken to be for {scope_en}: the targets are for different areas (another: "
        "--scope)",
        "目标范围不一，--actual 按“{scope_zh}”计（其他范围用 --scope）",
    ),
}
