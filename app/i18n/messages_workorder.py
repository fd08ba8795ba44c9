"""Messages of intake, work orders, lines, settlement, vehicles, staff and shop settings."""

MESSAGES: dict[str, dict[str, str]] = {
    "workorder.bad_transition": {
        "zh_CN": "工单当前是“{current}”状态，不能改为“{target}”。",
        "en": "The work order is “{current}” and cannot become “{target}”.",
    },
    "workorder.read_only": {
        "zh_CN": "工单已是“{state}”状态，不能再修改。已结算的工单请用“更正”生成新版本。",
        "en": "The work order is “{state}” and can no longer be edited. Use “Correct” on a settled order to make a new revision.",
    },
    "workorder.already_settled": {
        "zh_CN": "这张工单已经结算过了（结算清单编号 {number}），没有重复结算。",
        "en": "This work order was already settled (list number {number}); it was not settled twice.",
    },
    "workorder.category_invalid": {
        "zh_CN": "请选择维修类别（收到的是“{code}”）。",
        "en": "Please choose a repair category (got “{code}”).",
    },
    "workorder.standard_invalid": {
        "zh_CN": "请选择工时定额执行标准（收到的是“{code}”）。",
        "en": "Please choose the labour-time standard (got “{code}”).",
    },
    "workorder.advisor_invalid": {
        "zh_CN": "所选服务顾问不存在或已停用，请重新选择。",
        "en": "The chosen service advisor does not exist or is disabled; please choose again.",
    },
    "workorder.technician_invalid": {
        "zh_CN": "第 {row} 行工时的维修技师不存在，请重新选择。",
        "en": "The technician on labour row {row} does not exist; please choose again.",
    },
    "workorder.cancel_reason_required": {
        "zh_CN": "作废工单需要填写原因。",
        "en": "Please give a reason for cancelling the work order.",
    },
    "workorder.certificate_required": {
        "zh_CN": "二级维护、总成修理和整车修理完工时需要填写竣工出厂合格证编号。",
        "en": "Second-level maintenance, assembly and complete-vehicle overhauls need the completion certificate number.",
    },
    "workorder.mileage_out_lower": {
        "zh_CN": "出厂里程 {km} 公里小于送修里程 {intake} 公里，请核对。",
        "en": "Mileage out ({km} km) is lower than the intake mileage ({intake} km); please check.",
    },
    "line.labour_item_empty": {
        "zh_CN": "第 {row} 行工时没有填写维修项目。",
        "en": "Labour row {row} has no repair item.",
    },
    "line.part_name_empty": {
        "zh_CN": "第 {row} 行材料没有填写名称。",
        "en": "Part row {row} has no name.",
    },
    "line.fee_name_empty": {
        "zh_CN": "第 {row} 行其他费用没有填写项目名称。",
        "en": "Fee row {row} has no name.",
    },
    "line.too_long": {
        "zh_CN": "第 {row} 行内容太长，最多 {max} 个字符。",
        "en": "Row {row} is too long: at most {max} characters.",
    },
    "line.hours_negative": {
        "zh_CN": "第 {row} 行工时不能为负数。",
        "en": "Labour hours on row {row} cannot be negative.",
    },
    "line.hours_precision": {
        "zh_CN": "第 {row} 行工时 {hours} 最多保留 1 位小数（例如 1.5）。",
        "en": "Labour hours {hours} on row {row} may have at most one decimal (e.g. 1.5).",
    },
    "line.quantity_not_positive": {
        "zh_CN": "第 {row} 行材料数量必须大于 0。",
        "en": "The quantity on part row {row} must be greater than 0.",
    },
    "line.quantity_precision": {
        "zh_CN": "第 {row} 行材料数量 {quantity} 最多保留 2 位小数。",
        "en": "The quantity {quantity} on part row {row} may have at most two decimals.",
    },
    "line.price_negative": {
        "zh_CN": "第 {row} 行的价格不能为负数。",
        "en": "The price on row {row} cannot be negative.",
    },
    "line.part_category": {
        "zh_CN": "第 {row} 行请选择配件类型（原厂/同质/品牌/副厂/再制造/修复/拆车）。",
        "en": "Row {row}: choose a part category (OEM, equivalent, brand, aftermarket, remanufactured, repaired, salvaged).",
    },
    "line.unit_empty": {
        "zh_CN": "第 {row} 行材料请填写单位（如 个、升、套）。",
        "en": "Part row {row} needs a unit (e.g. piece, litre, set).",
    },
    "settle.no_lines": {
        "zh_CN": "结算前至少需要一行工时或材料。",
        "en": "A work order needs at least one labour or part line before it can be settled.",
    },
    "settle.discount_negative": {
        "zh_CN": "优惠金额不能为负数。",
        "en": "The discount cannot be negative.",
    },
    "settle.discount_too_large": {
        "zh_CN": "优惠金额不能超过合计金额 {gross} 元。",
        "en": "The discount cannot exceed the total of ¥{gross}.",
    },
    "settle.payments_mismatch": {
        "zh_CN": "收款合计 {paid} 元与应付金额 {due} 元不一致，请核对收款方式和金额。",
        "en": "Payments total ¥{paid} but ¥{due} is due; please check the payment methods and amounts.",
    },
    "settle.payment_method_invalid": {
        "zh_CN": "不支持的收款方式：{method}。",
        "en": "Unknown payment method: {method}.",
    },
    "settle.old_parts_invalid": {
        "zh_CN": "请选择旧件处理方式（收到的是“{value}”）。",
        "en": "Please choose what happens to the old parts (got “{value}”).",
    },
    "settle.shop_not_configured": {
        "zh_CN": "还没有填写本店信息（名称、信用代码、结算单号前缀），请先在“设置”中填写。",
        "en": "The shop's details (name, credit code, list number prefix) are missing; fill them in under Settings first.",
    },
    "settle.correction_not_allowed": {
        "zh_CN": "只有已结算且未被更正的工单可以更正（当前状态：{state}）。",
        "en": "Only a settled order that has not been corrected yet can be corrected (state: {state}).",
    },
    "settle.correction_open": {
        "zh_CN": "这张结算清单已有一个未结算的更正版本（工单 {id}），请先完成它。",
        "en": "This settlement list already has an unsettled correction (work order {id}); finish that first.",
    },
    "vehicle.phone_invalid": {
        "zh_CN": "电话号码“{phone}”格式不对，只能包含数字、空格、+ 和 -。",
        "en": "The phone number “{phone}” is not valid: use digits, spaces, + and - only.",
    },
    "vehicle.type_invalid": {
        "zh_CN": "请选择车辆类型（收到的是“{type}”）。",
        "en": "Please choose a vehicle type (got “{type}”).",
    },
    "vehicle.vin_exists": {
        "zh_CN": "车架号 {vin} 已经登记过了，请在搜索框中查找这辆车。",
        "en": "VIN {vin} is already registered; search for the vehicle instead.",
    },
    "staff.role_invalid": {
        "zh_CN": "未知的岗位：{role}。",
        "en": "Unknown role: {role}.",
    },
    "shop.credit_code_length": {
        "zh_CN": "统一社会信用代码应为 18 位，现在是 {length} 位。",
        "en": "The unified social credit code has 18 characters; this one has {length}.",
    },
    "shop.credit_code_chars": {
        "zh_CN": "统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）。",
        "en": "The unified social credit code uses digits and capital letters only (no I, O, Z, S, V).",
    },
    "shop.credit_code_check": {
        "zh_CN": "统一社会信用代码最后一位校验码应为 {expected}，实际为 {actual}，请核对营业执照。",
        "en": "The credit code's check character should be {expected}, not {actual}; please check the business licence.",
    },
    "shop.prefix_invalid": {
        "zh_CN": "结算单号前缀“{prefix}”只能是 1–12 位英文字母或数字（如 SH01）。",
        "en": "The list number prefix “{prefix}” must be 1–12 letters or digits (e.g. SH01).",
    },
    "shop.company_code_invalid": {
        "zh_CN": "企业编码只能包含数字和英文字母。",
        "en": "The enterprise code may contain only digits and letters.",
    },
    "shop.province_invalid": {
        "zh_CN": "“{province}”不是省份简称。",
        "en": "“{province}” is not a province abbreviation.",
    },
}
