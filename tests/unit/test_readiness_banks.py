"""Question banks: the built-in ones load and agree across languages; broken ones are refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_tui.data.readiness import (
    available_banks,
    builtin_bank,
    find_bank,
    parse_bank_text,
)
from advocacy_tui.domain.readiness import BankError

SECTIONS_REQUIRED = {"climate", "onboarding", "leaders", "personal", "trust", "motivation", "resources", "goals"}


@pytest.mark.parametrize("name", ["readiness", "readiness-quick"])
def test_both_languages_load_with_the_same_ids_and_shape(name):
    en, pl = builtin_bank(name, "en"), builtin_bank(name, "pl")
    assert en.question_ids == pl.question_ids
    assert en.shape() == pl.shape()
    assert en.title != pl.title
    for q_en, q_pl in zip(en.questions, pl.questions, strict=True):
        assert q_en.text != q_pl.text, q_en.id


def test_the_full_bank_covers_the_seven_failures_and_goals():
    bank = builtin_bank("readiness", "en")
    assert {s.id for s in bank.sections} == SECTIONS_REQUIRED
    assert 30 <= len(bank.questions) <= 40
    climate_blocking = [q for q in bank.questions if q.section == "climate" and q.blocking]
    assert len(climate_blocking) >= 3
    assert bank.question("resources.owner_hours").kind == "number"


def test_the_quick_bank_is_about_fifteen_questions_taken_from_the_full_one():
    full, quick = builtin_bank("readiness", "en"), builtin_bank("readiness-quick", "en")
    assert 12 <= len(quick.questions) <= 16
    for question in quick.questions:
        assert full.question(question.id) == question


GOOD = """
[bank]
title = "Mine"
[[sections]]
id = "s"
title = "S"
[[questions]]
id = "q1"
section = "s"
kind = "yes_no"
text = "Q?"
why = "Because."
"""


def test_a_minimal_bank_parses_and_takes_its_name_and_language_from_the_file_name():
    bank = parse_bank_text(GOOD, file_name="mine.pl.toml", source="mine.pl.toml")
    assert (bank.name, bank.language, len(bank.questions)) == ("mine", "pl", 1)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ('kind = "yes_no"', 'kind = "maybe"'),
        ('text = "Q?"', 'text = ""'),
        ('section = "s"', 'section = "nowhere"'),
        ('why = "Because."', 'why = "Because."\nflag = "Bad."'),
        ('why = "Because."', 'why = "Because."\nflag_on = ["yes"]\nflag = "Bad."'),
        ('why = "Because."', 'why = "Because."\nweight = 9'),
        ('why = "Because."', 'why = "Because."\nflag_at_most = 2'),
        ('why = "Because."', 'why = "Because."\ncolour = "red"'),
        ('why = "Because."', 'why = "Because."\ngood = "no"\nflag_on = ["no"]\nflag = "x"\nstep = "y"'),
    ],
    ids=["kind", "empty-text", "section", "flag-without-rule", "flag-without-step", "weight",
         "wrong-rule", "unknown-key", "good-in-flag"],
)
def test_a_broken_question_is_refused_with_file_question_and_reason(change, fragment):
    text = GOOD.replace(change, fragment)
    with pytest.raises(BankError) as error:
        parse_bank_text(text, file_name="mine.en.toml", source="banks/mine.en.toml")
    message = str(error.value)
    assert message.startswith("banks/mine.en.toml: question “q1”: ")
    assert len(message) > len("banks/mine.en.toml: question “q1”: ") + 10


def test_duplicate_ids_and_bad_toml_are_refused():
    with pytest.raises(BankError, match="question “q1”: the same question id appears twice"):
        parse_bank_text(GOOD + GOOD.split("[[questions]]")[1].join(["[[questions]]", ""]),
                        file_name="m.toml", source="m.toml")
    with pytest.raises(BankError, match="m.toml: file: is not valid TOML"):
        parse_bank_text("[bank", file_name="m.toml", source="m.toml")
    with pytest.raises(BankError, match="language “de”"):
        parse_bank_text(GOOD.replace('title = "Mine"', 'title = "Mine"\nlanguage = "de"'),
                        file_name="m.toml", source="m.toml")


def test_facilitator_banks_are_offered_and_broken_ones_reported(tmp_path: Path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "mine.en.toml").write_text(GOOD, encoding="utf-8")
    (folder / "broken.en.toml").write_text(GOOD.replace('kind = "yes_no"', 'kind = "essay"'), encoding="utf-8")
    (folder / "readiness.en.toml").write_text(GOOD, encoding="utf-8")
    banks, problems = available_banks(tmp_path)
    assert ("mine", "en") in {(b.name, b.language) for b in banks}
    assert len(problems) == 2
    assert any("broken.en.toml: question “q1”: kind “essay”" in p.message for p in problems)
    assert any("already exists" in p.message for p in problems)
    assert find_bank("mine", "en", tmp_path).title == "Mine"
    with pytest.raises(BankError, match="essay"):
        find_bank("broken", "en", tmp_path)
    with pytest.raises(LookupError, match="no pl version"):
        find_bank("mine", "pl", tmp_path)
    with pytest.raises(LookupError, match="Known banks: mine, readiness, readiness-quick"):
        find_bank("nope", "en", tmp_path)
