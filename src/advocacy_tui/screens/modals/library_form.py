"""Add or edit one item of the content library."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.posts import (
    LIBRARY_KIND_LABELS,
    LibraryItem,
    build_library_item,
    check_title,
)
from advocacy_tui.domain.topics import FORMAT_LABELS, check_topics, join_topics
from advocacy_tui.i18n import N_, _, pgettext
from advocacy_tui.screens.modals.forms import (
    AskBeforeDiscard,
    Field,
    FormSelect,
    Rule,
    TopicSuggester,
)


def content_languages() -> list[tuple[str, str]]:
    """The languages an item can be written in, named in the language in use ("angielski")."""
    return [(pgettext("language of an item", "English"), "en"),
            (pgettext("language of an item", "Polish"), "pl")]


class LibraryForm(AskBeforeDiscard, ModalScreen[LibraryItem | None]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="library_form.cancel"),
        Binding("f10", "save", N_("Save"), id="library_form.save"),
    ]

    def __init__(self, item: LibraryItem | None = None, known_topics: list[str] | None = None) -> None:
        super().__init__()
        self.original = item
        self.known_topics = known_topics or []

    def compose(self) -> ComposeResult:
        i = self.original or LibraryItem(id=None, title="")
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Edit library item") if self.original else _("Add to the library"),
                         classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Field(_("Title *"), Input(i.title, validators=[Rule(check_title)], compact=True,
                            id="title"), name="title")
                yield Field(_("Kind"), FormSelect([(label, key) for key, label in LIBRARY_KIND_LABELS.items()],
                            value=i.kind, allow_blank=False, compact=True, id="kind"), name="kind")
                yield Field(_("Language"), FormSelect(content_languages(),
                            value=i.language, allow_blank=False, compact=True, id="language"),
                            name="language")
                yield Field(_("Topics"), Input(join_topics(i.topics),
                            placeholder=_("the same topics as people's, e.g. Java; rekrutacja"),
                            suggester=TopicSuggester(self.known_topics),
                            validators=[Rule(check_topics)], compact=True, id="topics"), name="topics")
                yield Field(_("Format"), FormSelect(
                            [(_("Any format"), ""), *[(_(label), key) for key, label in FORMAT_LABELS.items()]],
                            value=i.format, allow_blank=False, compact=True, id="format"), name="format")
                yield Field(_("Tags"), Input(i.tags, placeholder=_("words separated by spaces"),
                            compact=True, id="tags"), name="tags")
                yield Field(_("File or URL"), Input(i.location, placeholder=_("~/Pictures/… or https://…"),
                            compact=True, id="location"), name="location")
                yield Field(_("Text"), TextArea(i.body, id="body", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="body")
            yield Static(_("F10 or Enter saves · Esc cancels · Tab moves"), classes="dialog-hint",
                         markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values = {name: self.query_one(f"#{name}", Input).value
                  for name in ("title", "topics", "tags", "location")}
        values["format"] = str(self.query_one("#format", Select).value)
        values["kind"] = str(self.query_one("#kind", Select).value)
        values["language"] = str(self.query_one("#language", Select).value)
        values["body"] = self.query_one("#body", TextArea).text
        try:
            item = build_library_item(values, id=self.original.id if self.original else None)
        except ValidationError as error:
            for field in self.query(Field):
                field.show_problem(error.problems.get(field.field_name))
            self.notify(_("Please fix the marked fields first."), severity="warning", markup=False)
            return
        self.dismiss(item)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()  # asks first when something was typed
