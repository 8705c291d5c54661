"""The digest: what the owner sends the ambassadors to keep the program warm.

One message for a period (from the day after the last digest sent, or the last two weeks):
what is new in the content library, ideas to write about, the meetings, planned posts and
campaign days of the next two weeks, the questions answered (saved as FAQ from the Q&A
tasks) and thanks for co-creation from the involvement log. A person is thanked by name only with their consent
(``ambassadors.thanks_by_name``); the others are counted, never named. Written in the
program's language as Markdown (Teams), HTML (email) or plain text (Slack, any email), each
user text escaped for its format. A digest marked as sent is kept (table ``digests``), so the
next one starts where it ended. No Textual and no Rich here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from advocacy_tui.data.reports import Doc
from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.store import Store, inserted_id
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.groups import Group
from advocacy_tui.domain.posts import LIBRARY_KIND_LABELS
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import _, current_language, ngettext

DIGEST_FORMATS = ("md", "html", "text")
FIRST_DAYS = 14  # a first digest covers the last two weeks
AHEAD_DAYS = 14  # meetings and planned posts this far ahead
MAX_IDEAS = 5
MAX_LISTED = 12  # library items, meetings and posts listed; the rest are counted
#: involvement that is co-creation, thanked in the digest
THANKED_KINDS = ("content_cocreated", "helped_colleague", "feedback")
ANSWER_CHARS = 400  # an FAQ answer is cut to this in the digest; the library keeps it whole


@dataclass(frozen=True)
class SentDigest:
    id: int
    since: date
    until: date
    group: str
    format: str
    sent_at: str
    body: str


@dataclass
class Digest:
    """What one digest says, gathered from the program's data."""

    since: date
    until: date
    group: str = ""
    new_items: list[tuple[str, str]] = field(default_factory=list)  # (kind label, title)
    more_items: int = 0
    ideas: list[str] = field(default_factory=list)
    meetings: list[tuple[date, str, str]] = field(default_factory=list)  # (day, time, title)
    planned: list[tuple[date, str]] = field(default_factory=list)  # (day, title)
    more_planned: int = 0
    campaigns: list[tuple[date, str, bool]] = field(default_factory=list)  # (day, name, starts: else ends)
    answers: list[tuple[str, str]] = field(default_factory=list)  # (question, answer)
    thanked: list[str] = field(default_factory=list)  # names, with their consent
    thanked_others: int = 0  # people thanked without a name

    @property
    def empty(self) -> bool:
        return not (self.new_items or self.ideas or self.meetings or self.planned or self.campaigns
                    or self.answers or self.thanked or self.thanked_others)


def _clip(text: str, limit: int) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class DigestRepo:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # -- what was sent -------------------------------------------------------------------

    def sent(self, limit: int = 50) -> list[SentDigest]:
        rows = self.conn.execute(
            "SELECT id, since, until, group_name, format, sent_at, body FROM digests "
            "ORDER BY until DESC, id DESC LIMIT ?", (limit,)).fetchall()
        return [SentDigest(id_, date.fromisoformat(since), date.fromisoformat(until), group, fmt, sent_at, body)
                for id_, since, until, group, fmt, sent_at, body in rows]

    def default_since(self, group: str = "") -> date:
        """The day after the last digest sent (to the same group), or two weeks ago."""
        row = self.conn.execute("SELECT max(until) FROM digests WHERE group_name = ?", (group,)).fetchone()
        today = self.store.clock.today()
        if row[0]:
            return min(date.fromisoformat(row[0]) + timedelta(days=1), today)
        return today - timedelta(days=FIRST_DAYS)

    def mark_sent(self, digest: Digest, fmt: str, body: str) -> int:
        """Keep a digest as sent (one transaction): the next one starts the day after it ends."""
        if fmt not in DIGEST_FORMATS:
            raise ValueError(fmt)
        with self.store.write():
            cursor = self.conn.execute(
                "INSERT INTO digests (since, until, group_name, format, body, sent_at) VALUES (?, ?, ?, ?, ?, ?)",
                (digest.since.isoformat(), digest.until.isoformat(), digest.group, fmt, body,
                 self.store.now_text()))
        return inserted_id(cursor)

    # -- what to say ---------------------------------------------------------------------

    def gather(self, since: date, until: date | None = None, *, group: Group | None = None) -> Digest:
        """The digest of ``since`` to ``until`` (today by default), both days included.
        ``group``: the group it is for (None: everyone): only its people are thanked, and
        of the meetings with a list of attendees only those some of them attend."""
        today = self.store.clock.today()
        until = until or today
        if until < since:
            raise ValueError(_("The digest's first day ({since}) comes after its last ({until}).").format(
                since=format_date(since), until=format_date(until)))
        first, last = since.isoformat(), (until + timedelta(days=1)).isoformat()  # created_at is a timestamp
        digest = Digest(since, until, group.name if group else "")
        # the people it is for: a group's members (by its id), else everyone
        among, whom = ("a.id IN (SELECT ambassador_id FROM group_members WHERE group_id = ?)",
                       (group.id,)) if group else ("1", ())
        conn = self.conn
        items = conn.execute(
            "SELECT kind, title FROM library_items WHERE kind NOT IN ('faq', 'idea') AND created_at >= ? "
            "AND created_at < ? ORDER BY created_at DESC, id DESC", (first, last)).fetchall()
        digest.new_items = [(LIBRARY_KIND_LABELS.get(kind, kind), _clip(title, 120)) for kind, title in items[:MAX_LISTED]]
        digest.more_items = max(0, len(items) - MAX_LISTED)
        # ideas: the library's new post ideas first, then ideas in the calendar nobody has taken up
        ideas = [title for (title,) in conn.execute(
            "SELECT title FROM library_items WHERE kind = 'idea' AND created_at >= ? AND created_at < ? "
            "ORDER BY created_at DESC, id DESC LIMIT ?", (first, last, MAX_IDEAS))]
        if len(ideas) < MAX_IDEAS:
            ideas += [title for (title,) in conn.execute(
                "SELECT title FROM posts WHERE state = 'idea' AND author_id IS NULL "
                "ORDER BY created_at DESC, id DESC LIMIT ?", (MAX_IDEAS - len(ideas),))]
        digest.ideas = [_clip(title, 120) for title in ideas]
        ahead = (today + timedelta(days=AHEAD_DAYS)).isoformat()
        attended = ("" if group is None else
                    " AND (NOT EXISTS (SELECT 1 FROM task_attendees t WHERE t.task_id = tasks.id) OR EXISTS "
                    "(SELECT 1 FROM task_attendees t JOIN ambassadors a ON a.id = t.ambassador_id "
                    f"WHERE t.task_id = tasks.id AND {among}))")
        digest.meetings = [(date.fromisoformat(day), time or "", _clip(title, 120)) for day, time, title in conn.execute(
            "SELECT due_on, due_time, title FROM tasks WHERE category = 'meetings' AND done_at IS NULL "
            f"AND skipped = 0 AND due_on >= ? AND due_on <= ?{attended} ORDER BY due_on, due_time, id",
            (today.isoformat(), ahead, *(whom if group else ())))]
        planned = conn.execute(
            "SELECT planned_on, title FROM posts WHERE state IN ('draft', 'ready') AND planned_on >= ? "
            "AND planned_on <= ? ORDER BY planned_on, planned_time, id", (today.isoformat(), ahead)).fetchall()
        digest.planned = [(date.fromisoformat(day), _clip(title, 120)) for day, title in planned[:MAX_LISTED]]
        digest.more_planned = max(0, len(planned) - MAX_LISTED)
        # the deadlines: campaigns that start or end in the next two weeks
        for name, starts, ends in conn.execute(
                "SELECT name, starts_on, ends_on FROM campaigns WHERE (starts_on >= ? AND starts_on <= ?) "
                "OR (ends_on >= ? AND ends_on <= ?) ORDER BY starts_on, id", (today.isoformat(), ahead) * 2):
            for day, starting in ((starts, True), (ends, False)):
                if today.isoformat() <= day <= ahead:
                    digest.campaigns.append((date.fromisoformat(day), _clip(name, 120), starting))
        digest.answers = [(_clip(title, 160), _clip(_answer(body), ANSWER_CHARS)) for title, body in conn.execute(
            "SELECT title, body FROM library_items WHERE kind = 'faq' AND created_at >= ? AND created_at < ? "
            "ORDER BY created_at, id", (first, last))]
        marks = ",".join("?" * len(THANKED_KINDS))
        people = conn.execute(
            f"SELECT DISTINCT a.id, a.name, a.thanks_by_name FROM involvement i JOIN ambassadors a "
            f"ON a.id = i.ambassador_id WHERE i.kind IN ({marks}) AND i.happened_on >= ? AND i.happened_on <= ? "
            f"AND a.status != 'left' AND {among} ORDER BY a.sort_key, a.id",
            (*THANKED_KINDS, first, until.isoformat(), *whom)).fetchall()
        digest.thanked = [printable(name) for _id, name, consent in people if consent]
        digest.thanked_others = sum(1 for _id, _name, consent in people if not consent)
        return digest


def _answer(body: str) -> str:
    """The answer of an FAQ item saved from a Q&A task ("Q: ...\\n\\nA: ..."), else its body."""
    head, separator, answer = body.partition("\n\nA: ")
    if separator:
        return answer
    for prefix in ("\n\nO: ",):  # as the Polish catalogue writes it
        head, separator, answer = body.partition(prefix)
        if separator:
            return answer
    return body


def digest_doc(digest: Digest, name: str = "") -> Doc:
    """The digest as a document, in the language in use (the program's); ``name``: the program's."""
    period = _("{since} – {until}").format(since=format_date(digest.since), until=format_date(digest.until))
    title = _("{program}: news for our ambassadors").format(program=name) if name else _("News for our ambassadors")
    subtitle = _("{period}, for the group {group}").format(period=period, group=digest.group) if digest.group else period
    doc = Doc(title, subtitle, current_language())
    if digest.empty:
        doc.para(_("Nothing new in this period: no new materials, ideas, meetings, answers or thanks."))
        return doc
    if digest.new_items:
        doc.heading(_("New in the content library"))
        doc.items([f"{title} ({kind})" for kind, title in digest.new_items]
                  + ([_("and {n} more").format(n=digest.more_items)]
                     if digest.more_items else []))
    if digest.ideas:
        doc.heading(_("Ideas to write about"))
        doc.items(digest.ideas)
        doc.para(_("Take one up and make it your own: your experience is what makes a post worth reading."))
    if digest.meetings or digest.planned or digest.campaigns:
        doc.heading(_("Coming up in the next two weeks"))
        coming = sorted([(day, time, (_("{day}, {time}: {title}") if time else _("{day}: {title}")).format(
                             day=format_date(day), time=time, title=title)) for day, time, title in digest.meetings]
                        + [(day, "~", _("{day}: {title} (planned post)").format(day=format_date(day), title=title))
                           for day, title in digest.planned]
                        + [(day, "", (_("{day}: the campaign {name} starts") if starting else
                                      _("{day}: the campaign {name} ends")).format(day=format_date(day), name=name))
                           for day, name, starting in digest.campaigns],
                        key=lambda item: item[:2])  # by day: a campaign's day first, then meetings, then posts as planned
        doc.items([line for _day, _time, line in coming]
                  + ([ngettext("and {n} more planned post", "and {n} more planned posts", digest.more_planned)
                      .format(n=digest.more_planned)] if digest.more_planned else []))
    if digest.answers:
        doc.heading(_("Questions answered"))
        for question, answer in digest.answers:
            doc.para(question, strong=True)
            doc.para(answer)
    if digest.thanked or digest.thanked_others:
        doc.heading(_("Thank you"))
        doc.para(_thanks(digest.thanked, digest.thanked_others))
    return doc


def _thanks(names: list[str], others: int) -> str:
    if names and others:
        return ngettext("Thank you to {names} and {n} more colleague for creating content with us, "
                        "feedback and help.",
                        "Thank you to {names} and {n} more colleagues for creating content with us, "
                        "feedback and help.", others).format(names=", ".join(names), n=others)
    if names:
        return _("Thank you to {names} for creating content with us, feedback and help.").format(
            names=", ".join(names))
    return ngettext("Thank you to {n} colleague for creating content with us, feedback and help.",
                    "Thank you to {n} colleagues for creating content with us, feedback and help.",
                    others).format(n=others)


def render_digest(store: Store, digest: Digest, fmt: str) -> str:
    if fmt not in DIGEST_FORMATS:
        raise ValueError(fmt)
    doc = digest_doc(digest, SettingsRepo(store).program_name)
    return doc.text() if fmt == "text" else doc.render(fmt)
