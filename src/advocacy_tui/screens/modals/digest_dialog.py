"""The digest for the ambassadors: its period, a preview of the text as it will be pasted,
and the ways to send it (copy, save to a file, keep as sent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from advocacy_tui.data.digest import Digest, DigestRepo, render_digest
from advocacy_tui.data.store import Store
from advocacy_tui.domain.dates import DateError, format_date, parse_date
from advocacy_tui.domain.groups import Group
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.modals.export_dialog import check_export_path
from advocacy_tui.screens.modals.forms import Field, Rule

EVERYONE = "everyone"
#: what the preview can show and the clipboard can hold: the text as pasted
PASTE_FORMATS = (("text", N_("Plain text (email, Slack)")), ("md", N_("Markdown (Teams)")))


def _check_day(value: str) -> str | None:
    try:
        parse_date(value)
    except DateError as error:
        return str(error)
    return None


def file_format(path: Path) -> str:
    """The format a file's name asks for: .html and .htm HTML, .md Markdown, else text."""
    suffix = path.suffix.lower()
    return "html" if suffix in (".html", ".htm") else "md" if suffix == ".md" else "text"


class DigestDialog(ModalScreen[str | None]):
    """Dismisses a sentence saying what was done (copied and kept, saved), or None."""

    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="digest.close", tooltip=N_("Close the digest")),
        Binding("f2", "copy", N_("Copy"), id="digest.copy", tooltip=N_("Copy the text to paste it elsewhere")),
        Binding("f3", "save", N_("Save to file"), id="digest.save",
                tooltip=N_("Write the digest to the file named below (.html for email, .md, .txt)")),
        Binding("f10", "sent", N_("Keep as sent"), id="digest.sent",
                tooltip=N_("Remember this digest as sent: the next one starts the day after it ends")),
    ]

    def __init__(self, store: Store, folder: Path | None = None) -> None:
        from advocacy_tui.data.groups import GroupRepo

        super().__init__()
        self.store = store
        self.repo = DigestRepo(store)
        self.folder = folder or Path("~")  # written out whole when saving
        self.groups = {str(group.id): group for group in GroupRepo(store).groups()}
        self.digest: Digest | None = None
        self.text = ""

    def compose(self) -> ComposeResult:
        today = self.store.clock.today()
        with Vertical(classes="dialog form-dialog digest-dialog"):
            yield Static(_("Digest for the ambassadors"), classes="dialog-title", markup=False)
            with Horizontal(classes="digest-period"):
                yield Field(_("From"), Input(format_date(self.repo.default_since()), compact=True,
                                             validators=[Rule(_check_day)], id="digest-since"), name="since")
                yield Field(_("To"), Input(format_date(today), compact=True, validators=[Rule(_check_day)],
                                           id="digest-until"), name="until")
            if self.groups:
                yield Field(_("For"), Select([(_("Everyone"), EVERYONE),
                                              *((plain(g.name), key) for key, g in self.groups.items())],
                                             value=EVERYONE, allow_blank=False, compact=True, id="digest-group"),
                            name="group")
            yield Field(_("As"), Select([(_(label), key) for key, label in PASTE_FORMATS], value="text",
                                        allow_blank=False, compact=True, id="digest-format"), name="format")
            with VerticalScroll(id="digest-preview"):
                yield Static("", id="digest-text", markup=False)
            yield Field(_("File"), Input(str(self.folder / _("digest-{day}.html").format(day=today.isoformat())), compact=True,
                                         validators=[Rule(check_export_path)], id="digest-path"), name="path")
            yield Static(_("Thanked by name only with their consent (on the person's form); the others are counted."),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Copy (F2)"), id="copy", variant="primary", compact=True)
                yield Button(_("Save (F3)"), id="save", compact=True)
                yield Button(_("Keep as sent (F10)"), id="sent", compact=True)
                yield Button(_("Close (Esc)"), id="close", compact=True)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#copy", Button).focus()

    def _period(self) -> tuple[date, date] | None:
        try:
            since = parse_date(self.query_one("#digest-since", Input).value)
            until = parse_date(self.query_one("#digest-until", Input).value)
        except DateError:
            return None
        return since, until

    def _group(self) -> Group | None:
        if not self.groups:
            return None
        return self.groups.get(str(self.query_one("#digest-group", Select).value))

    @on(Select.Changed, "#digest-group")
    def _group_changed(self) -> None:
        """Each group's digests follow on from its own last one."""
        group = self._group()
        self.query_one("#digest-since", Input).value = format_date(self.repo.default_since(group.name if group else ""))
        self._show()

    @on(Input.Changed, "#digest-since")
    @on(Input.Changed, "#digest-until")
    @on(Select.Changed, "#digest-format")
    def _show(self) -> None:
        period = self._period()
        problem = None
        if period is not None:
            try:
                self.digest = self.repo.gather(*period, group=self._group())
            except ValueError as error:
                problem = str(error)
        if period is None or problem:
            self.digest = None
            self.text = ""
            self.query_one("#digest-text", Static).update(
                problem or _("Type both days as dd.mm.yyyy to see the digest."))
            return
        assert self.digest is not None
        self.text = render_digest(self.store, self.digest, str(self.query_one("#digest-format", Select).value))
        self.query_one("#digest-text", Static).update(plain(self.text, single_line=False))

    @on(Button.Pressed, "#copy")
    def action_copy(self) -> None:
        if not self.text:
            return
        self.app.copy_to_clipboard(self.text)
        self.notify(_("The digest is copied: paste it into the email or chat. (If your terminal "
                      "does not pass on copies, save it to a file with F3.)"), markup=False)

    @on(Input.Submitted, "#digest-path")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        from advocacy_tui.data.files import FileWriteError, write_private
        from advocacy_tui.data.files_written import REPORT, record_file_written

        box = self.query_one("#digest-path", Input)
        field = self.query_one("#field-path", Field)
        problem = check_export_path(box.value)
        field.show_problem(problem)
        if problem or self.digest is None:
            return
        path = Path(box.value.strip()).expanduser()
        try:
            write_private(path, render_digest(self.store, self.digest, file_format(path)).encode("utf-8"))
        except FileWriteError as error:
            field.show_problem(str(error))
            return
        record_file_written(self.store, path, REPORT)  # so that forget can name it
        self.notify(_("Digest written to {path}.").format(path=path), markup=False)

    @on(Button.Pressed, "#sent")
    def action_sent(self) -> None:
        if self.digest is None:
            return
        self.repo.mark_sent(self.digest, str(self.query_one("#digest-format", Select).value), self.text)
        self.dismiss(_("Kept as sent: the next digest starts on {day}.").format(
            day=format_date(self.repo.default_since(self.digest.group))))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
