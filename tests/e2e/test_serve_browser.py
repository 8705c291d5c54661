"""End to end: `advocacy-tui serve` in a real headless Chromium, driven by Playwright.

The browser draws the terminal on a canvas, which has no text to wait for. Each tab therefore
replays the bytes its WebSocket receives into a terminal emulator (pyte) of the size the page
asked for, and the tests wait for words on that screen instead of sleeping blindly.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyte
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
        time.sleep(0.1)
    return False


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Tab:
    """A browser tab on the served app, with the screen its terminal shows as text."""

    def __init__(self, page) -> None:
        self.page = page
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None
        page.on("websocket", self._connected)

    def _connected(self, socket) -> None:
        size = parse_qs(urlparse(socket.url).query)
        self.screen = pyte.Screen(int(size["width"][0]), int(size["height"][0]))
        self.stream = pyte.ByteStream(self.screen)
        socket.on("framereceived", self._received)
        socket.on("framesent", self._sent)

    def _received(self, payload) -> None:
        if isinstance(payload, bytes) and self.stream is not None:
            self.stream.feed(payload)

    def _sent(self, payload) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"') and self.screen:
            size = json.loads(payload)[1]
            self.screen.resize(size["height"], size["width"])

    def text(self) -> str:
        return "\n".join(self.screen.display) if self.screen else ""

    def wait_text(self, *words: str, timeout: float = 30.0) -> None:
        """Until every word is on the screen; Playwright delivers the frames while it waits."""
        deadline = time.monotonic() + timeout
        while not all(word in self.text() for word in words):
            if time.monotonic() > deadline:
                raise AssertionError(f"never on the screen: {words}\n{self.text()}")
            self.page.wait_for_timeout(100)

    def wait_field(self, label: str, text: str, selected: bool, timeout: float = 30.0) -> None:
        """Until the field after `label` shows `text`, highlighted as selected or not.

        A field selects its text when it gets the focus, and End is handled a moment after the
        letters typed behind it (a binding goes up the widget tree; letters go straight in):
        letters typed before the highlight is gone would replace the text, not add to it."""
        def shown() -> bool:
            for row, line in enumerate(self.text().splitlines()):
                column = line.find(text, line.find(label) + len(label))
                if label in line and column >= 0:
                    cells = self.screen.buffer[row]
                    return (cells[column].bg != cells[column + len(text) + 3].bg) == selected
            return False

        deadline = time.monotonic() + timeout
        while not shown():
            if time.monotonic() > deadline:
                raise AssertionError(f"not as expected: {text} in {label}\n{self.text()}")
            self.page.wait_for_timeout(100)

    def press(self, key: str, *then: str) -> None:
        self.page.keyboard.press(key)
        if then:
            self.wait_text(*then)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=20)


def open_app(browser, url, context=None) -> Tab:
    """A new tab on the served app, painted and holding the keyboard focus."""
    page = (context or browser).new_page(viewport={"width": 1280, "height": 800})
    tab = Tab(page)
    page.goto(url)
    tab.wait_text("advocacy-tui — Today", "Help")
    page.click(".xterm-screen", position={"x": 600, "y": 400})
    return tab


def add_person(tab: Tab, name: str) -> None:
    tab.press("2", "advocacy-tui — Roster", "Add")
    tab.press("a", "Add an ambassador")
    tab.type(name)
    tab.press("Enter", f"Added {name} to the roster.")


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
    tab = open_app(browser, url)
    add_person(tab, "Zażółć Browser")
    assert wait_for(lambda: people_named(db, "Zażółć Browser") == 1), \
        "the person typed in the browser never reached the database"
    tab.press("5", "Start a new check")  # the readiness section
    tab.press("Enter", "Question 1 of")  # the first question bank
    assert count(db, "SELECT count(*) FROM readiness_runs") == 1
    tab.press("n", "Question 2 of")  # "no" to the first question
    assert wait_for(lambda: count(
        db, "SELECT count(*) FROM readiness_answers WHERE answer = 'no' AND skipped = 0") == 1), \
        "the answer given in the browser never reached the database"
    DOCS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(DOCS / "browser.png"))


def test_two_tabs_keep_each_others_writes_and_closing_is_safe(served, browser):
    url, db = served
    first = open_app(browser, url)
    second = open_app(browser, url)
    add_person(first, "From the first tab")
    add_person(second, "From the second tab")
    assert wait_for(lambda: people_named(db, "From the first tab") == 1)
    assert wait_for(lambda: people_named(db, "From the second tab") == 1)
    first.press("a", "Add an ambassador")
    first.type("Never saved")
    first.wait_text("Never saved")
    first.page.close()  # the tab goes away in the middle of a form
    time.sleep(1)
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
    tab = Tab(page)
    page.goto(url)
    assert signed_in(page), "the printed link did not open the app on the clean address"
    assert page.url == clean
    elsewhere = [address for address in requested if not address.startswith(clean)]
    assert elsewhere == [], "the page loaded something from another site"
    page.reload()  # the cookie carries the sign-in: the token is no longer in the address
    assert signed_in(page)
    tab.wait_text("advocacy-tui — Today", "Help")
    page.click(".xterm-screen", position={"x": 600, "y": 400})
    add_person(tab, "After reload")
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
    tab = Tab(page)
    page.route("http://chat.example/", lambda route: route.fulfill(
        content_type="text/html", body=f'<a id="go" href="{url}">the program</a>'))
    page.goto("http://chat.example/")
    page.click("#go")
    assert signed_in(page)
    tab.wait_text("advocacy-tui — Today")  # the app's WebSocket was let in
    assert page.query_selector("body.-closed") is None, "the app's WebSocket was refused"


def test_two_tabs_edit_the_same_person_and_the_second_save_asks(served, browser):
    url, db = served
    first = open_app(browser, url)
    add_person(first, "Shared Person")
    assert wait_for(lambda: people_named(db, "Shared Person") == 1)
    second = open_app(browser, url)
    first.press("e", "Edit ambassador")  # the first tab opens the form, and waits
    first.wait_field("Name *", "Shared Person", selected=True)  # the field has the focus
    first.press("End")
    first.wait_field("Name *", "Shared Person", selected=False)
    first.type(" A")
    first.wait_text("Shared Person A")
    second.press("2", "Shared Person")
    second.press("e", "Edit ambassador")
    second.wait_field("Name *", "Shared Person", selected=True)  # the field has the focus
    second.press("End")
    second.wait_field("Name *", "Shared Person", selected=False)
    second.type(" B")
    second.wait_text("Shared Person B")
    second.press("Enter")  # nothing changed since it opened: saved at once
    assert wait_for(lambda: people_named(db, "Shared Person B") == 1)
    first.press("Enter", "Changed since you opened it")  # the person changed since: it asks
    assert people_named(db, "Shared Person B") == 1, "the second save overwrote without asking"
    first.press("k")  # keep mine
    assert wait_for(lambda: people_named(db, "Shared Person A") == 1)
    assert count(db, "SELECT count(*) FROM ambassadors") == 1
