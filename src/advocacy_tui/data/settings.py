"""Program settings kept in the program's database (key/value): its name, the owner's
hours a week and the number of employees (the recruitment funnel's base). (Settings of the
user's computer are in config.py.)"""

from __future__ import annotations

from advocacy_tui.data.store import Store
from advocacy_tui.domain.funnel import parse_employees

SETTING_NAME = "program_name"
SETTING_HOURS = "owner_hours_per_week"
SETTING_EMPLOYEES = "employees"


class SettingsRepo:
    """Program settings kept in the database (key/value)."""

    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    def get(self, key: str, default: str = "") -> str:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_many(self, values: dict[str, str]) -> None:
        with self.store.write():
            self.conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )

    @property
    def program_name(self) -> str:
        return self.get(SETTING_NAME)

    def hours_per_week(self) -> float | None:
        text = self.get(SETTING_HOURS)
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def capacity_minutes(self) -> int:
        hours = self.hours_per_week()
        return round(hours * 60) if hours is not None else 0

    def employees(self) -> int | None:
        """How many people the company employs (None: not set)."""
        return parse_employees(self.get(SETTING_EMPLOYEES))
