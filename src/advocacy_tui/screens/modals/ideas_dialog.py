"""Ideas for one person: what fits their topics, formats and language and is not used yet.
Enter (or p) plans the highlighted idea as their draft; for someone gone quiet, a short
nudge with two ideas to copy (c) and send them."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from advocacy_tui.data.ideas import IdeaGone, ideas_for, plan_idea
from advocacy_tui.data.store import ChangedMeanwhile, Store
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.ideas import Idea, first_name, nudge_text
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _


def idea_line(idea: Idea) -> Content:
    """"○ Open idea · Title · Java, rekrutacja": the source in words, the user's text as text."""
    where = _("Library") if idea.candidate.source == "item" else _("Open idea")
    return Content.assemble(
        (f"{where} · ", "dim"), printable(idea.candidate.title), (f"  · {printable(', '.join(idea.shared))}", "dim"))


class IdeasDialog(ModalScreen[bool]):
    """Dismisses True when an idea was planned (the roster shows the person again)."""

    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="ideas.close"),
        Binding("p", "plan", N_("Plan as their draft"), id="ideas.plan",
                tooltip=N_("Plan the highlighted idea as this person's draft post")),
        Binding("c", "copy", N_("Copy the nudge"), id="ideas.copy",
                tooltip=N_("Copy the nudge text to the clipboard")),
    ]

    def __init__(self, store: Store, person_id: int, name: str, today: date, *, quiet: bool) -> None:
        super().__init__()
        self.store = store
        self.person_id = person_id
        self.person_name = name
        self.today = today
        self.quiet = quiet
        self.ideas: list[Idea] = ideas_for(store, person_id)
        self.planned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog ideas-dialog"):
            yield Static(_("Ideas for {name}").format(name=first_name(self.person_name)),
                         classes="dialog-title", markup=False)
            yield Static("", id="ideas-summary", markup=False)
            yield OptionList(id="ideas-list", compact=True)
            if self.quiet:
                yield Static(_("☾ Quiet lately: a nudge to send them (c copies it, or select it)"),
                             id="nudge-title", markup=False)
                yield TextArea(nudge_text(self.person_name, self.ideas), id="nudge", read_only=True,
                               soft_wrap=True, show_line_numbers=False, compact=True)
            hint = _("Enter or p plans the highlighted idea as their draft · Esc closes")
            if self.quiet:
                hint = _("Enter or p plans as their draft · c copies the nudge · Esc closes")
            yield Static(hint, classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Plan as draft"), variant="primary", id="plan", compact=True)
                if self.quiet:
                    yield Button(_("Copy nudge"), id="copy", compact=True)
                yield Button(_("Close"), id="close", compact=True)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#ideas-list", OptionList).focus()

    def _show(self) -> None:
        options = self.query_one("#ideas-list", OptionList)
        options.clear_options()
        options.add_options([Option(idea_line(idea), id=idea.key) for idea in self.ideas])
        summary = self.query_one("#ideas-summary", Static)
        if self.ideas:
            summary.update(_("What fits their topics, formats and language, and they have not "
                             "used yet:"))
            options.highlighted = 0
        else:
            summary.update(_("Nothing fits yet. Add topics to their form (e), or topics to library "
                             "items and post ideas, and ideas show here."))
        options.display = bool(self.ideas)
        self.query_one("#plan", Button).disabled = not self.ideas

    @on(OptionList.OptionSelected, "#ideas-list")
    def _chosen(self) -> None:
        self.action_plan()

    @on(Button.Pressed, "#plan")
    def _plan_pressed(self) -> None:
        self.action_plan()

    @on(Button.Pressed, "#copy")
    def _copy_pressed(self) -> None:
        self.action_copy()

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_close()

    def action_plan(self) -> None:
        options = self.query_one("#ideas-list", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self.ideas):
            self.notify(_("There is no idea to plan."), markup=False)
            return
        idea = self.ideas[index]
        try:
            post_id = plan_idea(self.store, self.person_id, idea, self.today)
        except (IdeaGone, ChangedMeanwhile):
            self.notify(str(IdeaGone()), severity="warning", markup=False)
        else:
            from advocacy_tui.data.posts import PostRepo

            post = PostRepo(self.store).get(post_id)
            day = format_date(post.planned_on) if post and post.planned_on else ""
            self.planned = True
            self.notify(_("Planned “{title}” as a draft for {name} on {day}; change the day in the "
                          "calendar.").format(title=idea.candidate.title, name=self.person_name, day=day),
                        markup=False)
        self.ideas = ideas_for(self.store, self.person_id)
        self._show()
        if self.quiet:
            self.query_one("#nudge", TextArea).text = nudge_text(self.person_name, self.ideas)

    def action_copy(self) -> None:
        if not self.quiet:
            return
        self.app.copy_to_clipboard(self.query_one("#nudge", TextArea).text)
        self.notify(_("Copied the nudge. If your terminal does not pass it to the clipboard, "
                      "select the text and copy it."), markup=False)

    def action_close(self) -> None:
        self.dismiss(self.planned)
