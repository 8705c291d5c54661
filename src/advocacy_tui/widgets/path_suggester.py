"""Completion for a file path typed into an Input: the rest of the name appears greyed as
you type, and → (Right arrow, at the end of the box) takes it, the way shells complete."""

from __future__ import annotations

import os
from collections.abc import Iterable

from textual.suggester import Suggester

MAX_ENTRIES = 5000  # a folder is read this far, never more, so a huge one cannot stall typing


class PathSuggester(Suggester):
    """Suggests folders (ending in /) and files with one of ``extensions``."""

    def __init__(self, extensions: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.extensions = tuple(e.lower() for e in extensions)

    async def get_suggestion(self, value: str) -> str | None:
        if not value or "\x00" in value:
            return None
        folder_typed, _slash, prefix = value.rpartition(os.sep)
        folder_typed = folder_typed + os.sep if _slash else ""
        folder = os.path.expanduser(folder_typed) if folder_typed else "."
        try:
            with os.scandir(folder) as entries:
                names = []
                for number, entry in enumerate(entries):
                    if number >= MAX_ENTRIES:
                        break
                    if not entry.name.startswith(prefix) or entry.name == prefix:
                        continue
                    if entry.name.startswith(".") and not prefix.startswith("."):
                        continue
                    if entry.is_dir():
                        names.append(entry.name + os.sep)
                    elif entry.name.lower().endswith(self.extensions):
                        names.append(entry.name)
        except OSError:
            return None
        if not names:
            return None
        return folder_typed + sorted(names, key=lambda n: (len(n), n))[0]
