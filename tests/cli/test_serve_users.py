"""Named users: `advocacy-tui users add NAME` gives a personal token; a served program then
opens only with those tokens, each tab's app knows who is working, and every change it makes
is recorded under that name."""

from __future__ import annotations

import asyncio
import sqlite3

import aiohttp

from advocacy_tui.data.store import Store
from tests.serving import start_serve, stop

from .helpers import assert_one_line_error, run_cli

SHARED = "shared-token-0123456789abcdef"


def add_user(db, name: str) -> str:
    result = run_cli("users", "add", name, "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    token = lines[lines.index(next(line for line in lines if "shown only this once" in line)) + 1]
    assert len(token) >= 32
    return token


def test_users_add_list_remove(tmp_path):
    db = tmp_path / "program.db"
    Store.open(db).close()
    token = add_user(db, "Anna Nowak")
    listed = run_cli("users", "list", "--db", str(db))
    assert "Anna Nowak" in listed.stdout and token not in listed.stdout
    assert token.encode() not in db.read_bytes()
    assert_one_line_error(run_cli("users", "add", "anna nowak", "--db", str(db)), "already a user")
    assert run_cli("users", "remove", "Anna Nowak", "--db", str(db)).returncode == 0
    assert_one_line_error(run_cli("users", "remove", "Anna Nowak", "--db", str(db)), "no user called")
    assert "No named users" in run_cli("users", "list", "--db", str(db)).stdout


async def screen_has(ws, wanted: str, timeout: float = 60) -> bool:
    seen = ""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while wanted not in seen:
        left = deadline - loop.time()
        if left <= 0:
            return False
        try:
            message = await ws.receive(timeout=left)
        except TimeoutError:
            return False
        if message.type != aiohttp.WSMsgType.BINARY:
            return False
        seen = (seen + message.data.decode("utf-8", "replace"))[-20000:]
    return True


def test_a_served_program_with_named_users(tmp_path):
    db = tmp_path / "program.db"
    Store.open(db).close()
    anna = add_user(db, "Anna")
    served = start_serve(tmp_path, env={"ADVOCACY_TUI_TOKEN": SHARED},
                         link=rb"http://127\.0\.0\.1:\d+/\s")
    assert "?token=" not in served.url
    base = f"http://127.0.0.1:{served.port}"

    async def scenario():
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(f"{base}/?token={SHARED}", allow_redirects=False) as response:
                assert response.status == 403  # the shared token no longer opens it
            async with session.get(f"{base}/?token={anna}") as response:
                assert response.status == 200
            ws = await session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=100&height=30")
            await ws.send_json(["resize", {"width": 100, "height": 30}])
            assert await screen_has(ws, "Anna"), "the app does not say who is working"
            await ws.send_json(["stdin", "2"])
            assert await screen_has(ws, "Search")
            await ws.send_json(["stdin", "a"])
            assert await screen_has(ws, "Add an ambassador")
            await ws.send_json(["stdin", "Ewa Added-by-Anna\r"])
            assert await screen_has(ws, "Ewa Added-by-Anna")
            for _ in range(50):
                with sqlite3.connect(db) as conn:
                    rows = conn.execute("SELECT who, table_name, action FROM changes").fetchall()
                if rows:
                    break
                await asyncio.sleep(0.2)
            assert rows == [("Anna", "ambassadors", "added")]

            removed = run_cli("users", "remove", "Anna", "--db", str(db))
            assert removed.returncode == 0
            message = await ws.receive(timeout=30)
            while message.type == aiohttp.WSMsgType.BINARY:  # the app draws until it is closed
                message = await ws.receive(timeout=30)
            assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            async with session.get(f"{base}/", allow_redirects=False) as response:
                assert response.status == 401  # her cookie no longer opens it
            async with session.get(f"{base}/?token={anna}", allow_redirects=False) as response:
                assert response.status == 403

    try:
        asyncio.run(asyncio.wait_for(scenario(), 180))
    finally:
        stop(served)
