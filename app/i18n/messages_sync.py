"""Messages of the sync engine, the credential store and training mode: code → {"zh_CN": …, "en": …}."""

MESSAGES: dict[str, dict[str, str]] = {
    "secrets.no_keyring": {
        "zh_CN": "本机没有可用的安全密码库（系统钥匙串），无法保存电子健康档案密码。"
        "扳手不会把密码存到其他地方；请在 Windows 凭据管理器或桌面系统的密码库可用后再设置。",
        "en": "This computer has no secure password store (OS keyring), so the EHR password cannot be saved. "
        "Banshou never stores it anywhere else; set it up once a keyring is available.",
    },
    "secrets.no_password": {
        "zh_CN": "尚未保存企业编码 {company_code} 的电子健康档案密码，请在“设置 › 电子健康档案”中输入。",
        "en": "No EHR password is saved for enterprise code {company_code}; enter it under Settings › EHR.",
    },
    "secrets.keyring_failed": {
        "zh_CN": "系统密码库出错：{reason}",
        "en": "The OS keyring failed: {reason}",
    },
    "secrets.empty_password": {
        "zh_CN": "密码不能为空。",
        "en": "The password must not be empty.",
    },
    "sync.training_to_real": {
        "zh_CN": "这个数据文件夹是培训模式的，里面的练习工单不能上传到正式的电子健康档案系统。"
        "请为正式上传使用新的数据文件夹。",
        "en": "This data folder is a training folder: its practice records can never go to a real EHR. "
        "Use a new data folder for real uploads.",
    },
    "sync.record_missing": {
        "zh_CN": "找不到要上传的工单（编号 {id}）。",
        "en": "The work order to upload (id {id}) no longer exists.",
    },
    "sync.correction_manual_only": {
        "zh_CN": "本省系统不接受接口更正：请登录省级电子健康档案网站，手工更正结算清单 {number}。",
        "en": "This province accepts no corrections through the interface: correct settlement list {number} "
        "on the provincial EHR portal.",
    },
    "sync.internal_error": {
        "zh_CN": "上传时程序出错，稍后会自动重试：{reason}",
        "en": "Banshou hit an error while uploading; it will retry later: {reason}",
    },
    "sync.no_shop": {
        "zh_CN": "尚未设置本店信息，无法上传。",
        "en": "The shop details are not set up yet, so nothing can be uploaded.",
    },
    "sync.no_company_code": {
        "zh_CN": "尚未填写电子健康档案企业编码。",
        "en": "The EHR enterprise code is not set yet.",
    },
    "sync.auth_paused": {
        "zh_CN": "企业编码或密码不正确，上传已暂停。请在“设置 › 电子健康档案”中改正后再试。",
        "en": "The enterprise code or password is wrong; uploading is paused. Fix it under Settings › EHR.",
    },
    "sync.needs_attention": {
        "zh_CN": "已等待 {hours} 小时仍未上传成功（仍在自动重试）。最近一次：{reason}",
        "en": "Still not uploaded after {hours} hours (retries go on). Last attempt: {reason}",
    },
    "sync.training_sandbox_failed": {
        "zh_CN": "培训模式的模拟服务器无法启动：{reason}",
        "en": "The training-mode sandbox could not start: {reason}",
    },
    "sync.real_profile_in_training_folder": {
        "zh_CN": "当前数据文件夹是培训模式的，不能改为正式省份。请用新的数据文件夹（--data-dir）设置正式上传。",
        "en": "This data folder is a training folder and cannot switch to a real province. "
        "Set up real uploads in a new data folder (--data-dir).",
    },
}
