"""The content library: the second tab of the calendar section, a pane with its own keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from advocacy_tui.data.posts import LibraryRepo
from advocacy_tui.domain.posts import LIBRARY_KIND_LABELS, LibraryItem, draft_from_library
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext, pgettext
from advocacy_tui.screens.base import typing_in
from advocacy_tui.screens.crud import Records
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

if TYPE_CHECKING:
    from advocacy_tui.screens.calendar import CalendarScreen

LIBRARY_COLUMNS = [
    Column("kind", N_("Kind"), 12, sortable=False),
    Column("title", N_("Title"), None, min_width=20, sortable=False),
    Column("language", N_("Lang"), 5, sortable=False),
    Column("tags", N_("Tags"), 26, sortable=False),
]
EMPTY = N_("The library is empty. Press a to add a guideline or a sample post.")


def kind_column(kind: str) -> str:
    """A kind as the 12-cell Kind column shows it: the two long Polish names in a word."""
    if kind == "sample_post":
        return pgettext("library kind column", "Sample post")
    if kind == "idea":
        return pgettext("library kind column", "Post idea")
    return LIBRARY_KIND_LABELS.get(kind, kind)


class LibrarySource:
    def __init__(self, repo: LibraryRepo) -> None:
        self.repo = repo
        self.text = ""

    def count(self) -> int:
        return self.repo.count(self.text)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        return [
            (row.id, (kind_column(row.kind), row.title, row.language, row.tags))
            for row in self.repo.page(self.text, offset, limit)
        ]


def open_with_system(host: Vertical, target: str) -> None:
    """Open a file or an address with the system's program for it, saying what happened."""
    if sys.platform == "darwin":
        opener = shutil.which("open")
    elif os.name == "nt":
        opener = None
    else:
        opener = shutil.which("xdg-open")
    if os.name == "nt" and hasattr(os, "startfile"):
        try:
            os.startfile(target)
            return
        except OSError:
            opener = None
    if opener is None:
        host.notify(_("No program to open files was found. The item is at: {target}").format(target=target),
                    timeout=12, markup=False)
        return
    try:
        subprocess.Popen([opener, target], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as error:
        host.notify(_("Could not open {target} ({reason}).").format(target=target, reason=error.strerror),
                    severity="warning",
                    markup=False)
        return
    host.notify(_("Opening {target}").format(target=target), markup=False)


class LibraryPane(Vertical):
    """Search box, table, preview and status line of the library, with its own keys.
    Its widgets are built the first time the tab opens: opening the calendar stays quick."""

    HELP = N_("""\
# Content library

Guidelines, sample posts, ideas, inspiration, graphics and training for your ambassadors.

`/` searches (diacritics do not matter), `a` adds, `e` or Enter edits, `d` deletes, `u` uses
the item as a draft on the selected calendar day, `o` opens a graphic's file or address.
Esc clears the search; `l` goes back to the calendar.
""")

    BINDINGS = [
        Binding("a", "add", N_("Add"), id="calendar.add", tooltip=N_("Add a library item")),
        Binding("e", "edit", N_("Edit"), id="calendar.edit", tooltip=N_("Edit the highlighted item")),
        Binding("d,delete", "delete", N_("Delete"), show=False, id="calendar.delete",
                tooltip=N_("Delete (asks first)")),
        Binding("l", "screen.switch_tab", N_("Calendar/library"), id="calendar.tab",
                tooltip=N_("Switch between the calendar and the library")),
        Binding("u", "use_draft", N_("Use as draft"), id="library.use", tooltip=N_("Plan a post from this item")),
        Binding("o", "open_item", N_("Open file"), id="library.open", tooltip=N_("Open the graphic's file or URL")),
        Binding("slash", "search", N_("Search"), id="library.search", priority=True,
                tooltip=N_("Search the library")),
        Binding("escape", "escape", N_("Cancel"), show=False, id="calendar.escape"),
    ]

    def __init__(self, repo: LibraryRepo, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.repo = repo
        self.source = LibrarySource(repo)
        self.records: Records[LibraryItem] = Records(
            self, "library", load=self.repo.get, form=self._form, insert=self.repo.add,
            update=lambda item, expected: self.repo.update(item), remove=self.repo.delete,
            refresh=lambda key: self.refresh_library(keep=key),
            added_text=lambda item: _("Added “{title}” to the library.").format(title=item.title),
            saved_text=lambda item: _("Saved “{title}”.").format(title=item.title),
            removed_text=lambda item: _("Deleted “{title}” from the library.").format(title=item.title))

    @property
    def calendar_screen(self) -> CalendarScreen:
        return self.screen  # type: ignore[return-value]

    async def build(self) -> None:
        """Mount the widgets (once) and show the list."""
        if not self.query("#lib-table"):
            await self.mount(
                Input(placeholder=_("Search the library: title, text, tags  (/)"), id="lib-search",
                      compact=True),
                VirtualTable(LIBRARY_COLUMNS, self.source, id="lib-table", empty_message=EMPTY),
                Static("", id="lib-preview"),
                Static("", id="lib-status", markup=False),
            )
        self.refresh_library()
        self.table.focus()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#lib-table", VirtualTable)

    def refresh_library(self, keep: int | None = None) -> None:
        text = self.query_one("#lib-search", Input).value
        self.source.text = text
        position = self.repo.position(text, keep) if keep is not None else None
        table = self.table
        table.empty_message = (_("Nothing in the library matches “{text}”. Esc clears the search.").format(
            text=text.strip()) if text.strip() else EMPTY)
        table.reload(cursor=position)
        self._show_preview(table.cursor_key)
        total = self.repo.total()
        shown = table.row_count
        if shown == total:
            # "item(s)" in English as before (its snapshots stay); real plural forms in Polish
            status = ngettext("{n} item(s)", "{n} item(s)", total).format(n=format_number(total))
        else:
            status = ngettext("{shown} of {n} item match", "{shown} of {n} items match", total).format(
                shown=format_number(shown), n=format_number(total))
        self.query_one("#lib-status", Static).update(
            " " + status + " · " + _("a add · e edit · u use as a draft · o open file · / search"))

    @on(Input.Changed, "#lib-search")
    def _search_changed(self) -> None:
        self.refresh_library()

    @on(Input.Submitted, "#lib-search")
    def _search_done(self) -> None:
        self.table.focus()

    @on(VirtualTable.RowHighlighted)
    def _library_preview(self, event: VirtualTable.RowHighlighted) -> None:
        self._show_preview(event.key)

    def _show_preview(self, key: int | None) -> None:
        from textual.content import Content

        item = self.repo.get(key) if key is not None else None
        preview = self.query_one("#lib-preview", Static)
        if item is None:
            preview.update("")
            return
        lines = [Content.styled(printable(item.title), "bold")]
        if item.topics:
            lines.append(Content(_("Topics: {topics}").format(topics=printable(", ".join(item.topics)))))
        if item.location:
            lines.append(Content(_("File or address: {location}").format(location=printable(item.location))))
        if item.body.strip():
            lines.append(Content(printable(item.body.strip(), single_line=False)))
        preview.update(Content("\n").join(lines))

    @on(VirtualTable.RowSelected)
    def _library_open(self, event: VirtualTable.RowSelected) -> None:
        self.records.edit(event.key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and typing_in(self.screen.focused):
            return False
        return True

    def action_search(self) -> None:
        self.screen.set_focus(self.query_one("#lib-search", Input))

    def action_escape(self) -> None:
        search = self.query_one("#lib-search", Input)
        if search.value:
            search.value = ""
            self.table.focus()

    def _form(self, item: LibraryItem | None):
        from advocacy_tui.data.topics import TopicRepo
        from advocacy_tui.screens.modals.library_form import LibraryForm

        return LibraryForm(item, TopicRepo(self.repo.store).names())

    def _current_item(self) -> LibraryItem | None:
        key = self.table.cursor_key
        item = self.repo.get(key) if key is not None else None
        if item is None:
            self.notify(_("Choose an item of the library first (or press a to add one)."),
                        markup=False)
        return item

    def action_add(self) -> None:
        self.records.add()

    def action_edit(self) -> None:
        item = self._current_item()
        if item is not None and item.id is not None:
            self.records.edit(item.id)

    def action_delete(self) -> None:
        item = self._current_item()
        if item is None or item.id is None:
            return
        self.records.delete(
            item.id, _("Delete this library item?"),
            _("“{title}” will be removed. Posts made from it stay, without the link.").format(title=item.title))

    def action_use_draft(self) -> None:
        item = self._current_item()
        if item is None:
            return
        calendar = self.calendar_screen.calendar
        post = draft_from_library(item, calendar.cursor)
        voices = [key for key, _label in calendar.settings.voices]
        if post.voice not in voices:
            post = replace(post, voice=voices[0])
        self.calendar_screen.show_tab("tab-calendar")
        calendar.plan(post, title=_("Plan a post from “{title}”").format(title=item.title))

    def action_open_item(self) -> None:
        item = self._current_item()
        if item is None:
            return
        where = item.location.strip()
        if not where:
            self.notify(_("“{title}” has no file or address to open. Press e to add one.").format(title=item.title),
                        markup=False)
            return
        target = where if "://" in where else str(Path(where).expanduser())
        if "://" not in where and not Path(target).exists():
            self.notify(_("The file {target} does not exist (moved or renamed?). Press e to "
                          "change the path.").format(target=target), severity="warning", timeout=10, markup=False)
            return
        open_with_system(self, target)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Library: add an item"), _("A guideline, sample post or idea (a)"),
                            self.action_add)
        yield SystemCommand(_("Library: search"), _("Title, text, tags (/)"), self.action_search)
        yield SystemCommand(_("Calendar: back to the calendar"), _("Month grid and week agenda (l)"),
                            lambda: self.calendar_screen.show_tab("tab-calendar"))
