"""Readiness: start a check, resume one, see earlier runs and compare two of them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, OptionList, Static
from textual.widgets.option_list import Option

from advocacy_tui import paths
from advocacy_tui.data.readiness import BankProblem, ReadinessRepo, Run, available_banks
from advocacy_tui.domain.readiness import Bank, banks_differ
from advocacy_tui.domain.readiness_texts import verdict_short
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_date
from advocacy_tui.i18n import N_, Labels, _, current_language, ngettext, pgettext
from advocacy_tui.screens.base import SectionScreen, plain
from advocacy_tui.screens.modals.confirm import ConfirmDialog
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.title_bar import TitleBar

SHORT_BANK_NAMES = Labels({"readiness": N_("full"), "readiness-quick": N_("quick")})


AREA_WIDTH = 39  # an area's title in the comparison, so that four columns fit 80 columns in Polish too


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _day(stamp: str | None) -> str:
    return format_date(date.fromisoformat(stamp[:10])) if stamp else ""


class ReadinessScreen(SectionScreen):
    HELP = N_("""\
# Readiness

Is this a good moment to start (or restart) an advocacy program? The check asks
about the seven usual failures: the wrong moment, no onboarding, silent owners,
company brand first, no trust, rewards for every action, and too little time.

* Pick a question bank and press Enter. The **full** check takes about 30 minutes;
  the **quick** one (15 questions) about ten, for a walk-through with a client.
  Both exist in English and Polish.
* Tick **workshop mode** (`w`) for a room and a projector: large digits, vote
  tallies per question, facilitator notes on request.
* `r` resumes the unfinished run: answers are saved one by one.
* Earlier runs: Enter opens the summary, `m` marks a run, `c` compares the
  highlighted run with the marked one (or with the run before it), `d` deletes.
* Your own banks: put `NAME.en.toml` or `NAME.pl.toml` files in the `banks` folder
  of the config directory (`advocacy-tui locate config`). Files with problems are
  listed here with the reason; `advocacy-tui wizard --check-bank FILE` checks one
  and lists what each question's answers do.

The verdict is *go*, *prepare first* or *wait*. Any blocking red flag (for example
a restructuring, or nobody with time to run the program) means *wait*, whatever
the scores; a blocking question left unanswered means at most *prepare first*.
Comparing runs of different banks (full and quick) warns that the questions
differ. First business effects usually take 6–9 months.
""")

    BINDINGS = [
        Binding("r", "resume", N_("Resume"), id="readiness.resume", tooltip=N_("Continue the unfinished run")),
        Binding("w", "toggle_workshop", N_("Workshop"), id="readiness.workshop",
                tooltip=N_("Start new runs in workshop mode (for a projector)")),
        Binding("m", "mark", N_("Mark"), id="readiness.mark", tooltip=N_("Mark the highlighted run for comparing")),
        Binding("c", "compare", N_("Compare"), id="readiness.compare",
                tooltip=N_("Compare the highlighted run with the marked one")),
        Binding("d,delete", "delete", N_("Delete"), id="readiness.delete", tooltip=N_("Delete the highlighted run")),
    ]

    DEFAULT_CSS = """
    ReadinessScreen #readiness { padding: 0 1; }
    ReadinessScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    ReadinessScreen #resume { color: $warning; }
    ReadinessScreen #banks { height: auto; max-height: 8; }
    ReadinessScreen #workshop { height: auto; }
    ReadinessScreen #problems { color: $warning; }
    ReadinessScreen #history { height: 1fr; min-height: 4; }
    ReadinessScreen #history-hint { color: $text-muted; height: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.banks: list[Bank] = []
        self.problems: list[BankProblem] = []
        self.runs: list[Run] = []
        self.marked: int | None = None

    @property
    def repo(self) -> ReadinessRepo:
        return ReadinessRepo(self.advocacy.store)

    def compose(self) -> ComposeResult:
        banks, self.problems = available_banks(paths.config_dir())
        # the banks in the app's language come first, so Enter on the first one speaks it
        self.banks = sorted(banks, key=lambda bank: bank.language != current_language())
        yield TitleBar()
        with Vertical(id="readiness"):
            yield Static("", id="resume", markup=False)
            yield Static(_("Start a new check: choose a question bank and press Enter"), classes="heading",
                         markup=False)
            yield OptionList(*(Option(plain(self._bank_line(bank)), id=str(i)) for i, bank in enumerate(self.banks)),
                             id="banks")
            yield Checkbox(self._workshop_label(False), id="workshop", compact=True)
            problems = "\n".join(_("⚠ Bank file skipped: {reason}").format(reason=printable(p.message))
                                 for p in self.problems)
            problems_widget = Static(plain(problems, single_line=False), id="problems")
            problems_widget.display = bool(self.problems)
            yield problems_widget
            yield Static(_("Earlier runs"), classes="heading", markup=False)
            table: DataTable[str | Text] = DataTable(id="history", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static(_("Enter opens · m marks (◆) · c compares · d deletes"), id="history-hint", markup=False)
        yield KeyBar()

    @staticmethod
    def _bank_line(bank: Bank) -> str:
        """A bank in the list to start from: title, language, how many questions, how long."""
        count = len(bank.questions)
        line = ngettext("{title} · {language} · {n} question", "{title} · {language} · {n} questions", count).format(
            title=bank.title, language=bank.language.upper(), n=count)
        if bank.minutes:
            line += " · " + _("~{minutes} min").format(minutes=bank.minutes)
        return line

    def on_mount(self) -> None:
        self.sub_title = _("Readiness")
        table = self.query_one("#history", DataTable)
        table.add_columns(pgettext("readiness runs column", "Date"), pgettext("readiness runs column", "Check"),
                          pgettext("readiness runs column", "Bank"), pgettext("readiness runs column", "Verdict"),
                          pgettext("readiness runs column", "Done"))
        self.refresh_runs()
        self.query_one("#banks", OptionList).focus()
        request = getattr(self.advocacy, "wizard_request", None)
        if request:
            self.advocacy.wizard_request = None
            self.call_later(self.open_requested, request)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_runs()

    def refresh_runs(self) -> None:
        repo = self.repo
        self.runs = repo.history()
        table = self.query_one("#history", DataTable)
        row = table.cursor_row
        table.clear()
        counts = dict(self.advocacy.store.db.conn.execute(
            "SELECT run_id, count(*) FROM readiness_answers WHERE answer IS NOT NULL GROUP BY run_id").fetchall())
        language = current_language()  # the app's words, whatever language each run was in
        for run in self.runs:
            verdict = verdict_short(language, run.verdict) if run.finished else _("… unfinished")
            mark = "◆ " if run.id == self.marked else ""
            bank = SHORT_BANK_NAMES.get(run.bank, run.bank)
            # a title may come from a facilitator's bank file: a Text cell is never markup
            table.add_row(_day(run.started_at), Text(mark + printable(run.title)[:26]),
                          Text(f"{printable(bank)[:14]} · {run.language.upper()}"), verdict,
                          str(counts.get(run.id, 0)), key=str(run.id))
        if self.runs:
            table.move_cursor(row=min(row, len(self.runs) - 1))
        unfinished = repo.latest_unfinished()
        resume = self.query_one("#resume", Static)
        if unfinished:
            unfinished_bank = self._bank_for(unfinished)
            total = len(unfinished_bank.questions) if unfinished_bank else "?"
            resume.update(plain(_("↻ Unfinished: “{title}” from {day}, at question {n} of {total}. "
                                  "Press r to resume.").format(title=unfinished.title, day=_day(unfinished.started_at),
                                                               n=unfinished.position + 1, total=total)))
            resume.display = True
        else:
            resume.display = False

    def _bank_for(self, run: Run) -> Bank | None:
        for bank in self.banks:
            if bank.name == run.bank and bank.language == run.language:
                return bank
        return None

    def _highlighted_run(self) -> Run | None:
        table = self.query_one("#history", DataTable)
        if not self.runs or table.cursor_row < 0 or table.cursor_row >= len(self.runs):
            return None
        return self.runs[table.cursor_row]

    # -- starting and resuming -----------------------------------------------------------

    @property
    def workshop(self) -> bool:
        return self.query_one("#workshop", Checkbox).value

    def start(self, bank: Bank, *, workshop: bool | None = None) -> None:
        from advocacy_tui.screens.wizard import WizardScreen

        use_workshop = self.workshop if workshop is None else workshop
        run = self.repo.start(bank, workshop=use_workshop)
        self.app.push_screen(WizardScreen(bank, run, workshop=use_workshop))

    def open_run(self, run: Run) -> None:
        from advocacy_tui.screens.wizard import SummaryScreen, WizardScreen

        bank = self._bank_for(run)
        if bank is None:
            self.notify(_("The question bank “{bank}” ({language}) is not available any more.").format(
                bank=run.bank, language=run.language), severity="error", markup=False)
            return
        if run.finished:
            self.app.push_screen(SummaryScreen(bank, run, workshop=run.workshop))
        else:
            self.app.push_screen(WizardScreen(bank, run, workshop=run.workshop))

    def open_requested(self, request: dict) -> None:
        """``advocacy-tui wizard``: resume a matching unfinished run, or start one."""
        name, language, workshop = request["bank"], request["language"], request.get("workshop", False)
        bank = next((b for b in self.banks if b.name == name and b.language == language), None)
        if bank is None:
            self.notify(_("There is no bank “{name}” in {language}.").format(name=name, language=language),
                        severity="error", markup=False)
            return
        unfinished = self.repo.latest_unfinished()
        if unfinished and unfinished.bank == name and unfinished.language == language \
                and unfinished.workshop == workshop:
            self.notify(_("Resumed the unfinished run from {day}.").format(day=_day(unfinished.started_at)),
                        markup=False)
            self.open_run(unfinished)
            return
        self.start(bank, workshop=workshop)

    @on(OptionList.OptionSelected, "#banks")
    def _bank_chosen(self, event: OptionList.OptionSelected) -> None:
        self.start(self.banks[int(event.option.id or 0)])

    @on(DataTable.RowSelected, "#history")
    def _run_chosen(self, event: DataTable.RowSelected) -> None:
        run = self.repo.get(int(event.row_key.value or 0))
        if run:
            self.open_run(run)

    def action_resume(self) -> None:
        run = self.repo.latest_unfinished()
        if run is None:
            self.notify(_("There is no unfinished run. Choose a bank to start one."))
            return
        self.open_run(run)

    @staticmethod
    def _workshop_label(on: bool) -> str:
        if on:
            return _("Workshop mode on: large screens and vote tallies for a projector (w)")
        return _("Workshop mode off: large screens and vote tallies for a projector (w)")

    @on(Checkbox.Changed, "#workshop")
    def _workshop_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = self._workshop_label(event.value)

    def action_toggle_workshop(self) -> None:
        box = self.query_one("#workshop", Checkbox)
        box.value = not box.value

    # -- history ----------------------------------------------------------------------

    def action_mark(self) -> None:
        run = self._highlighted_run()
        if run is None:
            return
        self.marked = None if self.marked == run.id else run.id
        self.refresh_runs()

    def action_compare(self) -> None:
        run = self._highlighted_run()
        if run is None:
            self.notify(_("There are no runs to compare yet."))
            return
        other: Run | None = None
        if self.marked is not None and self.marked != run.id:
            other = self.repo.get(self.marked)
        else:
            index = self.runs.index(run)
            older = [r for r in self.runs[index + 1:] if r.finished]
            other = older[0] if older else None
        if other is None:
            self.notify(_("Mark another run with m first (or keep an older run to compare with)."),
                        severity="warning")
            return
        first, second = sorted([run, other], key=lambda r: (r.started_at, r.id))
        banks = (self._bank_for(first), self._bank_for(second))
        if None in banks:
            self.notify(_("One of these runs uses a question bank that is not available any more."),
                        severity="error")
            return
        self.app.push_screen(CompareScreen(first, banks[0], second, banks[1]))  # type: ignore[arg-type]

    def action_delete(self) -> None:
        run = self._highlighted_run()
        if run is None:
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.repo.delete(run.id)
                if self.marked == run.id:
                    self.marked = None
                self.refresh_runs()
                self.notify(_("Run deleted."))

        self.app.push_screen(ConfirmDialog(_("Delete this run?"),
                                           _("“{title}” from {day} and all its answers.").format(
                                               title=run.title, day=_day(run.started_at))),
                             done)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Readiness: resume"), _("Continue the unfinished readiness run"), self.action_resume)
        for bank in self.banks:
            count = len(bank.questions)
            yield SystemCommand(_("Readiness: start {title} ({language})").format(title=bank.title,
                                                                                  language=bank.language),
                                ngettext("{n} question", "{n} questions", count).format(n=count),
                                lambda b=bank: self.start(b))
        yield SystemCommand(_("Readiness: compare"), _("Compare the highlighted run with the marked one"),
                            self.action_compare)


class CompareScreen(Screen[None]):
    """Two runs side by side: verdicts, area scores and what changed."""

    BINDINGS = [Binding("escape,q", "close", N_("Close"), id="compare.close", tooltip=N_("Back to the runs"))]

    DEFAULT_CSS = """
    CompareScreen #compare { padding: 0; }
    CompareScreen .heading { text-style: bold; color: $primary; margin: 1 0; padding: 0 1; }
    CompareScreen #banks-differ { color: $warning; text-style: bold; margin-bottom: 1; padding: 0 1; }
    CompareScreen DataTable { height: auto; max-height: 100%; }
    """

    def __init__(self, first: Run, first_bank: Bank, second: Run, second_bank: Bank) -> None:
        super().__init__()
        self.first, self.first_bank = first, first_bank
        self.second, self.second_bank = second, second_bank

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="compare"):
            yield Static(plain(_("“{first}” ({first_day})  →  “{second}” ({second_day})").format(
                first=self.first.title, first_day=_day(self.first.started_at),
                second=self.second.title, second_day=_day(self.second.started_at)), single_line=False),
                         classes="heading")
            if banks_differ(self.first_bank, self.second_bank):
                yield Static(plain(_(
                    "⚠ These runs used different question banks ({first}: {first_count} questions, "
                    "{second}: {second_count}). The scores are not directly comparable: a change may "
                    "only mean that other questions were asked."
                ).format(first=self.first_bank.title, first_count=len(self.first_bank.questions),
                         second=self.second_bank.title, second_count=len(self.second_bank.questions)),
                    single_line=False), id="banks-differ")
            yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Compare readiness runs")
        repo = ReadinessRepo(self.app.store)  # type: ignore[attr-defined]
        a = repo.result(self.first, self.first_bank)
        b = repo.result(self.second, self.second_bank)
        table = self.query_one(DataTable)
        table.add_columns(pgettext("compare column", "Area"), _day(self.first.started_at),
                          _day(self.second.started_at), pgettext("compare column", "Change"))

        def cell(score: int | None) -> str:
            return "–" if score is None else str(score)

        def change(x: int | None, y: int | None) -> str:
            if x is None or y is None:
                return ""
            delta = y - x
            return _("= same") if delta == 0 else (f"▲ +{delta}" if delta > 0 else f"▼ {delta}")

        lang = current_language()  # the app's words, even when both runs were in another language
        table.add_row(pgettext("compare row", "Verdict"), verdict_short(lang, a.verdict), verdict_short(lang, b.verdict),
                      "" if a.verdict == b.verdict else _("changed"))
        table.add_row(pgettext("compare row", "Overall"), cell(a.overall), cell(b.overall),
                      change(a.overall, b.overall))
        scores_a = {s.section.id: s for s in a.sections}
        for section in b.sections:
            before = scores_a.get(section.section.id)
            table.add_row(Text(_cut(printable(section.section.title), AREA_WIDTH)), cell(before.score if before else None),
                          cell(section.score), change(before.score if before else None, section.score))
        flag_delta = len(b.flags) - len(a.flags)
        # words, not only an arrow: fewer flags is the good direction, unlike the scores above
        flag_change = (_("= same") if flag_delta == 0 else
                       _("{n} more").format(n=flag_delta) if flag_delta > 0 else _("{n} fewer").format(n=-flag_delta))
        table.add_row(pgettext("compare row", "Red flags"), str(len(a.flags)), str(len(b.flags)), flag_change)
        table.add_row(pgettext("compare row", "Answered"), f"{a.answered}/{a.total}", f"{b.answered}/{b.total}", "")
        table.focus()

    def action_close(self) -> None:
        self.app.pop_screen()
