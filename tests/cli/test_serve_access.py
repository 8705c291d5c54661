"""Who may open a served program: the real `advocacy-tui serve`, probed by a real HTTP and
WebSocket client (aiohttp). A refused request never starts an app process."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from tests.conftest import isolate_user_dirs
from tests.serving import start_serve, stop

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server for the tests that only knock at its door: none of them starts an app."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_user_dirs(monkeypatch, tmp_path_factory.mktemp("home"))
        server = start_serve(tmp_path_factory.mktemp("served"), env={"ADVOCACY_TUI_TOKEN": TOKEN})
    yield server
    stop(server)


@pytest.fixture
def own_server(tmp_path):
    """A server of the test's own, for a test that starts an app in it."""
    server = start_serve(tmp_path, env={"ADVOCACY_TUI_TOKEN": TOKEN})
    yield server
    stop(server)


async def ws_status(url: str, **headers: str) -> int | str:
    """The HTTP status a WebSocket handshake got, or "open" when it was accepted."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=5)):
                return "open"
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


async def screen_text(ws: aiohttp.ClientWebSocketResponse, wanted: str, timeout: float = 30) -> str:
    seen = ""
    deadline = asyncio.get_running_loop().time() + timeout
    while wanted not in seen:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            break
        try:
            message = await ws.receive(timeout=left)
        except TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data.decode("utf-8", "replace")
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            break
    return seen


def test_the_printed_url_carries_a_token(served):
    assert served.url == f"http://127.0.0.1:{served.port}/?token={TOKEN}"


def test_a_fresh_random_token_every_start(tmp_path):
    first = start_serve(tmp_path)
    stop(first)
    second = start_serve(tmp_path)
    stop(second)
    tokens = [s.url.split("token=")[1] for s in (first, second)]
    assert tokens[0] != tokens[1]
    assert all(len(token) >= 32 for token in tokens)


@pytest.mark.parametrize("case", ["no token", "wrong token", "foreign origin", "foreign host"])
async def test_refused_websockets_start_no_app(served, case):
    ws = f"ws://127.0.0.1:{served.port}/ws"
    headers = {"Origin": served.origin}
    if case == "no token":
        pass
    elif case == "wrong token":
        ws += "?token=" + "x" * len(TOKEN)
    elif case == "foreign origin":
        ws += "?token=" + TOKEN
        headers = {"Origin": "http://evil.example"}
    elif case == "foreign host":  # DNS rebinding: evil.example resolves to 127.0.0.1
        ws += "?token=" + TOKEN
        headers = {"Origin": f"http://evil.example:{served.port}", "Host": f"evil.example:{served.port}"}
    status = await ws_status(ws, **headers)
    assert status in (401, 403)
    await asyncio.sleep(1)
    assert served.children() == []


async def test_a_page_of_another_program_on_this_computer_is_refused_even_with_the_cookie(served):
    """http://127.0.0.1:3000 is the same "site" as the server for SameSite cookies, so the
    browser would send the cookie along: the Origin check is what refuses it."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(served.url) as response:
            assert response.status == 200
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"ws://127.0.0.1:{served.port}/ws",
                                     headers={"Origin": f"http://127.0.0.1:{served.port + 1}"})
        assert refused.value.status == 403
    assert served.children() == []


async def test_a_stale_cookie_is_refused(served):
    cookie = f"advocacy-tui-{served.port}=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    status = await ws_status(f"ws://127.0.0.1:{served.port}/ws", Origin=served.origin, Cookie=cookie)
    assert status == 401
    assert served.children() == []


@pytest.mark.parametrize("path", ["/", "/static/", "/static/js/textual.js", "/download/x", "/nothing"])
async def test_every_page_needs_the_token(served, path):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{served.port}{path}") as response:
            assert response.status == 401
            body = await response.text()
    assert "token" in body and "Traceback" not in body
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{served.port}{path}?token=wrong") as response:
            assert response.status == 403


async def test_a_foreign_host_or_origin_is_refused_even_with_the_token(served):
    async with aiohttp.ClientSession() as session:
        page = f"http://127.0.0.1:{served.port}/?token={TOKEN}"
        async with session.get(page, headers={"Host": "evil.example"}, allow_redirects=False) as response:
            assert response.status == 403
        async with session.get(page, headers={"Origin": "http://evil.example"}, allow_redirects=False) as response:
            assert response.status == 403
        async with session.get(page, headers={"Origin": "null"}, allow_redirects=False) as response:
            assert response.status == 403


async def test_the_token_link_sets_a_strict_cookie_and_goes_to_the_clean_url(served):
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(served.url + "&fontsize=18", allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == "/?fontsize=18"
            cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
        async with session.get(f"http://127.0.0.1:{served.port}/") as response:
            assert response.status == 200
            page = await response.text()
        assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
        assert "What was saved stays saved." in page  # textual-serve's page, in our words
        assert "googleapis" not in page and "/static/fonts/RobotoMono" in page  # nothing from elsewhere
        async with session.get(f"http://127.0.0.1:{served.port}/static/") as response:
            assert response.status in (403, 404)  # never a listing of the folder
        async with session.get(f"http://127.0.0.1:{served.port}/static/js/textual.js") as response:
            assert response.status == 200


async def test_with_the_cookie_the_app_answers(own_server):
    served = own_server
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(served.url) as response:
            assert response.status == 200
        async with session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=100&height=30",
                                      headers={"Origin": served.origin}) as ws:
            await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            text = await screen_text(ws, "Today")
            assert "Today" in text
            assert served.children()
        await asyncio.sleep(0.5)


async def test_localhost_is_the_same_program(served):
    """Opened as localhost, the page's WebSocket goes to localhost too (its cookie is for that name)."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        url = f"http://localhost:{served.port}/?token={TOKEN}"
        async with session.get(url) as response:
            assert response.status == 200
            page = await response.text()
    assert f'data-session-websocket-url="ws://localhost:{served.port}/ws"' in page
