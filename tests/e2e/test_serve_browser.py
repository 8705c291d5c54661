"""End to end: `advocacy-tui serve` in a real headless Chromium, driven by Playwright."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tests.serving import start_serve, stop

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DOCS = Path(__file__).resolve().parents[2] / "docs"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


@pytest.fixture
def served(tmp_path):
    server = start_serve(tmp_path, env={"COLUMNS": "120"})
    yield server.url, server.db
    stop(server)


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def open_app(browser, url):
    """A new tab on the served app, painted and holding the keyboard focus."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    page.wait_for_selector(".xterm-screen", timeout=30_000)
    time.sleep(4)  # the terminal is drawn on a canvas: give the app time to paint
    page.click(".xterm-screen", position={"x": 600, "y": 400})
    time.sleep(0.5)
    return page


def add_person(page, name: str) -> None:
    page.keyboard.press("2")  # the roster
    time.sleep(0.5)
    page.keyboard.press("a")
    time.sleep(1)
    page.keyboard.type(name, delay=30)
    page.keyboard.press("Enter")


def count(db: Path, sql: str, *params) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchone()[0]


def people_named(db: Path, name: str) -> int:
    return count(db, "SELECT count(*) FROM ambassadors WHERE name = ?", name)


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()


def test_the_served_app_writes_to_the_database(served, browser):
    url, db = served
    page = open_app(browser, url)
    add_person(page, "Zażółć Browser")
    assert wait_for(lambda: people_named(db, "Zażółć Browser") == 1), \
        "the person typed in the browser never reached the database"
    page.keyboard.press("5")  # the readiness section (its screen is loaded on first use)
    time.sleep(1)
    # Enter starts the first question bank: a run appears in the database. Until the
    # section is drawn, the key may go to the roster, so it is pressed again if need be.
    for _attempt in range(3):
        page.keyboard.press("Enter")
        if wait_for(lambda: count(db, "SELECT count(*) FROM readiness_runs") >= 1, timeout=10):
            break
        page.keyboard.press("Escape")
        page.keyboard.press("5")
    answered = lambda: count(  # noqa: E731
        db, "SELECT count(*) FROM readiness_answers WHERE answer = 'no' AND skipped = 0") >= 1
    for _attempt in range(3):  # the first question is drawn just after the run is saved
        page.keyboard.press("n")  # "no" to the question shown
        if wait_for(answered, timeout=10):
            break
    assert answered(), "the answer given in the browser never reached the database"
    time.sleep(1)
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "browser.png"))


def test_two_tabs_keep_each_others_writes_and_closing_is_safe(served, browser):
    url, db = served
    first = open_app(browser, url)
    second = open_app(browser, url)
    add_person(first, "From the first tab")
    add_person(second, "From the second tab")
    assert wait_for(lambda: people_named(db, "From the first tab") == 1)
    assert wait_for(lambda: people_named(db, "From the second tab") == 1)
    first.keyboard.press("a")
    first.keyboard.type("Never saved", delay=10)
    first.close()  # the tab goes away in the middle of a form
    time.sleep(2)
    assert people_named(db, "Never saved") == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def signed_in(page) -> bool:
    try:
        page.wait_for_selector(".xterm-screen", timeout=30_000)
    except Exception:
        return False
    return "token=" not in page.url


def test_reload_keeps_the_sign_in_and_a_browser_without_the_link_is_refused(served, browser):
    url, db = served
    clean = url.split("?")[0]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(url)
    assert signed_in(page), "the printed link did not open the app on the clean address"
    assert page.url == clean
    elsewhere = [address for address in requested if not address.startswith(clean)]
    assert elsewhere == [], "the page loaded something from another site"
    page.reload()  # the cookie carries the sign-in: the token is no longer in the address
    assert signed_in(page)
    time.sleep(4)
    page.click(".xterm-screen", position={"x": 600, "y": 400})
    time.sleep(0.5)
    add_person(page, "After reload")
    assert wait_for(lambda: people_named(db, "After reload") == 1), \
        "the app opened after a reload did not work"

    stranger = browser.new_context().new_page()  # another browser profile, no cookie
    response = stranger.goto(clean)
    assert response.status == 401
    assert "sign-in link" in stranger.inner_text("body")
    assert stranger.query_selector(".xterm-screen") is None


def test_the_link_clicked_on_another_site_signs_in(served, browser):
    """A link in a chat or a web mail: a SameSite=Strict cookie is not sent along a redirect
    that began on another site, so the sign-in must still land in the app."""
    url, _db = served
    page = browser.new_context().new_page()
    page.route("http://chat.example/", lambda route: route.fulfill(
        content_type="text/html", body=f'<a id="go" href="{url}">the program</a>'))
    page.goto("http://chat.example/")
    page.click("#go")
    assert signed_in(page)
    time.sleep(3)
    assert page.query_selector("body.-closed") is None, "the app's WebSocket was refused"


def test_two_tabs_edit_the_same_person_and_the_second_save_asks(served, browser):
    url, db = served
    first = open_app(browser, url)
    add_person(first, "Shared Person")
    assert wait_for(lambda: people_named(db, "Shared Person") == 1)
    second = open_app(browser, url)
    time.sleep(3)  # a canvas has no text to wait for: generous pauses, for a busy machine
    first.keyboard.press("e")  # the first tab opens the form, and waits
    time.sleep(3)
    first.keyboard.press("End")
    first.keyboard.type(" A", delay=50)
    time.sleep(1)
    second.keyboard.press("2")
    time.sleep(3)
    second.keyboard.press("e")
    time.sleep(3)
    second.keyboard.press("End")
    second.keyboard.type(" B", delay=50)
    time.sleep(1)
    second.keyboard.press("Enter")  # nothing changed since it opened: saved at once
    assert wait_for(lambda: people_named(db, "Shared Person B") == 1, timeout=45)
    first.keyboard.press("Enter")  # the person changed since this form opened: it asks
    time.sleep(4)
    assert people_named(db, "Shared Person B") == 1, "the second save overwrote without asking"
    first.keyboard.press("k")  # keep mine
    assert wait_for(lambda: people_named(db, "Shared Person A") == 1, timeout=45)
    assert count(db, "SELECT count(*) FROM ambassadors") == 1
