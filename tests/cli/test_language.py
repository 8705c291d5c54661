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


def test_help_is_in_polish_and_back_in_english_in_the_same_interpreter():
    from .helpers import parse_cli

    polish = parse_cli("--lang", "pl", "--help")
    assert polish.returncode == 0, polish.stderr
    assert "Użycie:" in polish.stdout and "Opcje:" in polish.stdout and "Polecenia:" in polish.stdout
    assert "Pokazuje tę pomoc i kończy." in polish.stdout
    assert "Options" not in polish.stdout and "Show this message" not in polish.stdout
    sub = parse_cli("--lang", "pl", "import", "ambassadors", "--help")
    assert "Sprawdza plik i mówi, co by się zmieniło" in sub.stdout
    assert "import ambassadors [OPCJE] PLIK" in sub.stdout and "--map KOLUMNA=POLE" in sub.stdout
    assert not {"[OPTIONS]", "FILE", "PATH", "TEXT"} & set(sub.stdout.split())
    english = parse_cli("--lang", "en", "import", "ambassadors", "--help")
    assert "Check the file and say what would change" in english.stdout
    assert "Usage:" in english.stdout and "Użycie" not in english.stdout
    assert "import ambassadors [OPTIONS] FILE" in english.stdout and "--db PATH" in english.stdout


def test_mistakes_on_the_command_line_are_explained_in_polish():
    from .helpers import parse_cli

    wrong = parse_cli("--lang", "pl", "export", "posts", "--format", "xx")
    assert wrong.returncode == 1
    assert "Nieprawidłowa wartość" in wrong.stderr and "Spróbuj" in wrong.stderr
    assert "Invalid value" not in wrong.stderr
    typo = parse_cli("--lang", "pl", "expor")
    assert "Nie ma polecenia 'expor'" in typo.stderr and "export" in typo.stderr
    missing = parse_cli("import", "ambassadors", env={"LANG": "pl_PL.UTF-8"})
    assert "Brak argumentu 'PLIK'" in missing.stderr


def test_export_import_and_their_mistakes_are_polish(tmp_path):
    from .helpers import parse_cli

    exported = tmp_path / "ambasadorzy.csv"
    wrote = parse_cli("--lang", "pl", "--demo", "export", "ambassadors", "-o", str(exported))
    assert wrote.returncode == 0, wrote.stderr
    assert "Wrote" not in wrote.stderr + wrote.stdout
    assert "ambasador" in (wrote.stderr + wrote.stdout).lower()

    dry = parse_cli("--lang", "pl", "import", "ambassadors", "--dry-run", str(exported))
    said = dry.stdout + dry.stderr
    assert dry.returncode == 0, said
    for english in ("Read ", "rows from", "Columns not used", "Dry run", "nothing written", "added", "unchanged"):
        assert english not in said, said
    assert "nic nie zapisano" in said, said

    missing = parse_cli("--lang", "pl", "import", "ambassadors", str(tmp_path / "nie-ma.csv"))
    assert missing.returncode == 1
    assert "There is no file" not in missing.stderr and "Nie ma pliku" in missing.stderr

    broken = tmp_path / "zle.csv"
    broken.write_text("imię i nazwisko,e-mail,rola\nAla Nowak,to-nie-email,szef\n", encoding="utf-8")
    bad = parse_cli("--lang", "pl", "import", "ambassadors", "--dry-run", str(broken))
    said = bad.stdout + bad.stderr
    assert bad.returncode != 0, said
    for english in ("row(s)", "have problems", "nothing was imported", "Row ", "email", "separated"):
        assert english not in said.replace("e-mail", ""), said
    assert "Wiersz z problemem: 1 z 1:" in said, said  # not "1 z 1 wierszy"


def test_program_report_is_polish():
    from .helpers import parse_cli

    report = parse_cli("--lang", "pl", "--demo", "report", "program")
    assert report.returncode == 0, report.stderr
    for english in ("Company and employer brand", "Personal expertise"):
        assert english not in report.stdout, english
