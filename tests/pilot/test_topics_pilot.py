"""Topics and ideas by keyboard: typing topics with completion, seeing them on the detail,
planning an idea as a draft, the nudge for someone quiet, import and export with topics."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm
from advocacy_tui.screens.modals.ideas_dialog import IdeasDialog
from tests.screen import screen_text

ZOFIA = "zofia.kaminska@northwind.example"
KATARZYNA = "katarzyna.lewandowska@northwind.example"


async def find(pilot, text):
    await pilot.press("slash", *text, "enter")
    await pilot.pause()


async def test_typing_topics_with_completion_saves_and_shows_them(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await find(pilot, "ewa zaj")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AmbassadorForm)
        topics = form.query_one("#topics", Input)
        topics.focus()
        await pilot.press(*"Java; recru")
        await pilot.pause()
        assert topics._suggestion == "Java; recruitment"
        await pilot.press("right")  # takes the completion
        assert topics.value == "Java; recruitment"
        await pilot.press(*", JAVA")
        form.query_one("#format-article").focus()
        await pilot.press("space")
        form.query_one("#languages", Input).focus()
        await pilot.press(*"pl, en", "f10")
        await pilot.pause()
        ewa = AmbassadorRepo(demo_store).by_email("ewa.zajac@northwind.example")
        assert ewa.topics == ("Java", "recruitment") and ewa.formats == ("photo", "video", "article") and ewa.languages == ("pl", "en")
        assert "Topics: Java, recruitment" in screen_text(app)


async def test_an_unknown_language_is_explained_on_the_form(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#languages", Input).focus()
        await pilot.press(*"pl, klingon")
        await pilot.pause()
        assert "Unknown language “klingon”" in screen_text(app)


async def test_planning_an_idea_as_their_draft(demo_store, make_app):
    zofia = AmbassadorRepo(demo_store).by_email(ZOFIA)
    before = PostRepo(demo_store).total()
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await find(pilot, "zofia")
        assert "Topics: engineering, team culture" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, IdeasDialog)
        first = dialog.ideas[0]
        assert "Ideas for Zofia" in screen_text(app) and first.candidate.title in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert first.key not in [idea.key for idea in dialog.ideas]  # used now
        await pilot.press("escape")
        await pilot.pause()
    assert PostRepo(demo_store).total() == before + 1
    row = demo_store.conn.execute("SELECT author_id, state, library_item_id FROM posts ORDER BY id DESC LIMIT 1").fetchone()
    assert row == (zofia.id, "draft", first.candidate.id)


async def test_a_quiet_person_gets_a_nudge_with_two_ideas_to_copy(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    copied = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await find(pilot, "oliver")
        await pilot.press("n")
        await pilot.pause()
        nudge = app.screen.query_one("#nudge", TextArea).text
        assert nudge.startswith("Hi Oliver,") and nudge.count("• ") == 2
        await pilot.press("c")
        await pilot.pause()
        assert copied == [nudge]


async def test_someone_not_quiet_gets_no_nudge(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await find(pilot, "zofia")
        await pilot.press("n")
        await pilot.pause()
        assert not app.screen.query("#nudge")


async def test_export_and_import_with_topics_round_trip(demo_store, make_app, tmp_path):
    from advocacy_tui.data.csv_io import export_to_file, import_file

    path = tmp_path / "people.xlsx"
    export_to_file(demo_store, "ambassadors", "xlsx", path, headers="pl")
    plan, summary = import_file(demo_store, path)
    assert summary is not None and summary.updated == 0 and summary.added == 0, plan.problems
    zofia = AmbassadorRepo(demo_store).by_email(ZOFIA)
    assert zofia.topics == ("engineering", "team culture")
