import pytest

from advocacy_tui.config import ConfigError, Settings, check_keymap, load_settings, remember_theme


def test_missing_file_gives_defaults(tmp_path):
    settings = load_settings(tmp_path / "config.toml")
    assert settings == Settings()
    assert settings.week_start_index == 0


def test_reads_every_setting(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "advocacy-light"\nlanguage = "pl"\nweek_start = "Sunday"\n'
                    'db = "~/x.db"\n[keymap]\n"roster.add" = "n"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.theme == "advocacy-light"
    assert settings.language == "pl"
    assert settings.week_start == "sunday"
    assert settings.week_start_index == 6
    assert dict(settings.keymap) == {"roster.add": "n"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('them = "x"', r"“them”: unknown setting. Did you mean “theme”"),
        ('language = "de"', "“language”: must be one of en, pl"),
        ('week_start = "mondy"', "Did you mean “monday”"),
        ("theme = 3", "“theme”: must be a non-empty text"),
        ("keymap = 1", "“keymap”: must be a table"),
        ('[keymap]\n"roster.add" = 5', "keymap.roster.add"),
        ("theme = ", "is not valid TOML"),
    ],
)
def test_bad_config_names_file_key_and_fix(tmp_path, text, expected):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(path) in str(error.value)
    assert expected in str(error.value)


def test_config_that_is_not_utf8(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"')
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(path)


def test_unknown_keymap_id_is_refused_with_suggestion(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"roster.ad" = "n"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="Did you mean “roster.add”"):
        check_keymap(load_settings(path), {"roster.add", "app.quit"})


def test_remember_theme_keeps_the_rest(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\nlanguage = "pl"\n\n[keymap]\n"roster.add" = "n"\n', encoding="utf-8")
    remember_theme(path, "advocacy-light")
    settings = load_settings(path)
    assert settings.theme == "advocacy-light"
    assert settings.language == "pl"
    assert dict(settings.keymap) == {"roster.add": "n"}
    assert "# mine" in path.read_text(encoding="utf-8")


def test_voices_and_company_share_defaults():
    settings = Settings()
    assert [key for key, _ in settings.voices] == ["personal", "team", "company", "industry"]
    assert settings.voice_labels["company"] == "Company and employer brand"
    assert settings.company_share_limit == pytest.approx(1 / 3)


def test_voices_and_company_share_from_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('company_share_limit = 0.25\n[voices]\npersonal = "Moja wiedza"\n'
                    'company = "Firma"\nevents = "Wydarzenia"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.company_share_limit == 0.25
    assert settings.voices == (("personal", "Moja wiedza"), ("company", "Firma"), ("events", "Wydarzenia"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("company_share_limit = 2", "“company_share_limit”: must be a share between 0 and 1"),
        ('company_share_limit = "a third"', "must be a share between 0 and 1"),
        ("company_share_limit = true", "must be a share between 0 and 1"),
        ("voices = 3", "“voices”: must be a table"),
        ('[voices]\npersonal = "P"', "must keep the “company” voice"),
        ('[voices]\ncompany = ""', "“voices.company”: must be a label"),
        ('[voices]\ncompany = "C"\n"Bad Key" = "x"', "“voices.Bad Key”: a voice key is lower-case"),
        ('compnay_share_limit = 0.3', "Did you mean “company_share_limit”"),
    ],
)
def test_bad_voice_settings(tmp_path, text, expected):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert expected in str(error.value)


def test_a_keymap_that_gives_a_binding_the_key_of_another_is_refused_naming_both(tmp_path):
    from advocacy_tui.app import binding_scopes, known_binding_ids

    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"roster.add" = "e"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        check_keymap(load_settings(path), known_binding_ids(), binding_scopes())
    message = str(refused.value)
    assert "roster.add" in message and "roster.edit" in message and "“e”" in message
    path.write_text('[keymap]\n"roster.add" = "z"\n"roster.edit" = "a"\n', encoding="utf-8")
    check_keymap(load_settings(path), known_binding_ids(), binding_scopes())  # a swap is fine


async def test_a_remapped_key_keeps_its_place_in_the_footer(store, make_app):
    from types import MappingProxyType

    from tests.screen import screen_text

    settings = Settings(keymap=MappingProxyType({"roster.add": "n"}))
    app = make_app(store, settings, start_mode="roster")
    async with app.run_test(size=(120, 40)):
        footer = screen_text(app).splitlines()[-1]
    assert footer.split()[:4] == ["n", "Add", "e", "Edit"]
