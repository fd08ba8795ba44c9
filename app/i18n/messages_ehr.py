"""Messages of the ehr area: code → {"zh_CN": …, "en": …}; placeholders use str.format names.

Messages about one field use ``{label}``: :func:`app.ehr.results.explain` fills it with the field's name
in the reader's language (``ehr.field.*`` below); plain ``render_issue`` falls back to the wire name.
"""

_FIELDS: dict[str, tuple[str, str]] = {
    "vehicleplatenumber": ("车牌号码", "plate number"),
    "vehicleplatecolor": ("车牌颜色", "plate colour"),
    "companyname": ("维修企业名称", "shop name"),
    "vin": ("车辆识别代码（VIN）", "VIN"),
    "repairdate": ("送修日期", "intake date"),
    "repairmileage": ("送修里程", "intake mileage"),
    "settledate": ("结算日期", "settle date"),
    "faultdescription": ("故障描述", "fault description"),
    "costlistcode": ("结算清单编号", "settlement list number"),
    "repairprojectlist": ("维修项目", "labour lines"),
    "repairproject": ("维修项目名称", "labour item"),
    "workinghours": ("工时", "labour hours"),
    "vehiclepartslist": ("配件", "part lines"),
    "partsname": ("配件名称", "part name"),
    "partscode": ("配件编码", "part code"),
    "partsquantity": ("配件数量", "part quantity"),
    "basicInfo": ("基本信息", "basic information"),
    "state": ("工单状态", "work-order state"),
    # the §9.1 sandbox waste call (wasteInfo and its wastelist lines)
    "manifestno": ("联单编号", "manifest number"),
    "handoverdate": ("转移日期", "handover date"),
    "receivername": ("接收单位", "receiver"),
    "receiverlicenseno": ("接收单位许可证编号", "receiver's licence number"),
    "carriername": ("运输单位", "carrier"),
    "carrierplate": ("运输车牌", "carrier plate"),
    "wastelist": ("危废明细", "waste lines"),
    "wastecategory": ("危废类别", "waste category"),
    "wastecode": ("危废代码", "waste code"),
    "wastename": ("危废名称", "waste name"),
    "containercode": ("容器编号", "container code"),
    "quantity": ("数量", "quantity"),
    "unit": ("单位", "unit"),
    "weightkg": ("重量（kg）", "weight (kg)"),
}

MESSAGES: dict[str, dict[str, str]] = {
    f"ehr.field.{name}": {"zh_CN": zh, "en": en} for name, (zh, en) in _FIELDS.items()
}

MESSAGES |= {
    # -- profiles and client settings --
    "ehr.profile.not_found": {
        "zh_CN": "找不到省份配置“{name}”。请在设置中重新选择省份。",
        "en": "The province profile “{name}” was not found. Choose the province again in the settings.",
    },
    "ehr.profile.invalid": {
        "zh_CN": "省份配置“{name}”有误，无法使用：{reason}",
        "en": "The province profile “{name}” is invalid and cannot be used: {reason}",
    },
    "ehr.profile.insecure_url": {
        "zh_CN": "省份配置“{name}”的平台地址 {url} 没有加密（http），会明文发送密码，已拒绝。请使用 https 地址。",
        "en": "The platform address {url} in profile “{name}” is not encrypted (http) and would send the "
        "password in clear text, so it was refused. Use an https address.",
    },
    "ehr.profile.placeholder_url": {
        "zh_CN": "还没有填写省平台的接口地址（省份配置“{name}”）。请在设置中填写主管部门提供的地址。",
        "en": "The provincial platform address is not filled in yet (profile “{name}”). Enter the address "
        "your transport authority gave you in the settings.",
    },
    "ehr.profile.ca_bundle_unreadable": {
        "zh_CN": "无法读取证书文件 {path}。请检查设置中的证书路径。",
        "en": "The certificate file {path} cannot be read. Check the certificate path in the settings.",
    },
    "ehr.client.no_company_code": {
        "zh_CN": "还没有填写企业编码。请在店铺设置中填写省平台分配的企业编码。",
        "en": "The company code is missing. Enter the code the provincial platform gave you in the shop "
        "settings.",
    },
    # -- our own checks before anything is sent --
    "ehr.payload.not_settled": {
        "zh_CN": "工单尚未结算（当前状态：{state}），不能上传。",
        "en": "The work order is not settled yet (state: {state}), so it cannot be uploaded.",
    },
    "ehr.payload.waste_not_dispatched": {
        "zh_CN": "危废转移记录尚未出库（当前状态：{status}），不能上传。",
        "en": "The waste handoff has not left yet (status: {status}), so it cannot be uploaded.",
    },
    "ehr.waste.not_enabled": {
        "zh_CN": "省份配置“{name}”未开通危废上传。请使用导出功能把转移记录交给主管部门。",
        "en": "The province profile “{name}” has no waste upload. Use the export to hand the handoff records over.",
    },
    "ehr.payload.missing": {
        "zh_CN": "上传前检查：缺少“{label}”。请补全后再上传。",
        "en": "Check before upload: “{label}” is missing. Fill it in and upload again.",
    },
    "ehr.payload.line_missing": {
        "zh_CN": "上传前检查：第 {line} 行缺少“{label}”。",
        "en": "Check before upload: line {line} has no “{label}”.",
    },
    "ehr.payload.too_long": {
        "zh_CN": "上传前检查：“{label}”有 {length} 个字，超过平台上限 {limit} 个字。请缩短，系统不会自动截断。",
        "en": "Check before upload: “{label}” has {length} characters, more than the platform's {limit}. "
        "Please shorten it; nothing is cut automatically.",
    },
    "ehr.payload.line_too_long": {
        "zh_CN": "上传前检查：第 {line} 行的“{label}”有 {length} 个字，超过平台上限 {limit} 个字。",
        "en": "Check before upload: “{label}” on line {line} has {length} characters, more than the "
        "platform's {limit}.",
    },
    "ehr.payload.not_ascii": {
        "zh_CN": "上传前检查：“{label}”只能使用英文字母、数字和符号。",
        "en": "Check before upload: “{label}” may only use English letters, digits and symbols.",
    },
    "ehr.payload.out_of_range": {
        "zh_CN": "上传前检查：“{label}”的值 {value} 超出允许范围。",
        "en": "Check before upload: {value} is outside the allowed range for “{label}”.",
    },
    "ehr.payload.no_lines": {
        "zh_CN": "上传前检查：工单至少要有一个维修项目或一个配件。",
        "en": "Check before upload: the work order needs at least one labour line or one part.",
    },
    "ehr.payload.part_code_placeholder": {
        "zh_CN": "上传前检查：第 {line} 行的配件编码是“{value}”。请填写真实的配件编码或本店编码。",
        "en": "Check before upload: the part code on line {line} is “{value}”. Enter the real part number "
        "or the shop's own code.",
    },
    "ehr.payload.bad_number": {
        "zh_CN": "上传前检查：第 {line} 行的“{label}”为 {value}，数值不合要求。",
        "en": "Check before upload: “{label}” on line {line} is {value}, which is not allowed.",
    },
    "ehr.payload.too_precise": {
        "zh_CN": "上传前检查：第 {line} 行的“{label}”为 {value}，最多只能有 {places} 位小数。",
        "en": "Check before upload: “{label}” on line {line} is {value}; at most {places} decimal(s) "
        "are allowed.",
    },
    "ehr.payload.plate_colour_unknown": {
        "zh_CN": "上传前检查：车牌颜色代码 {colour} 无法换成平台要求的文字。请在车辆资料中选择车牌颜色。",
        "en": "Check before upload: plate colour code {colour} has no word the platform accepts. Choose "
        "the plate colour in the vehicle details.",
    },
    # -- what the platform answered --
    "ehr.upload.accepted": {
        "zh_CN": "已上传到省平台。",
        "en": "Uploaded to the provincial platform.",
    },
    "ehr.upload.duplicate_accepted": {
        "zh_CN": "省平台已有这条记录（重复上传），视为上传成功。",
        "en": "The provincial platform already had this record (repeat upload); counted as uploaded.",
    },
    "ehr.upload.rejected": {
        "zh_CN": "省平台拒收了这条记录。平台说明：{status}",
        "en": "The provincial platform refused this record. Its reason: {status}",
    },
    "ehr.upload.rejected_field": {
        "zh_CN": "省平台拒收了这条记录，问题在“{label}”。请改正后重新上传。平台说明：{status}",
        "en": "The provincial platform refused this record because of the {label}. Correct it and upload "
        "again. Its reason: {status}",
    },
    "ehr.upload.auth_failed": {
        "zh_CN": "省平台登录失败，企业编码或密码不对。请在设置中核对。平台说明：{status}",
        "en": "Signing in to the provincial platform failed: the company code or password is wrong. Check "
        "them in the settings. Its reason: {status}",
    },
    "ehr.upload.token_refused": {
        "zh_CN": "重新登录后省平台仍不接受登录凭证。请稍后再试，或联系主管部门。平台说明：{status}",
        "en": "The provincial platform still refused the sign-in after signing in again. Try later or "
        "contact the authority. Its reason: {status}",
    },
    "ehr.upload.unreachable": {
        "zh_CN": "连不上省平台（网络不通或平台关闭），稍后会自动重试。",
        "en": "The provincial platform cannot be reached (network down or platform offline); it will be "
        "retried automatically.",
    },
    "ehr.upload.tls_failed": {
        "zh_CN": "省平台的安全证书校验没有通过，为安全起见没有发送。请检查电脑时间，或联系技术支持。",
        "en": "The provincial platform's security certificate did not check out, so nothing was sent. "
        "Check the computer's clock or contact support.",
    },
    "ehr.upload.no_answer": {
        "zh_CN": "记录已发出，但省平台没有回应，可能已经收到。稍后会用同一结算清单编号重试。",
        "en": "The record was sent but the platform did not answer; it may have arrived. It will be "
        "retried with the same settlement list number.",
    },
    "ehr.upload.rate_limited": {
        "zh_CN": "省平台繁忙（请求过多），约 {seconds} 秒后自动重试。",
        "en": "The provincial platform is busy (too many requests); retrying in about {seconds} s.",
    },
    "ehr.upload.server_error": {
        "zh_CN": "省平台出错（HTTP {http_status}），稍后会自动重试。",
        "en": "The provincial platform had an error (HTTP {http_status}); it will be retried automatically.",
    },
    "ehr.upload.http_error": {
        "zh_CN": "省平台返回了意外的结果（HTTP {http_status}），稍后会自动重试。如果一直这样，请检查接口地址。",
        "en": "The provincial platform gave an unexpected answer (HTTP {http_status}); it will be retried. "
        "If this keeps happening, check the platform address.",
    },
    "ehr.upload.malformed": {
        "zh_CN": "省平台的回应无法识别，记录可能已经收到。稍后会自动重试。",
        "en": "The provincial platform's answer could not be read; the record may have arrived. It will be "
        "retried automatically.",
    },
    "ehr.upload.server_time_failed": {
        "zh_CN": "无法从省平台取得时间，记录没有发出，稍后会自动重试。",
        "en": "The platform's time could not be fetched, so nothing was sent; it will be retried.",
    },
    "ehr.connection.ok": {
        "zh_CN": "连接成功：省平台接受了企业编码和密码。",
        "en": "Connected: the provincial platform accepted the company code and password.",
    },
}
