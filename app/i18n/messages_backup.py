"""Messages of backups, restores and the database integrity check (window and ``banshou backup``/``restore``)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- results -------------------------------------------------------------------------------------------
    "backup.verified_ok": {
        "zh_CN": "备份文件完好：可以打开，完整性检查通过。",
        "en": "The backup is good: it opens and passes the integrity check.",
    },
    "backup.db_ok": {
        "zh_CN": "数据库完整性检查通过。",
        "en": "The database passed its integrity check.",
    },
    "backup.db_corrupt": {
        "zh_CN": "数据库文件已损坏（{detail}）。请不要继续录入，并尽快从最新的完好备份恢复：\n{backup}\n"
        "（店主设置 → 备份与恢复，或命令 banshou restore 加上此文件路径）",
        "en": "The database file is damaged ({detail}). Stop entering data and restore the newest good backup:\n"
        "{backup}\n(Owner settings → Backup and restore, or the command banshou restore with this path)",
    },
    "backup.db_corrupt_no_backup": {
        "zh_CN": "数据库文件已损坏（{detail}），且数据文件夹中没有可用的备份。请不要继续录入，"
        "检查第二备份位置（U 盘、网络共享）中的备份，或联系技术支持。",
        "en": "The database file is damaged ({detail}) and the data folder holds no good backup. Stop "
        "entering data; look for a backup in the second backup folder (USB disk, network share) or call support.",
    },
    # -- making a backup -----------------------------------------------------------------------------------
    "backup.failed": {
        "zh_CN": "备份没有完成：{reason}",
        "en": "The backup was not made: {reason}",
    },
    "backup.postgres": {
        "zh_CN": "本店数据库在 PostgreSQL 服务器上，由服务器自己备份（pg_dump，见服务器设置说明）；"
        "扳手不在本机备份或恢复它。",
        "en": "This shop's database is on a PostgreSQL server and is backed up there (pg_dump, see the server "
        "set-up notes); Banshou does not back it up or restore it on this PC.",
    },
    "backup.db_busy": {
        "zh_CN": "数据库仍被其他程序或窗口使用（例如另一台正在运行的扳手、banshou sync），无法恢复。"
        "请先关闭它们再试。当前数据库没有任何改动。",
        "en": "The database is still in use by another program or window (another Banshou, banshou sync), "
        "so it cannot be restored. Close them and try again. The current database is unchanged.",
    },
    # -- checking a backup file ----------------------------------------------------------------------------
    "backup.file_missing": {
        "zh_CN": "找不到备份文件 {path}。",
        "en": "The backup file {path} does not exist.",
    },
    "backup.unreadable": {
        "zh_CN": "这个文件不是可用的数据库备份，无法打开（{detail}）。",
        "en": "This file is not a usable database backup; it cannot be opened ({detail}).",
    },
    "backup.integrity": {
        "zh_CN": "备份文件已损坏，完整性检查未通过（{detail}）。",
        "en": "The backup file is damaged: the integrity check failed ({detail}).",
    },
    "backup.counts_differ": {
        "zh_CN": "备份文件与备份时记录的数据不一致（{detail}），不能使用。",
        "en": "The backup does not hold the data recorded when it was made ({detail}); it cannot be used.",
    },
    "backup.not_banshou": {
        "zh_CN": "这个数据库不是扳手的数据库（{detail}）。",
        "en": "This database is not a Banshou database ({detail}).",
    },
    "backup.too_new": {
        "zh_CN": "这个备份来自更新版本的扳手（数据库版本 {revision}），请先升级本机的扳手再恢复。",
        "en": "This backup comes from a newer Banshou (schema {revision}); upgrade Banshou on this PC first.",
    },
    "backup.damaged": {
        "zh_CN": "备份文件已损坏或被改动过，不能使用。",
        "en": "The backup file is damaged or has been altered; it cannot be used.",
    },
    "backup.not_encrypted": {
        "zh_CN": "这个文件不是加密的扳手备份。",
        "en": "This file is not an encrypted Banshou backup.",
    },
    # -- passphrase and second folder ----------------------------------------------------------------------
    "backup.passphrase_needed": {
        "zh_CN": "这个备份是加密的，请输入设置第二备份位置时使用的备份密码。",
        "en": "This backup is encrypted: enter the backup passphrase chosen for the second backup folder.",
    },
    "backup.wrong_passphrase": {
        "zh_CN": "备份密码不正确。",
        "en": "The backup passphrase is wrong.",
    },
    "backup.passphrase_short": {
        "zh_CN": "备份密码至少需要 {min} 个字符。请把它和恢复码一起打印保存：电脑损坏后只有它能打开 U 盘上的备份。",
        "en": "The backup passphrase needs at least {min} characters. Print it with the recovery code: if the "
        "PC is lost, only the passphrase opens the copies on the USB disk.",
    },
    "backup.second_missing": {
        "zh_CN": "第二备份位置 {path} 不存在或未连接（U 盘未插入？网络共享未连接？）。本机备份已完成。",
        "en": "The second backup folder {path} does not exist or is not connected (USB disk unplugged? network "
        "share offline?). The local backup was made.",
    },
    "backup.second_full": {
        "zh_CN": "第二备份位置 {path} 空间已满，加密副本没有写入。本机备份已完成。",
        "en": "The second backup folder {path} is full; the encrypted copy was not written. The local backup was made.",
    },
    "backup.second_failed": {
        "zh_CN": "无法写入第二备份位置 {path}（{reason}）。本机备份已完成。",
        "en": "Could not write to the second backup folder {path} ({reason}). The local backup was made.",
    },
    "backup.second_no_key": {
        "zh_CN": "本机密码库中没有第二备份位置的加密密钥，请在店主设置中重新输入备份密码。本机备份已完成。",
        "en": "The encryption key for the second backup folder is not in this PC's keyring; enter the backup "
        "passphrase again in the owner's settings. The local backup was made.",
    },
    # -- command line --------------------------------------------------------------------------------------
    "backup.cli.made": {
        "zh_CN": "备份完成并已校验：{path}（{size} 字节，{tables} 张表，{rows} 行）",
        "en": "Backup made and verified: {path} ({size} bytes, {tables} tables, {rows} rows)",
    },
    "backup.cli.second": {
        "zh_CN": "加密副本：{path}",
        "en": "Encrypted copy: {path}",
    },
    "backup.cli.none": {
        "zh_CN": "还没有备份。",
        "en": "There are no backups yet.",
    },
    "backup.cli.restored": {
        "zh_CN": "已从 {path} 恢复。原数据库保存为 {aside}；恢复前备份：{pre}",
        "en": "Restored from {path}. The previous database was kept as {aside}; backup taken first: {pre}",
    },
    "backup.cli.rescue": {
        "zh_CN": "当前数据库已损坏，无法登录或写入审计记录；将直接用备份替换它（原文件会保留）。",
        "en": "The current database is damaged, so nobody can log in and no audit entry can be written to it; "
        "it is replaced by the backup directly (the damaged file is kept).",
    },
    "backup.cli.second_set": {
        "zh_CN": "第二备份位置：{folder}（加密）",
        "en": "Second backup folder: {folder} (encrypted)",
    },
    "backup.cli.second_off": {
        "zh_CN": "已停止使用第二备份位置。",
        "en": "The second backup folder is no longer used.",
    },
    # -- window --------------------------------------------------------------------------------------------
    "backup.ui.corrupt_title": {
        "zh_CN": "数据库已损坏",
        "en": "Database Damaged",
    },
    "backup.ui.failed_title": {
        "zh_CN": "自动备份失败",
        "en": "Automatic Backup Failed",
    },
    "backup.ui.second_title": {
        "zh_CN": "第二备份位置",
        "en": "Second Backup Folder",
    },
    "backup.ui.daily_done": {
        "zh_CN": "今日自动备份已完成并校验：{name}",
        "en": "Today's automatic backup was made and verified: {name}",
    },
}
