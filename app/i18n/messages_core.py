"""Messages shared by every area: storage failures, confirmations, generic input problems."""

MESSAGES: dict[str, dict[str, str]] = {
    "warnings.unconfirmed": {
        "zh_CN": "有 {count} 条提醒需要确认后才能继续。",
        "en": "{count} warning(s) must be confirmed before continuing.",
    },
    "storage.locked": {
        "zh_CN": "数据库正被其他程序占用，请稍后再试。已输入的内容没有丢失。",
        "en": "The database is busy in another program. Please try again; nothing you typed was lost.",
    },
    "storage.disk_full": {
        "zh_CN": "磁盘空间已满，无法保存。请清理磁盘后再试，已输入的内容没有丢失。",
        "en": "The disk is full, so nothing could be saved. Free some space and try again; nothing you typed was lost.",
    },
    "storage.read_only": {
        "zh_CN": "数据库文件是只读的，无法保存。请检查数据文件夹的权限。",
        "en": "The database file is read-only, so nothing could be saved. Check the data folder's permissions.",
    },
    "storage.failed": {
        "zh_CN": "保存失败：{detail}。已输入的内容没有丢失。",
        "en": "Saving failed: {detail}. Nothing you typed was lost.",
    },
    "input.required": {
        "zh_CN": "请填写“{label}”。",
        "en": "Please fill in “{label}”.",
    },
    "input.too_long": {
        "zh_CN": "“{label}”最多 {max} 个字符。",
        "en": "“{label}” can have at most {max} characters.",
    },
    "input.not_found": {
        "zh_CN": "找不到{what}（编号 {id}）。",
        "en": "{what} {id} was not found.",
    },
}

MESSAGES.update(
    {
        "seed.data_dir_required": {
            "zh_CN": "生成演示数据需要用 --data-dir 指定一个单独的数据文件夹（不能是本店的真实数据）。",
            "en": "Seeding needs its own folder given with --data-dir (never the shop's real data).",
        },
        "seed.real_folder": {
            "zh_CN": "{path} 是本店的真实数据文件夹，不能写入演示数据。",
            "en": "{path} is the shop's real data folder; demo data is never written there.",
        },
        "seed.folder_not_empty": {
            "zh_CN": "{path} 中已有数据，演示数据只写入新的空文件夹。",
            "en": "{path} already holds data; demo data is only written into a new, empty folder.",
        },
    }
)
