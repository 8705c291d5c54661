"""A row's latest recorded changes (who, when), on one line, for a pane or a form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual.widgets import Static

from advocacy_tui.data.store import Store
from advocacy_tui.data.users import Change, history
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _

CHANGE_WORDS = {"added": N_("added {when} by {who}"), "changed": N_("changed {when} by {who}"),
                "removed": N_("removed {when} by {who}")}


def changes_text(changes: Sequence[Change]) -> str:
    """The latest changes by named users, newest first, on one line."""
    parts = []
    for change in changes:
        moment = datetime.fromisoformat(change.changed_at)
        when = f"{format_date(moment.date())} {moment:%H:%M}"
        parts.append(_(CHANGE_WORDS[change.action]).format(when=when, who=printable(change.who)))
    return _("History: {changes}").format(changes=" · ".join(parts))


def history_line(store: Store, table: str, row_id: int | None) -> list[Static]:
    """A line for a form that edits a row with a recorded history; nothing otherwise."""
    if row_id is None:
        return []
    changes = history(store, table, row_id, 3)
    if not changes:
        return []
    return [Static(changes_text(changes), classes="dialog-hint form-history", markup=False)]
