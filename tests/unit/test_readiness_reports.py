"""Reports: whole files kept as syrupy snapshots (fixed clock), and escaping of user text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
from advocacy_tui.data.reports import md_escape, program_report, readiness_report
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.readiness import Answer


class MarkdownReport(SingleFileSnapshotExtension):
    """A report kept whole as the file a user gets (``--snapshot-update`` rewrites it)."""

    file_extension = "md"
    _write_mode = WriteMode.TEXT


class HtmlReport(MarkdownReport):
    file_extension = "html"


def check_golden(snapshot, fmt: str, text: str) -> None:
    assert text == snapshot(extension_class=MarkdownReport if fmt == "md" else HtmlReport)


def polish_run(store):
    bank = builtin_bank("readiness-quick", "pl")
    repo = ReadinessRepo(store)
    run = repo.start(bank, workshop=True, title="Warsztat <script>alert(1)</script> | [x](y)")
    values = {"climate.restructuring": "no", "climate.discontent": "partly", "onboarding.training": "yes",
              "leaders.owner_posts": "no", "trust.approval": "yes", "motivation.voluntary": "yes",
              "resources.owner_hours": "3", "goals.defined": "partly"}
    for qid, value in values.items():
        votes = {"no": 8, "yes": 3} if qid == "climate.restructuring" else {}
        note = "**Zarząd** <b>mówi</b> # tak\n- lista" if qid == "trust.approval" else ""
        repo.save_answer(run.id, Answer(qid, value, note=note, votes=votes))
    repo.save_answer(run.id, Answer("personal.purpose", None, skipped=True))
    run = repo.finish(run.id, "prepare")
    return run, bank


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_readiness_report_golden(store, fmt, snapshot):
    run, bank = polish_run(store)
    text = readiness_report(store, run, bank, fmt)
    check_golden(snapshot, fmt, text)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_demo_readiness_report_golden(demo_store, fmt, snapshot):
    run = ReadinessRepo(demo_store).latest_finished()
    text = readiness_report(demo_store, run, builtin_bank("readiness", "en"), fmt)
    check_golden(snapshot, fmt, text)


def small_program(store):
    """A program of our own (not the demo, which other features keep growing)."""
    repo = AmbassadorRepo(store)
    people = [("Agnieszka Wójcik", "owner", "active"), ("Jan [b]Kowalski[/b]", "manager", "active"),
              ("Ola Nowak", "ambassador", "onboarding"), ("Piotr Zając", "ambassador", "candidate")]
    with store.write():
        ids = [repo.add(build_ambassador({"name": n, "role": r, "status": s})) for n, r, s in people]
    now = store.now_text()
    conn = store.db.conn
    with store.write():
        for step in ("profile", "library", "platform", "rules", "time", "first_post"):
            conn.execute("INSERT INTO onboarding_steps VALUES (?, ?, '2026-11-01')", (ids[0], step))
        conn.execute("INSERT INTO onboarding_steps VALUES (?, 'profile', '2026-11-20')", (ids[2],))
        for n, (voice, day) in enumerate([("personal", "2026-11-20"), ("personal", "2026-11-25"),
                                          ("company", "2026-11-26"), ("company", "2026-09-01")]):
            conn.execute("INSERT INTO posts (uid, title, voice, planned_on, state, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, 'ready', ?, ?)", (f"p{n}", f"Post {n}", voice, day, now, now))
        conn.execute("INSERT INTO tasks (title, category, due_on, estimate_minutes, created_at, updated_at) "
                     "VALUES ('Sample posts', 'sample_posts', '2026-11-27', 150, ?, ?)", (now, now))
        conn.execute("INSERT INTO tasks (title, category, due_on, estimate_minutes, created_at, updated_at) "
                     "VALUES ('Next week', 'meetings', '2026-12-02', 600, ?, ?)", (now, now))
        conn.execute("INSERT INTO settings VALUES ('owner_hours_per_week', '2')")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_program_report_golden(store, fmt, snapshot):
    small_program(store)
    check_golden(snapshot, fmt, program_report(store, fmt))


def test_program_report_tolerates_an_empty_program(store):
    text = program_report(store, "md")
    assert "Nobody is in the roster yet." in text
    assert "27.11.2026" in text


def test_html_escapes_user_text(store):
    run, bank = polish_run(store)
    text = readiness_report(store, run, bank, "html")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<b>mówi</b>" not in text
    assert "@media print" in text and "<link" not in text and "src=" not in text


def test_markdown_escapes_user_text(store):
    run, bank = polish_run(store)
    text = readiness_report(store, run, bank, "md")
    assert "\\*\\*Zarząd\\*\\*" in text
    assert "&lt;b&gt;" in text
    assert "\\[x\\](y)" in text
    assert "\\| \\[x" in text


@given(st.text(max_size=60))
def test_md_escape_never_leaves_markup_characters_bare(value):
    escaped = md_escape(value)
    assert "\n" not in escaped
    assert "<" not in escaped and ">" not in escaped
    unescaped = escaped.replace("\\\\", "")
    for char in "*_[]|`#~":
        index = unescaped.find(char)
        while index != -1:
            assert index > 0 and unescaped[index - 1] == "\\", (value, escaped)
            index = unescaped.find(char, index + 1)


def test_html_reports_print_on_a4_with_headings_kept_with_their_tables(store):
    run, bank = polish_run(store)
    for text in (readiness_report(store, run, bank, "html"), program_report(store, "html")):
        assert "@page { size: A4;" in text
        assert "h2 { break-after: avoid-page; break-inside: avoid; }" in text
        assert "h2 + table, h2 + ul, h2 + ol, h2 + p { break-before: avoid-page; }" in text
        assert "thead { display: table-header-group; }" in text  # the header row on every page
    assert "@page { size: letter;" in program_report(store, "html", page_size="letter")
    with pytest.raises(ValueError):
        program_report(store, "html", page_size="A4; } body { display: none")
