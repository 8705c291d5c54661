"""Drive the calendar and the library like a user; check the screen and the database."""

from datetime import date

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.posts import LibraryRepo, PostRepo
from advocacy_tui.domain.posts import Post
from advocacy_tui.screens.calendar import CalendarScreen
from advocacy_tui.screens.modals.calendar_dialogs import FilterDialog, PickPostDialog
from advocacy_tui.screens.modals.confirm import ConfirmDialog
from advocacy_tui.screens.modals.post_form import PostForm
from advocacy_tui.widgets.month_grid import MonthGrid
from tests.queries import ranges_read, traced
from tests.screen import screen_text

TODAY = date(2026, 11, 27)


def _grid(app) -> MonthGrid:
    return app.screen.query_one(MonthGrid)


async def test_arrows_today_and_months(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, CalendarScreen)
        assert _grid(app).cursor == TODAY
        await pilot.press("right", "down")
        assert _grid(app).cursor == date(2026, 12, 5)
        assert "December 2026" in app.screen.sub_title
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert _grid(app).cursor == date(2026, 10, 5)
        await pilot.press("pagedown")
        assert _grid(app).cursor == date(2026, 11, 5)
        await pilot.press("t")
        assert _grid(app).cursor == TODAY
        await pilot.press("up", "left")
        assert _grid(app).cursor == date(2026, 11, 19)
        assert "What a product manager does all day" in screen_text(app)  # the day line


async def test_month_view_reads_only_its_range(store, make_app):
    repo = PostRepo(store)
    for day in (date(2026, 8, 1), date(2026, 11, 10), date(2026, 11, 11), date(2027, 3, 1)):
        repo.add(Post(None, f"Post {day}", planned_on=day))
    app = make_app(store, start_mode="calendar")
    with traced(store.conn) as statements:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            assert screen.loaded_range == (date(2026, 10, 26), date(2026, 12, 6))
            # the grid counted its six weeks and read nothing beyond them (the month's mix
            # and the last 30 days lie inside), and read full rows of the chosen day only
            ranges = ranges_read(statements)
            assert ("2026-10-26", "2026-12-06") in ranges
            assert all("2026-10-26" <= first <= last <= "2026-12-06" for first, last in ranges)
            assert set(ranges_read(statements, full_rows=True)) == {("2026-11-27", "2026-11-27")}
            statements.clear()
            await pilot.press("right_square_bracket")
            assert ("2026-11-30", "2027-01-10") in ranges_read(statements, full_rows=False)
            await pilot.press("v")
            assert screen.loaded_range == (date(2026, 12, 21), date(2026, 12, 27))


async def test_plan_edit_publish_copy_move_delete(demo_store, make_app):
    repo = PostRepo(demo_store)
    people = AmbassadorRepo(demo_store)
    anna = people.by_email("anna.kozlowska@northwind.example")
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right")  # 28.11: an empty Saturday
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, PostForm)
        await pilot.press(*"Zażółć [b]gęślą[/b]")
        form.query_one("#author").value = "anna.kozlowska@northwind.example"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        rows = repo.in_range(date(2026, 11, 28), date(2026, 11, 28))
        assert [(r.title, r.author) for r in rows] == [("Zażółć [b]gęślą[/b]", anna.name)]
        assert "Zażółć [b]gęślą[/b]" in screen_text(app)
        post_id = rows[0].id

        # Publish it: the author's involvement is recorded.
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, PostForm)
        form.query_one("#state").value = "published"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, PostForm)  # no address yet
        assert "needs the address" in screen_text(app)
        form.query_one("#published_url").value = "https://www.linkedin.com/posts/anna-1"
        await pilot.press("f10")
        await pilot.pause()
        assert repo.get(post_id).state == "published"
        assert demo_store.db.execute(
            "SELECT ambassador_id FROM involvement WHERE post_id = ?", [post_id]).fetchall() == [(anna.id,)]

        # Copy (to the day it asks for: the same one here), then move the copy with the arrows and Enter.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        rows = repo.in_range(date(2026, 11, 28), date(2026, 11, 28))
        assert len(rows) == 2
        await pilot.press("m")
        assert isinstance(app.screen, PickPostDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        copy_id = app.screen.moving
        assert copy_id is not None
        assert "Moving" in screen_text(app)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert repo.get(copy_id).planned_on == date(2026, 11, 29)
        assert repo.get(copy_id).state == "draft"

        # Delete the original, saying no first.
        await pilot.press("left", "d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert repo.get(post_id) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert repo.get(post_id) is None


async def test_form_explains_problems(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        form = app.screen
        form.query_one("#author").value = "Nobody Known"
        form.query_one("#planned_on").value = "31.02.2026"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, PostForm)
        problems = " ".join(str(f.query_one(".field-problem").render())
                            for f in form.query("Field.-invalid"))
        assert "A title is required" in problems
        assert "No one called Nobody Known" in problems
        assert "does not exist" in problems
        await pilot.press("escape", "y")  # typed into: Esc asks before throwing it away
        assert isinstance(app.screen, CalendarScreen)


async def test_editor_without_editor_says_so(demo_store, make_app, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "f4")
        await pilot.pause()
        assert any("No editor is set" in str(n.message) for n in app._notifications)


async def test_filter_by_voice_and_week_view(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        all_rows = len(screen.rows)
        await pilot.press("f")
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        dialog.query_one("#voice").value = "company"
        await pilot.press("f10")
        await pilot.pause()
        assert 0 < len(screen.rows) < all_rows
        assert {r.voice for r in screen.rows} == {"company"}
        assert "only company and employer brand" in screen.sub_title
        await pilot.press("v")
        text = screen_text(app)
        assert "Christmas market volunteering" in text
        assert "My onboarding buddy" not in text  # a team post, filtered out
        await pilot.press("f")
        await pilot.click("#clear")
        await pilot.pause()
        assert "My onboarding buddy" in screen_text(app)


async def test_week_view_edits_the_highlighted_post(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, PostForm)
        assert app.screen.query_one("#title").value == "My onboarding buddy, one year on"


async def test_library_search_and_use_as_draft(demo_store, make_app):
    library = LibraryRepo(demo_store)
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert "Library" in app.screen.sub_title
        await pilot.press("slash", *"hejt")
        await pilot.pause()
        assert "Jak reagować na hejt" in screen_text(app)
        assert app.screen.lib_table.row_count == 1
        await pilot.press("enter", "u")
        form = app.screen
        assert isinstance(form, PostForm)
        assert form.query_one("#title").value == "Jak reagować na hejt i trudne komentarze"
        await pilot.press("f10")
        await pilot.pause()
        item = library.page("hejt", 0, 1)[0]
        linked = demo_store.db.execute(
            "SELECT planned_on, state FROM posts WHERE library_item_id = ?", [item.id]).fetchall()
        assert linked == [("2026-11-27", "idea")]


async def test_library_add_edit_delete_and_open(demo_store, make_app, monkeypatch, tmp_path):
    import advocacy_tui.screens.calendar as calendar_screen

    monkeypatch.setattr(calendar_screen.shutil, "which", lambda name: None)
    (tmp_path / "template.png").write_bytes(b"png")
    library = LibraryRepo(demo_store)
    total = library.total()
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "a")
        await pilot.press(*"[i]Nowy[/i] szablon")
        app.screen.query_one("#location").value = str(tmp_path / "template.png")
        await pilot.press("f10")
        await pilot.pause()
        assert library.total() == total + 1
        assert "[i]Nowy[/i] szablon" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert any("No program to open files" in str(n.message) and "template.png" in str(n.message)
                   for n in app._notifications)
        await pilot.press("d", "y")
        await pilot.pause()
        assert library.total() == total


async def test_configured_voices_and_limit_drive_form_and_warning(demo_store, make_app):
    from advocacy_tui.config import Settings

    settings = Settings(voices=(("personal", "Moja wiedza"), ("company", "Firma")),
                        company_share_limit=0.5)
    app = make_app(demo_store, settings, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        assert "moja 40%" in text and "firma 40%" in text
        assert "over" not in text  # 40% is under a limit of one half
        await pilot.press("a")
        voice = app.screen.query_one("#voice")
        assert [option[1] for option in voice._options if option[1] != voice.BLANK] == ["personal", "company"]


async def test_company_warning_in_words(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "⚠ Company brand is 40%, over 33%: plan personal expertise posts instead." in screen_text(app)
        assert "★ leaders: 8 posts, 6 published" in screen_text(app)


async def test_author_suggestion_and_check_when_leaving(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right", "a", *"Idea")
        form = app.screen
        form.query_one("#author").focus()
        await pilot.press(*"zof")
        await pilot.pause()
        assert form.query_one("#field-author").has_class("-invalid") is False
        await pilot.press("right")  # accept the suggestion
        assert form.query_one("#author").value == "Zofia Kamińska <zofia.kaminska@northwind.example>"
        await pilot.press("tab")
        assert form.query_one("#field-author").has_class("-invalid") is False
        form.query_one("#author").focus()
        form.query_one("#author").value = "Zofia Nobody"
        await pilot.press("tab")
        await pilot.pause()
        assert form.query_one("#field-author").has_class("-invalid")


async def test_click_moves_the_cursor(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(84, 30)) as pilot:
        grid = _grid(app)
        # Tuesday of the fifth week row: 24 November 2026 (a published post by a leader).
        y = 1 + sum(grid._row_heights()[:4])
        await pilot.click(MonthGrid, offset=(14, y))
        assert grid.cursor == date(2026, 11, 24)
        await pilot.click(MonthGrid, offset=(14, y))
        await pilot.pause()
        assert isinstance(app.screen, PostForm)  # a second click opens the day's post


async def test_week_view_move_with_arrows(demo_store, make_app):
    repo = PostRepo(demo_store)
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert screen.week.highlighted_option.id.startswith("p")
        post_id = int(screen.week.highlighted_option.id[1:])
        await pilot.press("m")
        assert screen.moving == post_id
        await pilot.press("down", "down")  # past the other post of the day, to Saturday
        await pilot.pause()
        assert screen.cursor == date(2026, 11, 28)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.moving is None
        assert repo.get(post_id).planned_on == date(2026, 11, 28)
        assert "Moved" in " ".join(str(n.message) for n in app._notifications)


async def test_weeks_start_on_the_configured_day(store, make_app):
    from advocacy_tui.config import Settings

    app = make_app(store, Settings(week_start="sunday"), start_mode="calendar")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first, _last = app.screen.loaded_range
        assert first == date(2026, 11, 1) and first.weekday() == 6
        assert screen_text(app).splitlines()[3].split()[:2] == ["Sun", "Mon"]


async def test_the_post_form_says_what_each_state_means_for_the_author(demo_store, make_app):
    from advocacy_tui.domain.posts import OWN_POST_NOTE, STATE_MEANINGS

    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("right", "a")
        form = app.screen
        assert isinstance(form, PostForm)
        await pilot.pause()
        meaning = form.query_one("#state-meaning")
        assert str(meaning.render()) == f"{STATE_MEANINGS['idea']}\n{OWN_POST_NOTE}"
        form.query_one("#state").value = "ready"
        await pilot.pause()
        assert str(meaning.render()).startswith(STATE_MEANINGS["ready"])
