"""The words of what plancli publishes: charts (`chart.*`), the static site (`site.*`) and the
messages of the chart, site and sqlite commands: `code: (English, Chinese)`."""

PUBLISH: dict[str, tuple[str, str]] = {
    # a chart, in a terminal, a file or a page
    "chart.path": ("plan path", "规划路径"),
    "chart.actual": ("actual", "实际值"),
    "chart.actual_secondary": ("actual (secondary source)", "实际值（二手来源）"),
    "chart.baseline": ("baseline", "基期值"),
    "chart.target": ("target", "目标值"),
    "chart.year": ("Year", "年份"),
    "chart.targets": ("Targets:", "目标："),
    "chart.target_item": ("{target} {value} ({year})", "{target} {value}（{year}年）"),
    "chart.in_scope": (" in {scope}", "（{scope}）"),
    "chart.value_unknown": (
        "Not drawn: {targets}, whose value is unknown (the value of its base year is not known).",
        "未绘出：{targets}（其基数年份的值未知，算不出目标值）。",
    ),
    "chart.other_scopes": (
        "Not drawn: actual values for {scopes}, another area or period than the targets' "
        "({drawn}).",
        "未绘出：{scopes}的实际值（与目标的范围{drawn}不同）。",
    ),
    "chart.derived": (
        "The actual values drawn for {targets} are the figure it compares: {what}, as "
        "`plancli trajectory` finds it each year.",
        "{targets}的实际值按目标所比较的数绘出：{what}（逐年算法同 plancli trajectory）。",
    ),
    "chart.nothing": (
        "Nothing to draw for {name} yet: the plan states no baseline and no actual value is known.",
        "{name}暂无可绘制的内容：规划未给出基期值，也还没有实际值。",
    ),
    "chart.alt": (
        "Chart of {name}, {first}–{last}.",
        "{name}图表，{first}—{last}年。",
    ),
    "chart.alt_baseline": ("Baseline {year}: {value}.", "基期值（{year}年）：{value}。"),
    "chart.alt_actuals": ("Actual values: {values}.", "实际值：{values}。"),
    "chart.alt_targets": ("Targets: {targets}.", "目标：{targets}。"),
    # errors of the commands that publish
    "chart_format": (
        "cannot tell what to write from {path}: give a file ending in {suffixes}",
        "无法从 {path} 判断要写出的格式：请给出以 {suffixes} 结尾的文件名",
    ),
    "needs_extra": (
        "{what} needs {library}, which is not installed: {command}",
        "{what} 需要 {library}，但尚未安装：{command}",
    ),
    "no_cjk_font": (
        "cannot draw the Chinese of this chart in a PNG: no font on this system has the "
        "characters {chars} (install one, e.g. Debian's {package}), or write an SVG, "
        "whose text the viewer's fonts draw",
        "无法在 PNG 中绘出本图的中文：本机没有含 {chars} 等字符的字体（请安装一种，如 {package}），"
        "或改为写出 SVG（其文字由查看者的字体显示）",
    ),
    "not_a_site": (
        "{path} is not empty and is not a site plancli built (it has no {marker}); give "
        "--force to write the site into it anyway, or choose a new or empty folder",
        "{path} 不是空文件夹，也不是 plancli 生成的网站（没有 {marker}）；要仍然写入请加 "
        "--force，或换一个新的或空的文件夹",
    ),
    "no_fts5": (
        "this Python's SQLite ({version}) has no FTS5 {tokenizer} tokenizer (SQLite 3.34 or "
        "newer with FTS5 is needed)",
        "本机的 SQLite（{version}）没有 FTS5 {tokenizer} 分词器（需要 SQLite 3.34 或更新"
        "版本且带 FTS5）",
    ),
    "site_written": (
        "wrote the site: {pages} pages in {langs}, {charts} charts, {downloads} downloads in "
        "{path}; open {index}",
        "已生成网站：{pages} 个页面（{langs}），{charts} 张图表，{downloads} 个下载文件，"
        "位于 {path}；请打开 {index}",
    ),
    "sqlite_written": (
        "wrote {path}: {tables} tables, {targets} targets with their status in {year}",
        "已写入 {path}：{tables} 张表，{targets} 个目标及其 {year} 年的状态",
    ),
    # the site
    "site.skip": ("Skip to the content", "跳到正文"),
    "site.nav": ("Site", "网站导航"),
    "site.overview": ("Overview", "总览"),
    "site.indicators": ("Indicators", "指标"),
    "site.enter": ("Read the plan's progress in English", "查看规划实施进展（中文）"),
    "site.footer": (
        "Built by plancli {version} from the plan's data; statuses and scores for {year}. "
        "Machine-readable data: see the downloads.",
        "由 plancli {version} 根据规划数据生成；状态和得分按 {year} 年计算。机器可读数据见下载。",
    ),
    "site.own_translation": (
        "The English on these pages is plancli's own translation of the Chinese plan, not an "
        "official one.",
        "本站英文为 plancli 自行翻译，并非官方译本。",
    ),
    "site.translation_note": (
        "About the English on these pages: {note}.",
        "关于本站英文：{note}。",
    ),
    "site.no_translation": (
        "This plan has no English translation: its paragraphs are shown in Chinese.",
        "本规划没有英文译本：段落以中文显示。",
    ),
    "site.scorecard": ("Scorecard, {year}", "目标评分（{year}年）"),
    "site.year_default": (
        "The latest complete year; statuses use the latest actual value up to it.",
        "为最近一个完整年度；状态依据截至该年的最新实际值。",
    ),
    "site.by_status": ("Targets by status", "各状态目标数"),
    "site.targets_n": ("Targets", "目标数"),
    "site.chapters_caption": (
        "Each chapter's score is the mean of its targets' scores.",
        "各章得分为该章目标得分的平均。",
    ),
    "site.chapters_nav": ("Chapters", "各章"),
    "site.downloads": ("Downloads", "下载"),
    "site.downloads_about": (
        "The same records plancli prints as JSON and CSV (keys: docs/output.md), and the whole "
        "plan as one SQLite database (tables: docs/publishing.md).",
        "与 plancli 输出的 JSON、CSV 相同的记录（字段见 docs/output.md），以及整个规划的 SQLite "
        "数据库（各表见 docs/publishing.md）。",
    ),
    "site.dl_sqlite": (
        "the whole plan in both languages, with every target's status and full-text search",
        "整个规划（中英文），含每个目标的状态和全文检索",
    ),
    "site.dl_targets": ("every target as the plan states it", "规划表述的全部目标"),
    "site.dl_scorecard": (
        "every target judged and scored for {year}",
        "按 {year} 年评估和评分的全部目标",
    ),
    "site.dl_chapters": ("the chapters", "各章"),
    "site.dl_tasks": ("every paragraph, in Chinese and English", "全部段落（中英文）"),
    "site.dl_indicator_csv": (
        "its baselines, targets and actual values, one per line",
        "其基期值、目标和实际值，每行一条",
    ),
    "site.dl_indicator_json": ("the indicator in full", "该指标的全部数据"),
    "site.actual_year": ("Actual (year)", "实际值（年份）"),
    "site.needed_growth": ("Growth needed a year", "所需年增速"),
    "site.needed_change": ("Change needed a year", "所需年变化"),
    "site.targets_caption": (
        "Judged on the latest actual value up to {year}.",
        "依据截至 {year} 年的最新实际值评估。",
    ),
    "site.no_targets": ("This chapter states no quantified target.", "本章没有量化目标。"),
    "site.no_english": (
        "This paragraph has no English translation yet.",
        "这一段还没有英文译文。",
    ),
    "site.chinese_original": ("The Chinese original", "中文原文"),
    "site.indicators_caption": (
        "{n} {n:indicator|indicators}; target statuses for {year}.",
        "共 {n} 个指标；目标状态按 {year} 年计算。",
    ),
    "site.indicator": ("Indicator", "指标"),
    "site.target_statuses": ("Targets and their status", "目标及状态"),
    "site.chinese_name": ("Chinese name", "中文名称"),
    "site.chart": ("Chart", "图表"),
    "site.plan_words": ("What the plan says", "规划原文"),
    "site.in_task": ("paragraph {task}", "第 {task} 段"),
    "site.baselines_caption": (
        "Values the plan states for its base year.",
        "规划给出的基期值。",
    ),
    "site.actuals_caption": (
        "Published statistics, each with its source and the sentence it is taken from.",
        "已公布的统计数据，均注明来源及原句。",
    ),
    "site.source_quote": ("The source's words", "来源原句"),
    "site.primary": ("government source", "政府来源"),
    "site.secondary": ("secondary source", "二手来源"),
}
