"""The owner's recovery sheet: one A4 page with the recovery code, to be printed once and locked away.

Why paper: a forgotten owner password is reset with this code (``AccountService.recover_owner``), so it
must need physical access, not a back door. The sheet is rendered in memory and sent to the printer; it is
never written to the data folder (a copy on disk would be a key next to the lock). It also has a blank
line for the backup passphrase, written by hand for the same reason.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from app.reports.fonts import using_cjk_font

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("扳手 — 店主账号恢复码", "Banshou — Owner Account Recovery Code"),
    "shop": ("维修企业", "Repair shop"),
    "owner": ("店主", "Owner"),
    "username": ("登录名", "User name"),
    "date": ("打印日期", "Printed on"),
    "code": ("恢复码", "Recovery code"),
    "keep": ("请把这张纸锁好保管：它能重置店主密码。", "Keep this paper locked away: it resets the owner's password."),
    "how1": ("忘记店主密码时：在登录窗口点“忘记店主密码”，输入店主登录名和上面的恢复码，再设置新密码。",
             "If the owner's password is forgotten: click “Forgot owner password” in the login window, enter the "
             "owner's user name and the code above, then set a new password."),
    "how2": ("恢复码只能用一次。用过之后程序会给出新的恢复码，请重新打印并销毁这张纸。",
             "The code works once. After it is used the program shows a new code: print it and destroy this sheet."),
    "how3": ("不要拍照，不要保存在电脑、手机或网盘里；谁拿到这张纸，谁就能成为店主。",
             "Do not photograph it or keep it on a computer, phone or cloud drive: whoever holds this paper can "
             "become the owner."),
    "passphrase": ("备份加密口令（请手写）：", "Backup passphrase (write by hand):"),
    "passphrase_hint": ("复制到 U 盘或网络位置的备份用这个口令加密；忘记口令，这些备份就无法恢复。",
                        "Backups copied to a USB disk or network folder are encrypted with this passphrase; "
                        "without it they cannot be restored."),
}


def _t(key: str, lang: str) -> str:
    zh, en = TEXTS[key]
    return en if lang == "en" else zh


def _wrapped(c: canvas.Canvas, text: str, x: float, y: float, width: float, font: str, size: float,
             leading: float) -> float:
    """Draw ``text`` wrapped to ``width`` (character by character: Chinese has no spaces); return the next y."""
    line = ""
    for ch in text:
        if c.stringWidth(line + ch, font, size) > width and line:
            c.drawString(x, y, line)
            y -= leading
            line = ch.lstrip() if ch == " " else ch
        else:
            line += ch
    if line:
        c.drawString(x, y, line)
        y -= leading
    return y


def render_recovery_sheet(code: str, shop_name: str, owner_name: str, username: str, printed_on: date,
                          lang: str = "zh_CN") -> bytes:
    """The sheet as PDF bytes (A4 portrait, one page, the CJK font embedded)."""
    out = io.BytesIO()
    width, height = A4
    left, right = 25 * mm, width - 25 * mm
    with using_cjk_font() as font:
        c = canvas.Canvas(out, pagesize=A4, pageCompression=1)
        c.setTitle(_t("title", lang))
        y = height - 30 * mm
        c.setFont(font, 20)
        c.drawString(left, y, _t("title", lang))
        y -= 14 * mm
        c.setFont(font, 12)
        for key, value in (("shop", shop_name), ("owner", owner_name), ("username", username),
                           ("date", printed_on.isoformat())):
            c.drawString(left, y, f"{_t(key, lang)}：{value}" if lang != "en" else f"{_t(key, lang)}: {value}")
            y -= 8 * mm
        y -= 6 * mm
        box_height = 32 * mm
        c.setStrokeColor(HexColor("#263238"))
        c.setLineWidth(1.5)
        c.roundRect(left, y - box_height, right - left, box_height, 4 * mm)
        c.setFont(font, 11)
        c.drawString(left + 6 * mm, y - 9 * mm, _t("code", lang))
        c.setFont("Courier-Bold", 26)
        c.drawCentredString((left + right) / 2, y - 23 * mm, code)
        y -= box_height + 12 * mm
        c.setFont(font, 13)
        y = _wrapped(c, _t("keep", lang), left, y, right - left, font, 13, 7 * mm)
        y -= 3 * mm
        c.setFont(font, 11)
        for key in ("how1", "how2", "how3"):
            y = _wrapped(c, "• " + _t(key, lang), left, y, right - left, font, 11, 6 * mm)
            y -= 2 * mm
        y -= 14 * mm
        c.setFont(font, 12)
        c.drawString(left, y, _t("passphrase", lang))
        c.setLineWidth(0.8)
        c.line(left, y - 12 * mm, right, y - 12 * mm)
        y -= 20 * mm
        c.setFont(font, 10)
        c.setFillColor(HexColor("#555555"))
        _wrapped(c, _t("passphrase_hint", lang), left, y, right - left, font, 10, 5.5 * mm)
        c.showPage()
        c.save()
    return out.getvalue()
