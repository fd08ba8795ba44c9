"""The English UI: the Linguist file is complete for the current code, keeps placeholders, and the .qm matches it.

When a test here fails after a UI change, run `make translations` (lupdate + lrelease), translate what is new
(installer/translations_en.json + `python installer/fill_translations.py`, or Qt Linguist) and rebuild the .qm.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "banshou_en.ts"
QM = TS.with_suffix(".qm")
FIX = "run `make translations`, translate the new strings and rebuild the .qm"

# (context, Chinese source, English) that must come out of the installed .qm
SAMPLES = [
    ("MainWindow", "文件(&F)", "&File"),
    ("MainWindow", "新建接车(&N)", "&New Intake"),
    ("MainWindow", "工单", "Work Orders"),
    ("OrderListModel", "被退回", "Rejected"),
    ("OrderListModel", "结算清单编号", "Settlement list no."),
    ("SettleView", "旧件处理", "Old parts"),
    ("IntakeForm", "送修里程", "Intake mileage"),
    ("PartModel", "配件编码", "Part code"),
    ("CompleteDialog", "竣工出厂合格证编号", "Completion certificate no."),
    ("errors", "无法完成", "Could Not Complete"),
]

_BRACES = re.compile(r"\{[^{}]*\}")
_PERCENT = re.compile(r"%(?:L?\d+|n)")
_SHORTCUT = re.compile(r"\b(?:(?:Ctrl|Alt|Shift)\+)+\w+|\bF\d{1,2}\b")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str | None  # None (finished), "unfinished", "vanished", "obsolete"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            t = m.find("translation")
            assert t is not None, f"[{name}] {m.findtext('source')!r} has no <translation>"
            forms = t.findall("numerusform")
            text = " | ".join(f.text or "" for f in forms) if forms else (t.text or "")
            messages.append(Message(name, m.findtext("source") or "", text, t.get("type")))
    return messages


def _current(messages: list[Message]) -> list[Message]:
    return [m for m in messages if m.kind not in ("vanished", "obsolete")]


def _accelerators(text: str) -> int:
    """Count "&F"-style accelerators; "&&" (a literal ampersand) and entities such as "&nbsp;" are not."""
    return len(re.findall(r"&(?=\w)(?!\w+;)", text.replace("&&", "")))


def _lupdate() -> str | None:
    """pyside6-lupdate: next to this Python (a venv's bin/ or Scripts\\), on PATH, or PySide6's own copy."""
    here = Path(sys.executable).parent
    for candidate in (here / "pyside6-lupdate", here / "pyside6-lupdate.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lupdate")
    if found:
        return found
    import PySide6

    for candidate in (
        Path(PySide6.__file__).parent / "lupdate",
        Path(PySide6.__file__).parent / "lupdate.exe",
    ):
        if candidate.exists():
            return str(candidate)
    return None


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    assert TS.exists(), f"{TS} is missing: {FIX}"
    return read_ts(TS)


def test_every_message_is_translated(messages: list[Message]) -> None:
    current = _current(messages)
    assert current, "the .ts file has no messages"
    unfinished = [f"[{m.context}] {m.source!r}" for m in current if m.kind == "unfinished"]
    assert not unfinished, f"{len(unfinished)} unfinished translations ({FIX}):\n" + "\n".join(unfinished)
    empty = [f"[{m.context}] {m.source!r}" for m in messages if not m.translation.strip()]
    assert not empty, "messages without an English translation:\n" + "\n".join(empty)


def test_placeholders_accelerators_and_shortcuts_are_kept(messages: list[Message]) -> None:
    problems = []
    for m in _current(messages):
        where = f"[{m.context}] {m.source!r} → {m.translation!r}"
        if Counter(_BRACES.findall(m.source)) != Counter(_BRACES.findall(m.translation)):
            problems.append(f"{{…}} placeholders differ: {where}")
        if Counter(_PERCENT.findall(m.source)) != Counter(_PERCENT.findall(m.translation)):
            problems.append(f"%-placeholders differ: {where}")
        src_acc, en_acc = _accelerators(m.source), _accelerators(m.translation)
        if en_acc > 1 or (src_acc > 0) != (en_acc > 0):
            problems.append(f"& accelerator ({src_acc} in source, {en_acc} in English): {where}")
        missing = set(_SHORTCUT.findall(m.source)) - set(_SHORTCUT.findall(m.translation))
        if missing:
            problems.append(f"shortcut hint {sorted(missing)} dropped: {where}")
        if m.source.startswith(" ") and not m.translation.startswith(" "):  # a spin box suffix, appended text
            problems.append(f"leading space dropped: {where}")
    assert not problems, "\n".join(problems)


def test_ts_is_complete_for_the_current_code(tmp_path: Path, messages: list[Message]) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate not found next to Python, on PATH or in PySide6")
    fresh = tmp_path / "fresh_en.ts"
    sources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "ui").rglob("*.py"))
    run = subprocess.run([lupdate, *sources, "-ts", str(fresh)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    assert run.returncode == 0 and fresh.exists(), f"lupdate failed:\n{run.stdout}\n{run.stderr}"
    in_code = {(m.context, m.source) for m in _current(read_ts(fresh))}
    committed = {(m.context, m.source) for m in _current(messages)}
    new = sorted(in_code - committed)
    gone = sorted(committed - in_code)
    assert not new and not gone, (
        f"banshou_en.ts is out of date with ui/ — {FIX}.\n"
        + "".join(f"  new in code: [{c}] {s!r}\n" for c, s in new)
        + "".join(f"  no longer in code: [{c}] {s!r}\n" for c, s in gone)
    )


def test_qm_translates_through_the_installed_translator(
    qapp: QCoreApplication, messages: list[Message]
) -> None:
    assert QM.exists(), f"{QM} is missing: {FIX}"
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert QCoreApplication.installTranslator(translator)
    try:
        for context, source, english in SAMPLES:
            assert QCoreApplication.translate(context, source) == english, (context, source)
        stale = [
            f"[{m.context}] {m.source!r}: .qm says {QCoreApplication.translate(m.context, m.source)!r}"
            for m in _current(messages)
            if QCoreApplication.translate(m.context, m.source) != m.translation
        ]
        assert not stale, f"the .qm does not match the .ts ({FIX}):\n" + "\n".join(stale[:20])
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
