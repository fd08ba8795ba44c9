"""What a job costs: labour lines from the repair items, parts drawn from each item's typical parts, the
odd extra fee, and the settlement request (discount, payments, old parts, warranty) a cashier would make.

Amounts are never computed here: lines carry hours, quantities and unit prices, and the services' own
``billing`` functions turn them into money on both write paths.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from functools import cache

from app.domain.workorder import WARRANTY_MINIMUMS
from app.seed.catalogue import Catalogue, CataloguePart, RepairItem
from app.seed.draw import Weighted, digits
from app.seed.plan import Lines
from app.services import billing
from app.services.dto import FeeLine, LabourLine, PartLine, Payment
from app.services.settlement import SettleRequest

_TENTH = Decimal("0.1")
_HALF = Decimal("0.5")

# 配件类型 weights: small shops mostly fit OEM, brand and OEM-equivalent parts.
_CATEGORIES = Weighted(
    ("oem", "brand", "equivalent", "aftermarket", "remanufactured", "repaired", "salvaged"),
    (34, 34, 22, 6, 1.5, 1, 1.5),
)
# Where in the catalogue's price range each category's price falls (fractions of high − low).
_PRICE_BAND = {
    "oem": (0.6, 1.0),
    "equivalent": (0.4, 0.85),
    "brand": (0.3, 0.8),
    "aftermarket": (0.0, 0.4),
    "remanufactured": (0.2, 0.5),
    "repaired": (0.1, 0.4),
    "salvaged": (0.1, 0.4),
}

# Aftermarket and OE-supplier brands by the kind of part (matched on the part name).
_BRANDS = (
    (("滤",), ("曼牌", "马勒", "博世", "豹王")),
    (("机油", "变速箱油", "助力转向油", "刹车油", "防冻液"), ("壳牌", "美孚", "嘉实多", "长城", "昆仑")),
    (("刹车", "分泵", "总泵", "手刹"), ("博世", "菲罗多", "天合TRW", "布雷博", "信义")),
    (("轮胎", "气门嘴", "补胎", "平衡块"), ("米其林", "普利司通", "固特异", "马牌", "玲珑", "朝阳")),
    (("蓄电池",), ("瓦尔塔", "风帆", "骆驼", "统一")),
    (("火花塞", "点火线圈"), ("NGK", "电装", "博世", "冠军")),
    (
        ("减震", "摆臂", "连杆", "球头", "轴承", "球笼", "防尘套", "脚胶"),
        ("萨克斯", "KYB", "蒙诺", "采埃孚", "舍弗勒"),
    ),
    (("漆", "原子灰", "稀释剂"), ("PPG", "杜邦", "鹦鹉", "立邦")),
    (("冷媒", "压缩机", "冷凝器", "空调"), ("巨化", "霍尼韦尔", "法雷奥", "电装")),
)
_DEFAULT_BRANDS = ("博世", "法雷奥", "德尔福", "电装", "舍弗勒", "盖茨")

# What shops write in 配件编码 for parts that have no OE number (spec, size, type); otherwise nothing.
_SPEC_CODES: dict[str, tuple[str, ...]] = {
    "机油": ("5W-30 SP", "0W-20 SP", "5W-40 SN"),
    "机油（4L桶装）": ("5W-30 SP 4L", "0W-20 SP 4L"),
    "火花塞（镍合金）": ("BKR6E-11", "K20PR-U11"),
    "火花塞（铱金）": ("ILKAR7B11", "SILZKR7B-11"),
    "刹车油": ("DOT 4 1L", "DOT 4 500ml"),
    "防冻液": ("-35℃ OAT 4L", "-40℃ G12 4L"),
    "自动变速箱油": ("ATF WS", "CVTF NS-3", "DCTF"),
    "手动变速箱油": ("75W-90 GL-4",),
    "助力转向油": ("PSF-4",),
    "雨刮片": ("24+16寸", "26+16寸"),
    "轮胎（205/55 R16）": ("205/55 R16 91V",),
    "轮胎（225/60 R17）": ("225/60 R17 99H",),
    "蓄电池": ("6-QW-60", "6-QW-45", "6-QW-70"),
    "启停蓄电池": ("AGM H6 70Ah", "EFB 60Ah"),
    "大灯灯泡": ("H7 12V 55W", "H4 12V 60/55W"),
    "发动机多楔带": ("6PK1200", "6PK1545", "5PK1100"),
    "冷媒R134a": ("R134a 300g",),
    "空调压缩机油": ("PAG46 250ml",),
}

# Quantities as shops bill them: (choices, weights); anything not listed is 1.
_QUANTITIES: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "机油": (("3.5", "4", "4.5", "5"), (2, 5, 2, 1)),
    "火花塞（镍合金）": (("4", "3", "6"), (85, 10, 5)),
    "火花塞（铱金）": (("4", "3", "6"), (85, 10, 5)),
    "刹车油": (("1", "2"), (60, 40)),
    "防冻液": (("1", "2"), (50, 50)),
    "自动变速箱油": (("4", "5", "6", "8"), (4, 3, 2, 1)),
    "手动变速箱油": (("2", "2.5", "3"), (3, 2, 1)),
    "冷媒R134a": (("2", "3"), (1, 1)),
    "前刹车盘": (("2", "1"), (9, 1)),
    "后刹车盘": (("2", "1"), (9, 1)),
    "前减震器": (("2", "1"), (8, 2)),
    "后减震器": (("2", "1"), (8, 2)),
    "下摆臂": (("1", "2"), (7, 3)),
    "平衡杆连杆": (("1", "2"), (6, 4)),
    "转向横拉杆球头": (("1", "2"), (7, 3)),
    "发动机脚胶": (("1", "2", "3"), (5, 3, 2)),
    "点火线圈": (("1", "4"), (7, 3)),
    "轮胎（205/55 R16）": (("1", "2", "4"), (3, 4, 3)),
    "轮胎（225/60 R17）": (("1", "2", "4"), (3, 4, 3)),
    "气门嘴": (("1", "2", "4"), (3, 4, 3)),
    "原子灰": (("0.5", "1", "1.5"), (4, 4, 2)),
    "汽车面漆": (("0.5", "1", "1.5"), (3, 5, 2)),
    "清漆": (("0.5", "1"), (5, 5)),
    "稀释剂": (("0.5", "1", "2"), (3, 5, 2)),
    "排气管垫片": (("1", "2"), (6, 4)),
    "大灯灯泡": (("1", "2"), (6, 4)),
    "玻璃胶": (("1", "2"), (7, 3)),
}
_QUANTITY_TABLES = {name: Weighted((Decimal(q) for q in qs), ws) for name, (qs, ws) in _QUANTITIES.items()}
_ONE = Decimal(1)
_WHOLE_JOB_PAINT = Decimal(4)  # a full respray uses about four times a panel's paint

_FEES = (("检测费", 50, 100), ("拖车费", 150, 400), ("辅料费", 10, 40), ("外加工费", 100, 500))
_PAYMENT_METHODS = Weighted(("wechat", "alipay", "cash", "card", "credit"), (50, 20, 15, 10, 5))

_JP_STYLE = frozenset(
    {
        "丰田",
        "本田",
        "日产",
        "马自达",
        "现代",
        "起亚",
        "雷克萨斯",
        "三菱",
        "铃木",
        "斯巴鲁",
        "英菲尼迪",
        "讴歌",
        "启辰",
        "理念",
        "思铭",
        "捷尼赛思",
        "双龙",
        "五十铃",
        "长安铃木",
    }
)
_VW_STYLE = frozenset({"大众", "奥迪", "斯柯达"})


@cache
def _brands_for(part_name: str) -> tuple[str, ...]:
    return next((b for keys, b in _BRANDS if any(k in part_name for k in keys)), _DEFAULT_BRANDS)


class LineMaker:
    """Builds the lines of one shop's orders: its labour rate, technicians and the catalogue."""

    def __init__(
        self, rng: random.Random, catalogue: Catalogue, labour_rate_fen: int, technicians: tuple[int, ...]
    ) -> None:
        self._rng = rng
        self._cat = catalogue
        self._rate = labour_rate_fen
        self._technicians = technicians

    def lines(self, items: list[RepairItem], brand: str, big_tyres: bool, domestic: bool) -> Lines:
        rng = self._rng
        labour = tuple(self._labour(item) for item in items)
        parts: list[PartLine] = []
        seen: set[str] = set()
        for item in items:
            for index, name in enumerate(item.parts):
                if index > 0 and rng.random() < 0.1:
                    continue  # most orders use a subset of the typical parts
                part = self._cat.parts[self._variant(name, big_tyres)]
                if part.name not in seen:
                    seen.add(part.name)
                    parts.append(self.part(part, brand, domestic, whole_job=item.name == "全车喷漆"))
        if rng.random() < 0.35 and "玻璃水" not in seen:  # topped up on most visits, billed by the bottle
            parts.append(self.part(self._cat.parts["玻璃水"], brand, domestic))
        fees = (self.fee(),) if rng.random() < 0.12 else ()
        return Lines(labour, tuple(parts), fees)

    def _labour(self, item: RepairItem) -> LabourLine:
        rng = self._rng
        hours = item.hours
        if rng.random() < 0.3 and item.high > item.low:
            drawn = Decimal(str(rng.uniform(float(item.low), float(item.high))))
            hours = max(item.low, (drawn / _HALF).quantize(_ONE) * _HALF).quantize(_TENTH)
        rate = self._rate if rng.random() < 0.9 else rng.randint(80, 120) * 100
        return LabourLine(
            item=item.name, hours=hours, rate_fen=rate, technician_id=rng.choice(self._technicians)
        )

    def _variant(self, name: str, big_tyres: bool) -> str:
        rng = self._rng
        if name == "火花塞（镍合金）" and rng.random() < 0.3:
            return "火花塞（铱金）"
        if name == "蓄电池" and rng.random() < 0.2:
            return "启停蓄电池"
        if name == "轮胎（205/55 R16）" and big_tyres:
            return "轮胎（225/60 R17）"
        return name

    def part(self, part: CataloguePart, make: str, domestic: bool, whole_job: bool = False) -> PartLine:
        rng = self._rng
        category = _CATEGORIES.draw(rng)
        brand = self._brand(part.name, category, make)
        quantity = self._quantity(part.name, whole_job)
        code = self._code(part, category, brand, make, domestic)
        if rng.random() < 0.01:  # the customer brought the part (自带配件): fitted, not sold
            return PartLine(part.name, quantity, part.unit, 0, category, code, brand, customer_supplied=True)
        low, high = _PRICE_BAND[category]
        yuan = (part.low_fen + (part.high_fen - part.low_fen) * rng.uniform(low, high)) / 100
        price = round(yuan) * 100 if rng.random() < 0.85 else round(yuan * 2) * 50
        cost = None if rng.random() < 0.3 else round(price * rng.uniform(0.55, 0.8))
        return PartLine(part.name, quantity, part.unit, price, category, code, brand, cost_price_fen=cost)

    def _quantity(self, name: str, whole_job: bool) -> Decimal:
        table = _QUANTITY_TABLES.get(name)
        quantity = table.draw(self._rng) if table else _ONE
        return (
            quantity * _WHOLE_JOB_PAINT
            if whole_job and name in ("汽车面漆", "清漆", "稀释剂", "原子灰")
            else quantity
        )

    def _brand(self, name: str, category: str, make: str) -> str:
        rng = self._rng
        if category == "oem":
            return make
        if category in ("remanufactured", "repaired", "salvaged") or (
            category == "aftermarket" and rng.random() < 0.5
        ):
            return ""
        return rng.choice(_brands_for(name))

    def _code(self, part: CataloguePart, category: str, brand: str, make: str, domestic: bool) -> str:
        """The 配件编码 as a clerk writes it; "" or a placeholder means the shop SKU gets assigned."""
        rng = self._rng
        roll = rng.random()
        if roll < 0.02:
            return "无"
        if roll < 0.06 or (not part.has_oe_number and roll < 0.5):
            return ""
        if not part.has_oe_number:
            codes = _SPEC_CODES.get(part.name)
            return rng.choice(codes) if codes else ""
        if category == "brand":
            return f"{rng.choice('ABCDFKMSW')}{digits(rng, rng.randint(4, 6))}"
        if make in _JP_STYLE:
            return f"{digits(rng, 5)}-{digits(rng, 2)}{rng.choice('ABCDEFGHJK0123')}{digits(rng, 2)}"
        if make in _VW_STYLE:
            return f"{rng.choice('15368')}{rng.choice('QGKJ')}0 {digits(rng, 3)} {digits(rng, 3)}{rng.choice(['', ' A', ' B'])}"
        if domestic:
            return f"{digits(rng, 4)}{digits(rng, 3)}-{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(rng, 2)}"
        return digits(rng, rng.choice((8, 10, 11)))

    def fee(self) -> FeeLine:
        name, low, high = self._rng.choice(_FEES)
        return FeeLine(name, self._rng.randint(low, high) * 100)

    def corrected(self, lines: Lines, brand: str, domestic: bool) -> Lines:
        """What a correction changes: a forgotten part, a wrong price, or a fee left off. Lines are only
        added or changed, never dropped, as a clerk fixing a settled bill does."""
        rng = self._rng
        roll = rng.random()
        if roll < 0.3 and lines.parts:
            index = rng.randrange(len(lines.parts))
            old = lines.parts[index]
            fixed = replace(old, unit_price_fen=old.unit_price_fen + rng.randint(1, 20) * 500)
            return replace(lines, parts=(*lines.parts[:index], fixed, *lines.parts[index + 1 :]))
        if roll < 0.5:
            return replace(lines, fees=(*lines.fees, self.fee()))
        extra = self._cat.parts[rng.choice(("放油螺栓垫片", "玻璃水", "雨刮片", "大灯灯泡", "刹车油"))]
        return replace(lines, parts=(*lines.parts, self.part(extra, brand, domestic)))

    def settle_request(self, lines: Lines, repair_category: str) -> SettleRequest:
        """Round-off discount sometimes, payments that add up to the amount due, old parts, warranty."""
        rng = self._rng
        gross = billing.totals(lines.labour, lines.parts, lines.fees).gross_fen
        discount = 0
        roll = rng.random()
        if roll < 0.3 and gross % 1000 and gross > 1000:
            discount = gross % 1000  # 抹零: round down to ten yuan
        elif roll < 0.35:
            discount = min(gross, round(gross * 0.05 / 100) * 100)  # 5% off for a regular
        due = gross - discount
        method = _PAYMENT_METHODS.draw(rng)
        payments: tuple[Payment, ...] = (Payment(method, due),) if due else ()
        if due > 20000 and rng.random() < 0.1:  # part in cash, the rest by phone
            cash = rng.randint(1, due // 10000) * 5000
            payments = (Payment("cash", cash), Payment(rng.choice(("wechat", "alipay")), due - cash))
        days, km = WARRANTY_MINIMUMS[repair_category]
        return SettleRequest(
            discount_fen=discount,
            payments=payments,
            old_parts=("owner" if rng.random() < 0.3 else "shop") if lines.parts else "none",
            warranty_days=days,
            warranty_km=km,
            notes="客户自带配件" if any(p.customer_supplied for p in lines.parts) else "",
        )
