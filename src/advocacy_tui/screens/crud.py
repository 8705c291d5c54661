"""The flow every list of records shares: open the record's form, save, show the list again
with the cursor on the record, say what happened.

A pane (people, stakeholders, tasks, posts, library items) makes one :class:`Records` with
its repository's functions and its sentences, and calls ``add``, ``edit`` and ``delete``.
An edit is saved with the row's version as it was when the form opened; if someone saved or
removed the row elsewhere meanwhile, :func:`save_or_ask` asks what to do (keep mine, take
theirs, back to the form). Deleting asks first. Every sentence is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from textual.screen import ModalScreen
from textual.widget import Widget

from advocacy_tui.i18n import _
from advocacy_tui.screens.modals.changed import save_or_ask

T = TypeVar("T")


@dataclass
class Records(Generic[T]):
    """The add / edit / delete flows of one list of ``T``.

    ``kind`` names the record for the changed-elsewhere sentences (a key of
    ``modals.changed.KINDS``). ``refresh(key)`` shows the list again with the cursor on
    ``key`` (None: where it was). The ``*_text`` functions give the toast for a record.
    """

    host: Widget
    kind: str
    load: Callable[[int], T | None]
    form: Callable[[T | None], ModalScreen[T | None]]
    insert: Callable[[T], int]
    update: Callable[[T, T | None], None]  # (record, expected version or None: overwrite)
    remove: Callable[[int], None]
    refresh: Callable[[int | None], None]
    added_text: Callable[[T], str]
    saved_text: Callable[[T], str]
    removed_text: Callable[[T], str]

    def add(self, draft: T | None = None) -> None:
        """The empty form (or ``draft``); a saved record goes in and gets the cursor."""

        def saved(record: T | None) -> None:
            if record is None:
                return
            key = self.insert(record)
            self.refresh(key)
            self.host.notify(self.added_text(record), markup=False)

        self.host.app.push_screen(self.form(draft), saved)

    def edit(self, key: int, draft: T | None = None) -> None:
        """The record's form (filled with ``draft`` when coming back to it); saved over the
        version read now, asking if that version changed elsewhere before the save."""
        current = self.load(key)
        if current is None:  # removed elsewhere since the list was drawn
            self.refresh(None)
            return

        def saved(record: T | None) -> None:
            if record is None:
                return

            def write(checked: bool) -> None:
                self.update(record, current if checked else None)

            def done() -> None:
                self.refresh(key)
                self.host.notify(self.saved_text(record), markup=False)

            save_or_ask(self.host.screen, self.kind, write, saved=done,
                        reopen=lambda: self.edit(key, record), dropped=lambda: self.refresh(key))

        self.host.app.push_screen(self.form(draft if draft is not None else current), saved)

    def delete(self, key: int, question: str, detail: str, *,
               confirm_label: str | None = None) -> None:
        """Ask ``question`` (``detail`` under it); on yes remove the record, keep the cursor's
        place in the list and say so."""
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        current = self.load(key)
        if current is None:
            self.refresh(None)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.remove(key)
            self.refresh(None)
            self.host.notify(self.removed_text(current), markup=False)

        label = confirm_label if confirm_label is not None else _("Delete")
        self.host.app.push_screen(ConfirmDialog(question, detail, confirm_label=label), answered)
