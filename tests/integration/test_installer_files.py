"""The installer files agree with the tree: every ``resources/`` file is shipped or deliberately left
out, the Linux desktop entry and icons are valid, and the NSIS script compiles.

The bundle itself is built and run by ``installer/ci_bundle.sh`` (a minute of PyInstaller does not belong
in pytest); here ``makensis`` compiles the script against a small stand-in payload shaped like the
bundle. Skipped only when ``makensis`` (Debian package ``nsis``) is absent; CI installs it.
"""

from __future__ import annotations

import ast
import configparser
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "banshou.spec"
NSI = ROOT / "installer" / "windows" / "banshou.nsi"


def _spec_list(name: str) -> list[str]:
    """A literal list assigned at the top of the spec (the spec itself only runs inside PyInstaller)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in {SPEC}")


def _resource_files() -> set[str]:
    base = ROOT / "resources"
    return {
        p.relative_to(base).as_posix()
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    }


def test_spec_ships_every_resource_file_or_says_why_not() -> None:
    shipped, optional, left_out = (
        _spec_list(n) for n in ("RESOURCE_FILES", "OPTIONAL_RESOURCE_FILES", "NOT_SHIPPED")
    )
    on_disk = _resource_files()
    unaccounted = on_disk - set(shipped) - set(optional) - set(left_out)
    assert unaccounted == set(), "add these to installer/banshou.spec (RESOURCE_FILES or NOT_SHIPPED)"
    missing = set(shipped) - on_disk
    assert missing == set(), "listed in the spec but absent from resources/"


def test_spec_ships_each_folder_the_code_reads() -> None:
    """The folders named in the code (app/paths.py, fonts, profiles, waste kinds, catalogue, icons)."""
    shipped = _spec_list("RESOURCE_FILES") + _spec_list("OPTIONAL_RESOURCE_FILES")
    folders = {rel.split("/", 1)[0] for rel in shipped}
    assert {"catalogue", "fonts", "profiles", "waste", "icons", "translations"} <= folders
    assert "fonts/wqy-microhei.ttc" in shipped and "waste/waste-kinds.json" in shipped
    text = SPEC.read_text(encoding="utf-8")
    assert '"localdb/migrations/env.py"' in text and '"versions"' in text  # Alembic reads scripts from disk


def test_desktop_entry_and_icons_are_valid() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "installer" / "banshou.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"], desktop["Terminal"]) == (
        "Application", "banshou", "banshou", "false",
    )  # fmt: skip
    assert desktop["Name[zh_CN]"] == "扳手"
    icons = ROOT / "resources" / "icons"
    png = (icons / "banshou.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    reserved, kind, count = struct.unpack("<HHH", (icons / "banshou.ico").read_bytes()[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    assert b"<svg" in (icons / "banshou.svg").read_bytes()


def test_build_scripts_are_valid_shell() -> None:
    for name in ("build_linux.sh", "ci_bundle.sh"):
        subprocess.run(["bash", "-n", str(ROOT / "installer" / name)], check=True)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (apt-get install nsis)")
def test_nsis_script_compiles_with_a_stand_in_payload(tmp_path: Path) -> None:
    payload = tmp_path / "banshou"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "banshou.exe").write_bytes(b"MZ stand-in")
    (payload / "banshou-cli.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "resources" / "readme.txt").write_text("stand-in payload", encoding="utf-8")
    out = tmp_path / "banshou-0.1.0-setup.exe"
    done = subprocess.run(
        ["makensis", "-V2", "-WX", "-DNOCOMPRESS", "-DVERSION=0.1.0", f"-DPAYLOAD={payload}",
         f"-DOUTFILE={out}", NSI.name],
        cwd=NSI.parent, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"
