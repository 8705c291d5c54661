"""The digest for the ambassadors: what it gathers, whom it names, how it is written, and
where the next one starts."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.digest import DigestRepo, render_digest
from advocacy_tui.data.reports import md_escape
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import set_language

HOSTILE = '<script>x</script> **bold** [link](http://e.vil) # \x1b[31m'


def person(store, name, email, consent=False):
    ambassador = AmbassadorRepo(store).add(build_ambassador({"name": name, "email": email, "status": "active"}))
    store.db.conn.execute("UPDATE ambassadors SET thanks_by_name = ? WHERE id = ?", (int(consent), ambassador))
    return ambassador


def involve(store, who, kind, day):
    store.db.conn.execute("INSERT INTO involvement (ambassador_id, kind, happened_on, created_at) VALUES (?, ?, ?, 'x')",
                          (who, kind, day.isoformat()))


def item(store, kind, title, day, body=""):
    store.db.conn.execute("INSERT INTO library_items (kind, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                          (kind, title, body, f"{day.isoformat()}T09:00:00", f"{day.isoformat()}T09:00:00"))


@pytest.fixture
def program(store):
    today = store.clock.today()
    ola = person(store, "Ola Nowak", "ola@firma.pl", consent=True)
    jan = person(store, "Jan Kowalski", "jan@firma.pl")
    old = person(store, "Ewa Stara", "ewa@firma.pl", consent=True)
    involve(store, ola, "content_cocreated", today - timedelta(days=3))
    involve(store, jan, "feedback", today - timedelta(days=2))
    involve(store, jan, "question", today - timedelta(days=2))
    involve(store, old, "helped_colleague", today - timedelta(days=40))  # before the period
    item(store, "guideline", "How we write", today - timedelta(days=1))
    item(store, "guideline", "Old rules", today - timedelta(days=30))
    item(store, "idea", "A day in the lab", today - timedelta(days=2))
    item(store, "faq", "May I post about a client?", today - timedelta(days=1),
         "Q: May I post about a client?\n\nA: Only with their consent.")
    store.db.conn.execute(
        "INSERT INTO tasks (title, category, due_on, due_time, created_at, updated_at) "
        "VALUES ('Office hours', 'meetings', ?, '15:00', 'x', 'x')", ((today + timedelta(days=3)).isoformat(),))
    store.db.conn.execute(
        "INSERT INTO tasks (title, category, due_on, created_at, updated_at) "
        "VALUES ('Far away', 'meetings', ?, 'x', 'x')", ((today + timedelta(days=30)).isoformat(),))
    store.db.conn.commit()
    return store


def test_the_digest_gathers_the_period_and_names_only_who_agreed(program):
    today = program.clock.today()
    digest = DigestRepo(program).gather(today - timedelta(days=14))
    assert [title for _kind, title in digest.new_items] == ["How we write"]
    assert digest.ideas == ["A day in the lab"]
    assert [(title, time) for _day, time, title in digest.meetings] == [("Office hours", "15:00")]
    assert digest.answers == [("May I post about a client?", "Only with their consent.")]
    assert digest.thanked == ["Ola Nowak"] and digest.thanked_others == 1
    text = render_digest(program, digest, "md")
    assert "Ola Nowak" in text and "Jan Kowalski" not in text and "Ewa" not in text
    assert "Thank you to Ola Nowak and 1 more colleague" in text


def test_a_digest_marked_as_sent_moves_the_next_start(program):
    repo = DigestRepo(program)
    today = program.clock.today()
    assert repo.default_since() == today - timedelta(days=14)
    digest = repo.gather(today - timedelta(days=20), today - timedelta(days=1))
    repo.mark_sent(digest, "text", render_digest(program, digest, "text"))
    assert repo.default_since() == today
    assert [(sent.since, sent.until, sent.format) for sent in repo.sent()] == [
        (today - timedelta(days=20), today - timedelta(days=1), "text")]
    with pytest.raises(ValueError, match="comes after"):
        repo.gather(today, today - timedelta(days=1))


def test_a_quiet_period_says_so(store):
    text = render_digest(store, DigestRepo(store).gather(store.clock.today()), "text")
    assert "Nothing new in this period" in text


def test_the_digest_speaks_polish(program):
    set_language("pl")
    try:
        text = render_digest(program, DigestRepo(program).gather(program.clock.today() - timedelta(days=14)), "md")
    finally:
        set_language("en")
    assert "## Nowe w bibliotece treści" in text and "Dziękujemy" in text


@given(st.text(min_size=1, max_size=40))
def test_any_title_or_name_stays_text_in_every_format(text):
    from advocacy_tui.data.digest import Digest, digest_doc

    digest = Digest(date(2026, 11, 1), date(2026, 11, 14), new_items=[("Guideline", text)], ideas=[text],
                    thanked=[text])
    doc = digest_doc(digest, text)
    html_body = doc.render("html").split("<body>", 1)[1]
    assert html.escape(printable(text), quote=True) in html_body  # escaped, never markup
    assert md_escape(text) in doc.render("md")
    assert " ".join(printable(text).split()) in doc.text()
    for written in (doc.render("md"), html_body, doc.text()):
        assert "\x1b" not in written and "\x00" not in written


def test_hostile_text_is_shown_as_text(program):
    today = program.clock.today()
    item(program, "guideline", HOSTILE, today)
    program.db.conn.commit()
    digest = DigestRepo(program).gather(today - timedelta(days=14))
    html = render_digest(program, digest, "html")
    assert "<script>x" not in html and "&lt;script&gt;x" in html and "\x1b" not in html
    md = render_digest(program, digest, "md")
    assert "\\*\\*bold\\*\\*" in md and "\\[link\\]" in md and "\x1b" not in md
    assert "\x1b" not in render_digest(program, digest, "text")


def test_a_digest_for_a_group_thanks_only_its_people_and_follows_its_own_last(program):
    from advocacy_tui.data.groups import GroupRepo

    today = program.clock.today()
    ola, jan = (program.db.conn.execute("SELECT id FROM ambassadors WHERE email = ?", (email,)).fetchone()[0]
                for email in ("ola@firma.pl", "jan@firma.pl"))
    groups = GroupRepo(program)
    sales = groups.get(groups.add("Sprzedaż"))
    groups.add_member(sales.id, jan)
    # a meeting for Ola only is not in the sales group's digest; one without attendees is
    program.db.conn.execute(
        "INSERT INTO tasks (title, category, due_on, created_at, updated_at) VALUES ('Ola 1:1', 'meetings', ?, 'x', 'x')",
        ((today + timedelta(days=2)).isoformat(),))
    task = program.db.conn.execute("SELECT id FROM tasks WHERE title = 'Ola 1:1'").fetchone()[0]
    program.db.conn.execute("INSERT INTO task_attendees VALUES (?, ?)", (task, ola))
    program.db.conn.commit()
    repo = DigestRepo(program)
    digest = repo.gather(today - timedelta(days=14), group=groups.get(sales.id))
    assert digest.thanked == [] and digest.thanked_others == 1 and digest.group == "Sprzedaż"
    assert [title for _day, _time, title in digest.meetings] == ["Office hours"]
    everyone = repo.gather(today - timedelta(days=14))
    assert [title for _day, _time, title in everyone.meetings] == ["Ola 1:1", "Office hours"]
    assert "for the group Sprzedaż" in render_digest(program, digest, "text")
    repo.mark_sent(digest, "md", "x")
    assert repo.default_since("Sprzedaż") == today and repo.default_since() == today - timedelta(days=14)


def test_the_demo_has_sent_a_digest(demo_store):
    repo = DigestRepo(demo_store)
    today = demo_store.clock.today()
    [sent] = repo.sent()
    assert (sent.since, sent.until) == (today - timedelta(days=28), today - timedelta(days=15))
    assert repo.default_since() == today - timedelta(days=14)


def test_a_campaign_starting_or_ending_soon_is_coming_up(program):
    from advocacy_tui.data.groups import CampaignRepo
    from advocacy_tui.domain.groups import Campaign

    today = program.clock.today()
    campaigns = CampaignRepo(program)
    campaigns.add(Campaign(None, "Dzień otwarty", today + timedelta(days=5), today + timedelta(days=40)))
    campaigns.add(Campaign(None, "Winter drive", today - timedelta(days=20), today + timedelta(days=3)))
    campaigns.add(Campaign(None, "Far", today + timedelta(days=30), today + timedelta(days=60)))
    digest = DigestRepo(program).gather(today - timedelta(days=14))
    assert [(day - today, name, starts) for day, name, starts in digest.campaigns] == [
        (timedelta(days=3), "Winter drive", False), (timedelta(days=5), "Dzień otwarty", True)]
    text = render_digest(program, digest, "text")
    assert "the campaign Winter drive ends" in text and "the campaign Dzień otwarty starts" in text
    assert "Far" not in text
