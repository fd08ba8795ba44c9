"""Messages about the shop's database: choosing SQLite or PostgreSQL, connecting, moving data, versions."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- choosing and connecting -----------------------------------------------------------------------
    "db.url_invalid": {
        "zh_CN": "数据库地址“{url}”的格式不对。应写成 postgresql://用户名@服务器:端口/数据库名，或 sqlite。",
        "en": "The database address “{url}” is not valid. Write postgresql://user@server:port/database, or sqlite.",
    },
    "db.password_in_url": {
        "zh_CN": "请不要把密码写在数据库地址里（它会留在命令历史中）。请用 --password-stdin 输入密码。",
        "en": "Do not put the password in the database address (it stays in the command history). "
        "Give it with --password-stdin instead.",
    },
    "db.password_empty": {
        "zh_CN": "数据库密码不能为空。",
        "en": "The database password must not be empty.",
    },
    "db.no_keyring": {
        "zh_CN": "本机没有可用的安全密码库（系统钥匙串），无法保存数据库密码。扳手不会把密码存到其他地方。",
        "en": "This computer has no secure password store (OS keyring), so the database password cannot be "
        "saved. Banshou never stores it anywhere else.",
    },
    "db.no_password": {
        "zh_CN": "本机尚未保存数据库 {target} 的密码。请运行“banshou db use postgresql://{target} --password-stdin”。",
        "en": "No password is saved on this computer for the database {target}. "
        "Run “banshou db use postgresql://{target} --password-stdin”.",
    },
    "db.config_invalid": {
        "zh_CN": "数据文件夹中的数据库设置文件 {path} 无法读取（{detail}）。请用“banshou db use …”重新设置。",
        "en": "The database settings file {path} in the data folder cannot be read ({detail}). "
        "Set it again with “banshou db use …”.",
    },
    "db.unreachable": {
        "zh_CN": "连接不上数据库服务器 {host}:{port}。请检查服务器电脑是否开机、PostgreSQL 服务是否已启动、"
        "防火墙是否放行 {port} 端口，以及地址是否写对。",
        "en": "Cannot reach the database server {host}:{port}. Check that the server PC is on, the PostgreSQL "
        "service is running, the firewall lets port {port} through, and the address is right.",
    },
    "db.auth_failed": {
        "zh_CN": "数据库用户 {user} 的密码不对，或服务器上没有这个用户。",
        "en": "The password for database user {user} is wrong, or the server has no such user.",
    },
    "db.no_such_database": {
        "zh_CN": "服务器 {host} 上没有名为 {dbname} 的数据库。请先在服务器上创建它（见说明书“多台电脑：PostgreSQL”）。",
        "en": "The server {host} has no database named {dbname}. Create it on the server first "
        "(see the README, “Several PCs: PostgreSQL”).",
    },
    "db.host_not_allowed": {
        "zh_CN": "数据库服务器不允许本机连接（服务器的 pg_hba.conf 里没有本机所在网段）。请在服务器上添加后重新加载 PostgreSQL。",
        "en": "The database server does not accept connections from this computer (its pg_hba.conf has no "
        "entry for this network). Add one on the server and reload PostgreSQL.",
    },
    "db.permission_denied": {
        "zh_CN": "数据库用户 {user} 权限不够：{detail}。扳手的用户应是这个数据库的所有者。",
        "en": "Database user {user} lacks a privilege: {detail}. Banshou's user should own the database.",
    },
    "db.failed": {
        "zh_CN": "数据库出错：{detail}",
        "en": "Database error: {detail}",
    },
    "db.not_banshou": {
        "zh_CN": "这个数据库里已有不属于扳手的表。为了不动别人的数据，扳手不会使用它；请为扳手新建一个空数据库。",
        "en": "This database already holds tables that are not Banshou's. To leave other data alone, Banshou "
        "will not use it; create an empty database for Banshou.",
    },
    # -- versions --------------------------------------------------------------------------------------
    "db.client_too_old": {
        "zh_CN": "数据库由更新版本的扳手创建，请先在本机升级扳手。（本机：扳手 {client}；数据库已由扳手 {newer} 升级）",
        "en": "The database was created by a newer version of Banshou; please upgrade Banshou on this PC first. "
        "(This PC: Banshou {client}; the database was upgraded by Banshou {newer})",
    },
    "db.migration_needs_confirmation": {
        "zh_CN": "数据库需要升级到本机扳手 {client} 的结构（{current} → {head}）。升级后，其他电脑上较旧的扳手将无法"
        "打开数据库，须一并升级。请店主确认：运行“banshou db upgrade”，或在打开窗口时选择升级。",
        "en": "The database must be upgraded to the structure of Banshou {client} on this PC ({current} → {head}). "
        "Afterwards older Banshou on the other PCs cannot open it until they are upgraded too. The owner "
        "confirms this by running “banshou db upgrade”, or by choosing to upgrade when the window opens.",
    },
    "db.migration_declined": {
        "zh_CN": "没有升级数据库，本机的扳手因此无法打开它。如暂不升级，请在本机安装与其他电脑相同版本的扳手。",
        "en": "The database was not upgraded, so Banshou on this PC cannot open it. If it should not be "
        "upgraded yet, install the same Banshou version as the other PCs on this one.",
    },
    "db.schema_moved": {
        "zh_CN": "另一台电脑已把数据库升级到新版本。请保存手头的工作，关闭扳手，并在本机升级扳手。",
        "en": "Another PC has upgraded the database to a newer version. Save your work, close Banshou and "
        "upgrade it on this PC.",
    },
    "db.connection_lost": {
        "zh_CN": "与数据库的连接中断，正在重试……",
        "en": "The connection to the database was lost; retrying…",
    },
    # -- moving a SQLite database to PostgreSQL ------------------------------------------------------------
    "db.migrate_needs_postgres": {
        "zh_CN": "请用 --to postgresql://用户名@服务器/数据库名 指定目标数据库，或先用“banshou db use”选好 PostgreSQL。",
        "en": "Name the target with --to postgresql://user@server/database, or choose PostgreSQL first with "
        "“banshou db use”.",
    },
    "db.source_missing": {
        "zh_CN": "找不到 SQLite 数据库文件：{path}",
        "en": "SQLite database file not found: {path}",
    },
    "db.source_not_banshou": {
        "zh_CN": "{path} 不是扳手的数据库。",
        "en": "{path} is not a Banshou database.",
    },
    "db.target_not_empty": {
        "zh_CN": "目标数据库已有数据（表 {table} 有 {rows} 行）。迁移只写入空数据库，已有的数据不会被覆盖。",
        "en": "The target database already holds data (table {table} has {rows} rows). Data is only moved into "
        "an empty database; nothing was overwritten.",
    },
    "db.copy_mismatch": {
        "zh_CN": "迁移后核对不一致：表 {table} 源 {source_rows} 行、目标 {target_rows} 行，校验和 {source_sum} / {target_sum}。"
        "数据文件夹仍使用原来的数据库；请清空目标数据库后重试。",
        "en": "The check after copying failed: table {table} has {source_rows} rows in the source and "
        "{target_rows} in the target, checksums {source_sum} / {target_sum}. The data folder still uses its old database; "
        "empty the target database and try again.",
    },
    # -- command output ------------------------------------------------------------------------------------
    "db.show": {
        "zh_CN": "数据库：{where}（结构版本 {revision}，本机扳手支持到 {head}）",
        "en": "Database: {where} (schema {revision}; this Banshou supports up to {head})",
    },
    "db.show_unreachable": {
        "zh_CN": "数据库：{where}（现在连接不上：{reason}）",
        "en": "Database: {where} (cannot connect now: {reason})",
    },
    "db.saved": {
        "zh_CN": "已改用数据库：{where}。{password}",
        "en": "This data folder now uses: {where}. {password}",
    },
    "db.password_saved": {
        "zh_CN": "密码已存入系统密码库。",
        "en": "The password is in the OS keyring.",
    },
    "db.upgrade_question": {
        "zh_CN": "数据库将从结构 {current} 升级到 {head}（扳手 {client}）。升级后，其他电脑必须也升级扳手才能继续使用。"
        "请先让其他电脑退出扳手。继续吗？[y/N] ",
        "en": "The database will be upgraded from {current} to {head} (Banshou {client}). Afterwards every other "
        "PC must upgrade Banshou too. Close Banshou on the other PCs first. Continue? [y/N] ",
    },
    "db.upgraded": {
        "zh_CN": "数据库已是本机扳手的结构（{head}）。请在其他电脑上也升级扳手。",
        "en": "The database has this Banshou's structure ({head}). Upgrade Banshou on the other PCs too.",
    },
    "db.copied_table": {
        "zh_CN": "{table}：{rows} 行，校验一致",
        "en": "{table}: {rows} rows, checksums match",
    },
    "db.copied": {
        "zh_CN": "已把 {source} 的 {tables} 张表、共 {rows} 行复制到 {target}，行数和校验和全部一致（复制 {copy} 秒，核对 {verify} 秒）。"
        "数据文件夹已改用 PostgreSQL；原 SQLite 文件没有改动。",
        "en": "Copied {tables} tables, {rows} rows in all, from {source} to {target}; row counts and checksums all "
        "match (copy {copy} s, check {verify} s). The data folder now uses PostgreSQL; the SQLite file was not changed.",
    },
}
