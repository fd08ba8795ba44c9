"""Where things live: the data folder (one per shop, training, demo or benchmark run) and shipped resources.

Order of precedence for the data folder: ``--data-dir``, then ``BANSHOU_DATA_DIR``, then the user's data
folder from platformdirs. Demo, seed and benchmark runs always get their own folder (see design.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DB_FILENAME = "banshou.db"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settlement_lists(self) -> Path:
        return self.root / "结算清单"

    def ensure(self) -> DataDir:
        for folder in (self.root, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_data_dir(cli_value: str | None = None) -> DataDir:
    if cli_value:
        return DataDir(Path(cli_value).expanduser().resolve())
    env = os.environ.get("BANSHOU_DATA_DIR")
    if env:
        return DataDir(Path(env).expanduser().resolve())
    return DataDir(Path(user_data_dir("Banshou", "Banshou")))


def config_dir() -> Path:
    """Per-PC configuration outside every data folder (``BANSHOU_CONFIG_DIR`` overrides, for tests).

    What must not travel with a copy of the database lives here: the audit key when no OS keyring is
    available, and the audit trail's local high-water marks.
    """
    env = os.environ.get("BANSHOU_CONFIG_DIR")
    return Path(env).expanduser().resolve() if env else Path(user_config_dir("Banshou", "Banshou"))


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
