"""Import people from a CSV, Excel or JSON file: a path, a preview, the problems, then confirm.

The user can say what columns hold (``state=ignore; Kto=name``) and how to read dates like
03/04/2022 when the file cannot tell.

Reading and checking a big file (100,000 rows) runs in a thread worker on its own
database connection; the dialog shows progress and stays responsive, and Esc
cancels. Writing runs in a worker too, as one transaction.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, ProgressBar, Select, Static
from textual.worker import get_current_worker

from advocacy_tui.data.csv_io import (
    ImportFileError,
    ImportPlan,
    ImportSummary,
    apply_import,
    parse_column_map,
    plan_import,
    read_table,
)
from advocacy_tui.data.store import Store, StoreError
from advocacy_tui.domain.ambassadors import ROLE_LABELS, STATUS_LABELS
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.modals.forms import Field, Rule, TickBox
from advocacy_tui.widgets.path_suggester import PathSuggester

MAX_PROBLEMS_SHOWN = 40
SKIP_OFF = N_("Skip the rows with problems: no")
SKIP_ON = N_("Skip the rows with problems: yes, import the others")
PREVIEW_COLUMNS = (N_("Row"), N_("Check"), N_("Name"), N_("Email"), N_("Status"), N_("Role"),
                   N_("Department"), N_("Joined"))


SEPARATED = {",": N_("comma-separated"), ";": N_("semicolon-separated"), "\t": N_("tab-separated")}


def source_text(plan: ImportPlan) -> str:
    """How the file was read, e.g. “Windows-1250, semicolon-separated”, in the language in use."""
    separated = SEPARATED.get(plan.delimiter)
    if plan.described or separated is None:
        return plan.source
    return f"{plan.encoding}, {_(separated)}"


def check_import_path(value: str) -> str | None:
    """A sentence when ``value`` is not a readable file, else None."""
    if not value.strip():
        return _("Type the path of a CSV file, e.g. ~/Downloads/people.csv.")
    path = Path(value.strip()).expanduser()
    if not path.exists():
        return _("There is no file at this path.")
    if path.is_dir():
        return _("This is a folder: add the file name at the end.")
    if not os.access(path, os.R_OK):
        return _("This file cannot be read (permission denied).")
    return None


def check_column_map(value: str) -> str | None:
    """A sentence when the Columns box is not a list of COLUMN=FIELD, else None."""
    try:
        parse_column_map(value)
    except ImportFileError as error:
        return str(error)
    return None


AUTO_DATES = "auto"


def _date_choices() -> list[tuple[str, str]]:
    return [(_("tell from the file"), AUTO_DATES), (_("day first (31/12/2026)"), "dmy"),
            (_("month first (12/31/2026)"), "mdy")]


def _cell(value: str | None, width: int = 28) -> Text:
    text = printable(value or "")
    return Text(text if len(text) <= width else text[: width - 1] + "…", no_wrap=True)


def _kept(row: dict[str, str], field: str, labels: Mapping[str, str]) -> str:
    """A role or status as the person will have it; "(kept)" when the file leaves it as it is."""
    value = row.get(field) or ""
    label = _(labels[value]) if value in labels else value
    if field in (row.get("_kept") or "").split(","):
        return _("{value} (kept)").format(value=label)
    return label


class ImportDialog(ModalScreen[ImportSummary | None]):
    """Dismisses the import's summary, or None when nothing was imported."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="import.cancel", tooltip=N_("Close without importing")),
        Binding("f10", "confirm", N_("Import"), id="import.confirm",
                tooltip=N_("Import the checked file into the roster")),
    ]


    class Planned(Message):
        """A worker finished reading and checking the file."""

        def __init__(self, plan: ImportPlan) -> None:
            self.plan = plan
            super().__init__()

    class Failed(Message):
        """A worker could not read or import the file; ``text`` is for the user."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    class Imported(Message):
        def __init__(self, summary: ImportSummary) -> None:
            self.summary = summary
            super().__init__()

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            self.done = done
            self.total = total
            super().__init__()

    def __init__(self, store: Store, path: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial_path = path
        self.plan: ImportPlan | None = None
        self.busy = False
        self.writing = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog import-dialog"):
            yield Static(_("Import people from a file"), classes="dialog-title", markup=False)
            yield Field(_("File"), Input(self.initial_path, placeholder=_("~/Downloads/people.csv  (Enter checks it)"),
                                      validators=[Rule(check_import_path)], compact=True,
                                      suggester=PathSuggester((".csv", ".tsv", ".txt", ".xlsx", ".json")),
                                      id="import-path"), name="path")
            yield Static(_("CSV, Excel (.xlsx) or JSON from HR or Excel · → completes names"),
                         id="import-hint", markup=False)
            yield Field(_("Columns"), Input("", placeholder=_("optional: state=ignore; Kto=name"),
                                            validators=[Rule(check_column_map)], compact=True,
                                            id="import-map"), name="map")
            yield Field(_("Dates"), Select(_date_choices(), value=AUTO_DATES, allow_blank=False,
                                           compact=True, id="import-dates"), name="dates")
            with VerticalScroll(id="import-body"):
                yield ProgressBar(total=100, show_eta=False, id="import-progress", classes="-hidden")
                yield Static(_("Nothing is written until you press Import."), id="import-status", markup=False)
                yield DataTable(id="import-preview", classes="-hidden", cursor_type="none",
                                zebra_stripes=True, show_cursor=False)
                yield Static("", id="import-problems", classes="-hidden", markup=False)
                yield TickBox(_(SKIP_OFF), id="import-skip", classes="-hidden", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Check file"), id="check", compact=True)
                yield Button(_("Import (F10)"), id="import", variant="primary", compact=True, disabled=True)
                yield Button(_("Cancel (Esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    # -- checking --------------------------------------------------------------------

    @property
    def path_text(self) -> str:
        return self.query_one("#import-path", Input).value.strip()

    @on(Input.Changed, "#import-path")
    def _path_changed(self, event: Input.Changed) -> None:
        field = self.query_one("#field-path", Field)
        # Explain only once the user has typed something; an empty box is not an error yet.
        problem = check_import_path(event.value) if event.value.strip() else None
        field.show_problem(problem)
        if self.plan is not None:
            self.plan = None
            self._show_plan()

    @on(Input.Changed, "#import-map")
    @on(Select.Changed, "#import-dates")
    def _options_changed(self) -> None:
        """Another column map or date order: the plan must be made again."""
        if self.plan is not None and not self.busy:
            self.plan = None
            self._show_plan()

    @property
    def column_map(self) -> dict[str, str] | None:
        try:
            return parse_column_map(self.query_one("#import-map", Input).value) or None
        except ImportFileError:
            return None

    @property
    def date_order(self) -> str | None:
        value = self.query_one("#import-dates", Select).value
        return value if value in ("dmy", "mdy") else None

    @on(Input.Submitted, "#import-path")
    @on(Input.Submitted, "#import-map")
    @on(Button.Pressed, "#check")
    def check(self) -> None:
        problem = check_import_path(self.path_text)
        self.query_one("#field-path", Field).show_problem(problem)
        map_problem = check_column_map(self.query_one("#import-map", Input).value)
        self.query_one("#field-map", Field).show_problem(map_problem)
        if problem or map_problem or self.busy:
            return
        self.plan = None
        self.busy = True
        self._set_status(_("Reading the file…"))
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=100, progress=0)
        bar.remove_class("-hidden")
        self._update_buttons()
        self._plan_worker(self.path_text, self.column_map, self.date_order)

    @work(thread=True, exclusive=True, group="import")
    def _plan_worker(self, path: str, column_map: dict[str, str] | None = None,
                     date_order: str | None = None) -> None:
        worker = get_current_worker()
        try:
            table = read_table(path)
            with Store.open(self.store.path, clock=self.store.clock) as store:
                plan = plan_import(
                    store, table, path=path,
                    progress=lambda done, total: self.post_message(self.Progress(done, total)),
                    cancelled=lambda: worker.is_cancelled,
                    column_map=column_map, date_order=date_order,
                )
        except (ImportFileError, StoreError) as error:  # already one sentence for the user
            self.post_message(self.Failed(str(error)))
            return
        except Exception as error:  # the file system or the database: say it in words
            self.post_message(self.Failed(_("The file could not be read: {error}.").format(error=error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Planned(plan))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(message.total, 1), progress=message.done)
        self._set_status(_("Checking row {done} of about {total}…").format(
            done=format_number(message.done), total=format_number(message.total)))

    @on(Planned)
    def _planned(self, message: Planned) -> None:
        self.busy = False
        self.plan = message.plan
        self.query_one("#import-progress", ProgressBar).add_class("-hidden")
        self._show_plan()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.busy = self.writing = False
        self.plan = None
        self.query_one("#import-progress", ProgressBar).add_class("-hidden")
        self._show_plan()
        self._set_status("✗ " + message.text)

    def _set_status(self, text: str) -> None:
        self.query_one("#import-status", Static).update(printable(text, single_line=False))

    def _show_plan(self) -> None:
        plan = self.plan
        preview = self.query_one("#import-preview", DataTable)
        problems = self.query_one("#import-problems", Static)
        skip = self.query_one("#import-skip", Checkbox)
        preview.clear(columns=True)
        if plan is None:
            for widget in (preview, problems, skip):
                widget.add_class("-hidden")
            self._set_status(_("Nothing is written until you press Import."))
            self._update_buttons()
            return
        # the status before the role: whether a status is kept matters more than the role;
        # names and emails as long as they are (up to a point), the table scrolls sideways
        preview.add_columns(*(_(title) for title in PREVIEW_COLUMNS))
        name_width = max(20, min(28, max((len(row.get("name") or "") for _, row in plan.preview), default=0)))
        email_width = max(20, min(44, max((len(row.get("email") or "") for _, row in plan.preview), default=0)))
        for number, row in plan.preview:
            problem = row.get("_problem")
            joined = row.get("joined") or ""
            if joined and not problem:
                from datetime import date

                joined = format_date(date.fromisoformat(joined))
            preview.add_row(
                Text(str(number)),
                Text(_("✗ bad") if problem else _("✓ ok"), no_wrap=True),
                _cell(row.get("name"), name_width), _cell(row.get("email"), email_width),
                _cell(_kept(row, "status", STATUS_LABELS), 18),
                _cell(_(ROLE_LABELS[row["role"]]) if row.get("role") in ROLE_LABELS else row.get("role"), 10),
                _cell(row.get("department"), 12),
                _cell(joined, 10),
            )
        # A fixed height (rows, header, a horizontal scrollbar) lays out at once and the same way.
        preview.styles.height = len(plan.preview) + 2
        preview.set_class(not plan.preview, "-hidden")
        lines = [
            ngettext("{n} row ({source}): would add {add}, update {update}, leave {unchanged} unchanged.",
                     "{n} rows ({source}): would add {add}, update {update}, leave {unchanged} unchanged.",
                     plan.rows).format(n=format_number(plan.rows), source=source_text(plan),
                                       add=format_number(len(plan.add)), update=format_number(len(plan.update)),
                                       unchanged=format_number(plan.unchanged)),
        ]
        if plan.ignored:
            lines.append(_("Columns not used: {columns}.").format(columns=", ".join(plan.ignored)))
        lines += plan.notices
        if plan.problems:
            lines.append(ngettext("✗ {n} row has a problem (listed below the preview): nothing is imported "
                                  "unless you skip the rows with problems.",
                                  "✗ {n} rows have problems (listed below the preview): nothing is imported "
                                  "unless you skip the rows with problems.",
                                  plan.invalid_rows).format(n=format_number(plan.invalid_rows)))
            shown = [str(p) for p in plan.problems[:MAX_PROBLEMS_SHOWN]]
            if len(plan.problems) > MAX_PROBLEMS_SHOWN:
                shown.append(_("… and {n} more (the command `advocacy-tui import ambassadors FILE --dry-run` "
                               "lists them all)").format(n=format_number(len(plan.problems) - MAX_PROBLEMS_SHOWN)))
            problems.update(printable("\n".join(shown), single_line=False))
        elif plan.rows:
            lines.append(_("✓ Every row is fine. Press Import (F10) to add them to the roster."))
        else:
            lines.append(_("The file has a header but no people."))
        self._set_status("\n".join(lines))
        problems.set_class(not plan.problems, "-hidden")
        skip.set_class(not plan.problems, "-hidden")
        self._update_buttons()

    @on(Checkbox.Changed, "#import-skip")
    def _skip_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = _(SKIP_ON) if event.value else _(SKIP_OFF)
        self._update_buttons()

    def _can_import(self) -> bool:
        plan = self.plan
        if plan is None or self.busy or not (plan.add or plan.update):
            return False
        return not plan.problems or self.query_one("#import-skip", Checkbox).value

    def _update_buttons(self) -> None:
        self.query_one("#import", Button).disabled = not self._can_import()
        self.query_one("#check", Button).disabled = self.busy

    # -- importing -------------------------------------------------------------------

    @on(Button.Pressed, "#import")
    def action_confirm(self) -> None:
        if not self._can_import():
            plan = self.plan
            if plan is None and not self.busy:
                self.check()
            elif plan is not None and not self.busy:
                self.notify(self._why_not(plan), severity="warning", markup=False)
            return
        assert self.plan is not None
        self.busy = self.writing = True
        self._update_buttons()
        self._set_status(_("Importing {n} people…").format(n=format_number(len(self.plan.add) + len(self.plan.update))))
        self._import_worker(self.plan, self.query_one("#import-skip", Checkbox).value)

    def _why_not(self, plan: ImportPlan) -> str:
        """Why F10 imports nothing, in words."""
        if not (plan.add or plan.update):
            return _("Nothing to import: everyone in the file is already in the roster as it is.")
        return ngettext(
            "Nothing imported: {n} row has a problem. Tick “Skip the rows with problems” (Tab, then "
            "Space) to import the others, or fix the file and check it again.",
            "Nothing imported: {n} rows have problems. Tick “Skip the rows with problems” (Tab, then "
            "Space) to import the others, or fix the file and check it again.",
            plan.invalid_rows).format(n=plan.invalid_rows)

    @work(thread=True, exclusive=True, group="import")
    def _import_worker(self, plan: ImportPlan, skip_invalid: bool) -> None:
        try:
            with Store.open(self.store.path, clock=self.store.clock) as store:
                summary = apply_import(store, plan, skip_invalid=skip_invalid)
        except (ImportFileError, StoreError) as error:  # a full disk says so, in one sentence
            self.post_message(self.Failed(str(error)))
            return
        except Exception as error:
            self.post_message(self.Failed(_("Nothing was imported: {error}.").format(error=error)))
            return
        self.post_message(self.Imported(summary))

    @on(Imported)
    def _imported(self, message: Imported) -> None:
        self.busy = self.writing = False
        self.dismiss(message.summary)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.writing:
            self.notify(_("Please wait: the import is being written. It lands whole or not at all."),
                        markup=False)
            return
        self.workers.cancel_group(self, "import")
        self.dismiss(None)
