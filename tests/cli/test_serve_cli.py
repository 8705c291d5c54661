import socket

from .helpers import assert_one_line_error, parse_cli, run_cli


def test_port_out_of_range():
    assert_one_line_error(parse_cli("serve", "--port", "70000"), "--port")


def test_port_in_use(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--db", str(tmp_path / "p.db"), "--port", str(port))
    assert_one_line_error(result, f"Port {port} is already in use")


def test_host_that_cannot_be_bound(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "p.db"), "--host", "192.0.2.1")
    assert_one_line_error(result, "Cannot listen on 192.0.2.1")


def test_unknown_host(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "p.db"), "--host", "no-such-host.invalid")
    assert_one_line_error(result, "not an address of this computer")


def test_bad_database_is_refused_before_serving(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("text")
    assert_one_line_error(parse_cli("serve", "--db", str(bad)), "not a SQLite file")


def test_a_chosen_token_that_is_too_short_is_refused(tmp_path):
    result = parse_cli("serve", "--db", str(tmp_path / "p.db"), "--token", "short")
    assert_one_line_error(result, "at least 16 characters")
    result = parse_cli("serve", "--db", str(tmp_path / "p.db"), env={"ADVOCACY_TUI_TOKEN": "short"})
    assert_one_line_error(result, "at least 16 characters")


def test_the_token_cannot_be_turned_off(tmp_path):
    result = parse_cli("serve", "--db", str(tmp_path / "p.db"), "--no-token")
    assert_one_line_error(result, "--no-token")
    assert "token" in parse_cli("serve", "--help").stdout


def test_a_bad_public_url_or_host_name_is_refused(tmp_path):
    db = str(tmp_path / "p.db")
    assert_one_line_error(parse_cli("serve", "--db", db, "--public-url", "team.example"),
                          "https://advocacy.example.com")
    assert_one_line_error(parse_cli("serve", "--db", db, "--allow-host", "http://team.example"),
                          "--allow-host")


def test_every_address_still_needs_the_token_and_warns(tmp_path):
    from tests.serving import start_serve, stop

    served = start_serve(tmp_path, "--host", "0.0.0.0")
    stop(served)
    assert "Warning: listening on 0.0.0.0" in served.output
    assert "reverse proxy with TLS" in served.output
    links = [line.strip() for line in served.output.splitlines() if "://" in line]
    assert links and all("/?token=" in link for link in links)
