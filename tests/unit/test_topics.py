"""Topics typed as a list, formats and languages: the parser and its checks."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.topics import (
    SEPARATORS,
    check_formats,
    check_languages,
    check_topics,
    complete_last,
    join_topics,
    parse_formats,
    parse_languages,
    parse_topics,
    topic_key,
)


def test_a_typed_list_is_split_on_commas_semicolons_and_lines_and_trimmed():
    assert parse_topics("employer branding, Java; rekrutacja") == ("employer branding", "Java", "rekrutacja")
    assert parse_topics("  Java ,,; \n  Python\t") == ("Java", "Python")
    assert parse_topics("") == () and parse_topics(" , ; ") == ()


def test_each_topic_is_kept_as_typed_inside():
    assert parse_topics("Employer  Branding, C++") == ("Employer  Branding", "C++")


def test_duplicates_go_whatever_the_case_spacing_or_polish_letters():
    decomposed = unicodedata.normalize("NFD", "łódź")
    assert parse_topics(f"Łódź, ŁÓDŹ, {decomposed}, Java, java,  JAVA ") == ("Łódź", "Java")
    assert parse_topics("employer branding, Employer  branding") == ("employer branding",)
    # diacritics are letters of their own: two topics
    assert parse_topics("łączność, lacznosc") == ("łączność", "lacznosc")


def test_checks_explain_in_words():
    assert check_topics("Java, rekrutacja") is None
    assert "too long" in (check_topics("x" * 61) or "")
    assert "at most 30" in (check_topics(", ".join(f"t{n}" for n in range(31))) or "")
    assert "control character" in (check_topics("a\x1bb") or "")


def test_formats_and_languages_in_english_or_polish_words():
    assert parse_formats("video, tekst; Artykuł") == ("text", "video", "article")
    assert check_formats("text, podcast") == "Unknown format “podcast”: choose from text, photo, video, article."
    assert parse_languages("en, Polski") == ("pl", "en")
    assert check_languages("pl, klingon") is not None and "klingon" in check_languages("pl, klingon")
    assert check_languages("pl en") is None and parse_languages("pl en") == ("pl", "en")


def test_the_last_topic_is_completed_from_the_known_ones():
    known = ["employer branding", "Java", "rekrutacja", "Łódź"]
    assert complete_last("Java, empl", known) == "Java, employer branding"
    assert complete_last("lod", known) == "Łódź"
    assert complete_last("Java, ja", known) is None  # Java is in the list already
    assert complete_last("Java, ", known) is None
    assert complete_last("rekrutacja", known) is None  # complete already


pieces = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
typed = st.lists(st.one_of(pieces, st.sampled_from([",", ";", "\n", " ", "Ł", "ł", "Java", "JAVA"])),
                 max_size=12).map("".join)


@given(typed)
def test_parsing_the_written_list_again_gives_the_same_topics(text):
    topics = parse_topics(text)
    assert parse_topics(join_topics(topics)) == topics


@given(typed)
def test_every_topic_is_trimmed_non_empty_unique_and_from_the_text(text):
    topics = parse_topics(text)
    keys = [topic_key(t) for t in topics]
    assert len(keys) == len(set(keys))
    for topic in topics:
        assert topic and topic == topic.strip() and not SEPARATORS.search(topic) and topic in text
    # nothing typed is lost: every piece is one of the topics, in some spelling
    for piece in SEPARATORS.split(text):
        if piece.strip():
            assert topic_key(piece) in keys


@given(typed, st.lists(pieces, max_size=5))
def test_completion_only_ever_extends_the_last_topic(text, known):
    completed = complete_last(text, known)
    if completed is not None:
        kept = text[: len(text) - len(SEPARATORS.split(text)[-1].lstrip())]
        assert completed.startswith(kept) and completed[len(kept):] in known
