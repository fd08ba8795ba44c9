"""Where UI tests save their screenshots: ``docs/screenshots/`` only when ``BANSHOU_SCREENSHOTS`` is set
(to refresh the README's pictures on purpose), otherwise a temporary folder, so a test run never
changes tracked files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shots_dir() -> Path:
    folder = DOCS if os.environ.get("BANSHOU_SCREENSHOTS") else Path(tempfile.gettempdir()) / "banshou-test-shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
