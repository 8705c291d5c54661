"""The roster's detail pane: one person's data, onboarding checklist and involvement log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterRow
from advocacy_tui.data.involvement import InvolvementRepo
from advocacy_tui.data.onboarding import OnboardingRepo
from advocacy_tui.data.post_figures import Totals
from advocacy_tui.data.store import Store
from advocacy_tui.data.users import Change
from advocacy_tui.domain.ambassadors import ROLE_LABELS, STATUS_LABELS, Ambassador
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.involvement import KIND_LABELS, Involvement, is_quiet, last_active_text
from advocacy_tui.domain.onboarding import (
    STEPS,
    days_stuck,
    describe_days,
    progress_text,
)
from advocacy_tui.domain.text import printable
from advocacy_tui.domain.today import VOICE_LABELS, is_billboard
from advocacy_tui.domain.topics import FORMAT_LABELS
from advocacy_tui.formatting import format_number, format_percent
from advocacy_tui.i18n import N_, _, ngettext, pgettext
from advocacy_tui.screens.history import changes_text
from advocacy_tui.widgets.line_list import Item, LineList


def short_step_labels() -> dict[str, str]:
    """The checklist's short step names, in the language in use (shorter than the domain's)."""
    return {
        "profile": pgettext("checklist", "Profile ready"),
        "library": pgettext("checklist", "Topics and library shown"),
        "platform": pgettext("checklist", "Platform training"),
        "rules": pgettext("checklist", "Language and hate rules"),
        "time": pgettext("checklist", "Time agreed"),
        "first_post": pgettext("checklist", "First post published"),
    }


# the voices of domain.today.VOICE_LABELS, for the catalogue (translated where shown)
_VOICES = (N_("personal"), N_("team"), N_("company"), N_("industry"))
DONE = "[✓]"
OPEN = "[ ]"


class Checklist(LineList):
    """The six onboarding steps; Space or Enter ticks (today) or unticks the highlighted one."""

    BINDINGS = [
        Binding("space", "toggle", N_("Tick / untick"), id="roster.checklist.toggle",
                tooltip=N_("Tick the step (stores today's date) or untick it")),
        Binding("escape", "leave", N_("Back to the table"), id="roster.checklist.leave"),
    ]

    class Toggled(Message):
        def __init__(self, step: str) -> None:
            self.step = step
            super().__init__()

    def show(self, steps: dict[str, date]) -> None:
        items = []
        labels = short_step_labels()
        for step in STEPS:
            when = steps.get(step)
            mark = DONE if when else OPEN
            tail = f"  {format_date(when)}" if when else ""
            items.append(Item(step, f"{mark} {labels[step]}{tail}"))
        self.set_items(items)

    # The checklist's own toggle (Space) shadows DOMNode.action_toggle(attribute_name), unused here.
    def action_toggle(self) -> None:  # type: ignore[override]
        self.action_choose()

    def on_line_list_chosen(self, event: LineList.Chosen) -> None:
        event.stop()
        self.post_message(self.Toggled(event.key))

    def action_leave(self) -> None:
        self.screen.query_one("#roster-table").focus()


class InvolvementLog(LineList):
    """What the person did, newest first. ``a`` adds an entry, ``d`` deletes the highlighted one."""

    BINDINGS = [
        Binding("a,i", "add", N_("Add entry"), id="roster.log.add",
                tooltip=N_("Record something this person did")),
        Binding("d,delete", "delete", N_("Delete entry"), id="roster.log.delete",
                tooltip=N_("Remove the highlighted entry (asks first)")),
        Binding("escape", "leave", N_("Back to the table"), id="roster.log.leave"),
    ]

    class AddRequested(Message):
        pass

    class DeleteRequested(Message):
        def __init__(self, entry_id: int) -> None:
            self.entry_id = entry_id
            super().__init__()

    def show(self, entries: list[Involvement], total: int, *, same_person: bool = True) -> None:
        if not entries:
            self.set_items([Item(None, _("Nothing recorded yet: i adds an entry."), enabled=False)],
                           keep_cursor=False)
            return
        items = [
            Item(str(e.id), f"{format_date(e.happened_on)}  {_(KIND_LABELS[e.kind])}"
                 + (f": {e.note}" if e.note else ""))
            for e in entries
        ]
        if total > len(entries):
            older = total - len(entries)
            items.append(Item(None, ngettext("… and {n} older entry", "… and {n} older entries", older).format(
                n=format_number(older)), enabled=False))
        self.set_items(items, keep_cursor=same_person)

    def on_line_list_chosen(self, event: LineList.Chosen) -> None:
        event.stop()

    def action_add(self) -> None:
        self.post_message(self.AddRequested())

    def action_delete(self) -> None:
        item = self.current
        if item is not None and item.key and item.key.isdigit():
            self.post_message(self.DeleteRequested(int(item.key)))

    def action_leave(self) -> None:
        self.screen.query_one("#roster-table").focus()


def figures_text(figures: Totals) -> str:
    """"LinkedIn: 12 posts, 4,300 impressions, 210 engagements" from the exports they gave."""
    parts = [ngettext("{n} post", "{n} posts", figures.posts).format(n=format_number(figures.posts))]
    if figures.impressions is not None:
        parts.append(ngettext("{n} impression", "{n} impressions", figures.impressions).format(
            n=format_number(figures.impressions)))
    if figures.engagements is not None:
        parts.append(ngettext("{n} engagement", "{n} engagements", figures.engagements).format(
            n=format_number(figures.engagements)))
    if figures.comments is not None:
        parts.append(ngettext("{n} comment", "{n} comments", figures.comments).format(
            n=format_number(figures.comments)))
    return _("LinkedIn: {figures}").format(figures=", ".join(parts))


def interests_text(person: Ambassador, ideas: int) -> str:
    """"Topics: Java, rekrutacja · Video · pl, en · 3 ideas (n)": one line of the detail."""
    parts = []
    if person.topics:
        parts.append(_("Topics: {topics}").format(topics=", ".join(person.topics)))
    if person.formats:
        parts.append(", ".join(_(FORMAT_LABELS.get(key, key)) for key in person.formats))
    if person.languages:
        parts.append(", ".join(person.languages))
    if person.topics:
        parts.append(ngettext("{n} idea (n)", "{n} ideas (n)", ideas).format(n=format_number(ideas))
                     if ideas else _("no ideas yet"))
    return " · ".join(parts)


def recruitment_parts(person: Ambassador) -> list[str]:
    """"invited 02.03.2026", "recommended by Anna Nowak": only what is set, for the line under
    the title (the detail stays as tall as before)."""
    parts = []
    if person.invited_on:
        parts.append(_("invited {day}").format(day=format_date(person.invited_on)))
    if person.recommended_by:
        parts.append(_("recommended by {name}").format(name=person.recommended_by))
    return parts


class PersonDetail(Horizontal):
    """Below the table (or beside it on very wide terminals): who, checklist, log.

    The two lists carry their own heading lines, so the pane is three widgets in all."""

    person_id: int | None = None

    class Changed(Message):
        """A step was ticked or unticked, or the log changed: the pane shows it again."""

    def compose(self) -> ComposeResult:
        yield Checklist(id="checklist")
        yield InvolvementLog(id="involvement-log")

    @property
    def store(self) -> Store:
        return self.app.store  # type: ignore[attr-defined]

    @property
    def today(self) -> date:
        return self.app.clock.today()  # type: ignore[attr-defined]

    @on(Checklist.Toggled)
    def _toggle_step(self, event: Checklist.Toggled) -> None:
        event.stop()
        key = self.person_id
        if key is None or not event.step:
            return
        repo = OnboardingRepo(self.store)
        if event.step in repo.steps(key):
            repo.untick(key, event.step)
        else:
            repo.tick(key, event.step, self.today)
        self.post_message(self.Changed())

    @on(InvolvementLog.AddRequested)
    def _log_add(self, event: InvolvementLog.AddRequested) -> None:
        event.stop()
        self.add_involvement()

    def add_involvement(self) -> None:
        """The form for what the person shown did; saved, it goes in their log."""
        from advocacy_tui.screens.modals.involvement_form import InvolvementForm

        key = self.person_id
        person = AmbassadorRepo(self.store).get(key) if key is not None else None
        if person is None or person.id is None:
            self.notify(_("Highlight a person first."), markup=False)
            return
        name = person.name

        def saved(entry: Involvement | None) -> None:
            if entry is None:
                return
            InvolvementRepo(self.store).add(entry)
            self.post_message(self.Changed())
            self.notify(_("Recorded for {name}.").format(name=name), markup=False)

        self.app.push_screen(InvolvementForm(person.id, person.name, self.today), saved)

    @on(InvolvementLog.DeleteRequested)
    def _log_delete(self, event: InvolvementLog.DeleteRequested) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        event.stop()
        log = InvolvementRepo(self.store)
        entry = log.get(event.entry_id)
        if entry is None or entry.id is None:
            return
        entry_id = entry.id

        def answered(yes: bool | None) -> None:
            if yes:
                log.delete(entry_id)
                self.post_message(self.Changed())
                self.notify(_("Removed the entry from the log."), markup=False)

        what = f"{format_date(entry.happened_on)} · {_(KIND_LABELS[entry.kind])}"
        if entry.note:
            what += f": {entry.note}"
        self.app.push_screen(ConfirmDialog(_("Delete this log entry?"), what, confirm_label=_("Delete")),
                             answered)

    def show_nobody(self) -> None:
        self.person_id = None
        self.border_title = Content(_("No one highlighted"))
        for lines in (self.query_one(Checklist), self.query_one(InvolvementLog)):
            lines.set_headings([])
            lines.set_items([])

    def show_person(self, row: RosterRow, email: str | None, steps: dict[str, date],
                    entries: list[Involvement], total: int, today: date,
                    changes: Sequence[Change] = (),
                    mix: dict[str, int] | None = None, figures: Totals | None = None,
                    person: Ambassador | None = None, ideas: int = 0,
                    groups: Sequence[str] = ()) -> None:
        same_person = self.person_id == row.id
        self.person_id = row.id
        facts = [row.name, _(ROLE_LABELS.get(row.role, row.role)),
                 _(STATUS_LABELS.get(row.status, row.status))]
        if row.department:
            facts.append(row.department)
        if person is not None and person.thanks_by_name:  # their consent, for the digest
            facts.append(_("✓ may be thanked by name"))
        self.border_title = Content(printable(" · ".join(facts)))
        second = [email or _("no email")]
        if row.joined:
            second.append(_("joined {day}").format(day=format_date(date.fromisoformat(row.joined))))
        if person is not None:
            second += recruitment_parts(person)
        stuck = days_stuck(row.onboarding, today)
        title = _("Onboarding {progress}").format(progress=progress_text(row.onboarding_done))
        if stuck is not None:
            title += _(" · ⚠ stuck {span}").format(span=describe_days(stuck))
        elif row.onboarding_done >= len(STEPS):
            title += _(" · ✓ complete")
        self.query_one(Checklist).set_headings([(title, "title")])
        last = row.last_active_on
        log_title = _("Log · last active {when}").format(when=last_active_text(last, today))
        if is_quiet(row.status, last, today, row.since):
            log_title += _(" · ☾ quiet")
        headings = [(" · ".join(second), "note")]
        if groups:
            headings.append((_("Groups: {groups}").format(groups=", ".join(groups)), "note"))
        if person is not None and (interests := interests_text(person, ideas)):
            headings.append((interests, "note"))
        if mix:
            # failure 4: their own mix (90 days back and all planned ahead); a billboard is named so
            posts = sum(mix.values())
            shares = ", ".join(f"{_(VOICE_LABELS.get(voice, voice))} {format_percent(count / posts)}"
                               for voice, count in mix.items())
            if is_billboard(mix):  # mostly company posts: a billboard, not their own voice
                text = _("⚠ Billboard: own posts {shares}").format(shares=shares)
            else:
                text = _("Own posts: {shares}").format(shares=shares)
            headings.append((text, "note"))
        if figures is not None and figures.posts:
            # their own LinkedIn figures, handed over by them: only here, never beside others'
            headings.append((figures_text(figures), "note"))
        if changes:
            headings.append((changes_text(changes), "note"))
        self.query_one(InvolvementLog).set_headings([*headings, (log_title, "title")])
        self.query_one(Checklist).show(steps)
        self.query_one(InvolvementLog).show(entries, total, same_person=same_person)
