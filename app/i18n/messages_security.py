"""Messages of accounts, permissions, the audit trail and protected records."""

MESSAGES: dict[str, dict[str, str]] = {
    "auth.denied": {
        "zh_CN": "您的账号（{role}）没有权限：{what}。如需要，请店主调整账号角色。",
        "en": "Your account ({role}) is not allowed {what}. Ask the owner to change your role if you need it.",
    },
    "auth.login_required": {
        "zh_CN": "请先登录。",
        "en": "Please log in first.",
    },
    "auth.wrong_login": {
        "zh_CN": "登录名或密码不正确。",
        "en": "Wrong user name or password.",
    },
    "auth.locked": {
        "zh_CN": "密码连续输错次数过多，账号已暂时锁定，请 {minutes} 分钟后再试，或请店主重置密码。",
        "en": "Too many wrong passwords: the account is locked. Try again in {minutes} minute(s), or ask the owner to reset the password.",
    },
    "auth.disabled": {
        "zh_CN": "此账号已停用，请联系店主。",
        "en": "This account is disabled. Please contact the owner.",
    },
    "auth.password_short": {
        "zh_CN": "密码至少需要 {min} 个字符。",
        "en": "The password needs at least {min} characters.",
    },
    "auth.password_weak": {
        "zh_CN": "密码太简单，请混合使用不同的字符。",
        "en": "The password is too simple; please mix different characters.",
    },
    "auth.username_invalid": {
        "zh_CN": "登录名不能包含空格，最多 40 个字符。",
        "en": "The user name cannot contain spaces and has at most 40 characters.",
    },
    "auth.username_taken": {
        "zh_CN": "登录名“{username}”已被使用。",
        "en": "The user name “{username}” is already taken.",
    },
    "auth.owner_exists": {
        "zh_CN": "店主账号已经建立。其他账号请由店主在“账号”页添加。",
        "en": "The owner's account already exists. The owner adds other accounts on the Accounts page.",
    },
    "auth.already_account": {
        "zh_CN": "{name} 已经有登录账号。",
        "en": "{name} already has an account.",
    },
    "auth.cannot_disable_self": {
        "zh_CN": "不能停用自己正在使用的账号。",
        "en": "You cannot disable the account you are using.",
    },
    "auth.wrong_password": {
        "zh_CN": "原密码不正确。",
        "en": "The current password is wrong.",
    },
    "auth.recovery_failed": {
        "zh_CN": "恢复码或店主登录名不正确。",
        "en": "The recovery code or the owner's user name is wrong.",
    },
    "auth.cli_credentials": {
        "zh_CN": "此数据文件夹已建立账号：修改数据的命令需要店主账号，请加上 --user 登录名 --password-stdin（从标准输入读取密码）。",
        "en": "This data folder has accounts: commands that change data need the owner's account. Add --user NAME --password-stdin (password read from standard input).",
    },
    "auth.cli_no_accounts": {
        "zh_CN": "此数据文件夹已有业务数据但还没有账号：请先建立店主账号（banshou account create-owner 或启动程序）。",
        "en": "This data folder has business data but no accounts yet: create the owner's account first (banshou account create-owner, or start the program).",
    },
    "audit.key_missing": {
        "zh_CN": "本机没有审计密钥 {key_id}。",
        "en": "This PC does not have audit key {key_id}.",
    },
    "audit.key_invalid": {
        "zh_CN": "审计密钥格式不正确（应为“编号:密钥”）。",
        "en": "The audit key is not in the expected form (id:key).",
    },
    "audit.entry_missing": {
        "zh_CN": "审计日志第 {seq} 条缺失（被删除或顺序被改动）。",
        "en": "Audit entry {seq} is missing (deleted or reordered).",
    },
    "audit.entry_altered": {
        "zh_CN": "审计日志第 {seq} 条被改动过（校验码不符），从此条起的记录不可信。",
        "en": "Audit entry {seq} was altered (its MAC does not match); entries from there on cannot be trusted.",
    },
    "audit.tail_missing": {
        "zh_CN": "审计日志从第 {seq} 条起的最新记录缺失（被截断）。",
        "en": "The newest audit entries from {seq} on are missing (the trail was cut off).",
    },
    "audit.ok": {
        "zh_CN": "审计日志完整：{entries} 条记录校验通过，{seals} 张已结算工单/台账记录与当时一致。",
        "en": "The audit trail is intact: {entries} entries verified, {seals} settled orders/ledger rows unchanged.",
    },
    "audit.unverifiable": {
        "zh_CN": "第 {first}–{last} 条由本机没有的密钥 {key_id} 签名，无法校验；请从其他电脑导入该密钥。",
        "en": "Entries {first}–{last} were signed with key {key_id}, which this PC does not have; import it from the other PC.",
    },
    "audit.seal_broken": {
        "zh_CN": "{entity} {entity_id} 在登记后被改动过（与第 {seq} 条审计记录的封存值不符）。",
        "en": "{entity} {entity_id} was changed after it was recorded (does not match the seal in audit entry {seq}).",
    },
    "storage.immutable": {
        "zh_CN": "已结算的工单和废物台账记录不能修改或删除；请用“更正”或“冲销”。",
        "en": "Settled work orders and waste-ledger rows cannot be changed or deleted; use a correction or a reversal.",
    },
    "cli.stdin_missing": {
        "zh_CN": "标准输入中缺少{what}（每行一项，按命令说明的顺序）。",
        "en": "Standard input is missing the {what} (one per line, in the order the command describes).",
    },
    "workorder.own_lines_need_account": {
        "zh_CN": "只有登录的员工账号才能登记自己的维修作业；请先用自己的账号登录。",
        "en": "Only a logged-in staff account can record its own repair work; please log in with your own account.",
    },
    "privacy.export_unmasked_title": {
        "zh_CN": "导出车主信息",
        "en": "Owners' details in the export",
    },
    "privacy.export_unmasked_question": {
        "zh_CN": "导出的文件要包含车主完整的姓名和手机号吗？\n选“否”则打码（如 张**、138****5678）；短信平台需要完整号码。\n本次导出及您的选择会记入审计日志。",
        "en": "Should the file contain owners' full names and phone numbers?\nChoose “No” to mask them (e.g. 张**, 138****5678); an SMS platform needs the full numbers.\nThis export and your choice are recorded in the audit trail.",
    },
}
