"""textual-serve's server behind a guard.

textual-serve builds an aiohttp application with four routes (``/``, ``/ws``,
``/download/{key}``, ``/static``) and starts one app process for every WebSocket. This
subclass keeps all of that and changes only what it must:

- ``_make_app`` (textual-serve's app factory) builds the same routes with a middleware in
  front of every one of them: Host, then Origin, then the token (query, ``Authorization:
  token …`` header, or the HttpOnly SameSite=Strict cookie the first visit sets). A refused
  request never reaches a handler, so no app process is started. The static folder is
  served without a directory listing.
- ``handle_index`` points the page's WebSocket at the very name the browser used (so the
  cookie for that name goes with it) instead of the address the server listens on.
- ``handle_websocket`` counts live sessions and refuses beyond ``max_sessions``;
  ``_process_messages`` ends a session whose user has typed nothing for ``idle_seconds``.

Checked against textual-serve 1.1.3 (``Server._make_app``, ``handle_index``,
``handle_websocket``, ``_process_messages``): a newer version that renames one of them makes
``tests/cli/test_serve_access.py`` fail rather than serve an unguarded app.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import signal
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.web.access import Access
from advocacy_tui.web.child import USER_VARIABLE

log = logging.getLogger("advocacy-tui.serve")
#: who the request signed in as: a named user, or "" for the shared token
SIGNED_IN = web.RequestKey("signed_in", str)

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{extra}
<style>body{{font-family:system-ui,sans-serif;background:#0c181f;color:#eee;max-width:40em;
margin:4em auto;padding:0 1em;line-height:1.5}}a{{color:#9cf}}</style></head>
<body><h1>{title}</h1><p>{text}</p></body></html>
"""


def page(status: int, title: str, text: str, extra: str = "") -> web.Response:
    from advocacy_tui.i18n import current_language

    body = PAGE.format(lang=current_language(), title=html.escape(title),
                       text=html.escape(text), extra=extra)
    response = web.Response(status=status, text=body, content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def refused_host() -> web.Response:
    return page(403, _("Not this address"),
                _("This server does not answer to the name in the address bar. Use the link "
                  "printed when the server was started."))


def refused_origin() -> web.Response:
    return page(403, _("Refused"),
                _("This request came from another web site, and was refused: only the "
                  "program's own page may talk to it."))


def refused_no_token() -> web.Response:
    return page(401, _("Sign-in link needed"),
                _("This program holds personal data and opens only from its sign-in link: "
                  "the full address printed by “advocacy-tui serve” when it started, ending "
                  "in ?token=… Ask the person who started it. The link changes every time "
                  "the server starts again, unless it was started with a fixed token."))


def refused_wrong_token() -> web.Response:
    return page(403, _("Wrong or old sign-in link"),
                _("The token in this link is not the current one. The server makes a new "
                  "token every time it starts: ask for the link it printed this time."))


def full_page(limit: int) -> web.Response:
    response = page(503, _("The program is full"),
                    ngettext("{count} person is already working in this program, the most "
                             "this server allows at once. Try again when they have closed their "
                             "tab, or ask the person who started the server to allow more "
                             "(--max-sessions).",
                             "{count} people are already working in this program, the most this "
                             "server allows at once. Try again when someone has closed their tab, "
                             "or ask the person who started the server to allow more "
                             "(--max-sessions).", limit).format(count=limit))
    response.headers["Retry-After"] = "30"
    return response


#: the words of textual-serve's page (its template is kept, not copied), in the user's language
PAGE_WORDS = (
    ('<div class="message">Session ended.</div>', '<div class="message">{}</div>',
     N_("Session ended: the tab was closed by the server, or nothing was typed for a long "
        "time. What was saved stays saved.")),
    ('onClick="refresh()">Restart</button>', 'onClick="refresh()">{}</button>', N_("Start again")),
    ('id="start">Start</button>', 'id="start">{}</button>', N_("Start")),
)


#: textual-serve's page loads its font from Google; the same font ships in its static folder
GOOGLE_FONT = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
LOCAL_FONT = ('<style>@font-face{font-family:"Roboto Mono";font-weight:100 700;'
              'src:url("/static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype")}'
              '</style>')


def translated_page(text: str) -> str:
    """textual-serve's page in the user's language, with nothing loaded from elsewhere (the
    program works offline, and no other site learns who opens it)."""
    from advocacy_tui.i18n import current_language

    for english, pattern, message in PAGE_WORDS:
        text = text.replace(english, pattern.format(html.escape(_(message))))
    text = GOOGLE_FONT.sub(LOCAL_FONT, text)
    return text.replace("<html>", f'<html lang="{current_language()}">', 1)


class _Watched:
    """The browser's WebSocket as textual-serve reads it, noting when the user last typed."""

    def __init__(self, websocket: web.WebSocketResponse, touch: Any) -> None:
        self._websocket = websocket
        self._touch = touch

    def __getattr__(self, name: str) -> Any:
        return getattr(self._websocket, name)

    def __aiter__(self) -> Any:
        return self._messages()

    async def _messages(self) -> Any:
        async for message in self._websocket:
            if message.type == WSMsgType.TEXT and message.data.startswith('["stdin"'):
                self._touch()
            yield message


class _UserAppService(AppService):
    def __init__(self, command: str, *, user: str, user_key: str | None, **options: Any) -> None:
        super().__init__(command, **options)
        self.user = user
        self.user_key = user_key  # the token hash the user signed in with

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.pop(USER_VARIABLE, None)
        if self.user:
            environment[USER_VARIABLE] = self.user
        return environment


class GuardedServer(Server):
    def __init__(self, command: str, *, access: Access, host: str, port: int, title: str,
                 max_sessions: int = 20, idle_seconds: float = 3600,
                 public_url: str | None = None,
                 load_users: Callable[[], dict[str, str]] | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.load_users = load_users
        self._users_read_at = -1e9
        self._refresher: asyncio.Task[None] | None = None
        self.access = access
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self.public = public_url
        self.live_sessions = 0
        self._sessions: dict[web.WebSocketResponse, Any] = {}  # the browser's socket: its app

    # -- textual-serve's app factory, with the guard in front and no directory listing --

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        app.on_cleanup.append(self._end_every_app)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        response = self._refusal(request)
        if response is None:
            try:
                response = await handler(request)
            except web.HTTPException as error:  # a 404, a 405: still with the headers
                error.headers.update(SECURITY_HEADERS)
                raise
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        return response

    def _refusal(self, request: web.Request) -> web.StreamResponse | None:
        """The answer to a request that may not pass, or None for one that may."""
        access = self.access
        host = request.headers.get("Host")
        if not access.host_ok(host):
            log.warning("refused a request for host %r", host)
            return refused_host()
        if not access.origin_ok(request.headers.get("Origin"), host):
            log.warning("refused a request from origin %r", request.headers.get("Origin"))
            return refused_origin()
        self._refresh_users()
        access = self.access
        in_query = request.query.get("token")
        if in_query is not None:
            who = access.identify(in_query)
            if who is None:
                log.warning("refused a wrong token from %s", request.remote)
                return refused_wrong_token()
            request[SIGNED_IN] = who
            if request.headers.get("Upgrade", "").lower() != "websocket":
                return self._sign_in(request, who)
            return None
        scheme, _space, in_header = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "token":  # a program (curl, a script) rather than a browser
            who = access.identify(in_header.strip())
            if who is None:
                return refused_wrong_token()
            request[SIGNED_IN] = who
            return None
        who = access.cookie_user(request.cookies.get(access.cookie_name))
        if who is not None:
            request[SIGNED_IN] = who
            return None
        return refused_no_token()

    def _refresh_users(self) -> None:
        """Named users added or removed while the server runs count within seconds."""
        if self.load_users is None:
            return
        now = time.monotonic()
        if now - self._users_read_at < 2:
            return
        self._users_read_at = now
        try:
            users = self.load_users()
        except Exception as error:  # a busy or damaged file: keep the users known so far
            log.warning("could not read the users: %s", error)
            return
        if users != dict(self.access.users):
            self.access = replace(self.access, users=users)
            for websocket, app_service in list(self._sessions.items()):
                user = getattr(app_service, "user", "")
                # removed, or removed and added again with a new token, or (for the shared
                # token) the program has named users now
                gone = users.get(user) != app_service.user_key if user else bool(users)
                if gone:
                    log.warning("closed a tab of %r: no longer a user", user)
                    asyncio.ensure_future(websocket.close(message=b"signed out"))

    async def _keep_users_fresh(self) -> None:
        while True:
            await asyncio.sleep(3)
            self._refresh_users()

    def _sign_in(self, request: web.Request, who: str) -> web.StreamResponse:
        """Set the cookie and go to the same address without the token in it."""
        query = [(key, value) for key, value in request.query.items() if key != "token"]
        clean = str(request.rel_url.with_query(query))
        if request.headers.get("Sec-Fetch-Site", "none") in ("none", "same-origin"):
            response: web.StreamResponse = web.Response(status=303, headers={"Location": clean})
        else:
            # a link clicked on another site (a chat, a web mail): a browser does not send a
            # SameSite=Strict cookie along that navigation's redirect, but it does when our
            # own page moves on
            target = html.escape(clean, quote=True)
            response = page(200, _("Signing in…"), _("Opening the program."),
                            extra=f'<meta http-equiv="refresh" content="0; url={target}">')
        response.set_cookie(self.access.cookie_name, self.access.cookie_for(who), path="/",
                            httponly=True, samesite="Strict", secure=self._secure(request))
        response.headers["Cache-Control"] = "no-store"
        return response

    def _secure(self, request: web.Request) -> bool:
        if request.secure:
            return True
        if self.public and self.public.startswith("https://"):
            from urllib.parse import urlsplit

            return (request.host.split(":")[0].lower()
                    == (urlsplit(self.public).hostname or "").lower())
        return False

    # -- the page, the sessions --

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.live_sessions >= self.max_sessions:
            return full_page(self.max_sessions)
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        font_size = min(max(font_size, 6), 64)
        scheme = "wss" if self._secure(request) else "ws"
        context = {
            "font_size": font_size,
            # the name the browser used (checked by the guard): its cookie goes along
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.text = translated_page(response.text or "")
        response.headers["Cache-Control"] = "no-store"
        return response

    # textual-serve declares a WebSocketResponse; a refused socket is answered with a plain
    # HTTP response instead, hence the wider return type.
    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if self.live_sessions >= self.max_sessions:
            return full_page(self.max_sessions)
        self.live_sessions += 1
        try:
            return await self._run_session(request, request.get(SIGNED_IN, ""))
        finally:
            self.live_sessions -= 1

    async def _run_session(self, request: web.Request, user: str) -> web.WebSocketResponse:
        """textual-serve's ``handle_websocket``, with the signed-in user's name handed to the
        app it starts (``AppService`` builds the app's environment)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = _UserAppService(
                self.command, user=user, user_key=self.access.users.get(user),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str, close=websocket.close,
                download_manager=self.download_manager, debug=self.debug)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: Any) -> None:
        loop = asyncio.get_running_loop()
        last = [loop.time()]

        def touch() -> None:
            last[0] = loop.time()

        async def end_when_idle() -> None:
            while True:
                left = last[0] + self.idle_seconds - loop.time()
                if left <= 0:
                    log.warning("a session ended after %d idle minutes", self.idle_seconds // 60)
                    await websocket.close(message=b"idle")
                    return
                await asyncio.sleep(left)

        watchdog = asyncio.create_task(end_when_idle())
        self._sessions[websocket] = app_service
        try:
            # _Watched stands in for the WebSocketResponse (it forwards everything, noting activity)
            await super()._process_messages(_Watched(websocket, touch), app_service)  # type: ignore[arg-type]
        finally:
            watchdog.cancel()
            self._sessions.pop(websocket, None)

    async def on_shutdown(self, app: web.Application) -> None:
        """The server stops: close every tab, so each session asks its app to quit."""
        if self._refresher is not None:
            self._refresher.cancel()
        sockets = list(self._sessions)
        await asyncio.gather(*(asyncio.wait_for(ws.close(message=b"server stopped"), 2)
                               for ws in sockets), return_exceptions=True)

    async def _end_every_app(self, app: web.Application) -> None:
        """Last step of a stop: an app that has not quit by now is ended."""
        for app_service in list(self._sessions.values()):
            process = getattr(app_service, "_process", None)  # textual-serve's AppService
            if process is not None and process.returncode is None:
                try:
                    process.terminate()
                except ProcessLookupError:
                    pass

    # -- quiet start: the command prints the sign-in link itself; no access log (it would
    #    hold the token of the first visit) --

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="advocacy-tui serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        if self.load_users is not None:
            self._refresher = asyncio.create_task(self._keep_users_fresh())

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)

        def stop() -> None:
            raise GracefulExit()

        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, stop)
            except (NotImplementedError, RuntimeError):
                pass
        web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False,
                    loop=loop, print=None, access_log=None, shutdown_timeout=5)
