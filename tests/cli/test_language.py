"""The language of CLI messages: --lang, the config's ``language``, LANG, English."""

from .helpers import run_cli

ENGLISH = "The demo program is a throwaway copy"
POLISH = "Program demonstracyjny to jednorazowa kopia"


def test_lang_option_makes_messages_polish():
    result = run_cli("--lang", "pl", "--demo", "locate", "data")
    assert result.returncode == 1
    assert POLISH in result.stderr


def test_locale_environment_is_the_default():
    assert POLISH in run_cli("--demo", "locate", "data", env={"LANG": "pl_PL.UTF-8"}).stderr
    assert ENGLISH in run_cli("--demo", "locate", "data", env={"LANG": "en_GB.UTF-8"}).stderr


def test_config_language_beats_the_environment_and_lang_beats_both(isolated_user_dirs):
    config = isolated_user_dirs / ".config" / "advocacy-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "pl"\n', encoding="utf-8")
    assert POLISH in run_cli("--demo", "locate", "data", env={"LANG": "en_GB.UTF-8"}).stderr
    assert ENGLISH in run_cli("--lang", "en", "--demo", "locate", "data").stderr


def test_a_broken_config_is_still_located(isolated_user_dirs):
    # choosing the language reads the config; a file it cannot read must not stop `locate config`
    config = isolated_user_dirs / ".config" / "advocacy-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "xx"\n', encoding="utf-8")
    result = run_cli("locate", "config")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(config)


def test_unknown_lang_is_one_clear_line():
    result = run_cli("--lang", "de", "locate", "config")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_served_tabs_speak_the_servers_language(tmp_path):
    from advocacy_tui import i18n
    from advocacy_tui.commands.serve import served_command

    try:
        i18n.set_language("pl")
        assert "--lang pl" in served_command(tmp_path / "p.db", demo=False)
    finally:
        i18n.set_language("en")
    assert "--lang en" in served_command(tmp_path / "p.db", demo=False)
