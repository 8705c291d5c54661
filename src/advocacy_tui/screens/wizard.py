"""The readiness wizard (one question at a time, also for a projector) and its summary."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Digits, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from advocacy_tui.data.readiness import ReadinessRepo, Run, add_steps_as_tasks
from advocacy_tui.domain.readiness import (
    Answer,
    Bank,
    Question,
    Result,
    check_answer,
    majority,
    normalise_number,
    score_run,
)
from advocacy_tui.domain.readiness_texts import (
    answer_label,
    choice_label,
    flag_line,
    reason_text,
    recheck_text,
    score_word,
    standing_label,
    step_reason,
    verdict_label,
    words,
)
from advocacy_tui.formatting import format_date, format_number
from advocacy_tui.i18n import N_, _, ngettext, pgettext
from advocacy_tui.screens.base import plain
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.title_bar import TitleBar

VERDICT_SYMBOL = {"go": "✔", "prepare": "◐", "wait": "‖"}

#: the keys that answer a yes/no question, in the run's language: the letter of the word on the
#: button (y/n/p: yes, no, partly; t/n/c: tak, nie, częściowo). Every other key is the same in both.
ANSWER_KEYS = {"en": {"yes": "y", "no": "n", "partly": "p"}, "pl": {"yes": "t", "no": "n", "partly": "c"}}
ANSWER_WORDS = {"yes": (N_("Yes"), N_("Answer yes")), "no": (N_("No"), N_("Answer no")),
                "partly": (N_("Partly"), N_("Answer partly"))}


def key_language(language: str) -> str:
    """The language whose answer keys a run of ``language`` takes (English for another one)."""
    return language if language in ANSWER_KEYS else "en"


def answer_keys(language: str) -> dict[str, str]:
    """The key of each yes/no answer in a run of ``language``."""
    return ANSWER_KEYS[key_language(language)]


def _answer_bindings() -> list[Binding]:
    """One binding per language and answer: the screen enables those of its run's language."""
    return [
        Binding(key, f"answer('{choice}', '{language}')", ANSWER_WORDS[choice][0], show=False,
                id=f"wizard.{choice}" if language == "en" else f"wizard.{choice}.{language}",
                tooltip=ANSWER_WORDS[choice][1])
        for language, keys in ANSWER_KEYS.items() for choice, key in keys.items()
    ]


def progress_bar(done: int, total: int, width: int = 20) -> str:
    filled = 0 if total <= 0 else round(width * done / total)
    return "█" * filled + "░" * (width - filled)


class NoteInput(Input):
    """The note of a question. In workshop mode a digit typed into the empty note was meant
    for a tally: it is kept out of the note, and the screen says where tallies go."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if (not self.value and event.character and event.character.isdigit()
                and getattr(screen, "refuses_stray_digit", lambda: False)()):
            event.prevent_default()
            event.stop()
            self.notify(_("That digit did not go into the note: tallies go in the boxes above "
                          "(Shift+Tab goes back). Start the note with a word."), markup=False)


def answer_widgets(question: Question, current: Answer | None, lang: str, workshop: bool) -> ComposeResult:
    """The answer buttons, the number box or (workshop) the tally boxes of a question."""
    chosen = current.value if current and not current.skipped else None
    tr = words(lang)
    if workshop and question.kind != "number":
        votes = dict(current.votes) if current else {}
        with Horizontal(id="tallies"):
            for choice in question.choices:
                label = choice_label(lang, choice) if question.kind == "yes_no" else choice
                count = votes.get(choice, 0)
                with Vertical(classes="tally"):
                    yield Static(plain(label), classes="choice")
                    yield Digits(str(count), id=f"digits-{choice}")
                    yield Input(str(count) if count else "", id=f"votes-{choice}", type="integer",
                                compact=True, placeholder="0")
        votes_label = tr.gettext("Votes")
        yield Static(plain(f"{votes_label}: Tab · Enter · PgUp/PgDn"), classes="hint")
        return
    if question.kind == "number":
        unit = f" ({question.unit})" if question.unit else ""
        if workshop:
            yield Digits(chosen or "0", id="digits-number")
        # not type="number": people in Poland type 3,5 and that must work
        yield Input(chosen or "", id="number", restrict=r"[0-9.,]*", max_length=8, compact=True,
                    placeholder=question.unit)
        yield Static(plain(tr.gettext("Type a number{unit}, then Enter.").format(unit=unit)), classes="hint")
        return
    keys = answer_keys(lang)
    with Horizontal(id="answers"):
        for choice in question.choices:
            if question.kind == "yes_no":
                label = f"{choice_label(lang, choice)} ({keys[choice]})"
            else:
                label = choice
            button = Button(label, id=f"answer-{choice}", compact=True,
                            variant="primary" if choice == chosen else "default")
            if choice == chosen:
                button.add_class("-chosen")
            yield button
    if question.kind == "yes_no":
        hint = " · ".join(f"{keys[choice]} {choice_label(lang, choice).lower()}" for choice in question.choices)
    else:
        hint = tr.gettext("1–5 to answer")
    yield Static(plain(hint), classes="hint")


class QuestionView(Vertical):
    """The question part of the wizard: shows the wizard's current question, in new widgets
    or, for a question of the same shape as the last one, in the same widgets."""

    def __init__(self, wizard: WizardScreen) -> None:
        super().__init__(id="wizard")
        self.wizard = wizard

    def compose(self) -> ComposeResult:
        """What one question shows; drawn again for a question of another shape."""
        w = self.wizard
        question = w.question
        n, m = w.index + 1, len(w.bank.questions)
        if w.workshop:
            with Horizontal(id="big-progress"):
                yield Digits(str(n), id="digits-n")
                yield Static("/", classes="of", markup=False)
                yield Digits(str(m), id="digits-m")
                yield Static(plain(w.bank.section(question.section).title), classes="section")
        yield Static(plain(self._progress_text()), id="progress-line")
        yield Static(plain(question.text, single_line=False), id="question-text")
        if question.kind == "scale" and (question.low or question.high):
            yield Static(plain(self._scale_text()), classes="hint", id="scale-hint")
        yield from answer_widgets(question, w.current(), w.lang, w.workshop)
        why = Static(plain(self._why_text(), single_line=False), id="why")
        why.display = w.show_why
        yield why
        # the facilitator's notes and the follow-up are always there, hidden when the question
        # has none, so that the next question can be drawn in the same widgets
        notes = Static(plain(self._notes_text(), single_line=False), id="facilitator")
        notes.display = self.notes_shown()
        yield notes
        follow_up = Static(plain(self._follow_up_text(), single_line=False), id="follow-up")
        follow_up.display = self._follow_up_shown()
        yield follow_up
        current = w.current()
        with Horizontal(id="note-row"):
            yield Static(words(w.lang).gettext("Note"), classes="label", markup=False)
            yield NoteInput(current.note if current else "", id="note", compact=True,
                            placeholder="(Tab)" if w.workshop else "(e)")
        yield Static(plain(self._current_text()), id="current")

    def _progress_text(self) -> str:
        w = self.wizard
        n, m = w.index + 1, len(w.bank.questions)
        counter = words(w.lang).gettext("Question {n} of {m}").format(n=n, m=m)
        return f"{counter} · {w.bank.section(w.question.section).title}  {progress_bar(n - 1, m)}"

    def _scale_text(self) -> str:
        w = self.wizard
        return f"1 = {w.question.low} … 5 = {w.question.high}"

    def _why_text(self) -> str:
        w = self.wizard
        return words(w.lang).gettext("Why it matters") + ": " + w.question.why

    def _notes_text(self) -> str:
        w = self.wizard
        if not w.question.facilitator:
            return ""
        return words(w.lang).gettext("Facilitator notes") + ": " + w.question.facilitator

    def notes_shown(self) -> bool:
        w = self.wizard
        return w.show_notes and bool(w.question.facilitator)

    def _follow_up_shown(self) -> bool:
        w = self.wizard
        current = w.current()
        return w.asks_follow_up(current.value if current else None)

    def _follow_up_text(self) -> str:
        w = self.wizard
        if not w.question.follow_up:
            return ""
        follow_up = words(w.lang).gettext("Partly: {question} Write the answer in the note, then Enter.")
        return follow_up.format(question=w.question.follow_up)

    def shape(self) -> tuple[object, ...]:
        """What decides which widgets a question has: two questions of one shape differ
        only in their texts and values, so the next one is drawn in the same widgets."""
        w = self.wizard
        question = w.question
        return (question.kind, tuple(question.choices), question.unit,
                question.kind == "scale" and bool(question.low or question.high))

    def update_in_place(self) -> None:
        """Show the current question in the widgets of the last one (of the same shape)."""
        w = self.wizard
        question, current = w.question, w.current()
        w.set_focus(None)  # focused again below, as a new widget would be
        if w.workshop:
            self.query_one("#digits-n", Digits).update(str(w.index + 1))
            self.query_one("#big-progress .section", Static).update(
                plain(w.bank.section(question.section).title))
        self.query_one("#progress-line", Static).update(plain(self._progress_text()))
        self.query_one("#question-text", Static).update(plain(question.text, single_line=False))
        for hint in self.query("#scale-hint").results(Static):
            hint.update(plain(self._scale_text()))
        chosen = current.value if current and not current.skipped else None
        if w.workshop and question.kind != "number":
            votes = dict(current.votes) if current else {}
            for choice in question.choices:
                count = votes.get(choice, 0)
                self.query_one(f"#digits-{choice}", Digits).update(str(count))
                self._set_input(f"#votes-{choice}", str(count) if count else "")
        elif question.kind == "number":
            for digits in self.query("#digits-number").results(Digits):
                digits.update(chosen or "0")
            self._set_input("#number", chosen or "")
        else:
            for choice in question.choices:
                button = self.query_one(f"#answer-{choice}", Button)
                button.variant = "primary" if choice == chosen else "default"
                button.set_class(choice == chosen, "-chosen")
        self.query_one("#why", Static).update(plain(self._why_text(), single_line=False))
        notes = self.query_one("#facilitator", Static)
        notes.update(plain(self._notes_text(), single_line=False))
        notes.display = self.notes_shown()
        follow_up = self.query_one("#follow-up", Static)
        follow_up.update(plain(self._follow_up_text(), single_line=False))
        follow_up.display = self._follow_up_shown()
        self._set_input("#note", current.note if current else "")
        self.query_one("#current", Static).update(plain(self._current_text()))

    def _set_input(self, selector: str, value: str) -> None:
        box = self.query_one(selector, Input)
        box.value = value
        box.cursor_position = len(value)  # where a new box with this value has it

    def _current_text(self) -> str:
        w = self.wizard
        current = w.current()
        if current is None or (current.value is None and not current.skipped):
            return ""
        tr = words(w.lang)
        label = answer_label(w.lang, w.question, current.value, current.skipped)
        answer_word, votes_word = tr.gettext("Answer"), tr.gettext("Votes")
        text = f"{answer_word}: {label}"
        if current.votes:
            total = sum(current.votes.values())
            text += f" · {votes_word}: {total}"
        return text


class WizardScreen(Screen[None]):
    """One question at a time. Every answer is saved as it is given."""

    HELP = N_("""\
# Readiness wizard

One question at a time. Every answer is saved at once: leave with `Esc` whenever
you like and resume later from the readiness screen.

* Answer with `y` (yes), `n` (no), `p` (partly), or `1`–`5` on a scale; numbers
  are typed in the box and confirmed with Enter. Answering moves on. A question
  in Polish takes the letters of its words: `t` (tak), `n` (nie), `c` (częściowo).
* Some questions ask a follow-up after *partly* (for example "until when?"):
  type the answer in the note and press Enter to move on.
* `←` / `PgUp` goes back, `→` / `PgDn` goes forward, `s` skips the question.
* `w` shows why the question matters; `e` writes a note (Enter keeps it).
* In workshop mode, type how many people chose each answer and press Enter:
  the run keeps the distribution and the majority answer (a tie goes to the
  less ready answer). `f` shows or hides the facilitator's notes.
""")

    BINDINGS = [
        *_answer_bindings(),
        *(
            Binding(str(value), f"answer('{value}')", str(value), show=False, id=f"wizard.scale{value}",
                    tooltip=N_("Answer on the scale"))
            for value in range(1, 6)
        ),
        Binding("left,pageup", "back", N_("Back"), id="wizard.back", tooltip=N_("The previous question")),
        Binding("right,pagedown", "next", N_("Next"), id="wizard.next",
                tooltip=N_("The next question (keeps the answer given so far)")),
        Binding("s,f4", "skip", N_("Skip"), id="wizard.skip", tooltip=N_("Skip this question")),
        Binding("w,f3", "why", N_("Why"), id="wizard.why", tooltip=N_("Show or hide why this question matters")),
        Binding("e", "note", N_("Note"), id="wizard.note", tooltip=N_("Write a note for this question")),
        Binding("f,f2", "notes", N_("Facilitator"), id="wizard.facilitator",
                tooltip=N_("Show or hide the facilitator's notes")),
        Binding("escape", "leave", N_("Leave"), id="wizard.leave",
                tooltip=N_("Leave the wizard; everything so far is saved")),
    ]

    DEFAULT_CSS = """
    WizardScreen #wizard { padding: 0 2; height: 1fr; }
    WizardScreen #progress-line { height: 1; color: $text-muted; margin-top: 1; }
    WizardScreen #question-text { text-style: bold; margin: 1 0; }
    WizardScreen #answers { height: auto; }
    WizardScreen #answers Button { margin-right: 2; min-width: 10; }
    WizardScreen #answers Button.-chosen { text-style: bold reverse; }
    WizardScreen #number { width: 20; }
    WizardScreen .hint { color: $text-muted; }
    WizardScreen #why, WizardScreen #facilitator { margin-top: 1; padding: 0 1; border-left: thick $primary; }
    WizardScreen #facilitator { border-left: thick $warning; }
    WizardScreen #note-row { height: auto; margin-top: 1; }
    WizardScreen #note-row .label { width: auto; padding-right: 1; color: $text-muted; }
    WizardScreen #note { width: 1fr; }
    WizardScreen #current { margin-top: 1; color: $text-muted; }
    WizardScreen #follow-up { margin-top: 1; text-style: bold; color: $warning; }
    WizardScreen.-workshop #wizard { padding: 0 4; align: center middle; }
    WizardScreen.-workshop #wizard > * { max-width: 140; }
    WizardScreen.-workshop #progress-line { display: none; }
    WizardScreen.-workshop #big-progress { height: auto; margin-top: 1; }
    WizardScreen.-workshop #big-progress Digits { width: auto; }
    WizardScreen.-workshop #big-progress .of { width: auto; padding: 1 2; color: $text-muted; }
    WizardScreen.-workshop #big-progress .section { width: 1fr; padding: 1 2; color: $text-muted; }
    WizardScreen.-workshop #question-text { margin: 1 0; padding: 1 2; background: $surface; }
    WizardScreen #tallies { height: auto; }
    WizardScreen .tally { width: 1fr; height: auto; padding: 0 1; }
    WizardScreen .tally .choice { color: $text-muted; }
    WizardScreen .tally Digits { width: auto; }
    WizardScreen .tally Input { width: 10; }
    """

    def __init__(self, bank: Bank, run: Run, *, workshop: bool = False) -> None:
        super().__init__()
        self.bank = bank
        self.run = run
        self.workshop = workshop
        self.index = min(max(run.position, 0), len(bank.questions) - 1)
        self.show_why = False
        self.show_notes = False
        # the question the widgets show; None while another one is being drawn. Keys (check_action)
        # and the widgets' messages (check_message_enabled) wait until the current one is drawn.
        self.drawn: Question | None = None
        self.drawn_shape: tuple[object, ...] = ()  # what QuestionView.shape() said of the drawn question
        # True after "partly" to a question whose bank asks a follow-up ("until when?"):
        # the note takes the answer, and Enter in the note moves on
        self.follow_up_pending = False

    @property
    def repo(self) -> ReadinessRepo:
        return ReadinessRepo(self.app.store)  # type: ignore[attr-defined]

    @property
    def question(self) -> Question:
        return self.bank.questions[self.index]

    @property
    def lang(self) -> str:
        return self.bank.language

    @cached_property
    def answers(self) -> dict[str, Answer]:
        """The run's answers so far, read once when the first question is drawn, then kept here."""
        return self.repo.answers(self.run.id)

    def current(self) -> Answer | None:
        return self.answers.get(self.question.id)

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield QuestionView(self)
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.workshop, "-workshop")
        self.sub_title = f"{self.bank.title} ({self.bank.language})"
        self._focus_default()
        self.drawn = self.question
        self.drawn_shape = self.query_one(QuestionView).shape()

    def refresh_question(self) -> None:
        self.drawn = None
        self.call_later(self._redraw)

    async def _redraw(self) -> None:
        view = self.query_one(QuestionView)
        shape = view.shape()
        if shape == self.drawn_shape:
            view.update_in_place()
        else:
            await view.recompose()
        self._focus_default()
        self.drawn, self.drawn_shape = self.question, shape

    def refuses_stray_digit(self) -> bool:
        """A digit into the empty note of a workshop question with tallies was meant for a tally."""
        return self.workshop and self.question.kind != "number" and not self.follow_up_pending

    def asks_follow_up(self, value: str | None) -> bool:
        question = self.question
        return value == "partly" and question.partly == "ask" and bool(question.follow_up)

    def _focus_default(self) -> None:
        question = self.question
        if self.follow_up_pending:
            self.query_one("#note", Input).focus()
        elif self.workshop and question.kind != "number":
            self.query_one(f"#votes-{question.choices[0]}", Input).focus()
        elif question.kind == "number":
            self.query_one("#number", Input).focus()
        else:
            current = self.current()
            chosen = current.value if current and current.value in question.choices else question.choices[0]
            self.query_one(f"#answer-{chosen}", Button).focus()

    # -- actions ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.drawn is None and action != "leave":
            return None
        if action == "answer":
            # a yes/no key answers only in its language: t is "tak" in a Polish run, nothing in English
            if len(parameters) > 1 and parameters[1] != key_language(self.lang):
                return False
            return parameters[0] in self.question.choices
        if action == "notes":
            return bool(self.question.facilitator)
        return True

    def check_message_enabled(self, message: Message) -> bool:
        """A press or an Enter from the widgets of a question no longer shown is dropped."""
        if self.drawn is None and isinstance(message, (Button.Pressed, Input.Submitted)):
            return False
        return super().check_message_enabled(message)

    def _note(self) -> str:
        try:
            return self.query_one("#note", Input).value.strip()
        except Exception:
            return ""

    def action_answer(self, value: str, language: str = "") -> None:
        self.record(value)

    def record(self, value: str, votes: dict[str, int] | None = None) -> None:
        question = self.question
        answer = Answer(question.id, value, False, self._note(), votes or {})
        if self.asks_follow_up(value):
            # stay on the question: the follow-up ("until when?") is answered in the note
            self.repo.save_answer(self.run.id, answer, position=self.index)
            self.answers[question.id] = answer
            self.follow_up_pending = True
            self.refresh_question()
            return
        self.repo.save_answer(self.run.id, answer, position=self.index + 1)
        self.answers[question.id] = answer
        self.advance(1)

    def action_skip(self) -> None:
        question = self.question
        answer = Answer(question.id, None, True, self._note())
        self.repo.save_answer(self.run.id, answer, position=self.index + 1)
        self.answers[question.id] = answer
        self.advance(1)

    def _keep_note(self) -> None:
        """Moving without answering keeps a changed note."""
        note = self._note()
        current = self.current()
        if current is None and not note:
            return
        if current is not None and current.note == note:
            return
        base = current or Answer(self.question.id)
        answer = Answer(base.question_id, base.value, base.skipped, note, base.votes)
        self.repo.save_answer(self.run.id, answer)
        self.answers[answer.question_id] = answer

    def action_back(self) -> None:
        if self.index == 0:
            self.notify(_("This is the first question."), severity="information")
            return
        self._keep_note()
        self.advance(-1)

    def action_next(self) -> None:
        if self.workshop and self.question.kind != "number" and self._typed_votes():
            self._record_votes()
            return
        self._keep_note()
        self.advance(1)

    def advance(self, step: int) -> None:
        self.follow_up_pending = False
        target = self.index + step
        if target >= len(self.bank.questions):
            self.finish()
            return
        self.index = max(target, 0)
        self.repo.set_position(self.run.id, self.index)
        self.refresh_question()

    def finish(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        result = score_run(self.bank, self.answers, store.clock.today())
        run = self.repo.finish(self.run.id, result.verdict)
        self.app.switch_screen(SummaryScreen(self.bank, run, workshop=self.workshop))

    def action_why(self) -> None:
        self.show_why = not self.show_why
        self.query_one("#why").display = self.show_why

    def action_notes(self) -> None:
        self.show_notes = not self.show_notes
        self.query_one("#facilitator").display = self.query_one(QuestionView).notes_shown()

    def action_note(self) -> None:
        self.query_one("#note", Input).focus()

    def action_leave(self) -> None:
        if self.drawn is None:
            self.app.pop_screen()
            return
        if isinstance(self.focused, Input) and self.focused.id == "note":
            self._keep_note()
            self.follow_up_pending = False
            self._focus_default()
            return
        self._keep_note()
        self.app.pop_screen()
        self.app.notify(_("Saved. Resume it from the readiness screen (r)."), title=_("Readiness"))

    # -- events ----------------------------------------------------------------------

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("answer-"):
            self.record(event.button.id.removeprefix("answer-"))

    @on(Input.Submitted, "#note")
    def _note_done(self) -> None:
        self._keep_note()
        if self.follow_up_pending:
            self.advance(1)
            return
        self._focus_default()

    @on(Input.Submitted, "#number")
    def _number_done(self, event: Input.Submitted) -> None:
        problem = check_answer(self.question, event.value)
        if problem:
            self.notify(problem, severity="warning")
            return
        self.record(normalise_number(event.value))

    @on(Input.Changed)
    def _tally_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id.startswith("votes-") or widget_id == "number":
            target = "digits-" + widget_id.removeprefix("votes-")
            digits = self.query(f"#{target}")
            value = event.value.strip()
            text = value if value.replace(".", "", 1).isdigit() else "0"
            for widget in digits:
                widget.update(text[:6])  # type: ignore[attr-defined]

    @on(Input.Submitted)
    def _tally_done(self, event: Input.Submitted) -> None:
        if (event.input.id or "").startswith("votes-"):
            self._record_votes()

    def _typed_votes(self) -> dict[str, int]:
        votes: dict[str, int] = {}
        for choice in self.question.choices:
            found = self.query(f"#votes-{choice}")
            if not found:
                continue
            raw = found.first(Input).value.strip()
            if raw:
                try:
                    count = int(raw)
                except ValueError:
                    continue
                if count > 0:
                    votes[choice] = count
        return votes

    def _record_votes(self) -> None:
        votes = self._typed_votes()
        winner = majority(self.question, votes)
        if winner is None:
            self.notify(_("Type how many people chose each answer, or press s to skip."), severity="warning")
            return
        label = answer_label(self.lang, self.question, winner)
        majority_word = words(self.lang).gettext("Majority")
        self.notify(f"{majority_word}: {label} ({votes[winner]} / {sum(votes.values())})", markup=False)
        self.record(winner, votes)


# -- summary ---------------------------------------------------------------------------


class SummaryScreen(Screen[None]):
    """Verdict, section bars, red flags, next steps, when to check again, every answer."""

    HELP = N_("""\
# Readiness summary

* The **verdict** is *go*, *prepare first* or *wait*, with its reason. Any blocking
  red flag in timing and climate (or no time to run the program) means *wait*,
  whatever the scores. A blocking question left unanswered means at most
  *prepare first*: a skipped question is not a pass.
* "Partly" counts as the bank says: a weaker score, or a red flag (marked
  *partly*) that never blocks, with the answer to its follow-up question.
* Each area has a score from 0 to 100 and a word; an area with a blocking flag
  reads *blocked*, one with another red flag at most *middling*.
* The three next steps come from blocking flags first, then the tour of the
  company, then other red flags, then the weakest areas by weight.
* `t` adds the ticked next steps to your tasks (Space ticks and unticks).
* `x` exports the report as a Markdown or HTML file.
* `h` uses the owner's hours a week from this run as the capacity that Tasks and
  Today compare the week's planned work with (after you agree).
""")

    BINDINGS = [
        Binding("t", "add_tasks", N_("Add to tasks"), id="summary.tasks",
                tooltip=N_("Add the ticked next steps to the owner's tasks")),
        Binding("x", "export", N_("Export report"), id="summary.export",
                tooltip=N_("Write the report to a Markdown or HTML file")),
        Binding("h", "use_hours", N_("Use hours"), id="summary.hours",
                tooltip=N_("Use the owner's hours from this run as the weekly capacity in Tasks and Today")),
        Binding("escape,q", "close", N_("Close"), id="summary.close", tooltip=N_("Back to the readiness screen")),
    ]

    DEFAULT_CSS = """
    SummaryScreen #summary { padding: 0 2; }
    SummaryScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    SummaryScreen #verdict-row { height: auto; margin-top: 1; }
    SummaryScreen #verdict-row Digits { width: auto; margin-right: 2; }
    SummaryScreen #verdict { text-style: bold; width: 1fr; }
    SummaryScreen .bar-row { height: 1; max-width: 100; }
    SummaryScreen .bar-title { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; padding-right: 1; }
    SummaryScreen .bar { width: 22; }
    SummaryScreen .bar-score { width: 20; }
    SummaryScreen #steps { height: auto; max-height: 12; border: none; padding: 0; }
    SummaryScreen .answer { color: $text-muted; }
    """

    def __init__(self, bank: Bank, run: Run, *, workshop: bool = False) -> None:
        super().__init__()
        self.bank = bank
        self.run = run
        self.workshop = workshop
        self.result: Result | None = None

    @property
    def repo(self) -> ReadinessRepo:
        return ReadinessRepo(self.app.store)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        lang = self.bank.language
        tr = words(lang)
        result = self.result = self.repo.result(self.run, self.bank)
        answers = self.repo.answers(self.run.id)
        finished = (self.run.finished_at or self.run.started_at)[:10]
        day = format_date(date.fromisoformat(finished), language=lang)
        answered = tr.ngettext("{answered} of {total} question answered", "{answered} of {total} questions answered",
                               result.total).format(answered=result.answered, total=result.total)
        yield TitleBar()
        with VerticalScroll(id="summary"):
            yield Static(plain(f"{self.run.title or self.bank.title} · {day} · {answered}"), classes="heading")
            with Horizontal(id="verdict-row"):
                if self.workshop and result.overall is not None:
                    yield Digits(str(result.overall), id="overall-digits")
                symbol = VERDICT_SYMBOL.get(result.verdict, "")
                verdict_word = tr.gettext("Verdict")
                yield Static(plain(f"{symbol} {verdict_word}: {verdict_label(lang, result.verdict)}\n"
                                   f"{reason_text(lang, result)}", single_line=False), id="verdict")
            yield Static(plain(tr.gettext("Areas")), classes="heading")
            for section in result.sections:
                score = section.score
                with Horizontal(classes="bar-row"):
                    yield Static(plain(section.section.title), classes="bar-title")
                    yield Static(progress_bar(score or 0, 100), classes="bar", markup=False)
                    score_text = "  –" if score is None else f"{score:>3}"
                    word = standing_label(lang, result, section.section.id)
                    yield Static(plain(f" {score_text}  {word}"), classes="bar-score")
            if result.overall is not None:
                with Horizontal(classes="bar-row"):
                    yield Static(plain(tr.gettext("Overall")), classes="bar-title")
                    yield Static(progress_bar(result.overall, 100), classes="bar", markup=False)
                    yield Static(plain(f" {result.overall:>3}  {score_word(lang, result.overall)}"),
                                 classes="bar-score")
            yield Static(plain(tr.gettext("Red flags")), classes="heading")
            if result.flags:
                for flag in result.flags:
                    yield Static(plain(f"⚑ {flag_line(lang, flag)}", single_line=False))
            else:
                yield Static(plain(tr.gettext("No red flags.")))
            yield Static(plain(tr.gettext("The three most important next steps")), classes="heading")
            if result.steps:
                # the steps in full, wrapped (a SelectionList cuts or garbles long lines); the list
                # below them only chooses which become tasks
                yield Static(plain("\n".join(f"{i + 1}. {step.text}  [{step_reason(lang, step.because)}]"
                                             for i, step in enumerate(result.steps)), single_line=False),
                             id="steps-text")
                yield SelectionList[int](
                    *(Selection(tr.gettext("Step {n} into my tasks").format(n=i + 1), i, True)
                      for i, step in enumerate(result.steps)),
                    id="steps",
                )
                yield Static(plain(tr.gettext("Space ticks or unticks a step; t adds the ticked ones to your tasks.")),
                             classes="answer")
            else:
                yield Static(plain(tr.gettext("Nothing urgent: keep the program warm.")))
            yield Static(plain(tr.gettext("When to check again")), classes="heading")
            yield Static(plain(recheck_text(lang, result.recheck), single_line=False))
            hours = self.repo.owner_hours(self.run.id)
            if hours is not None:
                hint = tr.gettext("The owner has {hours} hours a week for the program (your answer): press h "
                                  "to use it as the weekly capacity in Tasks and Today.")
                yield Static(plain(hint.format(hours=format_number(hours, language=lang)), single_line=False),
                             id="hours-hint", classes="answer")
            yield Static(plain(tr.gettext("Every answer")), classes="heading")
            for number, question in enumerate(self.bank.questions, start=1):
                answer = answers.get(question.id)
                label = answer_label(lang, question, answer.value if answer else None,
                                     bool(answer and answer.skipped))
                yield Static(plain(f"{number}. {question.text}", single_line=False))
                line = f"   → {label}"
                if answer and answer.votes:
                    line += " · " + ", ".join(f"{answer_label(lang, question, k)}: {v}"
                                              for k, v in sorted(answer.votes.items()))
                if answer and answer.note:
                    line += f" · {answer.note}"
                yield Static(plain(line, single_line=False), classes="answer")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Summary: {title}").format(title=self.bank.title)
        self.set_class(self.workshop, "-workshop")
        # start at the top: the verdict first; Tab reaches the next steps
        self.query_one("#summary", VerticalScroll).focus()

    def action_add_tasks(self) -> None:
        if self.result is None or not self.result.steps:
            self.notify(_("There are no next steps to add."), severity="information")
            return
        chosen = [self.result.steps[i] for i in self.query_one("#steps", SelectionList).selected]
        if not chosen:
            self.notify(_("Tick at least one next step (Space), then press t."), severity="warning")
            return
        added = add_steps_as_tasks(self.app.store, chosen, run_id=self.run.id)  # type: ignore[attr-defined]
        skipped = len(chosen) - added
        text = ngettext("Added {n} task for the owner, due in the next weeks.",
                        "Added {n} tasks for the owner, due in the next weeks.", added).format(n=added)
        if skipped:
            text += " " + ngettext("{n} was already open in tasks.", "{n} were already open in tasks.",
                                   skipped).format(n=skipped)
        self.notify(text, title=_("Tasks"))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "use_hours":
            return self.repo.owner_hours(self.run.id) is not None
        return True

    def action_use_hours(self) -> None:
        from advocacy_tui.data.settings import SETTING_HOURS, SettingsRepo
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        hours = self.repo.owner_hours(self.run.id)
        if hours is None:
            return
        settings = SettingsRepo(self.app.store)  # type: ignore[attr-defined]
        current = settings.hours_per_week()
        now = (_("Now: {hours} hours a week.").format(hours=format_number(current)) if current is not None
               else _("No weekly hours are set yet."))

        def done(agreed: bool | None) -> None:
            if not agreed:
                return
            settings.set_many({SETTING_HOURS: f"{hours:g}"})
            self.notify(_("The owner's capacity is now {hours} hours a week.").format(hours=format_number(hours)),
                        title=_("Capacity"), markup=False)

        self.app.push_screen(ConfirmDialog(
            _("Use {hours} hours a week as the owner's capacity?").format(hours=format_number(hours)),
            _("Tasks and Today compare the week's planned work with this number. {now}").format(now=now),
            confirm_label=_("Use it")), done)

    def action_export(self) -> None:
        day = (self.run.finished_at or self.run.started_at)[:10]
        default = Path.home() / f"readiness-{self.run.id}-{day}.html"

        def done(path: Path | None) -> None:
            if path is None:
                return
            from advocacy_tui.data.reports import write_readiness_report

            try:
                write_readiness_report(self.app.store, self.run, self.bank, path)  # type: ignore[attr-defined]
            except OSError as error:
                reason = error.strerror or str(error)
                self.notify(_("The report could not be written to {path}: {reason}").format(path=path, reason=reason),
                            severity="error", markup=False)
                return
            self.notify(_("Report written to {path}.").format(path=path), title=_("Export"), markup=False)

        self.app.push_screen(ReportExportDialog(default), done)

    def action_close(self) -> None:
        self.app.pop_screen()


class ReportExportDialog(ModalScreen[Path | None]):
    """Ask where to write a report; the file name's ending (.md or .html) picks the format."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="export.cancel")]

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Export the readiness report"), classes="dialog-title", markup=False)
            yield Static(_("File name ending in .html (one printable page) or .md (Markdown):"),
                         classes="dialog-body", markup=False)
            yield Input(str(self.default), id="export-path", compact=True)
            yield Static("", id="export-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(pgettext("button", "Export"), variant="primary", id="export-ok", compact=True)
                yield Button(_("Cancel"), id="export-cancel", compact=True)

    def _submit(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        path = Path(text).expanduser()
        problem = None
        if not text:
            problem = _("Type a file name.")
        elif path.suffix.lower() not in (".md", ".html", ".htm"):
            problem = _("The file name must end in .html or .md.")
        elif not path.parent.is_dir():
            problem = _("The folder {folder} does not exist.").format(folder=path.parent)
        if problem:
            self.query_one("#export-problem", Static).update("✗ " + problem)
            return
        self.dismiss(path)

    @on(Input.Submitted)
    def _entered(self) -> None:
        self._submit()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
