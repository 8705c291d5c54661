"""Where things live on disk (platformdirs). Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "advocacy-tui"
DB_ENV = "ADVOCACY_TUI_DB"
CONFIG_ENV = "ADVOCACY_TUI_CONFIG"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def config_file() -> Path:
    override = os.environ.get(CONFIG_ENV)
    return Path(override).expanduser() if override else _dirs().user_config_path / "config.toml"


def config_dir() -> Path:
    return config_file().parent


def themes_dir() -> Path:
    return config_dir() / "themes"


def data_dir() -> Path:
    return _dirs().user_data_path


def state_dir() -> Path:
    return _dirs().user_state_path


def cache_dir() -> Path:
    """Things made again when missing (the compiled translation catalogue)."""
    return _dirs().user_cache_path


def log_dir() -> Path:
    return _dirs().user_log_path


def default_db(configured: str | None = None) -> Path:
    """The database to open: ADVOCACY_TUI_DB, else config's ``db``, else the data directory."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    if configured:
        return Path(configured).expanduser()
    return data_dir() / "program.db"
