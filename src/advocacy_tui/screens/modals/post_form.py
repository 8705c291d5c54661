"""Add or edit one post of the content calendar; the body can go to $EDITOR."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Select, Static, TextArea

from advocacy_tui.data.groups import CampaignRepo
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.data.topics import TopicRepo
from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.posts import (
    OWN_POST_NOTE,
    STATE_LABELS,
    STATE_MEANINGS,
    STATE_SYMBOLS,
    Post,
    build_post,
    check_channel,
    check_optional_date,
    check_required_date,
    check_time,
    check_title,
    check_url,
)
from advocacy_tui.domain.topics import check_topics, join_topics
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.history import history_line
from advocacy_tui.screens.modals.forms import AskBeforeDiscard, Field, Rule, TopicSuggester

NO_CAMPAIGN = "none"
TEXT_FIELDS = ("title", "author", "topics", "channel", "planned_on", "planned_time", "published_url",
               "published_on")


class AuthorSuggester(Suggester):
    """Completes a name or email from the roster, one indexed query per keystroke."""

    def __init__(self, repo: PostRepo) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.repo = repo

    async def get_suggestion(self, value: str) -> str | None:
        return self.repo.suggest_author(value)


def state_options() -> list[tuple[str, str]]:
    return [(f"{STATE_SYMBOLS[key]} {label}", key) for key, label in STATE_LABELS.items()]


class PostForm(AskBeforeDiscard, ModalScreen[Post | None]):
    """Dismisses the validated Post (with its id when editing), or None on cancel."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="post_form.cancel"),
        Binding("f10", "save", N_("Save"), id="post_form.save", tooltip=N_("Save the post")),
        Binding("f4", "external_editor", N_("Body in $EDITOR"), id="post_form.editor",
                tooltip=N_("Write the post's text in your own editor ($EDITOR)")),
    ]

    def __init__(self, repo: PostRepo, post: Post, voices: tuple[tuple[str, str], ...], *,
                 title: str | None = None) -> None:
        super().__init__()
        self.repo = repo
        self.original = post
        self.voices = voices
        self.form_title = title or (_("Edit post") if post.id else _("Plan a post"))

    def _author_known(self, value: str) -> str | None:
        return self.repo.find_author(value)[1]

    def compose(self) -> ComposeResult:
        p = self.original
        voice_keys = [key for key, _ in self.voices]
        voice_options = [(label, key) for key, label in self.voices]
        if p.voice not in voice_keys:  # a voice removed from the config since: keep it visible
            voice_options.append((_("{voice} (not in the config)").format(voice=p.voice), p.voice))
        with Vertical(classes="dialog form-dialog post-form"):
            yield Static(self.form_title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Field(_("Title *"), Input(p.title, placeholder=_("What the post is about"),
                            validators=[Rule(check_title)], compact=True, id="title"), name="title")
                yield Field(_("Text"), TextArea(p.body, id="body", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="body")
                yield Field(_("Author"), Input(self.repo.author_label(p.author_id),
                            placeholder=_("Name or email from the roster (empty: nobody yet)"),
                            suggester=AuthorSuggester(self.repo),
                            validators=[Rule(self._author_known)], validate_on=["blur", "submitted"],
                            compact=True, id="author"),
                            name="author")
                yield Field(_("Date *"), Input(format_date(p.planned_on), placeholder=_("dd.mm.yyyy"),
                            validators=[Rule(check_required_date)], compact=True, id="planned_on"),
                            name="planned_on")
                yield Field(_("Time"), Input(p.planned_time.strftime("%H:%M") if p.planned_time else "",
                            placeholder=_("hh:mm (optional)"), validators=[Rule(check_time)],
                            compact=True, id="planned_time"), name="planned_time")
                yield Field(_("State"), Select(state_options(), value=p.state, allow_blank=False,
                            compact=True, id="state"), name="state")
                yield Static(self._state_meaning(p.state), id="state-meaning", markup=False)
                yield Field(_("Voice"), Select(voice_options, value=p.voice, allow_blank=False,
                            compact=True, id="voice"), name="voice")
                yield Field(_("Topics"), Input(join_topics(p.topics),
                            placeholder=_("e.g. employer branding, Java"),
                            suggester=TopicSuggester(TopicRepo(self.repo.store).names()),
                            validators=[Rule(check_topics)], compact=True, id="topics"), name="topics")
                campaigns = CampaignRepo(self.repo.store).campaigns()
                if campaigns or p.campaign_id is not None:
                    options = [(plain(c.name), str(c.id)) for c in campaigns]
                    if p.campaign_id is not None and all(c.id != p.campaign_id for c in campaigns):
                        p = replace(p, campaign_id=None)  # removed since: the post is in none
                    yield Field(_("Campaign"), Select([(_("No campaign"), NO_CAMPAIGN), *options],
                                value=str(p.campaign_id) if p.campaign_id is not None else NO_CAMPAIGN,
                                allow_blank=False, compact=True, id="campaign"), name="campaign")
                yield Field(_("Channel"), Input(p.channel, validators=[Rule(check_channel)],
                            compact=True, id="channel"), name="channel")
                yield Field(_("Published at"), Input(p.published_url, placeholder=_("https://… (when published)"),
                            validators=[Rule(check_url)], compact=True, id="published_url"),
                            name="published_url")
                yield Field(_("Published on"), Input(format_date(p.published_on),
                            placeholder=_("dd.mm.yyyy (default: the planned date)"),
                            validators=[Rule(check_optional_date)], compact=True,
                            id="published_on"), name="published_on")
                yield Field(_("Notes"), TextArea(p.notes, id="notes", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="notes")
            yield from history_line(self.repo.store, "posts", p.id)
            yield Static(_("F10 saves · F4 writes the text in $EDITOR · Esc cancels · Tab moves"),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save", compact=True)
                yield Button("$EDITOR", id="editor", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @staticmethod
    def _state_meaning(state: object) -> str:
        """What the chosen state means for the author; no state is an approval step."""
        meaning = STATE_MEANINGS.get(state, "") if isinstance(state, str) else ""
        return f"{_(meaning)}\n{_(OWN_POST_NOTE)}" if meaning else _(OWN_POST_NOTE)

    @on(Select.Changed, "#state")
    def _state_changed(self, event: Select.Changed) -> None:
        self.query_one("#state-meaning", Static).update(self._state_meaning(event.value))

    @on(Input.Changed, "#author")
    def _author_typing(self) -> None:
        # the author is checked when the field is left, not while suggestions are typed
        self.query_one("#field-author", Field).show_problem(None)

    @on(Input.Blurred, "#author")
    def _author_left(self, event: Input.Blurred) -> None:
        # The author is checked when the field is left, not at every letter of a name.
        result = event.validation_result
        self.query_one("#field-author", Field).show_problem(
            result.failure_descriptions[0] if result and not result.is_valid else None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#editor")
    def _editor_pressed(self) -> None:
        self.action_external_editor()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()  # asks first when something was typed

    def values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#{name}", Input).value for name in TEXT_FIELDS}
        values["state"] = str(self.query_one("#state", Select).value)
        values["voice"] = str(self.query_one("#voice", Select).value)
        values["body"] = self.query_one("#body", TextArea).text
        values["notes"] = self.query_one("#notes", TextArea).text
        return values

    def action_save(self) -> None:
        values = self.values()
        author_id, author_problem = self.repo.find_author(values["author"])
        voices = [key for key, _ in self.voices] + [self.original.voice]
        problems: dict[str, str] = {}
        post = None
        try:
            post = build_post(values, voices, id=self.original.id, author_id=author_id,
                              library_item_id=self.original.library_item_id, uid=self.original.uid)
        except ValidationError as error:
            problems = dict(error.problems)
        if author_problem:
            problems.setdefault("author", author_problem)
        for field in self.query(Field):
            field.show_problem(problems.get(field.field_name))
        if post is not None and self.query("#campaign"):
            chosen = self.query_one("#campaign", Select).value
            post = replace(post, campaign_id=None if chosen in (NO_CAMPAIGN, Select.BLANK) else int(str(chosen)))
        elif post is not None:
            post = replace(post, campaign_id=self.original.campaign_id)
        if problems or post is None:
            first = next(iter(problems))
            self.query_one(f"#{first}").focus()
            self.notify(_("Please fix the marked fields first."), severity="warning", markup=False)
            return
        self.dismiss(post)

    def action_external_editor(self) -> None:
        """Write the body in $VISUAL or $EDITOR; the app steps aside while it runs."""
        from textual.app import SuspendNotSupported

        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.notify(_("No editor is set. Set the EDITOR environment variable (for example "
                          "EDITOR=nano) to write long drafts in your own editor; until then, "
                          "write in the Text box."), severity="warning", timeout=8, markup=False)
            return
        area = self.query_one("#body", TextArea)
        handle, name = tempfile.mkstemp(prefix="advocacy-post-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(area.text)
            try:
                with self.app.suspend():
                    result = subprocess.run([*shlex.split(command), str(path)], check=False)
            except SuspendNotSupported:
                self.notify(_("This terminal cannot hand the screen to an editor; write in the Text box."),
                            severity="warning", markup=False)
                return
            except (OSError, ValueError) as error:
                self.notify(_("The editor “{command}” could not be started ({reason}).").format(
                    command=command, reason=error),
                            severity="error", markup=False)
                return
            if result.returncode != 0:
                self.notify(_("The editor ended with an error (status {status}); "
                              "the text was not changed.").format(status=result.returncode),
                            severity="warning", markup=False)
                return
            area.text = path.read_text(encoding="utf-8", errors="replace")
            self.notify(_("The text from your editor is in the form. Save with F10."), markup=False)
        finally:
            path.unlink(missing_ok=True)
