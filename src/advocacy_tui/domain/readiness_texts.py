"""The words around a readiness run (labels, verdicts, reasons), in English and Polish.

The questions themselves live in the bank files; these are the sentences the
wizard, the summary and the reports wrap around them, in the run's language.
"""

from __future__ import annotations

from datetime import date

from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.readiness import Flag, Question, Recheck, Result, standing_for
from advocacy_tui.i18n import _

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "verdict.go": "Go",
        "verdict.prepare": "Prepare first",
        "verdict.wait": "Wait",
        "verdict.none": "Not finished",
        "reason.blocking_flag": "Wait, because a blocking problem would sink the program now: {detail}",
        "reason.low_overall": "Wait, because too much is missing for a launch soon (overall {detail} of 100).",
        "reason.red_flag": "Prepare first, because a red flag needs fixing before you recruit anyone: {detail}",
        "reason.too_few_answers": "Prepare first, because only {detail} questions were answered: answer the rest to judge.",
        "reason.no_answers": "Prepare first: no question was answered, so there is nothing to judge yet.",
        "reason.unanswered_blocking": "Prepare first, because a skipped question is not a pass: answer the questions that can stop a launch before you decide. Still open: {detail}",
        "reason.weak_section": "Prepare first, because one area is clearly not ready yet: {detail}.",
        "reason.low_overall_prepare": "Prepare first: the basics are there, but the overall score is {detail} of 100 (70 is the bar for a launch).",
        "reason.ready": "Go: the moment is right, no red flags, and every area is ready enough (overall {detail} of 100).",
        "recheck.wait": "Check again in about 3 months, on {earliest}, when the situation has had time to change.",
        "recheck.prepare": "Check again in 4–6 weeks ({earliest} – {latest}), once the next steps are done.",
        "recheck.go": "Check again after 6 months ({earliest}): first business effects usually take 6–9 months.",
        "answer.yes": "Yes",
        "answer.no": "No",
        "answer.partly": "Partly",
        "answer.skipped": "skipped",
        "answer.none": "not answered",
        "label.question": "Question {n} of {m}",
        "label.why": "Why it matters",
        "label.note": "Note",
        "label.facilitator": "Facilitator notes",
        "label.votes": "Votes",
        "label.majority": "Majority",
        "label.overall": "Overall",
        "label.verdict": "Verdict",
        "label.flags": "Red flags",
        "label.no_flags": "No red flags.",
        "label.blocking": "blocking",
        "label.steps": "The three most important next steps",
        "label.no_steps": "Nothing urgent: keep the program warm.",
        "label.steps_hint": "Space ticks or unticks a step; t adds the ticked ones to your tasks.",
        "label.step_choice": "Step {n} into my tasks",
        "label.recheck": "When to check again",
        "label.sections": "Areas",
        "label.answers": "Every answer",
        "label.section": "Area",
        "label.answer": "Answer",
        "label.score": "Score",
        "label.report": "Readiness report",
        "label.bank": "Question bank",
        "label.started": "Started",
        "label.finished": "Finished",
        "label.workshop": "Workshop run",
        "label.answered": "{answered} of {total} questions answered",
        "label.not_answered": "not answered",
        "label.scale": "1 = {low} … 5 = {high}",
        "label.number_hint": "Type a number{unit}, then Enter.",
        "label.keys_yes_no": "y yes · n no · p partly",
        "label.keys_scale": "1–5 to answer",
        "word.low": "low",
        "word.middling": "middling",
        "word.good": "good",
        "word.strong": "strong",
        "word.unanswered": "not answered",
        "word.blocked": "blocked",
        "label.partial": "partly",
        "label.unanswered_blocking": "Answer these first",
        "label.follow_up": "Partly: {question} Write the answer in the note, then Enter.",
        "label.hours_hint": "The owner has {hours} hours a week for the program (your answer): press h to use it as the weekly capacity in Tasks and Today.",
        "step.blocking": "blocking flag",
        "step.flag": "red flag",
        "step.section": "weak area",
    },
    "pl": {
        "verdict.go": "Start",
        "verdict.prepare": "Najpierw przygotowanie",
        "verdict.wait": "Poczekaj",
        "verdict.none": "Niedokończone",
        "reason.blocking_flag": "Poczekaj, bo jest poważny problem, który przekreśliłby program na starcie: {detail}",
        "reason.low_overall": "Poczekaj, bo do startu brakuje jeszcze zbyt wiele (wynik ogólny {detail} na 100).",
        "reason.red_flag": "Najpierw przygotowanie, bo zanim zaprosisz kogokolwiek, trzeba usunąć czerwoną flagę: {detail}",
        "reason.too_few_answers": "Najpierw przygotowanie, bo odpowiedziano tylko na {detail} pytań: uzupełnij resztę, żeby ocenić gotowość.",
        "reason.no_answers": "Najpierw przygotowanie: nie ma żadnej odpowiedzi, więc nie ma czego ocenić.",
        "reason.unanswered_blocking": "Najpierw przygotowanie, bo pominięcie pytania nie znaczy, że wszystko jest w porządku: zanim zdecydujesz, odpowiedz na pytania, które mogą wstrzymać start. Bez odpowiedzi: {detail}",
        "reason.weak_section": "Najpierw przygotowanie, bo jeden obszar wyraźnie nie jest jeszcze gotowy: {detail}.",
        "reason.low_overall_prepare": "Najpierw przygotowanie: podstawy są, ale wynik ogólny to {detail} na 100 (próg startu to 70).",
        "reason.ready": "Start: moment jest dobry, nie ma czerwonych flag, a każdy obszar jest wystarczająco gotowy (wynik ogólny {detail} na 100).",
        "recheck.wait": "Sprawdź ponownie za około 3 miesiące, {earliest}, kiedy sytuacja zdąży się zmienić.",
        "recheck.prepare": "Sprawdź ponownie za 4–6 tygodni ({earliest} – {latest}), po wykonaniu kolejnych kroków.",
        "recheck.go": "Sprawdź ponownie po 6 miesiącach ({earliest}): pierwsze efekty biznesowe widać zwykle po 6–9 miesiącach.",
        "answer.yes": "Tak",
        "answer.no": "Nie",
        "answer.partly": "Częściowo",
        "answer.skipped": "pominięte",
        "answer.none": "brak odpowiedzi",
        "label.question": "Pytanie {n} z {m}",
        "label.why": "Dlaczego to ważne",
        "label.note": "Notatka",
        "label.facilitator": "Notatki dla prowadzących",
        "label.votes": "Głosy",
        "label.majority": "Większość",
        "label.overall": "Wynik ogólny",
        "label.verdict": "Werdykt",
        "label.flags": "Czerwone flagi",
        "label.no_flags": "Brak czerwonych flag.",
        "label.blocking": "blokująca",
        "label.steps": "Trzy najważniejsze następne kroki",
        "label.no_steps": "Nic pilnego: dbaj o to, co już działa.",
        "label.steps_hint": "Spacja zaznacza lub odznacza krok; t dodaje zaznaczone do Twoich zadań.",
        "label.step_choice": "Krok {n} do moich zadań",
        "label.recheck": "Kiedy sprawdzić ponownie",
        "label.sections": "Obszary",
        "label.answers": "Wszystkie odpowiedzi",
        "label.section": "Obszar",
        "label.answer": "Odpowiedź",
        "label.score": "Wynik",
        "label.report": "Raport gotowości",
        "label.bank": "Zestaw pytań",
        "label.started": "Rozpoczęto",
        "label.finished": "Zakończono",
        "label.workshop": "Sesja warsztatowa",
        "label.answered": "Odpowiedzi: {answered} z {total}",
        "label.not_answered": "brak odpowiedzi",
        "label.scale": "1 = {low} … 5 = {high}",
        "label.number_hint": "Wpisz liczbę{unit} i naciśnij Enter.",
        "label.keys_yes_no": "y tak · n nie · p częściowo",
        "label.keys_scale": "1–5, aby odpowiedzieć",
        "word.low": "słabo",
        "word.middling": "średnio",
        "word.good": "dobrze",
        "word.strong": "bardzo dobrze",
        "word.unanswered": "brak odpowiedzi",
        "word.blocked": "zablokowane",
        "label.partial": "częściowo",
        "label.unanswered_blocking": "Najpierw odpowiedz na te pytania",
        "label.follow_up": "Częściowo: {question} Wpisz odpowiedź w notatce i naciśnij Enter.",
        "label.hours_hint": "Owner ma na program {hours} godz. tygodniowo (Twoja odpowiedź): naciśnij h, żeby przyjąć tę liczbę jako tygodniowy czas w Zadaniach i na ekranie Dziś.",
        "step.blocking": "flaga blokująca",
        "step.flag": "czerwona flaga",
        "step.section": "słaby obszar",
    },
}


def t(language: str, key: str, **values: object) -> str:
    table = TEXTS.get(language, TEXTS["en"])
    template = table.get(key) or TEXTS["en"][key]
    return template.format(**values) if values else template


def verdict_label(language: str, verdict: str | None) -> str:
    return t(language, f"verdict.{verdict or 'none'}")


def reason_text(language: str, result: Result) -> str:
    return t(language, f"reason.{result.reason}", detail=result.reason_detail)


def recheck_text(language: str, recheck: Recheck) -> str:
    return t(language, f"recheck.{recheck.rule}", earliest=format_date(recheck.earliest),
             latest=format_date(recheck.latest))


def score_word(language: str, score: int | None) -> str:
    return t(language, f"word.{standing_for(score)}")


def standing_label(language: str, result: Result, section_id: str) -> str:
    """The word for an area: "blocked" with a blocking flag, never "good" next to a red flag."""
    return t(language, f"word.{result.standing(section_id)}")


def flag_line(language: str, flag: Flag) -> str:
    """A red flag as one line: its text, "(blocking)" or "(partly)", and the follow-up's answer."""
    line = flag.text
    if flag.blocking:
        line += f" ({t(language, 'label.blocking')})"
    elif flag.partial:
        line += f" ({t(language, 'label.partial')})"
    if flag.partial and flag.note:
        line += f" — {flag.note}"
    return line


def answer_label(language: str, question: Question, value: str | None, skipped: bool = False) -> str:
    if skipped:
        return t(language, "answer.skipped")
    if value is None:
        return t(language, "answer.none")
    if question.kind == "yes_no":
        return t(language, f"answer.{value}")
    if question.kind == "scale":
        return f"{value} / 5"
    return f"{value} {question.unit}".strip()


def format_day(day: date) -> str:
    return format_date(day)


def describe_rule(question: Question) -> str:
    """What a question's answers do to the verdict, in plain words (for ``--check-bank``)."""
    parts: list[str] = []
    effect = _("blocks the launch (wait)") if question.blocking else _("raises a red flag (prepare first)")
    if question.kind == "yes_no":
        if question.flag_on:
            answers = _(" or ").join(f"“{answer}”" for answer in question.flag_on)
            parts.append(_("{answers} {effect}").format(answers=answers, effect=effect))
        if question.partly == "score":
            if "partly" not in question.flag_on:
                parts.append(_("“partly” scores {score:g} of 1").format(score=question.partly_score))
        elif question.partly == "flag":
            parts.append(_("“partly” raises a red flag that does not block"))
        else:
            parts.append(_("“partly” raises a red flag that does not block and asks: {question}").format(
                question=question.follow_up))
    elif question.kind == "scale" and question.flag_at_most is not None:
        low, high = (6 - question.flag_at_most, 5) if question.reverse else (1, question.flag_at_most)
        answers = str(low) if low == high else _("{low} to {high}").format(low=low, high=high)
        parts.append(_("{answers} {effect}").format(answers=answers, effect=effect))
    elif question.kind == "number" and question.flag_below is not None:
        parts.append(_("below {limit:g} {effect}").format(limit=question.flag_below, effect=effect))
    if question.blocking:
        parts.append(_("unanswered, it caps the verdict at prepare first"))
    if question.first_step:
        parts.append(_("its next step comes first"))
    if not parts:
        parts.append(_("only counts in the score"))
    return "; ".join(parts)
