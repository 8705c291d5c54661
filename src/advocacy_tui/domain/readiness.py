"""Readiness: question banks as validated data, and the pure scoring rules.

A bank is read from TOML elsewhere (data/readiness.py); here it is checked
(`parse_bank`) and scored (`score_run`). No I/O, no clock: "today" is passed in.

Scoring rules (each one has a unit test):

* A question's score is 0..1: yes/no/partly answers score 1 for the good answer,
  ``partly_score`` (0.5 unless the bank says otherwise) for "partly" and 0 for the other; a 1-5 scale scores (n-1)/4 (reversed when
  the bank says so); a number scores n / full_at, capped at 1. Skipped questions
  do not count.
* A section's score (0-100) is the weighted mean of its answered questions.
  The overall score is the weighted mean of the answered sections.
* A red flag is raised by the answers a question lists (``flag_on`` for yes/no,
  ``flag_at_most`` for a scale, ``flag_below`` for a number). Blocking flags
  stop a launch.
* "Partly" on a yes/no question does what the bank says (``partly``): "score"
  only weakens the score; "flag" also raises a partial red flag (``partly_flag``,
  with ``partly_step``); "ask" does the same and the wizard asks ``follow_up``
  (for example "until when?"), whose answer is the note. A partial flag never blocks.
* Verdict: any blocking flag -> wait (whatever the scores); an overall score
  below 40 -> wait; a blocking question left unanswered -> at most prepare first
  (a skipped question is not a pass); any other red flag, fewer than half the
  questions answered, an overall score below 70 or a section below 50 -> prepare
  first; else go.
* Next steps (three): blocking flags first, then flags whose question says
  ``first_step`` (the tour of the company comes before everything else), then
  other red flags, then the weakest sections by weight (largest (100 - score) x
  weight first), and within a section the question that loses most points first.
* An area's standing: "blocked" when it has a blocking flag (never "good"), at
  most "middling" when it has any other flag, else the word for its score.
* When to check again: wait -> in 3 months; prepare first -> in 4-6 weeks;
  go -> after 6 months, because first effects take 6-9 months.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from advocacy_tui.i18n import _

KINDS = ("yes_no", "scale", "number")
YES_NO_ANSWERS = ("yes", "no", "partly")
SCALE_ANSWERS = ("1", "2", "3", "4", "5")
VERDICTS = ("go", "prepare", "wait")
TASK_CATEGORIES = ("sample_posts", "graphics", "qa", "meetings", "inspiration", "content_hub", "other")
LANGUAGES = ("en", "pl")
PARTLY_RULES = ("score", "flag", "ask")

GO_OVERALL = 70
GO_SECTION = 50
WAIT_OVERALL = 40


class BankError(ValueError):
    """A question bank that cannot be used; the message names the file, the question and what is wrong."""


# -- the bank ------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    weight: int = 1
    about: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    text: str
    why: str
    kind: str
    weight: int = 1
    good: str = "yes"  # yes_no: which answer is the ready one
    reverse: bool = False  # scale: 1 is the ready end
    full_at: float = 1.0  # number: the value that scores 100 %
    unit: str = ""
    maximum: float = 1000.0
    flag: str = ""
    flag_on: tuple[str, ...] = ()
    flag_at_most: int | None = None
    flag_below: float | None = None
    blocking: bool = False
    step: str = ""
    step_category: str = "other"
    facilitator: str = ""
    low: str = ""  # scale: what 1 means
    high: str = ""  # scale: what 5 means
    partly: str = "score"  # yes_no: what "partly" does: "score", "flag" or "ask"
    partly_score: float = 0.5  # yes_no: the score of "partly"
    partly_flag: str = ""  # the partial flag's text ("flag" and "ask")
    partly_step: str = ""  # the partial flag's next step (default: ``step``)
    follow_up: str = ""  # "ask": the question asked after "partly"; the answer is the note
    first_step: bool = False  # this flag's next step goes first, right after blocking ones

    @property
    def choices(self) -> tuple[str, ...]:
        if self.kind == "yes_no":
            return YES_NO_ANSWERS
        if self.kind == "scale":
            return SCALE_ANSWERS
        return ()


@dataclass(frozen=True)
class Bank:
    name: str
    language: str
    title: str
    description: str
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    source: str = ""
    minutes: int = 0

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(question.id for question in self.questions)

    def shape(self) -> tuple:
        """Everything but the wording: two translations of a bank have the same shape."""
        return (
            tuple((s.id, s.weight) for s in self.sections),
            tuple(
                (q.id, q.section, q.kind, q.weight, q.good, q.reverse, q.full_at, q.flag_on,
                 q.flag_at_most, q.flag_below, q.blocking, bool(q.flag), bool(q.step), q.step_category,
                 q.partly, q.partly_score, bool(q.partly_flag), bool(q.partly_step), bool(q.follow_up),
                 q.first_step)
                for q in self.questions
            ),
        )


def _fail(source: str, where: str, message: str) -> BankError:
    return BankError(f"{source}: {where}: {message}")


def _text(raw: Mapping, key: str, source: str, where: str, *, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise _fail(source, where, _("“{key}” must be text in quotes.").format(key=key))
    value = value.strip()
    if required and not value:
        raise _fail(source, where, _("“{key}” is missing or empty.").format(key=key))
    return value


def _number(raw: Mapping, key: str, source: str, where: str, default: float | None,
            *, integer: bool = False, low: float | None = None, high: float | None = None) -> Any:
    if key not in raw:
        return default
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)):
        problem = _("“{key}” must be a whole number.") if integer else _("“{key}” must be a number.")
        raise _fail(source, where, problem.format(key=key))
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail(source, where, _("“{key}” must be a finite number.").format(key=key))
    if (low is not None and value < low) or (high is not None and value > high):
        raise _fail(source, where, _("“{key}” must be between {low:g} and {high:g}.").format(key=key, low=low, high=high))
    return value


QUESTION_KEYS = {
    "id", "section", "text", "why", "kind", "weight", "good", "reverse", "full_at", "unit", "max",
    "flag", "flag_on", "flag_at_most", "flag_below", "blocking", "step", "step_category",
    "facilitator", "low", "high",
    "partly", "partly_score", "partly_flag", "partly_step", "follow_up", "first_step",
}
PARTLY_KEYS = ("partly", "partly_score", "partly_flag", "partly_step", "follow_up")


def parse_question(raw: Any, index: int, sections: Mapping[str, Section], source: str) -> Question:
    if not isinstance(raw, dict):
        raise _fail(source, _("question {index}").format(index=index), _("must be a table ([[questions]])."))
    qid = raw.get("id")
    if not isinstance(qid, str) or not qid.strip():
        raise _fail(source, _("question {index}").format(index=index), _("“{key}” is missing or empty.").format(key="id"))
    qid = qid.strip()
    where = _("question “{id}”").format(id=qid)
    unknown = sorted(set(raw) - QUESTION_KEYS)
    if unknown:
        raise _fail(source, where, _("unknown key “{key}”.").format(key=unknown[0]))
    section = _text(raw, "section", source, where)
    if section not in sections:
        raise _fail(source, where, _("section “{section}” is not defined in [[sections]].").format(section=section))
    kind = _text(raw, "kind", source, where)
    if kind not in KINDS:
        raise _fail(source, where, _("kind “{kind}” is not one of {kinds}.").format(kind=kind, kinds=", ".join(KINDS)))
    weight = _number(raw, "weight", source, where, 1, integer=True, low=1, high=5)
    values: dict[str, Any] = {
        "id": qid, "section": section, "kind": kind, "weight": weight,
        "text": _text(raw, "text", source, where),
        "why": _text(raw, "why", source, where),
        "unit": _text(raw, "unit", source, where, required=False),
        "flag": _text(raw, "flag", source, where, required=False),
        "step": _text(raw, "step", source, where, required=False),
        "facilitator": _text(raw, "facilitator", source, where, required=False),
        "low": _text(raw, "low", source, where, required=False),
        "high": _text(raw, "high", source, where, required=False),
    }
    blocking = raw.get("blocking", False)
    if not isinstance(blocking, bool):
        raise _fail(source, where, _("“{key}” must be true or false.").format(key="blocking"))
    values["blocking"] = blocking
    category = _text(raw, "step_category", source, where, required=False) or "other"
    if category not in TASK_CATEGORIES:
        raise _fail(source, where, _("step_category “{category}” is not one of {categories}.").format(
            category=category, categories=", ".join(TASK_CATEGORIES)))
    values["step_category"] = category
    flag_rules = [key for key in ("flag_on", "flag_at_most", "flag_below") if key in raw]
    if kind == "yes_no":
        good = _text(raw, "good", source, where, required=False) or "yes"
        if good not in ("yes", "no"):
            raise _fail(source, where, _("“good” must be \"yes\" or \"no\"."))
        values["good"] = good
        flag_on = raw.get("flag_on", [])
        if not isinstance(flag_on, list) or any(a not in YES_NO_ANSWERS for a in flag_on):
            raise _fail(source, where, _("“flag_on” must be a list of answers: \"yes\", \"no\", \"partly\"."))
        if good in flag_on:
            raise _fail(source, where, _("“flag_on” cannot include the good answer “{good}”.").format(good=good))
        values["flag_on"] = tuple(flag_on)
        wrong = [key for key in flag_rules if key != "flag_on"]
    elif kind == "scale":
        reverse = raw.get("reverse", False)
        if not isinstance(reverse, bool):
            raise _fail(source, where, _("“{key}” must be true or false.").format(key="reverse"))
        values["reverse"] = reverse
        values["flag_at_most"] = _number(raw, "flag_at_most", source, where, None, integer=True, low=1, high=4)
        wrong = [key for key in flag_rules if key != "flag_at_most"]
    else:
        values["full_at"] = _number(raw, "full_at", source, where, None, low=0.001, high=100000)
        if values["full_at"] is None:
            raise _fail(source, where, _("a number question needs “full_at” (the value that counts as fully ready)."))
        values["maximum"] = _number(raw, "max", source, where, 1000.0, low=1, high=1_000_000)
        values["flag_below"] = _number(raw, "flag_below", source, where, None, low=0, high=100000)
        wrong = [key for key in flag_rules if key != "flag_below"]
    if wrong:
        raise _fail(source, where, _("“{key}” does not apply to a {kind} question.").format(key=wrong[0], kind=kind))
    has_rule = bool(values.get("flag_on")) or values.get("flag_at_most") is not None \
        or values.get("flag_below") is not None
    if values["flag"] and not has_rule:
        raise _fail(source, where, _("has a “flag” text but no rule saying which answers raise it."))
    if has_rule and not values["flag"]:
        raise _fail(source, where, _("says which answers raise a flag but has no “flag” text."))
    if blocking and not values["flag"]:
        raise _fail(source, where, _("is “blocking” but has no “flag”."))
    if values["flag"] and not values["step"]:
        raise _fail(source, where, _("has a red flag but no recommended next “step”."))
    _parse_partly(raw, kind, values, source, where)
    return Question(**values)


def _parse_partly(raw: Mapping, kind: str, values: dict[str, Any], source: str, where: str) -> None:
    """The rules for a "partly" answer and ``first_step``; each mistake said in plain words."""
    given = [key for key in PARTLY_KEYS if key in raw]
    if kind != "yes_no":
        if given:
            raise _fail(source, where, _("“{key}” does not apply to a {kind} question "
                        "(only yes/no questions have a “partly” answer).").format(key=given[0], kind=kind))
    else:
        rule = _text(raw, "partly", source, where, required=False) or "score"
        if rule not in PARTLY_RULES:
            raise _fail(source, where, _("“partly” must be \"score\" (a weaker score), \"flag\" (a red flag "
                        "that does not block) or \"ask\" (a red flag and a follow-up question)."))
        values["partly"] = rule
        values["partly_score"] = _number(raw, "partly_score", source, where, 0.5, low=0, high=1)
        if values["partly_score"] >= 1:
            raise _fail(source, where, _("“partly_score” must be below 1: “partly” is not the good answer."))
        values["partly_flag"] = _text(raw, "partly_flag", source, where, required=False)
        values["partly_step"] = _text(raw, "partly_step", source, where, required=False)
        values["follow_up"] = _text(raw, "follow_up", source, where, required=False)
        if rule in ("flag", "ask"):
            if "partly" in values.get("flag_on", ()):
                raise _fail(source, where, _("“flag_on” already lists \"partly\"; remove it from “flag_on” "
                            "or drop the “partly” rule."))
            if not values["partly_flag"]:
                raise _fail(source, where, _("partly = \"{rule}\" needs a “partly_flag” text "
                            "(the red flag a “partly” answer raises).").format(rule=rule))
            if not (values["partly_step"] or values["step"]):
                raise _fail(source, where, _("a “partly_flag” needs a next step: add “partly_step” or “step”."))
        else:
            if values["partly_flag"] or values["partly_step"]:
                key = "partly_flag" if values["partly_flag"] else "partly_step"
                raise _fail(source, where, _("“{key}” is only used with partly = \"flag\" or \"ask\".").format(key=key))
        if rule == "ask" and not values["follow_up"]:
            raise _fail(source, where, _("partly = \"ask\" needs a “follow_up” question (for example "
                        "\"Until when?\")."))
        if rule != "ask" and values["follow_up"]:
            raise _fail(source, where, _("“follow_up” is only asked with partly = \"ask\"."))
    first_step = raw.get("first_step", False)
    if not isinstance(first_step, bool):
        raise _fail(source, where, _("“{key}” must be true or false.").format(key="first_step"))
    if first_step and not (values["flag"] or values.get("partly_flag")):
        raise _fail(source, where, _("“first_step” puts a red flag's step first, but this question has no flag."))
    values["first_step"] = first_step


def parse_bank(data: Any, *, name: str, language: str, source: str) -> Bank:
    """Check a parsed TOML document and build a Bank. Raises BankError on the first problem."""
    if not isinstance(data, dict):
        raise _fail(source, _("file"), _("is not a TOML document."))
    meta = data.get("bank", {})
    if not isinstance(meta, dict):
        raise _fail(source, "[bank]", _("must be a table."))
    title = _text(meta, "title", source, "[bank]")
    description = _text(meta, "description", source, "[bank]", required=False)
    minutes = _number(meta, "minutes", source, "[bank]", 0, integer=True, low=0, high=1000)
    stated = _text(meta, "language", source, "[bank]", required=False)
    if stated and stated != language:
        raise _fail(source, "[bank]", _("language “{stated}” does not match the file name ({language}).").format(stated=stated, language=language))
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise _fail(source, "[[sections]]", _("a bank needs at least one section."))
    sections: dict[str, Section] = {}
    for index, raw in enumerate(raw_sections, start=1):
        if not isinstance(raw, dict):
            raise _fail(source, _("section {index}").format(index=index), _("must be a table ([[sections]])."))
        sid = _text(raw, "id", source, _("section {index}").format(index=index))
        where = _("section “{id}”").format(id=sid)
        if sid in sections:
            raise _fail(source, where, _("the same section id appears twice."))
        sections[sid] = Section(
            id=sid,
            title=_text(raw, "title", source, where),
            weight=_number(raw, "weight", source, where, 1, integer=True, low=1, high=5),
            about=_text(raw, "about", source, where, required=False),
        )
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise _fail(source, "[[questions]]", _("a bank needs at least one question."))
    questions: list[Question] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_questions, start=1):
        question = parse_question(raw, index, sections, source)
        if question.id in seen:
            raise _fail(source, _("question “{id}”").format(id=question.id), _("the same question id appears twice."))
        seen.add(question.id)
        questions.append(question)
    used = {q.section for q in questions}
    for sid in sections:
        if sid not in used:
            raise _fail(source, _("section “{id}”").format(id=sid), _("has no questions."))
    ordered = sorted(questions, key=lambda q: list(sections).index(q.section))
    return Bank(name=name, language=language, title=title, description=description,
                sections=tuple(sections.values()), questions=tuple(ordered), source=source,
                minutes=minutes)


# -- answers -------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    question_id: str
    value: str | None = None
    skipped: bool = False
    note: str = ""
    votes: Mapping[str, int] = field(default_factory=dict)


def check_answer(question: Question, value: str) -> str | None:
    """A sentence saying why ``value`` is not an answer to ``question``, or None."""
    value = value.strip()
    if question.kind == "yes_no":
        return None if value in YES_NO_ANSWERS else _("Answer yes, no or partly.")
    if question.kind == "scale":
        return None if value in SCALE_ANSWERS else _("Answer with a number from 1 to 5.")
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return _("Type a number, such as 4 or 2.5.")
    if not math.isfinite(number) or number < 0:
        return _("Type a number of zero or more.")
    if number > question.maximum:
        return _("That is more than {maximum:g}; type a smaller number.").format(maximum=question.maximum)
    return None


def normalise_number(value: str) -> str:
    number = float(value.strip().replace(",", "."))
    return f"{number:g}"


def question_score(question: Question, value: str) -> float:
    """0..1 for an answer; raises ValueError for a value that is not an answer."""
    problem = check_answer(question, value)
    if problem:
        raise ValueError(problem)
    if question.kind == "yes_no":
        if value == "partly":
            return question.partly_score
        return 1.0 if value == question.good else 0.0
    if question.kind == "scale":
        step = (int(value) - 1) / 4
        return 1.0 - step if question.reverse else step
    number = float(value.replace(",", "."))
    return min(number / question.full_at, 1.0)


def raises_partial_flag(question: Question, value: str) -> bool:
    """A "partly" answer to a question whose bank says "partly" is a (non-blocking) flag."""
    return question.kind == "yes_no" and value == "partly" and question.partly in ("flag", "ask")


def raises_flag(question: Question, value: str) -> bool:
    if not question.flag:
        return False
    if question.kind == "yes_no":
        return value in question.flag_on
    if question.kind == "scale":
        number = int(value)
        if question.reverse:
            return 6 - number <= (question.flag_at_most or 0)
        return number <= (question.flag_at_most or 0)
    return question.flag_below is not None and float(value.replace(",", ".")) < question.flag_below


def majority(question: Question, votes: Mapping[str, int]) -> str | None:
    """The answer most people chose; a tie goes to the less ready answer.

    Returns None when nobody voted.
    """
    counted = {answer: count for answer, count in votes.items() if answer in question.choices and count > 0}
    if not counted:
        return None
    top = max(counted.values())
    tied = [answer for answer, count in counted.items() if count == top]
    return min(tied, key=lambda answer: (question_score(question, answer), answer))


# -- the result ----------------------------------------------------------------------


@dataclass(frozen=True)
class SectionScore:
    section: Section
    score: int | None  # None: every question skipped
    answered: int
    total: int


@dataclass(frozen=True)
class Flag:
    question: Question
    section: Section
    answer: str
    partial: bool = False  # raised by a "partly" answer: never blocks
    note: str = ""  # the answer's note (for "ask": the answer to the follow-up)

    @property
    def blocking(self) -> bool:
        return self.question.blocking and not self.partial

    @property
    def text(self) -> str:
        return self.question.partly_flag if self.partial else self.question.flag

    @property
    def step(self) -> str:
        if self.partial:
            return self.question.partly_step or self.question.step
        return self.question.step


@dataclass(frozen=True)
class NextStep:
    question: Question
    text: str
    category: str
    because: str  # "blocking", "flag" or "section"


@dataclass(frozen=True)
class Recheck:
    earliest: date
    latest: date
    rule: str  # "wait", "prepare" or "go"


@dataclass(frozen=True)
class Result:
    sections: tuple[SectionScore, ...]
    overall: int | None
    flags: tuple[Flag, ...]
    verdict: str
    reason: str  # a key: see REASONS
    reason_detail: str  # the flag text or section title the reason names
    steps: tuple[NextStep, ...]
    recheck: Recheck
    answered: int
    total: int
    unanswered_blocking: tuple[Question, ...] = ()  # blocking questions skipped or not reached

    @property
    def blocking_flags(self) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.blocking)

    def section_score(self, section_id: str) -> SectionScore:
        for section in self.sections:
            if section.section.id == section_id:
                return section
        raise KeyError(section_id)

    def standing(self, section_id: str) -> str:
        """An area's standing: blocked, low, middling, good, strong or unanswered.

        A blocking flag makes it "blocked" whatever the score; any other flag caps it at "middling".
        """
        flags = [flag for flag in self.flags if flag.section.id == section_id]
        if any(flag.blocking for flag in flags):
            return "blocked"
        word = standing_for(self.section_score(section_id).score)
        if flags and word in ("good", "strong"):
            return "middling"
        return word


def standing_for(score: int | None) -> str:
    if score is None:
        return "unanswered"
    if score < 40:
        return "low"
    if score < 60:
        return "middling"
    if score < 80:
        return "good"
    return "strong"


def _weighted(pairs: Sequence[tuple[float, int]]) -> float | None:
    total = sum(weight for _, weight in pairs)
    if not total:
        return None
    return sum(value * weight for value, weight in pairs) / total


def recheck_for(verdict: str, today: date) -> Recheck:
    if verdict == "wait":
        return Recheck(today + timedelta(days=91), today + timedelta(days=91), verdict)
    if verdict == "prepare":
        return Recheck(today + timedelta(weeks=4), today + timedelta(weeks=6), verdict)
    return Recheck(today + timedelta(days=182), today + timedelta(days=274), verdict)


def score_run(bank: Bank, answers: Mapping[str, Answer], today: date) -> Result:
    """Score a run: section scores, red flags, verdict with its reason, next steps, recheck."""
    per_section: dict[str, list[tuple[float, int]]] = {s.id: [] for s in bank.sections}
    losses: dict[str, list[tuple[float, int, Question]]] = {s.id: [] for s in bank.sections}
    flags: list[Flag] = []
    unanswered: list[Question] = []
    answered = 0
    for order, question in enumerate(bank.questions):
        answer = answers.get(question.id)
        if answer is None or answer.skipped or answer.value is None or check_answer(question, answer.value):
            if question.blocking:
                unanswered.append(question)
            continue
        answered += 1
        value = answer.value.strip()
        score = question_score(question, value)
        per_section[question.section].append((score, question.weight))
        if score < 1 and question.step:
            losses[question.section].append(((1 - score) * question.weight, order, question))
        if raises_flag(question, value):
            flags.append(Flag(question, bank.section(question.section), value, note=answer.note))
        elif raises_partial_flag(question, value):
            flags.append(Flag(question, bank.section(question.section), value, partial=True, note=answer.note))
    sections = []
    for section in bank.sections:
        mean = _weighted(per_section[section.id])
        total = sum(1 for q in bank.questions if q.section == section.id)
        sections.append(SectionScore(section, None if mean is None else round(mean * 100),
                                     len(per_section[section.id]), total))
    scored = [(s.score, s.section.weight) for s in sections if s.score is not None]
    overall_raw = _weighted(scored)
    overall = None if overall_raw is None else round(overall_raw)
    # blocking flags first, in bank order (timing and climate comes first in every bank), then the
    # flags whose step must come first (the tour of the company), then the rest in bank order
    flags.sort(key=lambda f: (not f.blocking, not f.question.first_step, bank.questions.index(f.question)))
    total = len(bank.questions)

    verdict, reason, detail = _verdict(sections, overall, flags, answered, total, unanswered)
    steps = _next_steps(sections, flags, losses)
    return Result(tuple(sections), overall, tuple(flags), verdict, reason, detail, steps,
                  recheck_for(verdict, today), answered, total, tuple(unanswered))


def _verdict(sections: Sequence[SectionScore], overall: int | None, flags: Sequence[Flag],
             answered: int, total: int, unanswered: Sequence[Question] = ()) -> tuple[str, str, str]:
    blocking = [flag for flag in flags if flag.blocking]
    if blocking:
        return "wait", "blocking_flag", blocking[0].text
    if overall is None:
        return "prepare", "no_answers", ""
    if overall < WAIT_OVERALL:
        return "wait", "low_overall", str(overall)
    if unanswered:
        return "prepare", "unanswered_blocking", " ".join(q.text for q in unanswered)
    if flags:
        return "prepare", "red_flag", flags[0].text
    if answered * 2 < total:
        return "prepare", "too_few_answers", f"{answered}/{total}"
    weak = [s for s in sections if s.score is not None and s.score < GO_SECTION]
    if weak:
        weakest = min(weak, key=lambda s: (s.score, -s.section.weight))
        return "prepare", "weak_section", weakest.section.title
    if overall < GO_OVERALL:
        return "prepare", "low_overall_prepare", str(overall)
    return "go", "ready", str(overall)


def _next_steps(sections: Sequence[SectionScore], flags: Sequence[Flag],
                losses: Mapping[str, list[tuple[float, int, Question]]], count: int = 3) -> tuple[NextStep, ...]:
    chosen: list[NextStep] = []
    seen: set[str] = set()

    def add(question: Question, because: str, text: str | None = None) -> None:
        text = text or question.step
        if question.id in seen or not text or len(chosen) >= count:
            return
        seen.add(question.id)
        chosen.append(NextStep(question, text, question.step_category, because))

    for flag in flags:
        add(flag.question, "blocking" if flag.blocking else "flag", flag.step)
    ranked = sorted(
        (s for s in sections if s.score is not None and s.score < 100),
        key=lambda s: (-(100 - (s.score or 0)) * s.section.weight, s.score or 0),
    )
    queues = [
        [q for _, _, q in sorted(losses[s.section.id], key=lambda item: (-item[0], item[1]))]
        for s in ranked
    ]
    # one step from each weak section in turn, so three steps cover three weak areas
    while any(queues) and len(chosen) < count:
        for queue in queues:
            if queue:
                add(queue.pop(0), "section")
    return tuple(chosen)


def banks_differ(first: Bank, second: Bank) -> bool:
    """Two runs can be compared area by area only when they asked the same questions.

    The same bank in two languages asks the same questions; the full and the quick check do not.
    """
    return first.question_ids != second.question_ids
