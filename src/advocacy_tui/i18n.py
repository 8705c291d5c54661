"""The user's language: gettext catalogues (managed with Babel) and the language in use.

Every string a user sees goes through ``_()`` (or ``ngettext()`` for counts: Polish has three
plural forms). A string defined before the language is known (a binding's description, a
help text at class level) is marked with ``N_()`` and translated with ``_()`` where it is
shown, so switching the language in the running app changes it too.

The source strings are English; ``locale/<lang>/LC_MESSAGES/messages.po`` holds the other
languages (docs/translating.md: extract, update, test). The language is chosen once at start
(``choose_language``: --lang, the config's ``language``, LANG, English) and may be switched
while the app runs (``set_language``). Text that has a language of its own (a readiness run and
its report speak the language of their question bank) is read through ``translator(language)``.
No Textual, no Rich: every layer may import this module.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict

LANGUAGES = ("en", "pl")
SOURCE_LANGUAGE = "en"
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

class _State(TypedDict):
    language: str
    translations: gettext.NullTranslations  # GNUTranslations once a catalogue is loaded


_state: _State = {"language": SOURCE_LANGUAGE, "translations": gettext.NullTranslations()}


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str | None:
    """The language gettext would pick from LANGUAGE, LC_ALL, LC_MESSAGES and LANG, if we have it."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":  # the first locale variable that is set decides
            return None
    return None


def choose_language(given: str | None = None, configured: str | None = None,
                    environ: Mapping[str, str] = os.environ) -> str:
    """The language to use: ``--lang``, else the config's ``language``, else LANG and the
    other locale variables, else English."""
    for language in (given, configured, language_from_environment(environ)):
        if language in LANGUAGES:
            return language
    return SOURCE_LANGUAGE


def _catalogue(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as file:
                return gettext.GNUTranslations(file)
        if po.exists():  # not compiled yet (a checkout without a build): compile it once
            return _compiled(po, language)
    except (OSError, ValueError):
        pass
    return gettext.NullTranslations()


def _compiled(po: Path, language: str) -> gettext.NullTranslations:
    """The .po compiled, from the user's cache when it was compiled before.

    Compiling means importing Babel's catalogue code, about a tenth of a second at every
    start; the cached .mo is named by the .po's content, so an edited .po is compiled again.
    """
    from io import BytesIO

    for _attempt in range(2):
        cached = _cached_mo(po, language)
        if cached is None:
            break
        try:
            return gettext.GNUTranslations(BytesIO(cached.read_bytes()))
        except (OSError, ValueError):  # damaged: compiled again into its place
            cached.unlink(missing_ok=True)
    return gettext.GNUTranslations(BytesIO(_mo_bytes(po.read_bytes())))  # a read-only home


def _mo_bytes(source: bytes) -> bytes:
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    buffer = BytesIO()
    write_mo(buffer, read_po(BytesIO(source)))
    return buffer.getvalue()


def _cached_mo(po: Path, language: str) -> Path | None:
    """``<cache>/locale-<digest>/<language>/LC_MESSAGES/messages.mo``, compiled from ``po``
    if it is not there yet (a folder laid out the way gettext looks for catalogues)."""
    import hashlib

    from advocacy_tui import paths

    source = po.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    cached = paths.cache_dir() / f"locale-{digest}" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if cached.is_file():
        return cached
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(f".part{os.getpid()}")
        part.write_bytes(_mo_bytes(source))
        part.replace(cached)
    except OSError:
        return None  # a read-only home: compiled again next time
    return cached


def compiled_locale_dir(language: str) -> Path | None:
    """A folder holding ``<language>/LC_MESSAGES/messages.mo`` up to date with the .po, for
    code that asks Python's gettext itself (click's own words); None for the source language."""
    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return None
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
            return LOCALE_DIR
        if po.exists():
            cached = _cached_mo(po, language)
            return cached.parents[2] if cached is not None else None
    except (OSError, ValueError):
        pass
    return None


_other_languages: dict[str, gettext.NullTranslations] = {}


def translator(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language``, whatever the language in use: its ``gettext``,
    ``ngettext`` and ``pgettext`` answer in that language (a readiness run keeps its own).
    An unknown language answers in English."""
    if language == _state["language"]:
        return _state["translations"]
    if language not in _other_languages:
        _other_languages[language] = _catalogue(language)
    return _other_languages[language]


def set_language(language: str) -> None:
    """Use ``language`` ("en" or "pl") for every string from now on."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _state["translations"] = _catalogue(language)
    _state["language"] = language


def current_language() -> str:
    return str(_state["language"])


def _(message: str) -> str:
    """The message in the current language ("" stays "": gettext would give the header)."""
    if not message:
        return message
    return _state["translations"].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that fits ``n`` in the current language."""
    return _state["translations"].ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it stands (a short label, a key letter)."""
    return _state["translations"].pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for the catalogue without translating it yet (see the module's doc)."""
    return message


class Labels(Mapping[str, str]):
    """Words for stored keys ({"active": N_("Active")}), each read in the language in use.

    Written like a dict of English words marked ``N_()``; every lookup (``[key]``, ``get``,
    ``items``, ``values``) answers in the current language, so code that shows a label
    needs no ``_()`` of its own and a language switch reaches it at once. ``source`` holds
    the English words."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self.source: dict[str, str] = dict(words)

    def __getitem__(self, key: str) -> str:
        return _(self.source[key])

    def __iter__(self):
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)

    def __repr__(self) -> str:
        return f"Labels({self.source!r})"
