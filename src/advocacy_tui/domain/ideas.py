"""Ideas that fit one person: library items and open post ideas on their topics, in a
format and a language they take, that they have not used yet; and a short nudge for
someone gone quiet. Pure rules over what the store read (see data/ideas.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from advocacy_tui.domain.topics import topic_key
from advocacy_tui.i18n import _

#: library kinds that are something to write about (guidelines, trainings and FAQs are not)
IDEA_KINDS: tuple[str, ...] = ("sample_post", "idea", "inspiration", "graphic")
IDEAS_MAX = 20
NUDGE_IDEAS = 2
#: a library item planned as someone's draft is planned this many days ahead (time to write)
DRAFT_LEAD_DAYS = 7


@dataclass(frozen=True)
class Profile:
    """What a person writes about and how (empty formats or languages: any)."""

    topics: tuple[str, ...]
    formats: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A library item (``source == "item"``) or an open post idea (``"post"``)."""

    source: str
    id: int
    title: str
    topics: tuple[str, ...]
    format: str = ""  # "" fits any format
    language: str = ""  # "" fits any language
    created_at: str = ""


@dataclass(frozen=True)
class Idea:
    candidate: Candidate
    shared: tuple[str, ...]  # the person's topics it is about, as the person has them

    @property
    def key(self) -> str:
        return f"{self.candidate.source}:{self.candidate.id}"


def shared_topics(profile: Profile, candidate: Candidate) -> tuple[str, ...]:
    theirs = {topic_key(topic) for topic in candidate.topics}
    return tuple(topic for topic in profile.topics if topic_key(topic) in theirs)


def fits(profile: Profile, candidate: Candidate) -> bool:
    """Same topic, a format they take and a language they write in."""
    if not shared_topics(profile, candidate):
        return False
    if candidate.format and profile.formats and candidate.format not in profile.formats:
        return False
    return not (candidate.language and profile.languages and candidate.language not in profile.languages)


def match_ideas(profile: Profile, candidates: list[Candidate], used_items: set[int] | frozenset[int] = frozenset(),
                limit: int = IDEAS_MAX) -> list[Idea]:
    """The ideas that fit, most shared topics first, then library items before post ideas,
    then the newest. A library item they already made a post from (``used_items``) is left
    out."""
    ideas = [Idea(c, shared_topics(profile, c)) for c in candidates
             if fits(profile, c) and not (c.source == "item" and c.id in used_items)]
    ideas.sort(key=lambda idea: idea.candidate.created_at, reverse=True)
    ideas.sort(key=lambda idea: (-len(idea.shared), idea.candidate.source != "item"))
    return ideas[:limit]


def first_name(name: str) -> str:
    """What a nudge calls someone: the first word of their name."""
    words = name.split()
    return words[0] if words else name


def draft_day(today: date, planned: date | None = None) -> date:
    """The day a planned idea lands on: its own day if still ahead, else a week from today."""
    if planned is not None and planned > today:
        return planned
    return today + timedelta(days=DRAFT_LEAD_DAYS)


def nudge_text(name: str, ideas: list[Idea]) -> str:
    """A short, friendly message for someone gone quiet, with (up to) two ideas that fit
    them, in the language in use. No pressure and no counts: an offer of help."""
    first = first_name(name)
    picked = ideas[:NUDGE_IDEAS]
    lines = [_("Hi {name},").format(name=first), ""]
    if picked:
        lines.append(_("I came across a few things that made me think of you. If you feel like "
                       "posting something in the coming days, maybe one of these:"))
        for idea in picked:
            lines.append(_("• {title} (on {topics})").format(
                title=idea.candidate.title, topics=", ".join(idea.shared)))
        lines += ["", _("I am happy to help with the text or a picture, or we can talk it over "
                         "for fifteen minutes. And if now is not the time, that is fine too.")]
    else:
        lines.append(_("We have not heard from you in a while. How are you doing? If you would "
                       "like to post again, I am happy to help you find a topic, and if now is "
                       "not the time, that is fine too."))
    return "\n".join(lines)
