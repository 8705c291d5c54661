"""The language in use: from the environment, switched at run time, real Polish plurals."""

import pytest

from advocacy_tui import i18n


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "pl_PL.UTF-8"}, "pl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({"LC_ALL": "pl_PL.UTF-8", "LANG": "en_US.UTF-8"}, "pl"),
        ({"LANGUAGE": "de:pl", "LANG": "en_US.UTF-8"}, "pl"),
        ({"LC_MESSAGES": "C", "LANG": "pl_PL.UTF-8"}, None),
        ({}, None),
    ],
)
def test_language_from_environment(environ, expected):
    assert i18n.language_from_environment(environ) == expected


def test_polish_plurals_have_three_forms():
    i18n.set_language("pl")
    forms = [i18n._state["translations"].plural(n) for n in (1, 2, 4, 5, 12, 22, 25, 101)]  # type: ignore[attr-defined]
    assert forms == [0, 1, 1, 2, 2, 1, 2, 2]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("xx")


def test_english_is_the_source():
    i18n.set_language("en")
    assert i18n._("Roster") == "Roster"
    assert i18n.ngettext("{n} person", "{n} people", 2) == "{n} people"


@pytest.mark.parametrize(
    ("given", "configured", "environ", "expected"),
    [
        ("pl", "en", {"LANG": "en_US.UTF-8"}, "pl"),  # --lang wins
        (None, "pl", {"LANG": "en_US.UTF-8"}, "pl"),  # then the config file
        (None, "en", {"LANG": "pl_PL.UTF-8"}, "en"),  # an explicit English config beats LANG
        (None, None, {"LANG": "pl_PL.UTF-8"}, "pl"),  # then the environment
        (None, None, {"LANG": "de_DE.UTF-8"}, "en"),  # else English
        (None, None, {}, "en"),
    ],
)
def test_choose_language(given, configured, environ, expected):
    assert i18n.choose_language(given, configured, environ) == expected


def test_config_says_whether_the_language_was_given(tmp_path):
    from advocacy_tui.config import parse_settings

    assert parse_settings({"language": "pl"}, tmp_path / "c.toml").language_set
    assert not parse_settings({}, tmp_path / "c.toml").language_set


def test_empty_message_is_not_the_catalogue_header():
    i18n.set_language("pl")
    assert i18n._("") == ""


def test_compiled_catalogue_is_cached_and_a_damaged_cache_is_compiled_again():
    from advocacy_tui import paths

    i18n.set_language("pl")
    cached = list(paths.cache_dir().glob("locale-*/pl/LC_MESSAGES/messages.mo"))
    assert len(cached) == 1
    cached[0].write_bytes(b"not a catalogue")
    i18n.set_language("pl")
    assert i18n._("Tasks") == "Zadania"
    i18n.set_language("pl")
    assert i18n._("Tasks") == "Zadania"
    assert cached[0].read_bytes() != b"not a catalogue"  # the damaged copy was replaced


def test_labels_answer_in_the_language_in_use():
    words = i18n.Labels({"tasks": i18n.N_("Tasks")})
    try:
        i18n.set_language("pl")
        assert words["tasks"] == "Zadania" and dict(words.items()) == {"tasks": "Zadania"}
        assert words.get("tasks") == "Zadania" and words.get("nothing", "-") == "-"
        i18n.set_language("en")
        assert words["tasks"] == "Tasks" and list(words.values()) == ["Tasks"]
    finally:
        i18n.set_language("en")
