"""The words around a readiness run (labels, verdicts, reasons), in the run's language.

The questions themselves live in the bank files; these are the sentences the wizard, the
summary and the reports wrap around them. They are gettext messages like every other
string, but read through ``translator(language)``: a run (and its bank) keeps its own
language, which may differ from the app's. ``words(language)`` gives that catalogue for
the labels a screen or a report writes itself (``words(lang).gettext("Why it matters")``).
"""

from __future__ import annotations

import gettext

from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.readiness import Flag, Question, Recheck, Result, standing_for
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, translator

#: why a run got its verdict, by ``Result.reason``; ``{detail}`` is the flag, area or score it names
REASONS = {
    "blocking_flag": N_("Wait, because a blocking problem would sink the program now: {detail}"),
    "low_overall": N_("Wait, because too much is missing for a launch soon (overall {detail} of 100)."),
    "red_flag": N_("Prepare first, because a red flag needs fixing before you recruit anyone: {detail}"),
    "too_few_answers": N_("Prepare first, because only {detail} questions were answered: answer the rest "
                          "to judge."),
    "no_answers": N_("Prepare first: no question was answered, so there is nothing to judge yet."),
    "unanswered_blocking": N_("Prepare first, because a skipped question is not a pass: answer the "
                              "questions that can stop a launch before you decide. Still open: {detail}"),
    "weak_section": N_("Prepare first, because one area is clearly not ready yet: {detail}."),
    "low_overall_prepare": N_("Prepare first: the basics are there, but the overall score is {detail} of "
                              "100 (70 is the bar for a launch)."),
    "ready": N_("Go: the moment is right, no red flags, and every area is ready enough (overall {detail} "
                "of 100)."),
}

#: when to check again, by ``Recheck.rule``
RECHECKS = {
    "wait": N_("Check again in about 3 months, on {earliest}, when the situation has had time to change."),
    "prepare": N_("Check again in 4–6 weeks ({earliest} – {latest}), once the next steps are done."),
    "go": N_("Check again after 6 months ({earliest}): first business effects usually take 6–9 months."),
}


def words(language: str) -> gettext.NullTranslations:
    """gettext, ngettext and pgettext in a run's language (not necessarily the app's)."""
    return translator(language)


def verdict_label(language: str, verdict: str | None) -> str:
    tr = words(language)
    if verdict == "go":
        return tr.pgettext("readiness verdict", "Go")
    if verdict == "prepare":
        return tr.pgettext("readiness verdict", "Prepare first")
    if verdict == "wait":
        return tr.pgettext("readiness verdict", "Wait")
    return tr.pgettext("readiness verdict", "Not finished")


def verdict_short(language: str, verdict: str | None) -> str:
    """The verdict in a narrow table column (the list of runs, the comparison): the same words
    as ``verdict_label`` in English, a shorter word where a language needs one."""
    tr = words(language)
    if verdict == "go":
        return tr.pgettext("readiness verdict, short", "Go")
    if verdict == "prepare":
        return tr.pgettext("readiness verdict, short", "Prepare first")
    if verdict == "wait":
        return tr.pgettext("readiness verdict, short", "Wait")
    return tr.pgettext("readiness verdict, short", "Not finished")


def reason_text(language: str, result: Result) -> str:
    return words(language).gettext(REASONS[result.reason]).format(detail=result.reason_detail)


def recheck_text(language: str, recheck: Recheck) -> str:
    return words(language).gettext(RECHECKS[recheck.rule]).format(
        earliest=format_date(recheck.earliest), latest=format_date(recheck.latest))


def _standing_word(language: str, standing: str) -> str:
    tr = words(language)
    found = {
        "low": tr.pgettext("readiness standing", "low"),
        "middling": tr.pgettext("readiness standing", "middling"),
        "good": tr.pgettext("readiness standing", "good"),
        "strong": tr.pgettext("readiness standing", "strong"),
        "unanswered": tr.pgettext("readiness standing", "not answered"),
        "blocked": tr.pgettext("readiness standing", "blocked"),
    }
    return found[standing]


def score_word(language: str, score: int | None) -> str:
    return _standing_word(language, standing_for(score))


def standing_label(language: str, result: Result, section_id: str) -> str:
    """The word for an area: "blocked" with a blocking flag, never "good" next to a red flag."""
    return _standing_word(language, result.standing(section_id))


def step_reason(language: str, because: str) -> str:
    """Why a next step was chosen (``NextStep.because``), a few words in brackets after it."""
    tr = words(language)
    if because == "blocking":
        return tr.gettext("blocking flag")
    if because == "flag":
        return tr.gettext("red flag")
    return tr.gettext("weak area")


def flag_line(language: str, flag: Flag) -> str:
    """A red flag as one line: its text, "(blocking)" or "(partly)", and the follow-up's answer."""
    tr = words(language)
    line = flag.text
    if flag.blocking:
        line += " (" + tr.pgettext("readiness flag", "blocking") + ")"
    elif flag.partial:
        line += " (" + tr.pgettext("readiness flag", "partly") + ")"
    if flag.partial and flag.note:
        line += f" — {flag.note}"
    return line


def choice_label(language: str, choice: str) -> str:
    """A yes/no question's choice ("yes", "no", "partly") as a word."""
    tr = words(language)
    if choice == "yes":
        return tr.pgettext("readiness answer", "Yes")
    if choice == "no":
        return tr.pgettext("readiness answer", "No")
    if choice == "partly":
        return tr.pgettext("readiness answer", "Partly")
    return choice


def answer_label(language: str, question: Question, value: str | None, skipped: bool = False) -> str:
    tr = words(language)
    if skipped:
        return tr.pgettext("readiness answer", "skipped")
    if value is None:
        return tr.pgettext("readiness answer", "not answered")
    if question.kind == "yes_no":
        return choice_label(language, value)
    if question.kind == "scale":
        return f"{value} / 5"
    try:
        shown = format_number(float(value), language=language)
    except ValueError:
        shown = value
    return f"{shown} {question.unit}".strip()


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
