"""Add or edit one ambassador. Every field is checked as it is typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.domain.ambassadors import (
    ROLE_LABELS,
    STATUS_LABELS,
    Ambassador,
    ValidationError,
    build_ambassador,
    changed_fields,
    check_date,
    check_email,
    check_linkedin,
    check_name,
    check_recommender,
    check_text,
)
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.topics import (
    FORMAT_LABELS,
    FORMATS,
    check_languages,
    check_topics,
    join_topics,
)
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.modals.changed import ChangedElsewhereDialog
from advocacy_tui.screens.modals.forms import (
    AskBeforeDiscard,
    Field,
    FormSelect,
    Rule,
    TickBox,
    TopicSuggester,
)

TEXT_FIELDS = ("name", "email", "department", "linkedin", "joined", "invited_on", "recommended_by", "topics",
               "languages")
FIELD_LABELS = {"name": N_("Name"), "email": N_("Email"), "department": N_("Department"),
                "role": N_("Role"), "status": N_("Status"), "linkedin": N_("LinkedIn"),
                "joined": N_("Joined"), "notes": N_("Notes"), "topics": N_("Topics"),
                "formats": N_("Formats"), "languages": N_("Languages"),
                "invited_on": N_("Invited on"), "recommended_by": N_("Recommended by"),
                "thanks_by_name": N_("Thanked by name")}


def shown_value(person: Ambassador, field_name: str) -> str:
    value = getattr(person, field_name)
    if field_name == "formats":
        return ", ".join(_(FORMAT_LABELS.get(key, key)) for key in value) or _("(empty)")
    if isinstance(value, tuple):
        return join_topics(value) or _("(empty)")
    if field_name == "thanks_by_name":
        return _("yes") if value else _("no")
    if field_name in ("joined", "invited_on"):
        return format_date(value) if value else _("(empty)")
    if field_name == "role":
        return _(ROLE_LABELS.get(value, value))
    if field_name == "status":
        return _(STATUS_LABELS.get(value, value))
    text = " ".join(str(value or "").split())
    if len(text) > 60:
        text = text[:59] + "…"
    return text or _("(empty)")


class ChangedDialog(ChangedElsewhereDialog):
    """The person was saved elsewhere while this form was open: the question every record
    asks, with the fields that differ. Dismisses "mine", "theirs", or None (back to the form)."""

    def __init__(self, mine: Ambassador, theirs: Ambassador, fields: tuple[str, ...]) -> None:
        details = [_("{field}: yours “{mine}”, saved “{theirs}”").format(
            field=_(FIELD_LABELS[name]), mine=shown_value(mine, name), theirs=shown_value(theirs, name))
            for name in fields]
        super().__init__(_("Someone saved this person in another tab or window after you opened "
                           "the form."), details)
        self.mine, self.theirs, self.fields = mine, theirs, fields


class AmbassadorForm(AskBeforeDiscard, ModalScreen[Ambassador | None]):
    """Dismisses the validated Ambassador (with its id when editing), or None on cancel."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("f10", "save", N_("Save"), id="form.save"),
    ]

    def __init__(self, repo: AmbassadorRepo, ambassador: Ambassador | None = None,
                 known_topics: list[str] | None = None) -> None:
        super().__init__()
        self.repo = repo
        #: the topics already in use, offered as the last topic typed is completed
        self.known_topics = known_topics if known_topics is not None else self._known_topics()
        self.original = ambassador
        #: the saved version this edit is based on: save with ``repo.update(…, expected=base)``
        self.base = ambassador
        #: the form closed because the user chose the version saved elsewhere, or it was gone
        self.dropped: str | None = None

    def _known_topics(self) -> list[str]:
        from advocacy_tui.data.topics import TopicRepo

        return TopicRepo(self.repo.store).names()

    def _unique_email(self, value: str) -> str | None:
        if self.repo.email_taken(value, self.original.id if self.original else None):
            return _("Someone in the roster already has this email address.")
        return None

    def compose(self) -> ComposeResult:
        a = self.original
        title = _("Edit ambassador") if a else _("Add an ambassador")
        with Vertical(classes="dialog form-dialog"):
            yield Static(title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Field(_("Name *"), Input(a.name if a else "", placeholder=_("First and last name"),
                            validators=[Rule(check_name)], compact=True, id="name"), name="name")
                yield Field(_("Email"), Input(a.email or "" if a else "", placeholder=_("name@company.com"),
                            validators=[Rule(check_email), Rule(self._unique_email)], compact=True,
                            id="email"), name="email")
                yield Field(_("Department"), Input(a.department if a else "", placeholder=_("e.g. Sales"),
                            validators=[Rule(check_text)], compact=True, id="department"),
                            name="department")
                yield Field(_("Role"), FormSelect([(_(label), key) for key, label in ROLE_LABELS.items()],
                            value=a.role if a else "ambassador", allow_blank=False, compact=True,
                            id="role"), name="role")
                yield Field(_("Status"), FormSelect([(_(label), key) for key, label in STATUS_LABELS.items()],
                            value=a.status if a else "candidate", allow_blank=False, compact=True,
                            id="status"), name="status")
                yield Field(_("Invited on"), Input(format_date(a.invited_on) if a else "",
                            placeholder=_("dd.mm.yyyy (empty: today when invited)"),
                            validators=[Rule(check_date)], compact=True, id="invited_on"),
                            name="invited_on")
                yield Field(_("Recommended by"), Input(a.recommended_by if a else "",
                            placeholder=_("who suggested them, e.g. Anna Nowak"),
                            validators=[Rule(check_recommender)], compact=True, id="recommended_by"),
                            name="recommended_by")
                yield Field(_("LinkedIn"), Input(a.linkedin if a else "",
                            placeholder=_("https://www.linkedin.com/in/…"),
                            validators=[Rule(check_linkedin)], compact=True, id="linkedin"),
                            name="linkedin")
                yield Field(_("Joined"), Input(format_date(a.joined) if a else "",
                            placeholder=_("dd.mm.yyyy"), validators=[Rule(check_date)], compact=True,
                            id="joined"), name="joined")
                yield Field(_("Topics"), Input(join_topics(a.topics) if a else "",
                            placeholder=_("e.g. employer branding, Java; → completes"),
                            suggester=TopicSuggester(self.known_topics),
                            validators=[Rule(check_topics)], compact=True, id="topics"), name="topics")
                formats = a.formats if a else ()
                yield Field(_("Formats"), Horizontal(
                    *[TickBox(_(FORMAT_LABELS[key]), key in formats, compact=True, id=f"format-{key}")
                      for key in FORMATS], classes="form-ticks"), name="formats")
                yield Field(_("Languages"), Input(", ".join(a.languages) if a else "",
                            placeholder=_("e.g. pl, en"), validators=[Rule(check_languages)],
                            compact=True, id="languages"), name="languages")
                yield Field(_("Digest"), TickBox(_("May be thanked by name in the digest"),
                            a.thanks_by_name if a else False, compact=True, id="thanks_by_name"),
                            name="thanks_by_name")
                yield Field(_("Notes"), TextArea(a.notes if a else "", id="notes", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="notes")
            yield Static(_("Enter or F10 saves · Esc cancels · Tab moves between fields"),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()  # asks first when something was typed

    def values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#{name}", Input).value for name in TEXT_FIELDS}
        values["role"] = str(self.query_one("#role", Select).value)
        values["status"] = str(self.query_one("#status", Select).value)
        values["notes"] = self.query_one("#notes", TextArea).text
        values["thanks_by_name"] = "1" if self.query_one("#thanks_by_name", TickBox).value else ""
        values["formats"] = ", ".join(key for key in FORMATS
                                      if self.query_one(f"#format-{key}", TickBox).value)
        return values

    def action_save(self) -> None:
        problems: dict[str, str] = {}
        try:
            ambassador = build_ambassador(self.values(), id=self.original.id if self.original else None)
        except ValidationError as error:
            problems = dict(error.problems)
            ambassador = None
        taken = self._unique_email(self.query_one("#email", Input).value)
        if taken:
            problems.setdefault("email", taken)
        for field in self.query(Field):
            field.show_problem(problems.get(field.field_name))
        if problems or ambassador is None:
            first = next(iter(problems))
            self.query_one(f"#format-{FORMATS[0]}" if first == "formats" else f"#{first}").focus()
            self.notify(_("Please fix the marked fields first."), severity="warning", markup=False)
            return
        if self.base is not None and self.base.id is not None:
            current = self.repo.get(self.base.id)
            if current is None:
                self.dropped = "removed"
                self.dismiss(None)
                return
            fields = changed_fields(self.base, current)
            if fields:
                self.app.push_screen(ChangedDialog(ambassador, current, fields),
                                     lambda choice: self._resolve(choice, ambassador, current))
                return
        self.dismiss(ambassador)

    def _resolve(self, choice: str | None, mine: Ambassador, theirs: Ambassador) -> None:
        if choice == "mine":
            self.base = theirs  # saving over exactly what was shown, not a later change
            self.dismiss(mine)
        elif choice == "theirs":
            self.dropped = "theirs"
            self.dismiss(None)
