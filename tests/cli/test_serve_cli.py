import socket

from .helpers import assert_one_line_error, run_cli


def test_port_out_of_range():
    assert_one_line_error(run_cli("serve", "--port", "70000"), "--port")


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
    assert_one_line_error(run_cli("serve", "--db", str(bad)), "not a SQLite file")
