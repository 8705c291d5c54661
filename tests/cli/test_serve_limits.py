"""Limits of a served program: how many tabs at once, idle tabs closed, no folder listings.

Most tests run the real guarded server in this process with a tiny stand-in for the app (a
script that speaks textual-serve's protocol), so a limit can be reached without starting
twenty copies of the app on a small machine; one test does it with the real command."""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import string
import sys
import textwrap
import time

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from advocacy_tui.web.access import Access
from advocacy_tui.web.server import GuardedServer
from tests.serving import children, start_serve, stop

TOKEN = "limits-token-0123456789"

FAKE_APP = textwrap.dedent("""
    import sys
    out, inp = sys.stdout.buffer, sys.stdin.buffer
    def packet(kind, data):
        out.write(kind + len(data).to_bytes(4, "big") + data)
        out.flush()
    out.write(b"__GANGLION__\\n")
    packet(b"D", b"stand-in app ready")
    while True:
        kind = inp.read(1)
        if not kind:
            break
        data = inp.read(int.from_bytes(inp.read(4), "big"))
        if kind == b"M" and b'"quit"' in data:
            break
        if kind == b"D":
            packet(b"D", b"typed:" + data)
""")


@pytest.fixture
async def guarded(tmp_path):
    script = tmp_path / "fake_app.py"
    script.write_text(FAKE_APP)
    servers = []

    async def make(access=None, **options):
        server = GuardedServer(shlex.join([sys.executable, str(script)]),
                               access=access or Access(token=TOKEN, port=0), host="127.0.0.1",
                               port=0, title="test", **options)
        test_server = TestServer(await server._make_app(), host="127.0.0.1")
        await test_server.start_server()
        servers.append((server, test_server))
        return server, f"127.0.0.1:{test_server.port}"

    yield make
    for server, test_server in servers:
        for _ in range(100):  # every stand-in app has quit
            if server.live_sessions == 0:
                break
            await asyncio.sleep(0.1)
        await test_server.close()
        await asyncio.sleep(0.2)


async def ready(ws) -> None:
    message = await ws.receive(timeout=20)
    assert message.type == aiohttp.WSMsgType.BINARY and b"ready" in message.data


async def test_one_tab_more_than_allowed_gets_the_full_page(guarded):
    server, address = await guarded(max_sessions=2)
    async with aiohttp.ClientSession() as session:
        ws_url = f"ws://{address}/ws?token={TOKEN}"
        first = await session.ws_connect(ws_url)
        second = await session.ws_connect(ws_url)
        await ready(first)
        await ready(second)
        assert server.live_sessions == 2
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(ws_url)
        assert refused.value.status == 503
        async with session.get(f"http://{address}/", headers={"Authorization": f"token {TOKEN}"}) as page:
            assert page.status == 503
            assert "full" in (await page.text())
        await first.close()
        for _ in range(100):  # the closed tab's place is freed
            if server.live_sessions < 2:
                break
            await asyncio.sleep(0.1)
        third = await session.ws_connect(ws_url)
        await ready(third)
        await third.close()
        await second.close()


async def test_an_idle_tab_is_closed_and_a_busy_one_is_not(guarded):
    server, address = await guarded(idle_seconds=1.5)
    async with aiohttp.ClientSession() as session:
        ws_url = f"ws://{address}/ws?token={TOKEN}"
        idle = await session.ws_connect(ws_url)
        busy = await session.ws_connect(ws_url)
        await ready(idle)
        await ready(busy)
        for _ in range(8):  # 4 seconds of typing in one tab, nothing in the other
            await busy.send_json(["stdin", "x"])
            await asyncio.sleep(0.5)
        assert not busy.closed
        message = await idle.receive(timeout=10)
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        await busy.close()
    for _ in range(100):
        if server.live_sessions == 0:
            break
        await asyncio.sleep(0.1)
    assert server.live_sessions == 0


async def test_pings_alone_do_not_keep_a_tab_open(guarded):
    _server, address = await guarded(idle_seconds=1.5)
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(f"ws://{address}/ws?token={TOKEN}")
        await ready(ws)
        closed = False
        for _ in range(20):
            try:
                await ws.send_json(["ping", "1"])
            except aiohttp.ClientConnectionResetError:
                closed = True
                break
            message = await ws.receive(timeout=10)
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                closed = True
                break
            await asyncio.sleep(0.5)
        assert closed


async def test_the_static_folder_is_not_listed(guarded):
    _server, address = await guarded()
    async with aiohttp.ClientSession() as session:
        auth = {"Authorization": f"token {TOKEN}"}
        for path in ("/static/", "/static/js/", "/static/css/"):
            async with session.get(f"http://{address}{path}", headers=auth) as response:
                assert response.status in (403, 404)
                assert "textual.js" not in await response.text()


async def test_security_headers_on_every_answer(guarded):
    _server, address = await guarded()
    async with aiohttp.ClientSession() as session:
        for path, auth in (("/", True), ("/", False), ("/nothing", True)):
            headers = {"Authorization": f"token {TOKEN}"} if auth else {}
            async with session.get(f"http://{address}{path}", headers=headers,
                                   allow_redirects=False) as response:
                assert response.headers["X-Frame-Options"] == "DENY"
                assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_behind_a_tls_proxy(guarded):
    """A reverse proxy at https://team.example passes the Host on (nginx: proxy_set_header
    Host $host; Caddy does by default): a Secure cookie, and the page's WebSocket is wss."""
    access = Access(token=TOKEN, port=8000, names=frozenset({"team.example"}),
                    origins=frozenset({"https://team.example:443"}))
    _server, address = await guarded(access=access, public_url="https://team.example")
    proxied = {"Host": "team.example", "X-Forwarded-Proto": "https"}
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{address}/?token={TOKEN}", headers=proxied,
                               allow_redirects=False) as response:
            assert response.status == 303
            cookie = response.headers["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie
        value = cookie.split(";")[0]
        headers = {**proxied, "Cookie": value}
        async with session.get(f"http://{address}/", headers=headers) as response:
            assert response.status == 200
            assert 'data-session-websocket-url="wss://team.example/ws"' in await response.text()
        ws = await session.ws_connect(f"ws://{address}/ws",
                                      headers={**headers, "Origin": "https://team.example"})
        await ready(ws)
        await ws.close()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"ws://{address}/ws",
                                     headers={**headers, "Origin": "https://evil.example"})
        assert refused.value.status == 403


def test_max_sessions_with_the_real_app(tmp_path):
    """Two real app sessions, the third is turned away with the "full" page; bounded in time."""
    served = start_serve(tmp_path, "--max-sessions", "2", env={"ADVOCACY_TUI_TOKEN": TOKEN})

    async def probe():
        ws_url = f"ws://127.0.0.1:{served.port}/ws?token={TOKEN}"
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            first = await session.ws_connect(ws_url)
            second = await session.ws_connect(ws_url)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(ws_url)
            async with session.get(served.url) as page:
                status, text = page.status, await page.text()
            await first.close()
            await second.close()
            return refused.value.status, status, text

    try:
        ws_status, page_status, text = asyncio.run(asyncio.wait_for(probe(), 60))
    finally:
        stop(served)
    assert ws_status == 503
    assert page_status == 503 and "The program is full" in text


def alive(pids: list[int]) -> list[int]:
    living = []
    for pid in pids:
        try:
            state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.append(pid)
    return living


def app_processes(served) -> list[int]:
    found = served.children()
    for pid in list(found):
        try:
            found += children(pid)
        except OSError:
            pass
    return found


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_stopping_the_server_ends_every_app(tmp_path, how):
    """Ctrl+C, a service manager's stop or even a kill: no copy of the app stays behind
    holding the database open."""
    served = start_serve(tmp_path, env={"ADVOCACY_TUI_TOKEN": TOKEN})

    async def open_sessions():
        session = aiohttp.ClientSession()
        sockets = [await session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?token={TOKEN}")
                   for _ in range(2)]
        for ws in sockets:
            await ws.receive(timeout=30)  # the app has started and drawn
        return session, sockets

    loop = asyncio.new_event_loop()
    apps: list[int] = []
    try:
        session, _sockets = loop.run_until_complete(open_sessions())
        apps = app_processes(served)
        assert apps
        served.process.send_signal(how)
        assert wait_until(lambda: served.process.poll() is not None, 20), "the server did not stop"
        assert wait_until(lambda: not alive(apps), 20), "an app outlived the server"
        loop.run_until_complete(session.close())
    finally:
        served.process.kill()
        served.process.wait()
        for pid in alive(apps):
            os.kill(pid, signal.SIGKILL)
        loop.close()


def test_several_tabs_at_once_each_add_tasks_and_one_more_is_turned_away(tmp_path):
    """The load test on loopback: as many tabs as allowed open at once and each adds tasks;
    every task is in the file, the file is sound, one more tab gets the "full" page. Bounded
    in time. Eight tabs (a workshop's worth; every tab is an app process of its own) keep
    the test quick on a two-core machine; the limit's default is checked on its own."""
    import sqlite3

    tabs, tasks_each = 8, 6
    letters, names = string.ascii_lowercase[:tabs], "abcdefghij"[:tasks_each]
    served = start_serve(tmp_path, "--max-sessions", str(tabs), env={"ADVOCACY_TUI_TOKEN": TOKEN})
    ws_url = f"ws://127.0.0.1:{served.port}/ws?token={TOKEN}&width=100&height=30"

    async def painted(ws, wanted: str) -> None:
        seen = ""
        while wanted not in seen:
            message = await ws.receive(timeout=60)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            seen = (seen + message.data.decode("utf-8", "replace"))[-20000:]

    async def one_tab(session, letter: str) -> None:
        ws = await session.ws_connect(ws_url)
        await ws.send_json(["resize", {"width": 100, "height": 30}])
        await painted(ws, "Today")
        await ws.send_json(["stdin", "4"])  # the tasks
        await painted(ws, "Quick add")
        await ws.send_json(["stdin", "n"])
        await asyncio.sleep(0.5)
        for task in names:
            await ws.send_json(["stdin", f"Loadtest {letter}{task}\r"])
            await painted(ws, f"Loadtest {letter}{task}")
        return ws

    async def load():
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            sockets = await asyncio.gather(*(one_tab(session, letter) for letter in letters))
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(ws_url)
            async with session.get(served.url) as page:
                full = page.status, await page.text()
            for ws in sockets:
                await ws.close()
            return refused.value.status, full

    try:
        refused, (page_status, page_text) = asyncio.run(asyncio.wait_for(load(), 420))
    finally:
        stop(served)
    assert refused == 503
    assert page_status == 503 and "The program is full" in page_text
    with sqlite3.connect(served.db) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM tasks WHERE title LIKE 'Loadtest %'")}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert titles == {f"Loadtest {letter}{task}" for letter in letters for task in names}


def test_twenty_tabs_are_allowed_unless_told_otherwise():
    from advocacy_tui.commands.serve import serve
    from tests.cli.helpers import parse_cli

    assert {p.name: p.default for p in serve.params}["max_sessions"] == 20
    assert "default: 20" in parse_cli("serve", "--help").stdout
