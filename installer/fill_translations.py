"""Fill the English Qt Linguist file from a Chinese→English dictionary, keeping every translation it already has.

The .ts file (resources/translations/banshou_en.ts) stays the source of truth: translations already in it —
typed here earlier or edited in Qt Linguist — are never overwritten. Only messages that lupdate marked
``unfinished`` are filled, from ``installer/translations_en.json``:

    {"global":   {"中文原文": "English", ...},
     "contexts": {"MainWindow": {"工单": "Work Orders"}, ...},   # a context entry wins over the global one
     "not_yet_extracted": {...}}   # strings tr() gets through a variable; used once lupdate can see them

Typical use after adding tr() strings to ui/ (add the new strings to the JSON first):

    .venv/bin/python installer/fill_translations.py --all     # lupdate, fill, lrelease
    .venv/bin/python installer/fill_translations.py --check   # exit 1 if anything is still unfinished

A message whose source text changed keeps lupdate's guess (the old translation, still ``unfinished``) until the
JSON has an exact entry for the new text or someone confirms it in Linguist; it is listed as "to review".
The file is edited in place, text-wise, so its layout stays exactly lupdate's.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "banshou_en.ts"
QM = TS.with_suffix(".qm")
DICTIONARY = Path(__file__).resolve().with_name("translations_en.json")

_CONTEXT = re.compile(r"<context>(.*?)</context>", re.S)
_NAME = re.compile(r"<name>(.*?)</name>", re.S)
_MESSAGE = re.compile(r"<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION = re.compile(
    r'<translation(?: type="(?P<type>[a-z]+)")?(?:/>|>(?P<text>.*?)</translation>)', re.S
)


def protect(text: str) -> str:
    """Escape like lupdate does, so a later lupdate run leaves the file byte-for-byte unchanged."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "&<>\"'":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}[ch])
        elif (code < 0x20 and ch not in "\n\t") or (code > 0x7F and ch.isspace()):
            out.append(f"&#x{code:x};")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Result:
    filled: int = 0
    kept: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    review: list[tuple[str, str]] = field(default_factory=list)


def load_dictionary(path: Path = DICTIONARY) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    glossary = {**data.get("not_yet_extracted", {}), **data.get("global", {})}
    return glossary, data.get("contexts", {})


def lookup(
    context: str, source: str, glossary: dict[str, str], contexts: dict[str, dict[str, str]]
) -> str | None:
    return contexts.get(context, {}).get(source, glossary.get(source))


def fill(
    ts_text: str, glossary: dict[str, str], contexts: dict[str, dict[str, str]], json_wins: bool = False
) -> tuple[str, Result]:
    """Fill unfinished messages; with ``json_wins``, also replace finished ones the dictionary words differently."""
    result = Result()

    def do_context(cm: re.Match[str]) -> str:
        block = cm.group(0)
        name_match = _NAME.search(block)
        context = html.unescape(name_match.group(1)) if name_match else ""

        def do_message(mm: re.Match[str]) -> str:
            body = mm.group("body")
            if 'numerus="yes"' in mm.group("attrs"):
                return mm.group(0)  # plural forms: translate in Linguist (none in the app today)
            source_match, tm = _SOURCE.search(body), _TRANSLATION.search(body)
            if source_match is None or tm is None:
                return mm.group(0)
            source = html.unescape(source_match.group(1))
            kind, current = tm.group("type"), html.unescape(tm.group("text") or "")
            if kind in ("vanished", "obsolete"):
                return mm.group(0)
            english = lookup(context, source, glossary, contexts)
            if kind is None and current and not (json_wins and english is not None and english != current):
                result.kept += 1
                return mm.group(0)
            if english is None:
                (result.review if current else result.missing).append((context, source))
                return mm.group(0)
            new = f"<translation>{protect(english)}</translation>"
            result.filled += 1
            return mm.group(0).replace(tm.group(0), new, 1)

        return _MESSAGE.sub(do_message, block)

    return _CONTEXT.sub(do_context, ts_text), result


def _tool(name: str) -> str:
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    return name


def run_lupdate(ts: Path = TS) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True
    )


def run_lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS)
    parser.add_argument("--dict", type=Path, default=DICTIONARY)
    parser.add_argument("--all", action="store_true", help="run lupdate first and lrelease afterwards")
    parser.add_argument(
        "--json-wins",
        action="store_true",
        help="also overwrite finished translations that differ from the dictionary (after editing the JSON)",
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a message is unfinished"
    )
    args = parser.parse_args(argv)

    if args.all and not args.check:
        run_lupdate(args.ts)
    glossary, contexts = load_dictionary(args.dict)
    text = args.ts.read_text(encoding="utf-8")
    new_text, result = fill(text, glossary, contexts, json_wins=args.json_wins and not args.check)
    if args.check:
        unfinished = result.filled + len(result.missing) + len(result.review)
        print(f"{result.kept} translated, {unfinished} unfinished")
        for context, source in result.missing + result.review:
            print(f"  unfinished: [{context}] {source!r}")
        return 1 if unfinished else 0
    if new_text != text:
        args.ts.write_text(new_text, encoding="utf-8")
    print(
        f"filled {result.filled}, kept {result.kept}, missing {len(result.missing)}, to review {len(result.review)}"
    )
    for context, source in result.missing:
        print(f"  missing: [{context}] {source!r}  (add it to {args.dict.name} or translate in Linguist)")
    for context, source in result.review:
        print(f"  to review: [{context}] {source!r}  (source changed; lupdate's guess kept as unfinished)")
    if args.all:
        run_lrelease(args.ts, args.ts.with_suffix(".qm"))
    return 1 if result.missing or result.review else 0


if __name__ == "__main__":
    raise SystemExit(main())
