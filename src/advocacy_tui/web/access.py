"""Who may open a served program: the token, the cookie it becomes, and the Host and Origin
a request may carry. Pure rules over strings: no aiohttp, no Textual, no Rich.

- The token is random for every start (or given by the person who starts the server).
  Tokens and cookies are compared in constant time.
- The cookie does not hold the token itself but an HMAC of it, so a cookie read from a
  browser profile does not reveal a token that may have been chosen by hand.
- Host: only the names this server answers to pass. A web page on another name that the
  attacker made resolve to this computer (DNS rebinding) sends its own name and is refused.
- Origin: a browser request made by a page of another site carries that site's Origin and is
  refused; only the page's own origin (the Host it asked for) or a configured one passes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from advocacy_tui.i18n import _

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
MIN_TOKEN_LENGTH = 16
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_problem(token: str) -> str | None:
    """Why a token someone chose cannot be used, in words; None when it can."""
    if len(token) < MIN_TOKEN_LENGTH:
        return _("The token must be at least {count} characters long; leave it out and a "
                 "random one is made.").format(count=MIN_TOKEN_LENGTH)
    if not all(33 <= ord(char) < 127 for char in token):
        return _("The token may hold only letters, digits and punctuation (no spaces, no "
                 "accented letters).")
    return None


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def _host_and_port(authority: str) -> tuple[str, int | None] | None:
    """``name``, ``name:8000``, ``[::1]:8000`` -> ("name", 8000); None when malformed."""
    if not authority or any(char in authority for char in "/@\\?# \t\r\n"):
        return None
    try:
        parts = urlsplit("//" + authority)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return parts.hostname.rstrip(".").lower(), port


def _origin_parts(origin: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        return None
    if parts.username or parts.password or parts.query or parts.fragment:
        return None
    return parts.scheme, parts.hostname.rstrip(".").lower(), port or DEFAULT_PORTS[parts.scheme]


@dataclass(frozen=True)
class Access:
    """The rules of one running server."""

    token: str = field(repr=False)
    port: int
    bound_host: str = "127.0.0.1"
    #: further names (or addresses) this server is reached by: --allow-host, the machine's
    #: own names when it listens on every address, the host of --public-url
    names: frozenset[str] = frozenset()
    #: origins that pass besides the page's own one (the public URL behind a proxy)
    origins: frozenset[str] = frozenset()
    #: named users (name -> SHA-256 of their token). While there are any, only their own
    #: tokens open the program, and the shared ``token`` does not.
    users: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def cookie_name(self) -> str:
        # cookies do not keep ports apart: two servers on one computer get two names
        return f"advocacy-tui-{self.port}"

    def identify(self, given: str | None) -> str | None:
        """Who this token signs in: a user's name, "" for the shared token, None for nobody."""
        if not given:
            return None
        if self.users:
            from advocacy_tui.data.users import who_has

            return who_has(dict(self.users), given)
        if hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode()):
            return ""
        return None

    def token_ok(self, given: str | None) -> bool:
        return self.identify(given) is not None

    def _cookie_key(self, who: str) -> bytes | None:
        if not who:
            return None if self.users else self.token.encode()
        stored = self.users.get(who)
        return stored.encode() if stored else None

    def cookie_for(self, who: str) -> str:
        """The cookie of a signed-in browser: who it is, and an HMAC keyed by that person's
        token (its hash), so it holds no token and dies when the user is removed."""
        key = self._cookie_key(who)
        assert key is not None
        mac = hmac.new(key, b"advocacy-tui session cookie:" + who.encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(who.encode()).decode().rstrip("=") + "." + mac.hexdigest()

    @property
    def cookie_value(self) -> str:
        return self.cookie_for("")

    def cookie_user(self, given: str | None) -> str | None:
        """Who a cookie signs in (as ``identify``), or None when it is not a current one."""
        if not given or "." not in given:
            return None
        encoded, _dot, _mac = given.partition(".")
        try:
            who = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        if self._cookie_key(who) is None:
            return None
        if hmac.compare_digest(given.encode("utf-8", "replace"), self.cookie_for(who).encode()):
            return who
        return None

    def cookie_ok(self, given: str | None) -> bool:
        return self.cookie_user(given) is not None

    @property
    def wildcard(self) -> bool:
        return self.bound_host in WILDCARD_HOSTS

    def allowed_names(self) -> frozenset[str]:
        names = {self.bound_host.strip("[]").lower(), *(name.lower() for name in self.names)}
        if self.wildcard or is_loopback(self.bound_host):
            names |= LOOPBACK_NAMES
        return frozenset(names - WILDCARD_HOSTS)

    def host_ok(self, host_header: str | None) -> bool:
        """Is this Host header one of ours (not a name someone pointed at this computer)?"""
        parsed = _host_and_port(host_header or "")
        if parsed is None:
            return False
        name = parsed[0]
        if name in self.allowed_names():
            return True
        # listening on every address: any address of this computer may be typed; an address
        # cannot be rebound the way a name can
        return self.wildcard and is_ip_literal(name)

    def origin_ok(self, origin: str | None, host_header: str | None) -> bool:
        """No Origin (a program, or a plain navigation) passes: the token still decides.
        A browser request from a page passes only when that page is ours."""
        if origin is None:
            return True
        parts = _origin_parts(origin.strip())
        if parts is None:
            return False  # "null" (a sandboxed frame, a file), or nonsense
        scheme, name, port = parts
        if f"{scheme}://{name}:{port}" in {_normal_origin(o) for o in self.origins}:
            return True
        host = _host_and_port(host_header or "")
        if host is None or host[0] != name:
            return False
        return (host[1] or DEFAULT_PORTS[scheme]) == port


def _normal_origin(origin: str) -> str:
    parts = _origin_parts(origin)
    return f"{parts[0]}://{parts[1]}:{parts[2]}" if parts else ""


def public_url_problem(url: str) -> str | None:
    parts = _origin_parts(url.rstrip("/"))
    if parts is None:
        return _("The public address must look like https://advocacy.example.com (a scheme "
                 "and a name, no path).")
    return None


def origin_of(url: str) -> tuple[str, str]:
    """(origin, host name) of a public URL that passed ``public_url_problem``."""
    parts = _origin_parts(url.rstrip("/"))
    assert parts is not None
    return f"{parts[0]}://{parts[1]}:{parts[2]}", parts[1]
