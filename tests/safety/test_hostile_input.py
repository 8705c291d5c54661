"""Hostile text wherever it enters: forms, config files, theme files, CLI arguments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_tui.config import ConfigError, load_settings
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.domain.ambassadors import ValidationError, build_ambassador
from advocacy_tui.themes import load_themes
from tests.cli.helpers import run_cli

NASTY = [
    "",
    "x" * 1_000_000,
    "\x1b[2J\x1b]0;title\x07",
    "[b]bold[/b] [@click=app.quit]quit[/]",
    "שלום مرحبا \u202eevil",
    "Zażółć 👩‍💻 e\u0301",
    "\x00nul",
    "31.02.2026",
]


@given(st.dictionaries(st.sampled_from(["name", "email", "department", "role", "status",
                                        "linkedin", "joined", "notes"]), st.text(max_size=300)))
def test_form_fields_are_accepted_exactly_or_refused_with_words(fields):
    try:
        person = build_ambassador(fields)
    except ValidationError as error:
        assert error.problems
        assert all(isinstance(m, str) and len(m) > 10 for m in error.problems.values())
        return
    assert person.name == fields["name"].strip()
    assert person.notes == fields.get("notes", "")
    assert person.department == fields.get("department", "").strip()


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1, max_size=200).filter(lambda s: s.strip()),
       notes=st.text(max_size=2000))
def test_what_is_stored_is_what_was_typed(name, notes):
    import tempfile
    from pathlib import Path

    from advocacy_tui.data.store import Store

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "p.db") as store:
        repo = AmbassadorRepo(store)
        key = repo.add(build_ambassador({"name": name, "notes": notes}))
        assert repo.get(key).name == name.strip()
        assert repo.get(key).notes == notes


@pytest.mark.parametrize("value", NASTY)
def test_config_values_are_refused_or_kept(tmp_path, value):
    path = tmp_path / "config.toml"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    path.write_text(f'theme = "{escaped}"\n', encoding="utf-8")
    try:
        settings = load_settings(path)
    except ConfigError as error:
        message = str(error)
        assert str(path) in message and "theme" in message
        assert len(message) < 400
        assert message.isprintable()
    else:
        assert settings.theme == value.strip()


def test_invalid_utf8_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'language = "\xc3\x28"\n')
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(path)


@pytest.mark.parametrize("name", ["", "x" * 100, "evil\x1b[2J", "[b]x[/b]", "../../etc"])
def test_theme_files_with_hostile_names_are_skipped_with_a_reason(tmp_path, name):
    (tmp_path / "t.toml").write_text(f'name = "{name.encode("unicode_escape").decode()}"\n'
                                     'primary = "#112233"\n', encoding="utf-8")
    themes, problems = load_themes(tmp_path)
    assert name not in {theme.name for theme in themes}
    assert [problem.path.name for problem in problems] == ["t.toml"]


def test_cli_arguments_cannot_reach_the_terminal(tmp_path):
    evil = str(tmp_path / "db\x1b]0;pwned\x07\x1b[2J.db")
    with open(evil, "w") as handle:
        handle.write("text")
    result = run_cli("--db", evil)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "Traceback" not in result.stderr
