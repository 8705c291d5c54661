"""The verdict a consultant would give: each rule with the answer set that walked around it.

Every test here starts from a run where every answer is the ready one (a plain "Go")
and changes only what the rule is about.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advocacy_tui.data.readiness import builtin_bank, parse_bank_text
from advocacy_tui.domain.readiness import (
    QUESTION_KEYS,
    Answer,
    Bank,
    BankError,
    banks_differ,
    score_run,
)
from advocacy_tui.domain.readiness_texts import flag_line, reason_text, standing_label

TODAY = date(2026, 12, 2)
FULL = {lang: builtin_bank("readiness", lang) for lang in ("en", "pl")}
QUICK = {lang: builtin_bank("readiness-quick", lang) for lang in ("en", "pl")}
CONTENT = Path(__file__).parents[2] / "src" / "advocacy_tui" / "content"


def ready_value(question) -> str:
    if question.kind == "yes_no":
        return question.good
    if question.kind == "scale":
        return "1" if question.reverse else "5"
    return f"{question.full_at:g}"


def run(bank: Bank, skip=(), notes=None, **changes):
    values = {q.id: ready_value(q) for q in bank.questions}
    values.update({k.replace("__", "."): v for k, v in changes.items()})
    answers = {}
    for qid, value in values.items():
        if qid in skip or any(qid.startswith(prefix + ".") for prefix in skip):
            answers[qid] = Answer(qid, None, skipped=True)
        else:
            answers[qid] = Answer(qid, value, note=(notes or {}).get(qid, ""))
    return score_run(bank, answers, TODAY)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_ready_run_is_go(lang):
    for bank in (FULL[lang], QUICK[lang]):
        result = run(bank)
        assert (result.verdict, result.flags) == ("go", ()), bank.name


# -- a skipped blocking question is not a pass ----------------------------------------------


def test_skipping_the_whole_climate_section_is_not_go():
    result = run(FULL["en"], skip=("climate",))
    assert result.verdict == "prepare"
    assert result.reason == "unanswered_blocking"
    ids = [q.id for q in result.unanswered_blocking]
    assert ids == ["climate.restructuring", "climate.change", "climate.discontent", "climate.engagement"]
    assert "climate.restructuring" not in [q.id for q in run(FULL["en"]).unanswered_blocking]


def test_skipping_climate_and_resources_is_still_not_go():
    result = run(FULL["en"], skip=("climate", "resources"))
    assert result.verdict == "prepare"
    assert {"resources.owner_hours", "resources.daily_care"} <= {q.id for q in result.unanswered_blocking}


def test_a_question_never_reached_counts_like_a_skipped_one():
    bank = FULL["en"]
    answers = {q.id: Answer(q.id, ready_value(q)) for q in bank.questions if q.section != "climate"}
    result = score_run(bank, answers, TODAY)
    assert result.verdict == "prepare" and result.reason == "unanswered_blocking"


def test_the_reason_names_the_questions_to_answer():
    result = run(FULL["en"], skip=("climate.discontent",))
    text = reason_text("en", result)
    assert FULL["en"].question("climate.discontent").text in text
    pl = run(FULL["pl"], skip=("climate.discontent",))
    assert FULL["pl"].question("climate.discontent").text in reason_text("pl", pl)


def test_a_blocking_flag_still_means_wait_when_other_blocking_questions_are_skipped():
    result = run(FULL["en"], skip=("climate.change",), climate__discontent="yes")
    assert result.verdict == "wait"


# -- "partly" is an answer, not a yes -------------------------------------------------------


@pytest.mark.parametrize("qid", [
    "climate.restructuring", "climate.change", "climate.discontent", "trust.approval",
    "motivation.prizes", "resources.daily_care",
])
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_partly_on_a_question_that_matters_raises_a_partial_flag(qid, lang):
    result = run(FULL[lang], **{qid.replace(".", "__"): "partly"})
    assert result.verdict == "prepare"
    flag = next(f for f in result.flags if f.question.id == qid)
    assert flag.partial and not flag.blocking
    assert flag.text and flag.text != flag.question.flag
    assert flag.step


def test_the_demo_approval_for_the_first_month_is_a_flag_with_its_follow_up_answer():
    note = "Communications wants to see posts for the first month only."
    result = run(FULL["en"], notes={"trust.approval": note}, trust__approval="partly")
    flag = next(f for f in result.flags if f.question.id == "trust.approval")
    assert FULL["en"].question("trust.approval").follow_up
    assert note in flag_line("en", flag)


def test_daily_care_partly_with_two_hours_a_week_is_not_go():
    result = run(FULL["en"], resources__daily_care="partly", resources__owner_hours="2")
    assert result.verdict != "go"
    assert "resources.daily_care" in {f.question.id for f in result.flags}


def test_partly_where_it_only_weakens_the_score_uses_the_bank_score():
    bank = FULL["en"]
    scored = [q for q in bank.questions if q.kind == "yes_no" and q.partly == "score"]
    assert scored
    for question in scored:
        assert 0 <= question.partly_score < 1


def test_every_yes_no_question_says_what_partly_does():
    for bank in (*FULL.values(), *QUICK.values()):
        for question in bank.questions:
            if question.kind == "yes_no":
                assert question.partly in ("score", "flag", "ask"), question.id


# -- the pilgrimage is the first stage ------------------------------------------------------


@pytest.mark.parametrize("qid", ["trust.tour", "trust.beneficiaries"])
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_no_pilgrimage_means_prepare_with_the_pilgrimage_first(qid, lang):
    result = run(FULL[lang], **{qid.replace(".", "__"): "no"})
    assert result.verdict == "prepare"
    assert result.steps[0].question.id == qid
    assert result.steps[0].question.first_step


def test_the_pilgrimage_goes_before_other_red_flags_but_after_blocking_ones():
    result = run(FULL["en"], trust__tour="no", trust__approval="yes", motivation__prizes="yes")
    assert result.steps[0].question.id == "trust.tour"
    waiting = run(FULL["en"], trust__tour="no", climate__discontent="yes")
    assert [s.question.id for s in waiting.steps][:2] == ["climate.discontent", "trust.tour"]


# -- company first and the effort nobody carries --------------------------------------------


def test_mostly_company_content_is_flagged():
    result = run(FULL["en"], personal__company_share="4")
    assert result.verdict == "prepare"
    assert "personal.company_share" in {f.question.id for f in result.flags}
    assert run(FULL["en"], personal__company_share="3").verdict == "go"


@pytest.mark.parametrize("qid", ["resources.content", "resources.hub", "goals.patience"])
def test_effort_nobody_can_carry_is_flagged(qid):
    result = run(FULL["en"], **{qid.replace(".", "__"): "no"})
    assert result.verdict == "prepare"
    assert qid in {f.question.id for f in result.flags}


def test_no_sample_posts_and_no_hub_is_not_go():
    result = run(FULL["en"], resources__content="no", resources__hub="no")
    assert result.verdict == "prepare" and len(result.flags) == 2


# -- the quick check can still say wait -----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_quick_bank_asks_about_change_engagement_managers_and_the_tour(lang):
    ids = set(QUICK[lang].question_ids)
    assert {"climate.change", "climate.engagement", "leaders.managers", "trust.tour"} <= ids
    assert run(QUICK[lang], climate__change="yes").verdict == "wait"
    assert run(QUICK[lang], climate__engagement="2").verdict == "wait"
    assert run(QUICK[lang], trust__tour="no").verdict == "prepare"


# -- an area with a blocking flag is never "good" -------------------------------------------


def test_an_area_with_a_blocking_flag_is_labelled_blocked():
    result = run(FULL["en"], climate__discontent="yes")
    climate = next(s for s in result.sections if s.section.id == "climate")
    assert climate.score >= 60  # the score alone would say "good"
    assert result.standing("climate") == "blocked"
    assert standing_label("en", result, "climate") != "good"
    assert standing_label("pl", run(FULL["pl"], climate__discontent="yes"), "climate") != "dobrze"


def test_an_area_with_a_partial_flag_is_at_most_middling():
    result = run(FULL["en"], trust__approval="partly")
    assert result.standing("trust") in ("low", "middling")
    assert result.standing("goals") == "strong"


# -- comparing runs of different banks ------------------------------------------------------


def test_runs_of_different_banks_are_not_compared_silently():
    assert banks_differ(FULL["en"], QUICK["en"])
    assert not banks_differ(FULL["en"], FULL["pl"])
    assert not banks_differ(QUICK["en"], QUICK["en"])


# -- three questions a consultant would ask -------------------------------------------------


@pytest.mark.parametrize("qid", ["onboarding.candidates", "personal.announcement", "trust.policy"])
def test_the_three_new_questions_exist_in_both_languages(qid):
    en, pl = FULL["en"].question(qid), FULL["pl"].question(qid)
    assert en.text != pl.text and en.why != pl.why
    assert en.step and pl.step


# -- the bank files document their rules, and a broken bank is explained --------------------


@pytest.mark.parametrize("path", sorted(CONTENT.glob("readiness*.toml")), ids=lambda p: p.name)
def test_every_bank_file_documents_every_key(path):
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    text = "\n".join(header)
    for key in QUESTION_KEYS:
        assert f"`{key}`" in text or f"{key} =" in text, (path.name, key)


BASE = """
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
good = "no"
flag_on = ["yes"]
flag = "Bad."
step = "Fix it."
"""


@pytest.mark.parametrize(("extra", "fragment"), [
    ('partly = "maybe"', "“partly” must be"),
    ('partly = "flag"', "“partly_flag”"),
    ('partly = "ask"\npartly_flag = "Half bad."', "“follow_up”"),
    ('follow_up = "Until when?"', "“follow_up”"),
    ('partly_score = 1.5', "“partly_score”"),
    ('partly_flag = "Half bad."', "“partly_flag”"),
    ('first_step = "yes"', "“first_step”"),
])
def test_broken_partly_rules_are_refused_in_plain_words(extra, fragment):
    with pytest.raises(BankError) as error:
        parse_bank_text(BASE + extra + "\n", file_name="mine.en.toml", source="mine.en.toml")
    assert str(error.value).startswith("mine.en.toml: question “q1”: ")
    assert fragment in str(error.value)


def test_partly_cannot_be_both_in_flag_on_and_a_rule_of_its_own():
    text = BASE.replace('flag_on = ["yes"]', 'flag_on = ["yes", "partly"]') + 'partly = "flag"\npartly_flag = "x"\n'
    with pytest.raises(BankError, match="partly"):
        parse_bank_text(text, file_name="mine.en.toml", source="mine.en.toml")


def test_partly_rules_only_apply_to_yes_no_questions():
    text = BASE.replace('kind = "yes_no"', 'kind = "scale"').replace('good = "no"\nflag_on = ["yes"]\n',
                                                                     "flag_at_most = 1\n")
    with pytest.raises(BankError, match="does not apply"):
        parse_bank_text(text + 'partly = "score"\n', file_name="mine.en.toml", source="mine.en.toml")


def test_first_step_needs_a_flag():
    text = BASE.replace('flag_on = ["yes"]\nflag = "Bad."\n', "") + "first_step = true\n"
    with pytest.raises(BankError, match="first_step"):
        parse_bank_text(text, file_name="mine.en.toml", source="mine.en.toml")


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_quick_banks_are_built_from_the_full_ones_by_id(lang):
    from advocacy_tui.data.quick_banks import build

    committed = (CONTENT / f"readiness-quick.{lang}.toml").read_text(encoding="utf-8")
    assert committed == build(lang), "run: uv run python -m advocacy_tui.data.quick_banks"


# -- properties over any answers (skips included) --------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _any_answer(question):
    if question.kind == "yes_no":
        values = st.sampled_from(["yes", "no", "partly"])
    elif question.kind == "scale":
        values = st.sampled_from(["1", "2", "3", "4", "5"])
    else:
        values = st.integers(min_value=0, max_value=40).map(str)
    return st.one_of(st.none(), st.just("skip"), values)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["en", "pl"]).flatmap(lambda lang: st.tuples(
    st.just(lang), st.fixed_dictionaries({q.id: _any_answer(q) for q in FULL[lang].questions}))))
def test_property_go_means_every_blocking_question_answered_and_no_flag(case):
    lang, values = case
    answers = {qid: Answer(qid, None, skipped=True) if value == "skip" else Answer(qid, value)
               for qid, value in values.items() if value is not None}
    result = score_run(FULL[lang], answers, TODAY)
    if result.verdict == "go":
        assert not result.flags and not result.unanswered_blocking
    for flag in result.flags:
        assert not (flag.partial and flag.blocking)
    for section in result.sections:
        if any(f.blocking for f in result.flags if f.section.id == section.section.id):
            assert result.standing(section.section.id) == "blocked"
    if result.steps and any(f.question.first_step for f in result.flags) and not result.blocking_flags:
        assert result.steps[0].question.first_step
