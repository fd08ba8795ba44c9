"""Messages of the ratings, compliance and business area: code → {"zh_CN": …, "en": …}."""

MESSAGES: dict[str, dict[str, str]] = {
    "rating.import.unsupported_file": {
        "zh_CN": "无法导入“{name}”：只支持 .csv 和 .xlsx 文件。",
        "en": "Cannot import “{name}”: only .csv and .xlsx files are supported.",
    },
    "rating.import.unreadable": {
        "zh_CN": "无法读取“{name}”：{reason}",
        "en": "Cannot read “{name}”: {reason}",
    },
    "rating.import.empty": {
        "zh_CN": "“{name}”里没有数据。",
        "en": "“{name}” holds no data.",
    },
    "rating.import.missing_columns": {
        "zh_CN": "表头缺少这些列：{columns}。请检查导出文件或省份配置里的列名对应。",
        "en": "The header lacks these columns: {columns}. Check the export or the profile's column mapping.",
    },
    "rating.import.no_plate_or_code": {
        "zh_CN": "既没有车牌号也没有结算清单编号，无法对应到工单。",
        "en": "Neither a plate nor a settlement list number: the rating cannot be matched to a job.",
    },
    "rating.import.bad_time": {
        "zh_CN": "评价时间“{value}”无法识别（例如 2026-03-05 14:30）。",
        "en": "Rating time “{value}” is not understood (e.g. 2026-03-05 14:30).",
    },
    "rating.import.bad_score": {
        "zh_CN": "“{dimension}”的分数“{value}”无效：应为 1 到 5 的整数。",
        "en": "Score “{value}” for “{dimension}” is invalid: it must be a whole number from 1 to 5.",
    },
    "rating.import.duplicate_in_file": {
        "zh_CN": "评价编号 {id} 在文件中出现了两次。",
        "en": "Rating id {id} appears twice in the file.",
    },
    "rating.import.has_errors": {
        "zh_CN": "文件有 {count} 行错误，未导入任何评价。请改正后重新导入。",
        "en": "The file has {count} rows with errors; nothing was imported. Fix them and import again.",
    },
    "rating.followup.note_required": {
        "zh_CN": "关闭回访前请填写回访记录。",
        "en": "Write a follow-up note before closing it.",
    },
    "rating.not_found": {
        "zh_CN": "找不到评价（编号 {id}）。",
        "en": "Rating {id} not found.",
    },
    "rating.fetch.failed": {
        "zh_CN": "获取评价失败：{reason}",
        "en": "Fetching ratings failed: {reason}",
    },
    "rating.fetch.not_enabled": {
        "zh_CN": "当前省份配置“{name}”没有评价接口，请从省平台导出评价后导入。",
        "en": "Profile “{name}” has no ratings call; export the ratings from the provincial portal and import them.",
    },
}
