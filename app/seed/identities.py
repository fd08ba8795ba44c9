"""Synthetic people, cars and the shop: names, mobile numbers, plates, VINs and a registered identity.

Everything is drawn from one ``random.Random`` so a seed always gives the same folder. Plates and VINs
are built to pass the same checks the intake form applies (``check_plate``, the VIN check digit), because
demo data that trips a warning on every order would teach the wrong habit.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date

from app.domain.plate import PROVINCES, check_plate
from app.domain.shopid import uscc_check_char
from app.domain.vin import with_check_digit
from app.seed.catalogue import Maker
from app.seed.draw import Weighted, digits
from app.services.dto import ShopInfo
from app.services.vehicles import VehicleInput

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志文斌宇浩凯婷雪琳晨欣子轩梓涵诺博宁"
    "海峰亮成龙飞春晓慧俊佳嘉怡睿泽一鑫颖波东雨思远航林阳荣昊然"
)
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "176",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)
COMPANY_WORDS = (
    "顺达",
    "恒通",
    "诚信",
    "永安",
    "鑫源",
    "路通",
    "安驰",
    "众诚",
    "宏图",
    "远航",
    "金桥",
    "华盛",
)
COMPANY_TRADES = ("物流", "汽车租赁", "建筑工程", "商贸", "科技", "家政服务")

# Everyday models per brand; a brand without an entry is written alone ("丰田"), as clerks often do.
MODELS: dict[str, tuple[str, ...]] = {
    "大众": ("朗逸", "速腾", "宝来", "帕萨特", "迈腾", "途观L", "探岳"),
    "斯柯达": ("明锐", "速派", "柯迪亚克"),
    "丰田": ("卡罗拉", "凯美瑞", "RAV4荣放", "雷凌", "汉兰达"),
    "本田": ("思域", "雅阁", "CR-V", "飞度", "缤智"),
    "日产": ("轩逸", "天籁", "奇骏", "逍客"),
    "别克": ("英朗", "君威", "昂科威", "GL8"),
    "雪佛兰": ("科鲁泽", "迈锐宝XL", "探界者"),
    "奥迪": ("A4L", "A6L", "Q5L", "Q3"),
    "宝马": ("3系", "5系", "X1", "X3"),
    "梅赛德斯-奔驰": ("C级", "E级", "GLC"),
    "现代": ("伊兰特", "索纳塔", "途胜"),
    "起亚": ("K3", "K5", "智跑"),
    "福特": ("福克斯", "蒙迪欧", "锐界"),
    "马自达": ("昂克赛拉", "阿特兹", "CX-5"),
    "比亚迪": ("秦", "宋", "元", "唐"),
    "吉利": ("帝豪", "博越", "星瑞", "缤越"),
    "长城": ("风骏5", "炮"),
    "哈弗": ("H6", "M6", "大狗"),
    "奇瑞": ("瑞虎8", "艾瑞泽5", "瑞虎7"),
    "长安": ("逸动", "CS75 PLUS", "CS55 PLUS", "UNI-K"),
    "传祺": ("GS4", "M8"),
    "五菱": ("宏光", "宏光S", "荣光"),
    "宝骏": ("510", "730", "RM-5"),
    "荣威": ("i5", "RX5", "i6"),
    "名爵": ("MG5", "MG ZS", "MG6"),
    "红旗": ("H5", "HS5"),
    "标致": ("408", "4008"),
    "雪铁龙": ("C5", "凡尔赛C5 X"),
    "沃尔沃": ("S60", "S90", "XC60"),
    "雷克萨斯": ("ES", "RX", "NX"),
    "凯迪拉克": ("CT5", "XT5"),
}
# New-energy models: only these get green plates. Brands that build nothing else are never drawn for a
# blue plate.
NEV_MODELS: dict[str, tuple[str, ...]] = {
    "比亚迪": ("秦PLUS DM-i", "汉EV", "宋PLUS DM-i", "元PLUS", "海豚"),
    "特斯拉": ("Model 3", "Model Y"),
    "理想": ("L7", "L8", "ONE"),
    "小鹏": ("P7", "G6", "G3"),
    "五菱": ("宏光MINIEV", "缤果"),
    "蔚来": ("ES6", "ET5"),
    "荣威": ("Ei5", "RX5 ePLUS"),
    "吉利": ("几何A", "帝豪EV"),
    "长安": ("深蓝SL03", "逸动EV"),
    "大众": ("ID.4 X",),
    "宝骏": ("KiWi EV",),
    "极星": ("Polestar 2",),
}
NEV_ONLY = frozenset({"特斯拉", "理想", "小鹏", "蔚来", "极星"})

_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # position 10, cycle starting 1980/2010
_VIN_CHARS = "".join(c for c in string.digits + string.ascii_uppercase if c not in "IOQ")
_PLATE_LETTERS = "".join(c for c in string.ascii_uppercase if c not in "IO")
_BODY_TYPES = Weighted(("car", "suv", "mpv"), (68, 27, 5))
_LETTERS_IN_SERIAL = Weighted((0, 1, 2), (60, 30, 10))  # ordinary plates carry at most two letters


@dataclass(frozen=True)
class ShopCity:
    province: str
    letters: str  # plate office letters of the shop's own city
    region: str  # administrative division code (USCC positions 3–8)
    city: str
    district: str
    area_code: str
    prefix: str  # letters of the settlement-list prefix


SHOP_CITIES = (
    ShopCity("沪", "ABCDEFGHJKLMN", "310115", "上海", "浦东新区", "021", "SH"),
    ShopCity("粤", "B", "440305", "深圳", "南山区", "0755", "SZ"),
    ShopCity("苏", "E", "320506", "苏州", "吴中区", "0512", "SU"),
    ShopCity("浙", "A", "330106", "杭州", "西湖区", "0571", "HZ"),
    ShopCity("京", "ABCEFGHJKLMNPQ", "110105", "北京", "朝阳区", "010", "BJ"),
    ShopCity("川", "A", "510107", "成都", "武侯区", "028", "CD"),
    ShopCity("鲁", "B", "370202", "青岛", "市南区", "0532", "QD"),
    ShopCity("鄂", "A", "420106", "武汉", "武昌区", "027", "WH"),
)
_ROADS = ("中山路", "人民路", "建设路", "解放路", "工业路", "汽配城路", "长江路", "和平路")


def person_name(rng: random.Random, surname: str | None = None) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return (surname or rng.choice(SURNAMES)) + given


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + digits(rng, 8)


def landline(rng: random.Random, city: ShopCity) -> str:
    return f"{city.area_code}-{rng.choice('5678')}{digits(rng, 7)}"


def make_shop(rng: random.Random, labour_rate_fen: int) -> tuple[ShopInfo, ShopCity]:
    """A plausible small shop with a valid 统一社会信用代码 (region of its own city, check character)."""
    city = rng.choice(SHOP_CITIES)
    first17 = (
        "91" + city.region + "MA" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
    )
    name = f"{city.city}{rng.choice(COMPANY_WORDS)}汽车维修服务有限公司"
    info = ShopInfo(
        name=name,
        credit_code=first17 + uscc_check_char(first17),
        address=f"{city.city}市{city.district}{rng.choice(_ROADS)}{rng.randint(1, 999)}号",
        phone=landline(rng, city),
        company_code=city.region + digits(rng, 9),
        list_prefix=f"{city.prefix}{rng.randint(1, 9):02d}",
        contact=person_name(rng),
        home_province=city.province,
        labour_rate_fen=labour_rate_fen,
    )
    return info, city


def make_staff(rng: random.Random) -> tuple[tuple[str, str], ...]:
    """(name, role) pairs; ids are their 1-based positions once written into an empty folder."""
    roles = (
        "owner",
        "advisor",
        "advisor",
        "frontdesk",
        "technician",
        "technician",
        "technician",
        "technician",
    )
    names: list[str] = []
    while len(names) < len(roles):
        name = person_name(rng)
        if name not in names:
            names.append(name)
    return tuple(zip(names, roles, strict=True))


class VehicleFactory:
    """Makes unique vehicles: plate, colour, VIN (valid check digit), make and model, owner."""

    def __init__(self, rng: random.Random, makers: tuple[Maker, ...], city: ShopCity) -> None:
        self._rng = rng
        self._city = city
        self._plates: set[str] = set()
        self._vins: set[str] = set()
        self._ice = [(mk, [b for b in mk.brands if b not in NEV_ONLY]) for mk in makers]
        self._ice = [(mk, brands) for mk, brands in self._ice if brands]
        self._nev = [(mk, [b for b in mk.brands if b in NEV_MODELS]) for mk in makers]
        self._nev = [(mk, brands) for mk, brands in self._nev if brands]
        self._ice_table = Weighted(self._ice, [1 / (mk.rank + 6) for mk, _ in self._ice])
        self._nev_table = Weighted(self._nev, [1 / (mk.rank + 6) for mk, _ in self._nev])

    def make(self, nev: bool, first_visit: date) -> tuple[VehicleInput, int, str]:
        """A vehicle, its model year (the first odometer reading follows from it) and its maker's country
        (which decides how OE part numbers look)."""
        rng = self._rng
        maker, brands = (self._nev_table if nev else self._ice_table).draw(rng)
        brand = rng.choice(brands)
        models = NEV_MODELS[brand] if nev else MODELS.get(brand, ("",))
        model = rng.choice(models)
        large = nev and rng.random() < 0.05  # yellow-green plates: buses and trucks
        year = max(2012 if not nev else 2018, first_visit.year - int(rng.triangular(0, 12, 3)))
        plate = self._plate(nev, large)
        owner_is_company = rng.random() < 0.04
        owner = (
            f"{self._city.city}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}有限公司"
            if owner_is_company
            else person_name(rng)
        )
        vehicle = VehicleInput(
            plate=plate,
            plate_colour=(93 if large else 94) if nev else 1,
            vin=self._vin(maker.wmi, year),
            brand_model=f"{brand} {model}".strip(),
            engine_no=self._engine_no(nev),
            vehicle_type="van" if large else _BODY_TYPES.draw(rng),
            owner_name=owner,
            owner_phone=landline(rng, self._city) if owner_is_company else mobile(rng),
        )
        return vehicle, year, maker.country

    def _plate(self, nev: bool, large: bool) -> str:
        rng = self._rng
        while True:
            if rng.random() < 0.8:
                province = self._city.province
                letter = (
                    rng.choice(self._city.letters) if rng.random() < 0.85 else rng.choice(_PLATE_LETTERS[:8])
                )
            else:
                province = rng.choice(PROVINCES.replace(self._city.province, ""))
                letter = rng.choice(_PLATE_LETTERS[:10])
            if large:
                tail = digits(rng, 5) + rng.choice("DF")
            elif nev:
                energy = rng.choice("DF") if rng.random() < 0.9 else rng.choice("ABCEGHJK")
                tail = energy + rng.choice(string.digits + _PLATE_LETTERS) + digits(rng, 4)
            else:
                serial = [rng.choice(string.digits) for _ in range(5)]
                for pos in rng.sample(range(5), _LETTERS_IN_SERIAL.draw(rng)):
                    serial[pos] = rng.choice(_PLATE_LETTERS)
                tail = "".join(serial)
            plate = check_plate(province + letter + tail).plate
            if plate not in self._plates:
                self._plates.add(plate)
                return plate

    def _vin(self, wmi: str, year: int) -> str:
        rng = self._rng
        while True:
            vds = "".join(rng.choice(_VIN_CHARS) for _ in range(5))
            plant = rng.choice(_VIN_CHARS)
            vin = with_check_digit(f"{wmi}{vds}0{_YEAR_CODES[(year - 1980) % 30]}{plant}{digits(rng, 6)}")
            if vin not in self._vins:
                self._vins.add(vin)
                return vin

    def _engine_no(self, nev: bool) -> str:
        rng = self._rng
        if nev:
            return f"TZ{rng.randint(150, 230)}XS{digits(rng, 6)}"
        return "".join(rng.choice(_PLATE_LETTERS) for _ in range(3)) + digits(rng, 6)
