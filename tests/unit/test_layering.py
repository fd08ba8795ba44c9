"""The import direction ui → app → localdb is tested, not just stated (design.md, practice 1)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The benchmark's UI probe is the one app/ module allowed to start Qt: it runs as a separate process.
ALLOWED = {"app/bench_ui_probe.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _offenders(folder: str, forbidden: set[str]) -> list[str]:
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED:
            continue
        hit = _imports(path) & forbidden
        if hit:
            bad.append(f"{rel}: {sorted(hit)}")
    return bad


def test_app_imports_no_qt_and_no_ui() -> None:
    # The CLI starts the window through a function-level import of ui.app; that is the only ui edge.
    offenders = [o for o in _offenders("app", {"PySide6", "shiboken6", "ui"}) if not o.startswith("app/cli.py")]
    assert offenders == []


def test_cli_reaches_ui_only_inside_functions() -> None:
    tree = ast.parse((ROOT / "app" / "cli.py").read_text(encoding="utf-8"))
    top_level = {
        (n.module or "").split(".")[0] for n in tree.body if isinstance(n, ast.ImportFrom)
    } | {a.name.split(".")[0] for n in tree.body if isinstance(n, ast.Import) for a in n.names}
    assert "ui" not in top_level and "PySide6" not in top_level


def test_localdb_imports_neither_app_nor_qt() -> None:
    assert _offenders("localdb", {"PySide6", "shiboken6", "ui", "app"}) == []
