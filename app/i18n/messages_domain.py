"""Messages of the domain area: code → {"zh_CN": …, "en": …}; placeholders use str.format names.

Each message says what is wrong and what to do about it, in the words a shop uses, because it is shown
under a field to a clerk with a queue of owners waiting (see ux.md, "Fewer mistakes"). Warnings end with
what to do if the value is right after all: confirm with a reason.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- plate (app/domain/plate.py) ---
    "plate.empty": {
        "zh_CN": "请填写车牌号码，如 京A12345。还没上牌的新车，需由店主填写原因后才能继续。",
        "en": "Enter the plate number, e.g. 京A12345. For a new car without a plate yet, the shop owner must "
        "enter a reason to continue.",
    },
    "plate.province": {
        "zh_CN": "车牌第1位应是省份简称（如 京、沪、粤），现在是“{char}”。请从省份简称中选择。",
        "en": "A plate starts with a province character (e.g. 京, 沪, 粤), not “{char}”. Pick the province "
        "character.",
    },
    "plate.length": {
        "zh_CN": "车牌“{plate}”有 {length} 位。普通车牌是 7 位（如 京A12345），新能源车牌是 8 位"
        "（如 粤BD12345、京A12345D），请核对是否多输或漏输了字符。",
        "en": "Plate “{plate}” has {length} characters. Ordinary plates have 7 (e.g. 京A12345) and new-energy "
        "plates 8 (e.g. 粤BD12345, 京A12345D); check for a missing or extra character.",
    },
    "plate.office": {
        "zh_CN": "车牌第2位应是发牌机关的字母（A–Z，如 京A12345 中的 A），现在是“{char}”。请核对。",
        "en": "The second character of a plate is the issuing office's letter (A–Z, like the A in 京A12345), "
        "not “{char}”. Check the plate.",
    },
    "plate.letter_io": {
        "zh_CN": "车牌第{position}位是字母 {char}，但车牌号码不用字母 I 和 O。请核对是否应为数字 {digit}。",
        "en": "Character {position} of the plate is the letter {char}, but plates never use the letters I and "
        "O. Did you mean the digit {digit}?",
    },
    "plate.nev_energy": {
        "zh_CN": "8 位车牌是新能源车牌：小型车第3位、大型车最后一位是能源字母（D 纯电动、F 混合动力等，"
        "A–K 中除 I 外），但第{position}位是“{char}”。请核对车牌。",
        "en": "An 8-character plate is a new-energy plate: the energy letter (D electric, F hybrid, or another "
        "of A–K except I) is the 3rd character on small vehicles and the last on large ones, but character "
        "{position} is “{char}”. Check the plate.",
    },
    "plate.digit": {
        "zh_CN": "车牌第{position}位应是数字，现在是字母“{char}”。请核对车牌。",
        "en": "Character {position} of the plate should be a digit, not the letter “{char}”. Check the plate.",
    },
    "plate.chars": {
        "zh_CN": "车牌第{position}位的“{char}”不能用在这里。车牌除第1位省份简称外只用数字和字母，"
        "只有最后一位可以是 挂、学、警、港、澳 或 领。",
        "en": "“{char}” cannot be character {position} of a plate. After the province character a plate has "
        "only digits and letters; only the last character may be 挂, 学, 警, 港, 澳 or 领.",
    },
    "plate.colour_unknown": {
        "zh_CN": "号牌颜色代码 {colour} 无效，请从列表中选择号牌颜色。",
        "en": "Plate colour code {colour} is not valid; choose the plate colour from the list.",
    },
    "plate.colour_mismatch": {
        "zh_CN": "车牌“{plate}”是 {length} 位，和所选的号牌颜色对不上：8 位新能源车牌一般是渐变绿（小型车）"
        "或黄绿色（大型车），7 位车牌一般不是绿色。请核对颜色；确实如此的，填写原因后继续。",
        "en": "Plate “{plate}” has {length} characters, which does not fit the chosen colour: 8-character "
        "new-energy plates are gradient green (small vehicles) or yellow-green (large vehicles), and "
        "7-character plates are not green. Check the colour; if it is right, enter a reason and continue.",
    },
    # --- VIN (app/domain/vin.py) ---
    "vin.empty": {
        "zh_CN": "请填写车架号（17 位）。行驶证上、前挡风玻璃左下角或车门框铭牌上都能找到。",
        "en": "Enter the VIN (17 characters). It is on the registration certificate, at the lower left of "
        "the windscreen and on the door-frame plate.",
    },
    "vin.length": {
        "zh_CN": "车架号“{vin}”有 {length} 位，应为 17 位。请对照行驶证核对是否多输或漏输了字符。",
        "en": "VIN “{vin}” has {length} characters; a VIN has 17. Check it against the registration "
        "certificate for a missing or extra character.",
    },
    "vin.chars": {
        "zh_CN": "车架号第{position}位的“{char}”不是数字或字母。车架号只由数字和英文字母组成，请核对。",
        "en": "Character {position} of the VIN, “{char}”, is not a digit or letter. A VIN has only digits "
        "and letters; check it.",
    },
    "vin.forbidden_letter": {
        "zh_CN": "车架号第{positions}位是字母 {letters}，但车架号从不使用 I、O、Q。请核对是否把 0 输成了 O、"
        "把 1 输成了 I；可能应为 {suggestion}，请对照行驶证确认后再改。",
        "en": "The VIN has the letter(s) {letters} at position(s) {positions}, but VINs never use I, O or Q. "
        "Did you type O for 0 or I for 1? It may be {suggestion}; check the registration certificate "
        "before changing it.",
    },
    "vin.check_digit": {
        "zh_CN": "车架号第9位校验码应为 {expected}，实际为 {actual}。请核对是否有输错的字符；"
        "进口车可能没有校验位，可填写原因后继续。",
        "en": "The VIN's check digit (9th character) should be {expected} but is {actual}. Look for a "
        "mistyped character; some imported cars have no check digit, in which case enter a reason and "
        "continue.",
    },
    # --- mileage (app/domain/rules.py) ---
    "mileage.invalid": {
        "zh_CN": "里程“{text}”无法识别。请只填整数公里数，如 12345 或 12,345。",
        "en": "Mileage “{text}” is not a number of kilometres. Enter whole kilometres, e.g. 12345 or 12,345.",
    },
    "mileage.range": {
        "zh_CN": "里程 {km} 公里不合理，应在 0 到 {max} 公里之间。请核对是否多输了数字。",
        "en": "A mileage of {km} km is not possible; it must be between 0 and {max} km. Check for extra "
        "digits.",
    },
    "mileage.zero": {
        "zh_CN": "里程填的是 0。请按仪表上的读数填写，不知道就先看一下仪表；确实是 0 公里的，填写原因后继续。",
        "en": "The mileage is 0. Enter the reading on the odometer (have a look at it if unsure); if it "
        "really is 0 km, enter a reason and continue.",
    },
    "mileage.lower_than_last": {
        "zh_CN": "里程 {km} 公里比上次记录的 {last_km} 公里（{last_date}）还少。请核对是否输错；"
        "如换过仪表，请填写原因后继续。",
        "en": "The mileage of {km} km is lower than the {last_km} km recorded last time ({last_date}). "
        "Check for a typo; if the instrument cluster was replaced, enter a reason and continue.",
    },
    "mileage.too_fast": {
        "zh_CN": "里程 {km} 公里与上次（{last_date}，{last_km} 公里）相隔 {days} 天，相当于每天行驶 "
        "{per_day} 公里。请核对是否多输了一位数字；确实如此的，填写原因后继续。",
        "en": "{km} km against {last_km} km last time ({last_date}, {days} day(s) ago) means {per_day} km a "
        "day. Check for an extra digit; if it is right, enter a reason and continue.",
    },
    # --- dates (app/domain/rules.py) ---
    "date.invalid": {
        "zh_CN": "日期“{text}”无法识别。请按 2026-11-26、2026/11/26、20261126 或 2026年11月26日 的格式填写。",
        "en": "“{text}” is not a date. Write it as 2026-11-26, 2026/11/26, 20261126 or 2026年11月26日.",
    },
    "date.future": {
        "zh_CN": "日期 {date} 晚于今天（{today}），不能填写将来的日期。请核对年、月、日；"
        "如果电脑日期不对，请先校准电脑时间。",
        "en": "The date {date} is after today ({today}); future dates are not allowed. Check the year, "
        "month and day; if the computer's date is wrong, correct the clock first.",
    },
    "date.settle_before_intake": {
        "zh_CN": "结算日期 {settle} 早于送修日期 {intake}。请核对这两个日期。",
        "en": "The settlement date {settle} is before the intake date {intake}. Check both dates.",
    },
    "date.long_gap": {
        "zh_CN": "送修日期 {intake} 比结算日期 {settle} 早 {days} 天（超过 180 天）。请核对日期是否填错；"
        "确实在修这么久的，填写原因后继续。",
        "en": "The intake date {intake} is {days} days before the settlement date {settle} (more than 180). "
        "Check for a wrong date; if the car really was in for that long, enter a reason and continue.",
    },
    # --- money (app/domain/money.py) ---
    "money.invalid": {
        "zh_CN": "金额“{text}”无法识别。请只填数字，如 128 或 1,280.50。",
        "en": "“{text}” is not an amount. Enter digits only, e.g. 128 or 1,280.50.",
    },
    "money.negative": {
        "zh_CN": "金额不能是负数（“{text}”）。请填写正数金额。",
        "en": "An amount cannot be negative (“{text}”). Enter a positive amount.",
    },
    "money.too_precise": {
        "zh_CN": "金额“{text}”的小数超过两位。金额最多精确到分，如 42.78。",
        "en": "The amount “{text}” has more than two decimals. Amounts go down to the fen, e.g. 42.78.",
    },
    "money.too_large": {
        "zh_CN": "金额 {text} 元太大（最多 {max} 元）。请核对数量和单价。",
        "en": "The amount ¥{text} is too large (at most ¥{max}). Check the quantity and the price.",
    },
}
