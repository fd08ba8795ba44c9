"""Messages of the reports area: code → {"zh_CN": …, "en": …}; placeholders use str.format names."""

MESSAGES: dict[str, dict[str, str]] = {
    "report.font_missing": {
        "zh_CN": "打印用的中文字体文件缺失或已损坏（{path}），无法生成 PDF。请重新安装扳手。",
        "en": "The Chinese font used for printing is missing or damaged ({path}), so no PDF can be made. Please reinstall Banshou.",
    },
    "report.bad_paper": {
        "zh_CN": "不支持的纸张类型“{paper}”，可选：{choices}。",
        "en": "Unsupported paper “{paper}”; choose one of: {choices}.",
    },
}
