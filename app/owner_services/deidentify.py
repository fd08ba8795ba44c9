"""De-identification rules for the history given to a used-car buyer or for an export certificate.

What goes, and why:
- the owner's name and phone: personal information (PIPL) the buyer has no need for;
- the plate is partly masked (province, office letter and the last two characters stay) unless the owner
  consents: a full plate links the car to a person through other sources;
- free texts written at the counter (fault descriptions, labour items, part names) are scrubbed of phone
  numbers and of the names of the owner and of whoever brought the car in, because clerks do type
  "张三说…" or "联系 13800138000" into them;
- prices are never on the history, in either form (a buyer wants to know *what* was done).

The VIN stays: it is what a buyer or a customs officer matches the document against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "*"
REMOVED_OWNER_NAME = "owner_name"
REMOVED_OWNER_PHONE = "owner_phone"
REMOVED_PLATE = "plate_masked"
REMOVED_FREE_TEXT = "free_text_scrubbed"

# 7 or more digits, possibly split by spaces or dashes (mobile 138 0013 8000, landline 021-5555 6666).
_PHONE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?\d(?:[\s-]?\d){6,}(?!\d)")


_TITLES = ("先生", "女士", "小姐", "师傅", "老板", "总")


def mask_plate(plate: str) -> str:
    """沪A12345 → 沪A***45, 沪AD12345 → 沪A****45: province and office letter, then the last two."""
    if len(plate) <= 4:
        return plate[:1] + MASK * (len(plate) - 1)
    return plate[:2] + MASK * (len(plate) - 4) + plate[-2:]


def scrub(text: str, names: Iterable[str]) -> str:
    """``text`` with phone numbers and the given personal names replaced by ``***``."""
    out = _PHONE.sub(MASK * 3, text)
    full = {n.strip() for n in names if len(n.strip()) >= 2}
    # "张先生" / "李女士" name the same person by surname and title
    titled = {f"{n[0]}{t}" for n in full for t in _TITLES}
    for name in sorted(full | titled, key=len, reverse=True):
        out = out.replace(name, MASK * 3)
    return out
