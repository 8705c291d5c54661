"""The rules of who may open a served program: Host, Origin, token and cookie."""

from __future__ import annotations

import pytest

from advocacy_tui.web.access import Access, new_token, public_url_problem, token_problem

TOKEN = "rules-token-0123456789"


def local(port: int = 8000) -> Access:
    return Access(token=TOKEN, port=port, bound_host="127.0.0.1")


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000",
                                  "localhost.:8000", "127.0.0.1"])
def test_loopback_names_pass(host):
    assert local().host_ok(host)


@pytest.mark.parametrize("host", [None, "", "evil.example:8000", "evil.example", "127.0.0.1.evil.example",
                                  "localhost.evil.example:8000", "192.168.1.5:8000", "user@127.0.0.1:8000",
                                  "127.0.0.1:80/x", "127.0.0.1:notaport", "127.0.0.1 :8000"])
def test_other_names_are_refused(host):
    assert not local().host_ok(host)


def test_every_address_admits_addresses_and_the_machines_names_but_not_other_names():
    access = Access(token=TOKEN, port=8000, bound_host="0.0.0.0", names=frozenset({"laptop.local"}))
    assert access.host_ok("192.168.1.5:8000")
    assert access.host_ok("[fe80::1]:8000")
    assert access.host_ok("laptop.local:8000")
    assert access.host_ok("localhost:8000")
    assert not access.host_ok("evil.example:8000")


def test_a_specific_address_admits_only_itself_and_configured_names():
    access = Access(token=TOKEN, port=8000, bound_host="192.168.1.5", names=frozenset({"team.example"}))
    assert access.host_ok("192.168.1.5:8000")
    assert access.host_ok("team.example")
    assert not access.host_ok("192.168.1.6:8000")
    assert not access.host_ok("localhost:8000")


@pytest.mark.parametrize("origin, host, ok", [
    (None, "127.0.0.1:8000", True),  # a program, or typing the address: the token decides
    ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
    ("http://localhost:8000", "localhost:8000", True),
    ("http://localhost:8000", "127.0.0.1:8000", False),  # another site, even if the same computer
    ("http://127.0.0.1:3000", "127.0.0.1:8000", False),  # another program on this computer
    ("http://evil.example", "127.0.0.1:8000", False),
    ("https://127.0.0.1:8000", "127.0.0.1:8000", True),
    ("null", "127.0.0.1:8000", False),
    ("file://", "127.0.0.1:8000", False),
    ("http://127.0.0.1:8000/path", "127.0.0.1:8000", False),
    ("https://team.example", "team.example", True),
    ("https://team.example", "team.example:8443", False),
    ("http://team.example", "team.example", True),
])
def test_origin_must_be_the_page_itself(origin, host, ok):
    assert local().origin_ok(origin, host) is ok


def test_a_configured_origin_passes_behind_a_proxy():
    access = Access(token=TOKEN, port=8000, origins=frozenset({"https://team.example:443"}))
    assert access.origin_ok("https://team.example", "127.0.0.1:8000")
    assert not access.origin_ok("https://other.example", "127.0.0.1:8000")


def test_tokens_and_cookies():
    access = local()
    assert access.token_ok(TOKEN)
    assert not access.token_ok(TOKEN[:-1])
    assert not access.token_ok(TOKEN + "x")
    assert not access.token_ok("")
    assert not access.token_ok(None)
    assert not access.token_ok("żółć" * 6)
    assert access.cookie_ok(access.cookie_value)
    assert TOKEN not in access.cookie_value
    assert local(8001).cookie_name != access.cookie_name
    assert Access(token="another-token-0123456789", port=8000).cookie_value != access.cookie_value
    assert TOKEN not in repr(access)


def test_chosen_tokens_must_be_long_and_plain():
    assert token_problem("short")
    assert token_problem("with a space in it ok")
    assert token_problem("zażółć-gęślą-jaźń-token")
    assert token_problem(TOKEN) is None
    assert token_problem(new_token()) is None
    assert new_token() != new_token()


def test_public_urls():
    assert public_url_problem("https://team.example") is None
    assert public_url_problem("https://team.example/") is None
    assert public_url_problem("team.example")
    assert public_url_problem("https://team.example/advocacy")
    assert public_url_problem("ftp://team.example")
