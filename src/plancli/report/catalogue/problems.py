"""Problems in data files (`plancli check`): what is wrong and what is expected, `code:
(English, Chinese)`. A problem's rule (schema, quote-not-found …) is its code in every format;
these are the messages, worded as the problem's parameters say.
"""

PROBLEMS: dict[str, tuple[str, str]] = {
    # Reading a file
    "missing_file": ("{file} is missing", "缺少文件 {file}"),
    "empty_file": ("the file is empty", "文件为空"),
    "cannot_read": ("cannot read file: {reason}", "无法读取文件：{reason}"),
    "not_regular_file": (
        "not a regular file (a device, pipe or socket)",
        "不是普通文件（而是设备、管道或套接字）",
    ),
    "file_too_big": (
        "file is {size:,} bytes, over the limit of {limit:,} bytes",
        "文件有 {size:,} 字节，超过上限 {limit:,} 字节",
    ),
    "file_too_big_more": (
        "file is more than {size:,} bytes, over the limit of {limit:,} bytes",
        "文件超过 {size:,} 字节，超过上限 {limit:,} 字节",
    ),
    "utf8_bom": (
        "file starts with a UTF-8 byte-order mark; save it without",
        "文件以 UTF-8 字节顺序标记（BOM）开头；请保存为不带 BOM 的文件",
    ),
    "utf16": ("file is UTF-16; save it as UTF-8", "文件为 UTF-16 编码；请保存为 UTF-8"),
    "not_utf8": (
        "not UTF-8: byte {byte} cannot be decoded (save the file as UTF-8)",
        "不是 UTF-8：字节 {byte} 无法解码（请将文件保存为 UTF-8）",
    ),
    # YAML
    "yaml_syntax": ("YAML does not parse: {detail}", "YAML 无法解析：{detail}"),
    "second_document": (
        "YAML does not parse: a second document (plan data is one document a file)",
        "YAML 无法解析：出现第二个文档（每个规划数据文件只能有一个文档）",
    ),
    "yaml_tag": (
        "tags such as {tag} are not allowed in plan data (write plain values; quote text that "
        "looks like a number)",
        "规划数据中不允许使用 {tag} 之类的标签（请写普通值；像数字的文字请加引号）",
    ),
    "yaml_anchor": (
        "anchors and aliases are not allowed in plan data (write each value out)",
        "规划数据中不允许使用锚点和别名（请逐一写出每个值）",
    ),
    "too_many_values": (
        "more than {limit:,} YAML values; the limit is {limit:,} a file",
        "YAML 值超过 {limit:,} 个；每个文件上限为 {limit:,} 个",
    ),
    "too_deep": ("nested deeper than {limit} levels", "嵌套超过 {limit} 层"),
    "number_too_long": (
        "number with {digits:,} digits is too long",
        "数字有 {digits:,} 位，过长",
    ),
    "key_not_text": (
        "a mapping key must be a field name, not a list or mapping",
        "映射的键必须是字段名，不能是列表或映射",
    ),
    "duplicate_key": (
        "duplicate key '{key}' (first at line {first_line}); YAML would silently keep only the "
        "last one",
        "键“{key}”重复（首次出现在第{first_line}行）；YAML 会悄悄只保留最后一个",
    ),
    # CSV actuals
    "csv_syntax": ("CSV does not parse: {detail}", "CSV 无法解析：{detail}"),
    "csv_empty": ("the file is empty (no header row)", "文件为空（没有表头行）"),
    "csv_unknown_column": (
        "unknown column '{column}'; the columns are {columns}",
        "未知列“{column}”；可用的列为 {columns}",
    ),
    "csv_duplicate_column": (
        "column '{column}' appears more than once",
        "列“{column}”出现了不止一次",
    ),
    "csv_missing_columns": ("missing columns: {columns}", "缺少列：{columns}"),
    "csv_row_fields": (
        "row has {fields} fields; the header has {header}",
        "该行有 {fields} 个字段，而表头有 {header} 个",
    ),
    # Schema: what a field expects and what it got
    "at_field": ("{field}: {problem}", "{field}：{problem}"),
    "missing_field": ("missing field '{field}'", "缺少字段“{field}”"),
    "unknown_field": ("unknown field '{field}'{hint}", "未知字段“{field}”{hint}"),
    "merge_key": (
        "unknown field '<<' (YAML merge keys are not used in plan data)",
        "未知字段“<<”（规划数据不使用 YAML 合并键）",
    ),
    "did_you_mean_one": (" (did you mean '{choice}'?)", "（是否想写“{choice}”？）"),
    "file_not_mapping": (
        "the file must be a mapping of fields, not {got}",
        "文件必须是字段的映射，而不是{got}",
    ),
    "expected": ("expected {want}, got {got}{hint}", "应为{want}，实为{got}{hint}"),
    "want_whole_number": ("a whole number", "整数"),
    "want_number": ("a number", "数字"),
    "want_text": ("text", "文本"),
    "want_bool": ("true or false", "true 或 false"),
    "want_list": ("a list", "列表"),
    "want_mapping": ("a mapping of fields", "字段的映射"),
    "want_one_of": ("expected one of: {choices}; got {got}", "应为以下之一：{choices}；实为{got}"),
    "not_one_of": (
        "'{value}' is not one of: {choices}{hint}",
        "“{value}”不是以下之一：{choices}{hint}",
    ),
    "not_pattern": ("'{value}' is not {want}", "“{value}”不是{want}"),
    "want_indicator_id": (
        "an indicator id in lower-case snake case, e.g. gdp_per_capita",
        "小写下划线形式的指标编号，如 gdp_per_capita",
    ),
    "want_target_id": (
        "a target id <indicator>@<year>[.suffix], e.g. gdp@2025",
        "目标编号 <指标>@<年份>[.后缀]，如 gdp@2025",
    ),
    "want_task_id": (
        "a task id chapter.section.paragraph, e.g. 2.1.3",
        "任务编号 章.节.段，如 2.1.3",
    ),
    "want_section_id": (
        "a section id chapter.section in quotes, e.g. '2.1'",
        "加引号的节编号 章.节，如 '2.1'",
    ),
    "want_chapter_id": ("a chapter number in quotes, e.g. '2'", "加引号的章号，如 '2'"),
    "want_url": ("an http:// or https:// address", "http:// 或 https:// 地址"),
    "want_plan_id": (
        "a plan id of lower-case letters, digits and hyphens",
        "由小写字母、数字和连字符组成的规划编号",
    ),
    "want_pattern": ("text matching {pattern}", "符合 {pattern} 的文本"),
    "empty_text": ("must not be empty", "不能为空"),
    "too_few_items": ("needs at least {n} {n:item|items}", "至少需要 {n} 项"),
    "unknown_unit": (
        "unknown unit '{unit}': a unit is one of {bases}, with or without one of {magnitudes} "
        "before it (亿元, 万人), or one of {synonyms}; none for a plain number",
        "未知单位“{unit}”：单位为 {bases} 之一，前面可加 {magnitudes} 之一（如 亿元、万人），"
        "或为 {synonyms} 之一；纯数字不写单位",
    ),
    "not_finite_number": ("must be a finite number", "必须是有限的数"),
    "not_finite_got": ("must be a finite number, got {got}", "必须是有限的数，实为{got}"),
    "relative_one_of": (
        "give exactly one of factor, percent or amount",
        "factor、percent、amount 三者须且只能给出一个",
    ),
    "value_or_relative": (
        "give exactly one of value or relative",
        "value 与 relative 须且只能给出一个",
    ),
    "around_direction": (
        "an around target needs a direction (up or down)",
        "“左右”目标须给出方向 direction（up 或 down）",
    ),
    "change_is_amount": (
        "a change target is given as a relative base_year and amount, and such a target is "
        "of kind change",
        "变化量目标以 relative 的 base_year 和 amount 给出；"
        "如此给出的目标即为变化量（`kind: change`）",
    ),
    "compares_not_for_kind": (
        "a target of kind {kind} compares {allowed}, not {compares} (`compares: {written}`)",
        "{kind}目标比较的是{allowed}，不是{compares}（`compares: {written}`）",
    ),
    "sum_needs_series": (
        "the target sums the actuals of {indicator}: say whether they are yearly flows "
        "(`series: flow`) or running totals (`series: running_total`)",
        "该目标对{indicator}的实际值求和：须说明其为逐年发生数（`series: flow`）"
        "还是截至年末累计数（`series: running_total`）",
    ),
    "series_cannot": (
        "the actuals of {indicator} are {series}: a target cannot compare {compares}",
        "{indicator}的实际值为{series}，目标不能比较{compares}",
    ),
    "sum_goes_up": (
        "a sum or an average over the years is judged as a floor (`comparator: at_least`, or "
        "`around` with `direction: up`)",
        "多年合计或多年平均的目标按下限评判"
        "（`comparator: at_least`，或 `around` 且 `direction: up`）",
    ),
    "schema_other": ("{detail} (got {got})", "{detail}（实为{got}）"),
    "got_nothing": ("nothing (an empty value)", "空值"),
    "got_bool": ("{value}", "{value}"),
    "got_number": ("the number {value}", "数字 {value}"),
    "got_nan": ("NaN (not a number)", "NaN（非数）"),
    "got_infinity": ("infinity", "无穷大"),
    "got_minus_infinity": ("minus infinity", "负无穷大"),
    "got_text": ("the text '{text}'", "文本“{text}”"),
    "got_as_written": ("'{text}'", "“{text}”"),
    "got_empty_field": ("an empty field", "空字段"),
    "got_list": ("a list", "列表"),
    "got_mapping": ("a mapping", "映射"),
    "got_other": ("{type}", "{type}"),
    "hint_exponent": (
        " (YAML reads this exponent form as text; write it like 1.0e+5)",
        "（YAML 会把这种指数形式读作文本；请写成 1.0e+5 这样）",
    ),
    "hint_quoted_number": (
        " (a number in quotes; write it without quotes)",
        "（数字加了引号；请去掉引号）",
    ),
    "hint_thousands": (
        " (write it without thousands separators: {number})",
        "（请去掉千位分隔符：{number}）",
    ),
    "hint_wide_digits": (
        " (full-width or other non-ASCII digits; write {number})",
        "（全角或其他非 ASCII 数字；请写 {number}）",
    ),
    "hint_not_finite": (" (not a finite number)", "（不是有限的数）"),
    "hint_yaml_boolean": (
        " (YAML reads yes/no/on/off/true/false unquoted as true or false; quote it)",
        "（YAML 把不加引号的 yes/no/on/off/true/false 读作真假值；请加引号）",
    ),
    "hint_quote_it": (" (write it in quotes: '{value}')", "（请加引号：'{value}'）"),
    # Rules across the plan
    "first_at_line": ("{message} (first at line {line})", "{message}（首次出现在第{line}行）"),
    "defined_again": ("{what} {id} is defined again", "{what} {id} 重复定义"),
    "record_chapter": ("chapter", "章"),
    "record_section": ("section", "节"),
    "record_task": ("task", "任务"),
    "record_indicator": ("indicator", "指标"),
    "record_target": ("target", "目标"),
    "quote_not_found": (
        "quote not found in outline.txt: '{quote}'",
        "outline.txt 中找不到引文：“{quote}”",
    ),
    "quote_ambiguous": (
        "task quote occurs in {n} paragraphs; quote more of its opening",
        "任务引文出现在 {n} 个段落中；请多引一些段首文字",
    ),
    "quote_length": (
        "quote is {length} characters; quote one clause (at most {limit})",
        "引文有 {length} 个字符；请只引一个分句（至多 {limit} 个）",
    ),
    "quote_place": (
        "'{quote}' is not in the paragraph of task {task}; a restatement in another "
        "paragraph goes under also_in, with that paragraph's task",
        "“{quote}”不在任务 {task} 的段落中；在其他段落中的重述应写入 also_in，并注明该段落的任务",
    ),
    "scope_no_english": (
        "scope '{scope}' has no English: add it to glossary.yaml as a term",
        "范围“{scope}”没有英文译名：请在 glossary.yaml 中将其列为术语",
    ),
    "also_in_own_task": (
        "also_in names the target's own task {task}; its words there belong in quotes",
        "also_in 列出了目标本身的任务 {task}；该段落中的文字应写入 quotes",
    ),
    "also_in_again": (
        "this restatement in task {task} is listed already",
        "任务 {task} 中的这一重述已经列出",
    ),
    "chapter_order": (
        "chapter {chapter} is chapter {n} in order",
        "第 {chapter} 章按顺序应为第 {n} 章",
    ),
    "section_order": ("section {section} should be {expected}", "节 {section} 应为 {expected}"),
    "task_order": (
        "task {task} should be {expected} (numbered in order)",
        "任务 {task} 应为 {expected}（按顺序编号）",
    ),
    "name_taken": (
        "'{name}' already names indicator {indicator}",
        "“{name}”已是指标 {indicator} 的名称",
    ),
    "unknown_task": ("task {task} does not exist", "任务 {task} 不存在"),
    "baseline_after_base": (
        "baseline year {year} is after the base year {base_year}",
        "基期值年份 {year} 晚于基期 {base_year} 年",
    ),
    "value_text": (
        "value {value:g} {unit} does not match the text '{text}' ({written:g} {unit})",
        "数值 {value:g} {unit} 与原文“{text}”（{written:g} {unit}）不符",
    ),
    "target_id_indicator": (
        "target id must start with {indicator}@",
        "目标编号必须以 {indicator}@ 开头",
    ),
    "target_id_year": ("target id must carry its year {year}", "目标编号必须含其年份 {year}"),
    "target_year_horizon": (
        "target year {year} is not one of the plan's target years ({years}: horizon_years in "
        "plan.yaml)",
        "目标年份 {year} 不是规划的目标年份（{years}：见 plan.yaml 的 horizon_years）",
    ),
    "relative_base_after": (
        "a relative target's base year must not be after {base_year}",
        "相对目标的基数年份不得晚于 {base_year} 年",
    ),
    "kind_unit": (
        "a {kind} target needs a unit in %, not {unit}",
        "{kind} 类目标的单位须为 %，而不是 {unit}",
    ),
    "unknown_indicator_in_file": (
        "no indicator '{indicator}' in targets.yaml{hint}",
        "targets.yaml 中没有指标“{indicator}”{hint}",
    ),
    "actual_unit_family": (
        "unit {unit} does not convert to the indicator's unit {indicator_unit}",
        "单位 {unit} 无法换算为指标的单位 {indicator_unit}",
    ),
    "actual_year_range": (
        "year {year} is outside {first}–{last}",
        "年份 {year} 不在 {first}–{last} 之内",
    ),
    "source_missing": (
        "a shipped actual needs a source url and quote",
        "随包的实际值须有来源网址（url）和原文（quote）",
    ),
    "duplicate_actual": (
        "{n} actuals for {indicator} {year} ({scope}); mark exactly one `preferred: true`",
        "{indicator} {year}（{scope}）有 {n} 个实际值；请将其中恰好一个标为 `preferred: true`",
    ),
    # The English edition (english_rules.py)
    "glossary_missing": (
        "the English lacks “{en}” for {zh} (glossary.yaml)",
        "英文中缺少 {zh} 的译名“{en}”（glossary.yaml）",
    ),
    "fidelity_missing": (
        "the English lacks the number {number}{shown} of the Chinese",
        "英文中缺少中文里的数字 {number}{shown}",
    ),
    "fidelity_shown": (" ({shown})", "（{shown}）"),
    "term_again": (
        "term {term} is defined again; give each term one rendering",
        "术语 {term} 重复定义；每个术语只给一个译法",
    ),
    "translation_provenance": (
        "{file} is present: say whose translation it is (translation: {{en: {{official: false, "
        "…}}}})",
        "存在 {file}：请说明是谁的译文（translation: {{en: {{official: false, …}}}}）",
    ),
    "paragraph_again": ("the paragraph is given again", "该段落重复给出"),
    "english_order": (
        "out of task order: entries follow chapters.yaml",
        "不合任务顺序：各条须按 chapters.yaml 的顺序",
    ),
    "english_missing": ("the paragraph has no English yet", "该段落尚无英文"),
    "english_missing_complete": (
        "the paragraph has no English (plan.yaml says the translation is complete)",
        "该段落没有英文（plan.yaml 说译文已完成）",
    ),
    "english_no_entry": (
        "no entry for task {task}; add it in task order",
        "没有任务 {task} 的条目；请按任务顺序加上",
    ),
    "not_in_context": (
        "not_in '{context}' must be longer than '{term}' and hold it",
        "not_in 中的“{context}”必须比“{term}”长并包含它",
    ),
    "range_empty": ("give min, max or both", "请给出 min、max 或两者"),
    "range_order": ("min {min:g} is above max {max:g}", "min {min:g} 大于 max {max:g}"),
    "list_too_long": (
        "a list of more than {limit:,} items; the limit is {limit:,} in this file (docs/limits.md)",
        "列表超过 {limit:,} 项；此文件上限为 {limit:,} 项（见 docs/limits.md）",
    ),
    "too_many_rows": (
        "more than {limit:,} rows of actuals; the limit is {limit:,} a file (docs/limits.md)",
        "实际值超过 {limit:,} 行；每个文件上限为 {limit:,} 行（见 docs/limits.md）",
    ),
    "number_too_long_field": (
        "expected {want} of at most {limit} characters, got {length:,} characters",
        "应为不超过 {limit} 个字符的{want}，实为 {length:,} 个字符",
    ),
    "exclusion_context": (
        "context '{context}' occurs {n} times in outline.txt; it must occur once",
        "上下文“{context}”在 outline.txt 中出现 {n} 次；须恰好出现一次",
    ),
}
