"""The stakeholder map (the "pilgrimage"): who the program needs on its side.

Before launch the owner walks through the company: marketing, PR, communications,
management, the board and every team that benefits. Each stakeholder has a stance,
the date of the last conversation and the next step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advocacy_tui.domain.dates import DateError, parse_optional_date
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, Labels, _

KINDS: tuple[str, ...] = ("marketing", "pr", "communications", "management", "board", "team")
KIND_LABELS: Labels = Labels({
    "marketing": N_("Marketing"),
    "pr": N_("PR"),
    "communications": N_("Communications"),
    "management": N_("Management"),
    "board": N_("Board"),
    "team": N_("Team"),
})

STANCES: tuple[str, ...] = ("not_met", "supportive", "neutral", "sceptical", "against")
STANCE_LABELS: Labels = Labels({
    "not_met": N_("Not met yet"),
    "supportive": N_("Supportive"),
    "neutral": N_("Neutral"),
    "sceptical": N_("Sceptical"),
    "against": N_("Against"),
})
STANCE_SYMBOLS: dict[str, str] = {
    "not_met": "○",
    "supportive": "✓",
    "neutral": "–",
    "sceptical": "?",
    "against": "✗",
}

NAME_MAX = 200
FIELD_MAX = 500
NOTES_MAX = 100_000


@dataclass(frozen=True)
class Stakeholder:
    id: int | None
    name: str
    kind: str = "team"
    stance: str = "not_met"
    last_talk: date | None = None
    next_step: str = ""
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""


class StakeholderError(ValueError):
    """Fields that break a rule: ``problems`` maps field name to a sentence."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


def stance_text(stance: str) -> str:
    """``✓ Supportive``: a word and a symbol, never colour alone."""
    return f"{STANCE_SYMBOLS.get(stance, '·')} {STANCE_LABELS.get(stance, stance)}"


def kind_text(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def normalise_kind(value: str) -> str:
    """A known kind by its key or label (any case), else the free text as typed."""
    cleaned = " ".join(value.split())
    folded = cleaned.casefold()
    for key, label in KIND_LABELS.items():
        if folded in (key, label.casefold()):
            return key
    return cleaned


def check_name(value: str) -> str | None:
    if not value.strip():
        return _("A name is required (a department, a team or a person).")
    if len(value) > NAME_MAX:
        return _("A name can be at most {name_max} characters long.").format(name_max=NAME_MAX)
    return None


def check_kind(value: str) -> str | None:
    if not value.strip():
        return _("Say what kind of stakeholder this is (e.g. marketing, board, or a team name).")
    if len(value) > 80:
        return _("A kind can be at most 80 characters long.")
    return None


def check_last_talk(value: str, today: date) -> str | None:
    try:
        when = parse_optional_date(value)
    except DateError as error:
        return str(error)
    if when is not None and when > today:
        return _("The last talk cannot be in the future; put plans in the next step.")
    return None


def check_text(value: str, limit: int = FIELD_MAX) -> str | None:
    if len(value) > limit:
        return _("This is too long: at most {limit} characters.").format(limit=format_number(limit))
    return None


def build_stakeholder(fields: dict[str, str], today: date, *, id: int | None = None) -> Stakeholder:
    """Validate form or file text and build a Stakeholder; raises StakeholderError."""
    def get(key: str, default: str = "") -> str:
        value = fields.get(key)
        return default if value is None else value

    stance = get("stance", "not_met").strip().lower() or "not_met"
    checks = {
        "name": check_name(get("name")),
        "kind": check_kind(get("kind", "team")),
        "stance": None if stance in STANCES else f"Choose a stance: {', '.join(STANCES)}.",
        "last_talk": check_last_talk(get("last_talk"), today),
        "next_step": check_text(get("next_step")),
        "notes": check_text(get("notes"), NOTES_MAX),
    }
    problems = {key: message for key, message in checks.items() if message}
    if problems:
        raise StakeholderError(problems)
    return Stakeholder(
        id=id,
        name=get("name").strip(),
        kind=normalise_kind(get("kind", "team")),
        stance=stance,
        last_talk=parse_optional_date(get("last_talk")),
        next_step=get("next_step").strip(),
        notes=get("notes"),
    )
