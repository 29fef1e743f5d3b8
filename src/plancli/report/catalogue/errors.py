"""Errors: what went wrong and what was expected, in one line on stderr (`plancli: error: …`),
and the lines `check` ends with. `code: (English, Chinese)`.
"""

ERRORS: dict[str, tuple[str, str]] = {
    "error_prefix": ("plancli: error: {message}", "plancli：错误：{message}"),
    # Said on stderr, not an error: a fill-in sheet's rows not yet filled (cli/settings.py).
    "actuals_skipped": (
        "plancli: {file}: {n} {n:row|rows} with no value yet skipped",
        "plancli：{file}：{n}行尚未填写数值，已跳过",
    ),
    "see_help": ("{message} (see '{command} --help')", "{message}（参见“{command} --help”）"),
    # The data
    "data_dir_not_found": (
        "data directory not found: {path} (expected a folder with plan.yaml)",
        "找不到数据目录：{path}（应为含 plan.yaml 的文件夹）",
    ),
    "data_dir_is_file": (
        "--data {path} is a file; --data names the plan's folder, the one with plan.yaml "
        "(for your own actual values, use --actuals FILE)",
        "--data {path} 是文件；--data 应指向规划所在的文件夹（含 plan.yaml）"
        "（自己的实际值请用 --actuals FILE）",
    ),
    "actuals_not_found": (
        "--actuals file not found: {path} (expected a .yaml or .csv file)",
        "找不到 --actuals 文件：{path}（应为 .yaml 或 .csv 文件）",
    ),
    "data_error": ("{problem}{more}", "{problem}{more}"),
    "data_error_more": (
        " (and {more} more {more:problem|problems}: `{command}` lists them all)",
        "（另有 {more} 个问题：运行 `{command}` 可列出全部）",
    ),
    # One problem as the text format prints it; `[error]` and the rule are for tools to read.
    "problem_line": (
        "{file}:{line}:{column}: [error] {id}{message} ({rule})",
        "{file}:{line}:{column}: [error] {id}{message} ({rule})",
    ),
    "warning_line": (
        "{file}:{line}:{column}: [warning] {id}{message} ({rule})",
        "{file}:{line}:{column}: [warning] {id}{message} ({rule})",
    ),
    "problem_id": ("{id}: ", "{id}："),
    "today_not_a_date": (
        "{variable}={value} is not a date (expected YYYY-MM-DD)",
        "{variable}={value} 不是日期（应为 YYYY-MM-DD）",
    ),
    # What a user typed
    "unknown_indicator": (
        "unknown indicator or target '{query}'{hint}",
        "未知的指标或目标“{query}”{hint}",
    ),
    "ambiguous_indicator": (
        "'{query}' is in the names of {n} indicators: {choices}; give one of their ids",
        "“{query}”出现在 {n} 个指标的名称中：{choices}；请给出其中一个的编号",
    ),
    "missing_and_primary": (
        "--missing lists what no source gives yet: it takes no --primary",
        "--missing 列出尚无来源的数值，不能与 --primary 同用",
    ),
    "unknown_scope": (
        "unknown area '{scope}' for --scope{hint}",
        "--scope 的范围“{scope}”未知{hint}",
    ),
    "scopes_known": ("; the plan's areas: {scopes}", "；规划中的范围：{scopes}"),
    "did_you_mean": ("; did you mean: {choices}?", "；是否想输入：{choices}？"),
    "no_chapter": (
        "no chapter '{chapter}': chapters are numbered 1–{count}",
        "没有第“{chapter}”章：各章编号为 1–{count}",
    ),
    "no_section": (
        "no section '{section}' (sections are written like 2.1){hint}",
        "没有“{section}”节（节的写法如 2.1）{hint}",
    ),
    "no_task": (
        "no task '{task}' (tasks are written like 2.1.3){hint}",
        "没有“{task}”任务（任务的写法如 2.1.3）{hint}",
    ),
    "section_not_in_chapter": (
        "section {section} is not in chapter {chapter}",
        "第 {section} 节不在第 {chapter} 章中",
    ),
    "target_year_not_in_plan": (
        "--target-year {year} is not a target year of this plan (use {years})",
        "--target-year {year} 不是本规划的目标年份（请用 {years}）",
    ),
    "year_not_a_year": (
        "--year '{text}' is not a year (expected one such as 2023, within {first}–{last})",
        "--year “{text}”不是年份（应为 {first}–{last} 之间的年份，如 2023）",
    ),
    "year_out_of_range": (
        "--year {year} is outside the plan's years {first}–{last}",
        "--year {year} 不在规划的年份 {first}–{last} 之内",
    ),
    "actual_unit": (
        "--actual '{text}' for {indicator}: a value in {given} does not convert to the "
        "indicator's unit, {unit}",
        "{indicator} 的 --actual “{text}”：以 {given} 计的值无法换算为该指标的单位 {unit}",
    ),
    "plain_numbers": ("plain numbers (no unit)", "纯数字（无单位）"),
    "actual_unreadable": (
        "--actual '{text}' for {indicator}: {reason}",
        "{indicator} 的 --actual “{text}”：{reason}",
    ),
    "actual_implausible": (
        "--actual '{text}' for {indicator}: {reason}",
        "{indicator} 的 --actual “{text}”：{reason}",
    ),
    "unit_family": (
        "cannot convert {unit} to {to}: different kinds of unit",
        "无法将 {unit} 换算为 {to}：单位种类不同",
    ),
    "quantity_unit_family": (
        "'{text}' is in {given}, which does not convert to {unit}",
        "“{text}”以 {given} 计，无法换算为 {unit}",
    ),
    "not_a_number": ("cannot read '{text}' as a number", "无法把“{text}”读作数字"),
    "not_finite": ("'{text}' is not a finite number", "“{text}”不是有限的数"),
    "rate_below_minus_100": (
        "a growth rate of {value:g}% is below -100%",
        "增速 {value:g}% 低于 -100%",
    ),
    "negative_value": (
        "{value:g} {unit} is negative, which is meaningless for {name_en} ({indicator})",
        "{value:g} {unit} 为负数，对{name_zh}（{indicator}）没有意义",
    ),
    "not_finite_value": ("{value} is not a finite number", "{value} 不是有限的数"),
    "beyond_limit": (
        "{value:g} is beyond plancli's limit of ±{limit:g}",
        "{value:g} 超出 plancli 的上限 ±{limit:g}",
    ),
    "too_close_to_zero": (
        "{value:g} is closer to 0 than plancli's limit of {limit:g} (write 0 for zero)",
        "{value:g} 比 plancli 的下限 {limit:g} 更接近 0（零请写 0）",
    ),
    "outside_range": (
        "{value:g} {unit} is outside the plausible range of {name_en} ({indicator}): {range} (its "
        "`range:` in targets.yaml)",
        "{value:g} {unit} 不在{name_zh}（{indicator}）的合理范围内：{range}"
        "（见 targets.yaml 中它的 `range:`）",
    ),
    "range_at_most": ("at most {high:g}", "不高于 {high:g}"),
    "range_at_least": ("at least {low:g}", "不低于 {low:g}"),
    "range_between": ("{low:g} to {high:g}", "{low:g} 至 {high:g}"),
    "rank_not_whole": ("a rank of {value:g} is not a whole number", "位次 {value:g} 不是整数"),
    "share_above_100": ("a share of {value:g}% is above 100%", "比重 {value:g}% 超过 100%"),
    "rank_below_1": ("a rank of {value:g} is below 1", "位次 {value:g} 小于 1"),
    "search_empty": (
        "search text is empty: give a word to look for, e.g. plancli search 研发",
        "搜索内容为空：请给出要查找的词，如 plancli search 研发",
    ),
    "schema_name_and_write": (
        "give a schema name or --write DIR, not both",
        "请给出 schema 名称或 --write DIR，不要同时给出",
    ),
    "unknown_schema": (
        "no schema '{name}' (the schemas are {names})",
        "没有名为“{name}”的 schema（可用的有 {names}）",
    ),
    # The command line, as Click reports it
    "no_such_command": ("No such command '{name}'.", "没有“{name}”这个命令。"),
    "no_such_option": ("No such option: {option}{hint}", "没有这个选项：{option}{hint}"),
    "possible_options": (" (Possible options: {options})", "（可能的选项：{options}）"),
    "missing_argument": ("Missing argument {name}.", "缺少参数 {name}。"),
    "missing_option": ("Missing option {name}.", "缺少选项 {name}。"),
    "option_needs_value": (
        "Option '{option}' requires an argument.",
        "选项“{option}”需要一个值。",
    ),
    "option_takes_no_value": (
        "Option '{option}' does not take a value.",
        "选项“{option}”不接受值。",
    ),
    "not_a_choice": (
        "Invalid value for {param}: '{value}' is not one of {choices}.",
        "{param} 的值无效：“{value}”不是 {choices} 之一。",
    ),
    "not_a_whole_number": (
        "Invalid value for {param}: not a whole number.",
        "{param} 的值无效：应为整数。",
    ),
    "not_a_number_given": (
        "Invalid value for {param}: not a number.",
        "{param} 的值无效：应为数字。",
    ),
    "below_least": (
        "Invalid value for {param}: it must be {least} or more.",
        "{param} 的值无效：应不小于 {least}。",
    ),
    "bad_value": ("Invalid value for {param}: {detail}", "{param} 的值无效：{detail}"),
    "extra_arguments": (
        "Got unexpected extra {count:argument|arguments} ({args})",
        "多余的参数（{args}）",
    ),
    "usage_other": ("{detail}", "{detail}"),
    # Numbers and files
    "not_finite_figure": (
        "a figure would not be a finite number ({detail})",
        "某个数值不是有限的数（{detail}）",
    ),
    "figure_overflow": (
        "{where} would be {value}: the values given are too far apart to compute it "
        "(see docs/limits.md)",
        "{where} 会是 {value}：给出的数值相差太大，无法计算（见 docs/limits.md）",
    ),
    "not_ours": (
        "{path} exists and plancli did not write it; give --force to replace it, or choose "
        "another place",
        "{path} 已存在且不是 plancli 写的；要替换它请加 --force，或换个位置",
    ),
    "cannot_make_folder": (
        "cannot create the folder {path}: {reason}",
        "无法创建文件夹 {path}：{reason}",
    ),
    "cannot_write_file": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "cannot_write_output": ("cannot write output: {reason}", "无法写出输出：{reason}"),
    "argument_too_long": (
        "argument {n} is {length:,} characters long; the limit is {limit:,} (docs/limits.md)",
        "第 {n} 个参数有 {length:,} 个字符；上限为 {limit:,}（见 docs/limits.md）",
    ),
    "query_too_long": (
        "search text is {length:,} characters long; the limit is {limit:,} (docs/limits.md)",
        "搜索内容有 {length:,} 个字符；上限为 {limit:,}（见 docs/limits.md）",
    ),
    # check's last line
    "check_ok": (
        "ok: {chapters} chapters, {sections} sections, {tasks} tasks, {indicators} indicators, "
        "{targets} targets, {baselines} baselines, {actuals} actuals",
        "通过：{chapters} 章、{sections} 节、{tasks} 项任务、{indicators} 个指标、"
        "{targets} 个目标、{baselines} 个基期值、{actuals} 个实际值",
    ),
    "check_failed": (
        "{problems} {problems:problem|problems} in {files} {files:file|files}; read {chapters} "
        "chapters, {sections} sections, {tasks} tasks, {indicators} indicators, {targets} "
        "targets, {baselines} baselines, {actuals} actuals",
        "{files} 个文件中有 {problems} 个问题；已读取 {chapters} 章、{sections} 节、"
        "{tasks} 项任务、{indicators} 个指标、{targets} 个目标、{baselines} 个基期值、"
        "{actuals} 个实际值",
    ),
    "check_warnings": ("; {n} {n:warning|warnings}", "；{n} 个警告"),
    "schema_list_hint": (
        "Print one with `plancli schema NAME`; write all with --write DIR.",
        "用 `plancli schema NAME` 打印其中一个；用 --write DIR 写出全部。",
    ),
    "wrote": ("wrote {path}", "已写入 {path}"),
}
