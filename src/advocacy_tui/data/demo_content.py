"""The demo program's content files, in the language in use.

``content/<name>.toml`` is the English demo; ``content/<name>.pl.toml`` the Polish one (a
Polish company, people, posts and season). A language without its own file gets English.
"""

from __future__ import annotations

from importlib import resources

from advocacy_tui.i18n import SOURCE_LANGUAGE, current_language


def demo_language(language: str | None = None) -> str:
    """The language the demo is built in: the one asked for, else the one in use."""
    return language or current_language()


def demo_text(name: str, language: str | None = None) -> str:
    """The text of the demo content file ``name`` (without ``.toml``) for the language."""
    folder = resources.files("advocacy_tui.content")
    language = demo_language(language)
    if language != SOURCE_LANGUAGE:
        localized = folder.joinpath(f"{name}.{language}.toml")
        if localized.is_file():
            return localized.read_text(encoding="utf-8")
    return folder.joinpath(f"{name}.toml").read_text(encoding="utf-8")
