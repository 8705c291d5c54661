"""advocacy-tui groups / campaigns, as a script uses them."""

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import Ambassador
from advocacy_tui.domain.posts import Post
from tests.cli.helpers import assert_one_line_error, parse_cli


def test_groups_are_added_filled_listed_renamed_and_deleted(tmp_path):
    db = str(tmp_path / "p.db")
    store = Store.open(tmp_path / "p.db")
    people = AmbassadorRepo(store)
    for name, email in (("Anna Nowak", "anna@example.com"), ("Jan Kowal", "jan@example.com")):
        people.add(Ambassador(id=None, name=name, email=email))
    store.close()
    added = parse_cli("groups", "add", "Sales ambassadors", "--db", db)
    assert added.returncode == 0 and "Added the group Sales ambassadors." in added.stderr
    filled = parse_cli("groups", "members", "sales ambassadors", "--add", "anna@example.com",
                       "--add", "JAN@example.com", "--db", db)
    assert filled.returncode == 0 and "Sales ambassadors now has 2 people." in filled.stderr
    assert parse_cli("groups", "members", "Sales ambassadors", "--remove", "jan@example.com",
                     "--db", db).returncode == 0
    assert parse_cli("groups", "members", "Sales ambassadors", "--db", db).stdout == "Anna Nowak <anna@example.com>\n"
    assert parse_cli("groups", "list", "--db", db).stdout == "Sales ambassadors · 1 person\n"
    assert parse_cli("groups", "rename", "Sales ambassadors", "Sales team", "--db", db).returncode == 0
    assert parse_cli("groups", "delete", "sales team", "--db", db).returncode == 0
    assert "No groups yet" in parse_cli("groups", "list", "--db", db).stdout


def test_wrong_group_input_is_one_plain_line(tmp_path):
    db = str(tmp_path / "p.db")
    assert parse_cli("groups", "add", "Team", "--db", db).returncode == 0
    assert_one_line_error(parse_cli("groups", "add", "team", "--db", db), "already is a group called “Team”")
    assert_one_line_error(parse_cli("groups", "members", "Nope", "--db", db), "no group called “Nope”")
    assert_one_line_error(parse_cli("groups", "members", "Team", "--add", "who@example.com", "--db", db),
                          "No one in the roster has the email who@example.com")


def test_campaigns_are_added_listed_with_their_mix_and_deleted(tmp_path):
    db = str(tmp_path / "p.db")
    added = parse_cli("campaigns", "add", "Open day", "--from", "01.12.2026", "--to", "10.12.2026", "--db", db)
    assert added.returncode == 0, added.stderr
    assert_one_line_error(parse_cli("campaigns", "add", "Drive", "--from", "10.12.2026", "--to", "01.12.2026",
                                    "--db", db), "cannot end before it starts")
    store = Store.open(tmp_path / "p.db")
    campaign_id = store.db.conn.execute("SELECT id FROM campaigns").fetchone()[0]
    from datetime import date

    PostRepo(store).add(Post(id=None, title="Doors open", planned_on=date(2026, 12, 1), voice="company",
                             campaign_id=campaign_id))
    store.close()
    listed = parse_cli("campaigns", "list", "--db", db).stdout
    assert listed.startswith("Open day · 01.12.2026 – 10.12.2026 · 1 post · 0 people taking part · company")
    assert "⚠ Company brand is 100%, over 33%" in listed
    assert parse_cli("campaigns", "delete", "open day", "--db", db).returncode == 0
    assert "No campaigns yet" in parse_cli("campaigns", "list", "--db", db).stdout
