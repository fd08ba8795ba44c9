"""The version, one source: ``pyproject.toml`` → the installed dist-info → ``app.__version__``.

Why a module for it: the self-test, the status bar and the logs should say the same thing, and a person
reading a support log needs to know whether it came from a bundle (PyInstaller sets ``sys.frozen``) or
from a source tree, and which Python ran it. The bundle carries the dist-info (``copy_metadata`` in
``installer/banshou.spec``), so ``importlib.metadata`` works there too; "0.0.0+source" means the tree
was never installed.
"""

from __future__ import annotations

import platform
import sys

from app import __version__

__all__ = ["__version__", "build_kind", "describe"]


def build_kind() -> str:
    """ "bundle" inside a PyInstaller build, else "source"."""
    return "bundle" if getattr(sys, "frozen", False) else "source"


def describe() -> str:
    """One line for logs and reports, e.g. ``banshou 0.1.0 (bundle, Python 3.11.2, Linux)``."""
    return f"banshou {__version__} ({build_kind()}, Python {platform.python_version()}, {platform.system()})"


# Components the bundle ships, with their licences, for the About box (proper names: not translated).
# Qt and PySide6 are LGPL-3.0: the one-folder bundle keeps them as separate, replaceable libraries.
BUNDLED_LICENCES = (
    ("Python", "PSF-2.0"),
    ("Qt 6 / PySide6", "LGPL-3.0"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("httpx", "BSD-3-Clause"),
    ("ReportLab", "BSD-3-Clause"),
    ("pypdf", "BSD-3-Clause"),
    ("keyring, platformdirs, openpyxl, chinese-calendar", "MIT"),
    ("Pillow", "MIT-CMU"),
    ("cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("tzdata", "Apache-2.0"),
    ("WenQuanYi Micro Hei 文泉驿微米黑", "Apache-2.0 OR GPL-3.0+ with font exception"),
)


def licence_lines() -> str:
    """The About box's component list, one ``name — licence`` per line."""
    return "\n".join(f"{name} — {licence}" for name, licence in BUNDLED_LICENCES)
