"""Clocks: "today" is always passed in, never read inside a rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """The real clock, in local time."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def today(self) -> date:
        return date.today()


@dataclass(frozen=True)
class FixedClock:
    """A clock that always says the same moment; used by tests and snapshots."""

    moment: datetime

    @classmethod
    def at(cls, text: str) -> FixedClock:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return cls(moment)

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()
