"""Topics, formats and languages: what a person can write about, in which form and language.

Topics are free tags, typed as a list ("employer branding, Java; rekrutacja"). Each is kept
exactly as typed apart from the spaces around it; two spellings that differ only in case,
spacing or Unicode form ("Łódź", "ŁÓDŹ") are one topic (:func:`topic_key`). Diacritics are
not folded for that: "łączność" and "lacznosc" stay two topics (completion offers the first
when the second is typed, see :func:`complete_last`).
"""

from __future__ import annotations

import re
import unicodedata

from advocacy_tui.domain.text import fold
from advocacy_tui.i18n import N_, Labels, _

#: what separates topics in a typed list: commas, semicolons, line breaks and tabs
SEPARATORS = re.compile(r"[,;\n\r\t]+")
TOPIC_MAX = 60
TOPICS_MAX = 30
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

FORMATS: tuple[str, ...] = ("text", "photo", "video", "article")
FORMAT_LABELS = Labels({"text": N_("Text"), "photo": N_("Photo"), "video": N_("Video"),
                        "article": N_("Article")})

#: the languages a person may write in (a small fixed list; the program's two come first)
PERSON_LANGUAGES: tuple[str, ...] = ("pl", "en", "de", "uk", "cs", "fr", "es")
LANGUAGE_LABELS = Labels({"pl": N_("Polish"), "en": N_("English"), "de": N_("German"),
                          "uk": N_("Ukrainian"), "cs": N_("Czech"), "fr": N_("French"),
                          "es": N_("Spanish")})

#: the words a file or a form may use for a format or a language (folded), beside the keys
FORMAT_WORDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "tekst", "post", "wpis"),
    "photo": ("photo", "picture", "image", "graphic", "zdjecie", "zdjecia", "foto", "grafika"),
    "video": ("video", "film", "wideo", "nagranie"),
    "article": ("article", "artykul", "blog"),
}
LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "pl": ("pl", "polish", "polski", "polskim", "pol"),
    "en": ("en", "english", "angielski", "angielskim", "eng"),
    "de": ("de", "german", "niemiecki", "deutsch"),
    "uk": ("uk", "ua", "ukrainian", "ukrainski"),
    "cs": ("cs", "cz", "czech", "czeski"),
    "fr": ("fr", "french", "francuski"),
    "es": ("es", "spanish", "hiszpanski"),
}
_FORMAT_BY_WORD = {word: key for key, words in FORMAT_WORDS.items() for word in words}
_LANGUAGE_BY_WORD = {word: key for key, words in LANGUAGE_WORDS.items() for word in words}


def topic_key(name: str) -> str:
    """The same topic whatever the case, spacing or Unicode form of its letters."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def split_list(text: str) -> list[str]:
    """The trimmed, non-empty pieces of a typed list (as typed, duplicates kept)."""
    return [piece.strip() for piece in SEPARATORS.split(text or "") if piece.strip()]


def parse_topics(text: str) -> tuple[str, ...]:
    """The topics of a typed list, in the order typed, each once (the first spelling wins)."""
    seen: set[str] = set()
    topics: list[str] = []
    for piece in split_list(text):
        key = topic_key(piece)
        if key not in seen:
            seen.add(key)
            topics.append(piece)
    return tuple(topics)


def join_topics(topics: tuple[str, ...] | list[str]) -> str:
    """A list of topics written back as one line (``parse_topics`` reads it the same)."""
    return ", ".join(topics)


def check_topics(text: str) -> str | None:
    """A sentence saying what is wrong with a typed list of topics, or None."""
    topics = parse_topics(text)
    for topic in topics:
        if _CONTROL.search(topic):
            return _("A topic cannot hold a control character: keep each topic to plain text.")
        if len(topic) > TOPIC_MAX:
            return _("The topic “{topic}” is too long: at most {limit} characters.").format(
                topic=topic[:30] + "…", limit=TOPIC_MAX)
    if len(topics) > TOPICS_MAX:
        return _("That is {count} topics: at most {limit}. Keep the ones that matter most.").format(
            count=len(topics), limit=TOPICS_MAX)
    return None


def _choices(text: str, by_word: dict[str, str], order: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    found: set[str] = set()
    unknown: list[str] = []
    for piece in split_list(text):
        for word in piece.split():
            key = by_word.get(fold(word).strip(".()"))
            if key is None:
                unknown.append(word)
            else:
                found.add(key)
    return tuple(key for key in order if key in found), unknown


def parse_formats(text: str) -> tuple[str, ...]:
    """Format keys from "text, video" or "tekst, wideo" (unknown words are left out)."""
    return _choices(text, _FORMAT_BY_WORD, FORMATS)[0]


def check_formats(text: str) -> str | None:
    unknown = _choices(text, _FORMAT_BY_WORD, FORMATS)[1]
    if unknown:
        return _("Unknown format “{value}”: choose from {choices}.").format(
            value=unknown[0][:30], choices=", ".join(FORMATS))
    return None


def parse_languages(text: str) -> tuple[str, ...]:
    """Language codes from "pl, en" or "polski, angielski" (unknown words are left out)."""
    return _choices(text, _LANGUAGE_BY_WORD, PERSON_LANGUAGES)[0]


def check_languages(text: str) -> str | None:
    unknown = _choices(text, _LANGUAGE_BY_WORD, PERSON_LANGUAGES)[1]
    if unknown:
        return _("Unknown language “{value}”: write codes such as pl, en (known: {choices}).").format(
            value=unknown[0][:30], choices=", ".join(PERSON_LANGUAGES))
    return None


def complete_last(value: str, known: list[str]) -> str | None:
    """``value`` with its last, unfinished topic completed from ``known`` topics: "Java, empl"
    becomes "Java, employer branding". Case and diacritics do not matter for the match;
    a topic already in the list is not offered again."""
    pieces = SEPARATORS.split(value)
    last = pieces[-1].lstrip()
    if not last:
        return None
    needle = fold(last)
    taken = {topic_key(piece) for piece in pieces[:-1] if piece.strip()}
    for topic in known:
        if fold(topic).startswith(needle) and topic_key(topic) not in taken and len(topic) > len(last):
            return value[: len(value) - len(last)] + topic
    return None
