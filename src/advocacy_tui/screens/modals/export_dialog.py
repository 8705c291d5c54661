"""Export the roster or the stakeholder map to a CSV or JSON file (owner-only)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from advocacy_tui.data.csv_io import ImportFileError, export_to_file
from advocacy_tui.data.store import Store
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.modals.forms import Field, Rule

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def check_export_path(value: str) -> str | None:
    if not value.strip():
        return _("Type where to save the file, e.g. ~/people.csv.")
    path = Path(value.strip()).expanduser()
    if path.is_dir():
        return _("This is a folder: add the file name at the end.")
    if not path.parent.exists():
        return _("The folder {folder} does not exist.").format(folder=path.parent)
    from advocacy_tui.data.paths_check import check_output_path

    try:  # never the open database, its log, the config file, a device or a pipe
        check_output_path(path)
    except OSError as error:
        return str(error)
    return None


class ExportDialog(ModalScreen[str | None]):
    """Dismisses a sentence saying what was written, or None on cancel."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="export.cancel", tooltip=N_("Close without exporting")),
        Binding("f10", "confirm", N_("Export"), id="export.confirm", tooltip=N_("Write the file")),
    ]

    class Done(Message):
        def __init__(self, text: str, ok: bool) -> None:
            self.text = text
            self.ok = ok
            super().__init__()

    def __init__(self, store: Store, folder: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.folder = folder or Path.home()
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Export to a file"), classes="dialog-title", markup=False)
            yield Field(_("What"), Select([(_("Ambassadors (the roster)"), "ambassadors"),
                                           (_("Stakeholders (the map)"), "stakeholders")],
                                       value="ambassadors", allow_blank=False, compact=True,
                                       id="export-what"), name="what")
            yield Field(_("Format"), Select([(_("CSV (spreadsheets)"), "csv"), ("JSON", "json")], value="csv",
                                         allow_blank=False, compact=True, id="export-format"),
                        name="format")
            yield Field(_("Separator"), Select([(_("comma ,"), "comma"),
                                                (_("semicolon ; (Excel, Polish)"), "semicolon"),
                                                (_("tab"), "tab")], value="comma", allow_blank=False,
                                            compact=True, id="export-separator"), name="separator")
            yield Field(_("Save as"), Input(str(self.folder / "ambassadors.csv"), compact=True,
                                         validators=[Rule(check_export_path)], id="export-path"),
                        name="path")
            yield Static(_("The file is readable by you only: it holds personal data. Cells that a "
                           "spreadsheet would run as formulas start with ' so they stay text."),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Export (F10)"), id="export", variant="primary", compact=True)
                yield Button(_("Cancel (Esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-what", Select).focus()

    @on(Select.Changed)
    def _choice_changed(self) -> None:
        what = self.query_one("#export-what", Select).value
        fmt = self.query_one("#export-format", Select).value
        self.query_one("#field-separator").display = fmt == "csv"
        box = self.query_one("#export-path", Input)
        path = Path(box.value.strip() or str(self.folder / "x")).expanduser()
        if path.stem in ("ambassadors", "stakeholders"):
            box.value = str(path.with_name(f"{what}.{fmt}"))

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self.query_one("#field-path", Field).show_problem(check_export_path(event.value))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def action_confirm(self) -> None:
        path = self.query_one("#export-path", Input).value
        problem = check_export_path(path)
        self.query_one("#field-path", Field).show_problem(problem)
        if problem or self.busy:
            return
        self.busy = True
        self.query_one("#export", Button).disabled = True
        self._export(
            str(self.query_one("#export-what", Select).value),
            str(self.query_one("#export-format", Select).value),
            Path(path.strip()).expanduser(),
            SEPARATORS[str(self.query_one("#export-separator", Select).value)],
        )

    @work(thread=True, exclusive=True, group="export")
    def _export(self, what: str, fmt: str, path: Path, delimiter: str) -> None:
        try:
            with Store.open(self.store.path, clock=self.store.clock) as store:
                count = export_to_file(store, what, fmt, path, delimiter=delimiter)
        except ImportFileError as error:
            self.post_message(self.Done(str(error), False))
            return
        except OSError as error:
            self.post_message(self.Done(_("Cannot write {path}: {reason}.").format(
                path=path, reason=error.strerror or error), False))
            return
        if what == "stakeholders":
            text = ngettext("Wrote {n} stakeholder to {file} (readable by you only).",
                            "Wrote {n} stakeholders to {file} (readable by you only).", count)
        else:
            text = ngettext("Wrote {n} ambassador to {file} (readable by you only).",
                            "Wrote {n} ambassadors to {file} (readable by you only).", count)
        self.post_message(self.Done(text.format(n=format_number(count), file=path), True))

    @on(Done)
    def _done(self, message: Done) -> None:
        self.busy = False
        self.query_one("#export", Button).disabled = False
        if message.ok:
            self.dismiss(message.text)
        else:
            self.query_one("#field-path", Field).show_problem(message.text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)
