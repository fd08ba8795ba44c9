"""The one CJK font every report uses, registered with reportlab once per process.

reportlab can only embed fonts with TrueType outlines, so Noto CJK (CFF outlines) is out; the project
ships WenQuanYi Micro Hei instead. Embedding matters: a shop's PC or printer may have no Chinese font, and
an unembedded list would print as boxes. Registration parses a 5 MB collection (≈150 ms), so it is done
once, under a lock, because reports are rendered on worker threads.

Rendering needs a lock too: reportlab keeps one parsed face per registered font and mutates it while
subsetting glyphs into a document, so two documents saved at once corrupt each other (KeyError or
IndexError inside ``makeSubset``, seen with three threads). :func:`using_cjk_font` serialises document
builds; a list takes about a tenth of a second, so queueing costs nothing noticeable.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.errors import DomainError

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CJK_FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
CJK_FONT_NAME = "WenQuanYiMicroHei"

_lock = threading.Lock()
_build_lock = threading.Lock()
_registered: str | None = None


def cjk_font() -> str:
    """Register the shipped CJK font (first call only) and return its reportlab font name.

    Raises ``report.font_missing`` when the file is absent or unreadable (a broken install), instead of
    letting reportlab fail later with a traceback nobody in a shop can act on.
    """
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            _registered = _register(CJK_FONT_FILE)
    return _registered


def _register(path: Path) -> str:
    if not path.is_file():
        raise DomainError("report.font_missing", None, path=str(path))
    try:
        font = TTFont(CJK_FONT_NAME, str(path), subfontIndex=0)
    except Exception as exc:  # reportlab raises TTFError, OSError or struct errors on a damaged file
        raise DomainError("report.font_missing", None, path=str(path)) from exc
    pdfmetrics.registerFont(font)
    # The font has one weight; mapping bold/italic to it keeps <b> markup from failing a paragraph.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK_FONT_NAME, bold, italic, CJK_FONT_NAME)
    return CJK_FONT_NAME


@contextmanager
def using_cjk_font() -> Iterator[str]:
    """Hold the font for one document build: ``with using_cjk_font() as font: doc.build(...)``."""
    font = cjk_font()
    with _build_lock:
        yield font
