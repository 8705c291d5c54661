"""Posts on the content calendar and items of the content library, with their rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from urllib.parse import urlsplit

from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.calendar import parse_time
from advocacy_tui.domain.dates import DateError, parse_date, parse_optional_date
from advocacy_tui.domain.topics import FORMATS, check_topics, parse_topics
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, Labels, _

STATES: tuple[str, ...] = ("idea", "draft", "ready", "published", "dropped")
STATE_LABELS = Labels({"idea": N_("Idea"), "draft": N_("Draft"), "ready": N_("Ready"), "published": N_("Published"),
                "dropped": N_("Dropped")})
# What each state means. A post is its author's own, agreed with them: no state is an approval
# step, and "ready" means ready for its author. Marked with N_(): shown through _().
STATE_MEANINGS = {
    "idea": N_("Idea: a topic its author may take up, change or leave."),
    "draft": N_("Draft: the author is writing it, in their own words."),
    "ready": N_("Ready: ready for its author to publish on the planned day."),
    "published": N_("Published: the author has posted it."),
    "dropped": N_("Dropped: it will not be posted."),
}
OWN_POST_NOTE = N_("A post is its author's own: any text you write for it is a suggestion "
                   "the author changes as they like.")
# Symbols so that state never depends on colour alone (all one cell wide).
STATE_SYMBOLS = {"idea": "○", "draft": "✎", "ready": "●", "published": "✓", "dropped": "✗"}
LEADER_SYMBOL = "★"
LEADER_ROLES = ("owner", "manager")

LIBRARY_KINDS: tuple[str, ...] = ("guideline", "sample_post", "idea", "inspiration", "graphic",
                                  "training", "faq")
LIBRARY_KIND_LABELS = Labels({"guideline": N_("Guideline"), "sample_post": N_("Sample post"), "idea": N_("Post idea"),
                       "inspiration": N_("Inspiration"), "graphic": N_("Graphic"), "training": N_("Training"),
                       "faq": N_("FAQ")})
LANGUAGES = {"en": "English", "pl": "Polski"}

TITLE_MAX = 300
FIELD_MAX = 500
BODY_MAX = 200_000


@dataclass(frozen=True)
class Post:
    id: int | None
    title: str
    body: str = ""
    author_id: int | None = None
    channel: str = "LinkedIn"
    planned_on: date | None = None
    planned_time: time | None = None
    state: str = "idea"
    voice: str = "personal"
    library_item_id: int | None = None
    published_url: str = ""
    published_on: date | None = None
    notes: str = ""
    uid: str = ""
    created_at: str = ""
    updated_at: str = ""
    topics: tuple[str, ...] = ()
    campaign_id: int | None = None  # the campaign it is part of (data/groups.py), if any


@dataclass(frozen=True)
class LibraryItem:
    id: int | None
    title: str
    kind: str = "sample_post"
    body: str = ""
    tags: str = ""
    language: str = "en"
    location: str = ""
    created_at: str = ""
    updated_at: str = ""
    topics: tuple[str, ...] = ()
    format: str = ""  # one of domain.topics.FORMATS, or "" when any format fits


def check_title(value: str) -> str | None:
    if not value.strip():
        return _("A title is required.")
    if len(value) > TITLE_MAX:
        return _("A title can be at most {title_max} characters long.").format(title_max=TITLE_MAX)
    return None


def check_required_date(value: str) -> str | None:
    if not value.strip():
        return _("A planned date is required (dd.mm.yyyy).")
    return check_optional_date(value)


def check_optional_date(value: str) -> str | None:
    try:
        parse_optional_date(value)
    except DateError as error:
        return str(error)
    return None


def check_time(value: str) -> str | None:
    if not value.strip():
        return None
    try:
        parse_time(value)
    except ValueError as error:
        return str(error)
    return None


def check_url(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        return _("Write the full address of the post, starting with https://.")
    if len(value) > FIELD_MAX:
        return _("An address can be at most {field_max} characters long.").format(field_max=FIELD_MAX)
    return None


def check_channel(value: str) -> str | None:
    if not value.strip():
        return _("A channel is required (LinkedIn, if unsure).")
    if len(value) > 60:
        return _("A channel name can be at most 60 characters long.")
    return None


def build_post(fields: dict[str, str], voices: tuple[str, ...] | list[str], *, id: int | None = None,
               author_id: int | None = None, library_item_id: int | None = None, uid: str = "") -> Post:
    """A valid Post from form text, or ValidationError naming each problem in words."""
    problems: dict[str, str] = {}

    def check(name: str, message: str | None) -> None:
        if message:
            problems.setdefault(name, message)

    title = fields.get("title", "").strip()
    check("title", check_title(title))
    channel = fields.get("channel", "LinkedIn").strip() or "LinkedIn"
    check("channel", check_channel(channel))
    check("planned_on", check_required_date(fields.get("planned_on", "")))
    check("planned_time", check_time(fields.get("planned_time", "")))
    state = fields.get("state", "idea")
    if state not in STATES:
        check("state", _("The state must be one of: {value}.").format(value=', '.join(STATES)))
    voice = fields.get("voice", "personal")
    if voice not in voices:
        check("voice", _("The voice must be one of the configured voices: {value}.").format(value=', '.join(voices)))
    url = fields.get("published_url", "").strip()
    check("published_url", check_url(url))
    check("published_on", check_optional_date(fields.get("published_on", "")))
    if state == "published" and not url:
        check("published_url", _("A published post needs the address where it was published."))
    check("topics", check_topics(fields.get("topics", "")))
    body = fields.get("body", "")
    if len(body) > BODY_MAX:
        check("body", _("The text can be at most {body_max} characters long.").format(body_max=format_number(BODY_MAX)))
    if problems:
        raise ValidationError(problems)
    planned_on = parse_date(fields["planned_on"])
    published_on = parse_optional_date(fields.get("published_on", ""))
    if state == "published" and published_on is None:
        published_on = planned_on
    time_text = fields.get("planned_time", "").strip()
    return Post(
        id=id, title=title, body=body, author_id=author_id, channel=channel,
        planned_on=planned_on, planned_time=parse_time(time_text) if time_text else None,
        state=state, voice=voice, library_item_id=library_item_id, published_url=url,
        published_on=published_on, notes=fields.get("notes", ""), uid=uid,
        topics=parse_topics(fields.get("topics", "")),
    )


def build_library_item(fields: dict[str, str], *, id: int | None = None) -> LibraryItem:
    problems: dict[str, str] = {}
    title = fields.get("title", "").strip()
    if message := check_title(title):
        problems["title"] = message
    kind = fields.get("kind", "sample_post")
    if kind not in LIBRARY_KINDS:
        problems["kind"] = _("The kind must be one of: {value}.").format(value=', '.join(LIBRARY_KINDS))
    language = fields.get("language", "en")
    if language not in LANGUAGES:
        problems["language"] = _("The language must be en or pl.")
    location = fields.get("location", "").strip()
    if len(location) > 2000:
        problems["location"] = _("A path or address can be at most 2000 characters long.")
    tags = " ".join(part for part in fields.get("tags", "").replace(",", " ").split() if part)
    if len(tags) > FIELD_MAX:
        problems["tags"] = _("Tags can be at most {field_max} characters long.").format(field_max=FIELD_MAX)
    if message := check_topics(fields.get("topics", "")):
        problems["topics"] = message
    format_ = fields.get("format", "")
    if format_ not in ("", *FORMATS):
        problems["format"] = _("The format must be one of: {value}.").format(value=", ".join(FORMATS))
    if problems:
        raise ValidationError(problems)
    return LibraryItem(id=id, title=title, kind=kind, body=fields.get("body", ""), tags=tags,
                       language=language, location=location,
                       topics=parse_topics(fields.get("topics", "")), format=format_)


def draft_from_library(item: LibraryItem, day: date) -> Post:
    """"Use as a draft": a post planned on ``day`` that keeps its link to the library item."""
    state = "draft" if item.kind == "sample_post" else "idea"
    return Post(id=None, title=item.title, body=item.body, planned_on=day, state=state,
                library_item_id=item.id, notes=_("From the library: {title}").format(title=item.title),
                topics=item.topics)


def is_publishing(before: str | None, after: Post) -> bool:
    """True when this change publishes the post (so its author's involvement is logged)."""
    return after.state == "published" and before != "published"


SAFE_CELL_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text for a spreadsheet cell that Excel or LibreOffice will never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(SAFE_CELL_STARTS) else text
