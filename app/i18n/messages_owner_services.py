"""Messages of the owner services: history verification, reminders, defect reports, emissions and accident
records. Each says what to do next, in the words of the counter."""

MESSAGES: dict[str, dict[str, str]] = {
    "history.form_invalid": {"zh_CN": "未知的履历版本“{form}”。", "en": "Unknown history form “{form}”."},
    "history.no_visits": {
        "zh_CN": "{plate} 在本店还没有已结算的维修记录，无法出具维修履历。",
        "en": "{plate} has no settled repair at this shop yet, so there is no history to issue.",
    },
    "history.code_format": {
        "zh_CN": "验证码应为 {length} 位（数字 0-9 和字母 A-F，可带短横线），请核对后重新输入。",
        "en": "A verification code has {length} characters (digits 0-9 and letters A-F, dashes allowed); please check it.",
    },
    "history.code_unknown": {
        "zh_CN": "本店没有出具过验证码为 {number} 的维修履历：文件可能被改动，或不是本店出具的。",
        "en": "This shop never issued a history with code {number}: the document may have been altered or comes from elsewhere.",
    },
    "reminder.name_required": {"zh_CN": "请填写提醒项目名称，例如“更换机油机滤”。", "en": "Please name the reminder, e.g. “Oil and filter”."},
    "reminder.name_taken": {"zh_CN": "已经有名为“{name}”的提醒规则。", "en": "A reminder rule named “{name}” already exists."},
    "reminder.interval_required": {
        "zh_CN": "请至少填写一个间隔：按月数或按公里数（两者都填时以先到者为准）。",
        "en": "Enter at least one interval, in months or in km (with both, whichever comes first).",
    },
    "reminder.interval_range": {
        "zh_CN": "{label}应在 {min} 到 {max} 之间。",
        "en": "{label} must be between {min} and {max}.",
    },
    "reminder.keywords_required": {
        "zh_CN": "请填写至少一个关键词，用于在维修项目中识别这项保养（例如“机油”）。",
        "en": "Enter at least one keyword that identifies this work in labour items (e.g. “oil”).",
    },
    "reminder.rule_unknown": {"zh_CN": "提醒规则 {id} 不存在或已删除。", "en": "Reminder rule {id} does not exist."},
    "reminder.not_armed": {
        "zh_CN": "这辆车还没有做过“{rule}”的结算记录，当前没有需要联系的提醒。",
        "en": "This vehicle has no settled “{rule}” yet, so there is no reminder to mark.",
    },
    "defect.component_required": {"zh_CN": "请填写故障部件（例如“制动总泵”）。", "en": "Please enter the component (e.g. “brake master cylinder”)."},
    "defect.symptom_required": {"zh_CN": "请填写故障现象。", "en": "Please describe the symptom."},
    "defect.photo_missing": {"zh_CN": "找不到照片文件：{path}", "en": "Photo file not found: {path}"},
    "defect.photo_type": {
        "zh_CN": "“{name}”不是支持的照片格式（支持 JPG、PNG、BMP）。",
        "en": "“{name}” is not a supported photo (JPG, PNG or BMP).",
    },
    "defect.photo_too_large": {
        "zh_CN": "照片“{name}”超过 {max_mb} MB，请压缩后再附加。",
        "en": "Photo “{name}” is larger than {max_mb} MB; please shrink it first.",
    },
    "defect.photo_copy_failed": {
        "zh_CN": "照片无法复制到数据文件夹（{reason}），缺陷记录未保存。",
        "en": "The photo could not be copied into the data folder ({reason}); the case was not saved.",
    },
    "special.order_cancelled": {
        "zh_CN": "工单 {order_no} 已作废，不能登记为专项维修。",
        "en": "Work order {order_no} is cancelled and cannot be recorded as a special repair.",
    },
    "emissions.report_required": {
        "zh_CN": "请填写排放检验报告编号（检测站出具的不合格报告上的编号）。",
        "en": "Please enter the number of the failed emissions test report.",
    },
    "emissions.failed_items_required": {"zh_CN": "请至少选择或填写一项不合格项目。", "en": "Please list at least one failed item."},
    "emissions.result_invalid": {"zh_CN": "复检结果只能是：待复检、合格、不合格。", "en": "The re-test result must be pending, pass or fail."},
    "emissions.retest_report_required": {
        "zh_CN": "复检已出结果时，请填写复检报告编号和复检日期。",
        "en": "With a re-test result, enter the re-test report number and date.",
    },
    "accident.insurer_required": {"zh_CN": "请填写保险公司。", "en": "Please enter the insurer."},
    "accident.claim_required": {"zh_CN": "请填写报案号/理赔号。", "en": "Please enter the claim number."},
    "accident.amount_invalid": {
        "zh_CN": "定损金额不能为负数，最多两位小数（元）。",
        "en": "The loss assessment cannot be negative and has at most two decimals (yuan).",
    },
}
