"""The readiness scoring rules, one test per rule, plus properties over any answers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_tui.data.readiness import builtin_bank
from advocacy_tui.domain.readiness import (
    Answer,
    majority,
    parse_bank,
    question_score,
    raises_flag,
    recheck_for,
    score_run,
)

TODAY = date(2026, 11, 27)


def small_bank():
    data = {
        "bank": {"title": "Test"},
        "sections": [
            {"id": "climate", "title": "Climate", "weight": 3},
            {"id": "trust", "title": "Trust", "weight": 2},
            {"id": "resources", "title": "Resources", "weight": 1},
        ],
        "questions": [
            {"id": "c.restructuring", "section": "climate", "kind": "yes_no", "good": "no", "weight": 3,
             "text": "Restructuring?", "why": "w", "flag_on": ["yes"], "blocking": True,
             "flag": "Restructuring under way.", "step": "Wait for it to settle."},
            {"id": "c.mood", "section": "climate", "kind": "scale", "weight": 1, "text": "Mood?", "why": "w",
             "step": "Improve the mood."},
            {"id": "t.approval", "section": "trust", "kind": "yes_no", "good": "no", "weight": 2,
             "text": "Approve every post?", "why": "w", "flag_on": ["yes"],
             "flag": "Every post needs approval.", "step": "Drop approvals."},
            {"id": "t.tour", "section": "trust", "kind": "yes_no", "text": "Tour?", "why": "w",
             "step": "Do the tour."},
            {"id": "r.hours", "section": "resources", "kind": "number", "full_at": 6, "weight": 2,
             "text": "Hours?", "why": "w", "unit": "h", "flag_below": 2, "blocking": True,
             "flag": "No time.", "step": "Find time."},
            {"id": "r.share", "section": "resources", "kind": "scale", "reverse": True, "flag_at_most": 1,
             "text": "Company share?", "why": "w", "flag": "Company first.", "step": "Mix."},
        ],
    }
    return parse_bank(data, name="test", language="en", source="test.en.toml")


def answers(**values):
    return {qid.replace("_", "."): Answer(qid.replace("_", "."), value) for qid, value in values.items()}


READY = {"c.restructuring": "no", "c.mood": "5", "t.approval": "no", "t.tour": "yes", "r.hours": "8",
         "r.share": "1"}


def ready(**changes):
    values = {**READY, **{k.replace("_", "."): v for k, v in changes.items()}}
    return {k: Answer(k, v) for k, v in values.items()}


def test_yes_no_scores_good_partly_and_bad():
    q = small_bank().question("t.approval")
    assert question_score(q, "no") == 1.0
    assert question_score(q, "partly") == 0.5
    assert question_score(q, "yes") == 0.0


def test_scale_scores_and_reverse():
    bank = small_bank()
    assert question_score(bank.question("c.mood"), "1") == 0.0
    assert question_score(bank.question("c.mood"), "3") == 0.5
    assert question_score(bank.question("r.share"), "1") == 1.0
    assert question_score(bank.question("r.share"), "5") == 0.0


def test_number_scores_up_to_full_at():
    q = small_bank().question("r.hours")
    assert question_score(q, "3") == 0.5
    assert question_score(q, "12") == 1.0
    assert question_score(q, "1,5") == 0.25


def test_flags_follow_the_rule_of_each_kind():
    bank = small_bank()
    assert raises_flag(bank.question("t.approval"), "yes")
    assert not raises_flag(bank.question("t.approval"), "partly")
    assert raises_flag(bank.question("r.hours"), "1.5")
    assert not raises_flag(bank.question("r.hours"), "2")
    assert raises_flag(bank.question("r.share"), "5")  # reversed scale: 5 is the worst end
    assert not raises_flag(bank.question("r.share"), "4")


def test_section_scores_are_weighted_and_skips_do_not_count():
    bank = small_bank()
    result = score_run(bank, ready(t_tour="no"), TODAY)
    trust = next(s for s in result.sections if s.section.id == "trust")
    assert trust.score == round(100 * (1.0 * 2 + 0.0 * 1) / 3)
    skipped = ready()
    skipped["t.tour"] = Answer("t.tour", None, skipped=True)
    trust = next(s for s in score_run(bank, skipped, TODAY).sections if s.section.id == "trust")
    assert trust.score == 100 and trust.answered == 1 and trust.total == 2


def test_a_section_with_every_question_skipped_has_no_score():
    values = ready()
    values["t.tour"] = Answer("t.tour", None, skipped=True)
    values["t.approval"] = Answer("t.approval", None, skipped=True)
    result = score_run(small_bank(), values, TODAY)
    assert next(s for s in result.sections if s.section.id == "trust").score is None
    assert result.overall == 100


def test_everything_ready_means_go():
    result = score_run(small_bank(), ready(), TODAY)
    assert (result.verdict, result.reason, result.overall) == ("go", "ready", 100)
    assert result.flags == () and result.steps == ()


def test_a_blocking_climate_flag_means_wait_whatever_the_scores():
    result = score_run(small_bank(), ready(c_restructuring="yes"), TODAY)
    assert result.verdict == "wait"
    assert result.reason == "blocking_flag"
    assert result.reason_detail == "Restructuring under way."
    assert all(s.score == 100 for s in result.sections if s.section.id != "climate")


def test_too_few_owner_hours_is_blocking():
    result = score_run(small_bank(), ready(r_hours="1"), TODAY)
    assert result.verdict == "wait"
    assert result.blocking_flags[0].question.id == "r.hours"


def test_owner_hours_feed_the_resources_section():
    low = score_run(small_bank(), ready(r_hours="3"), TODAY)
    resources = next(s for s in low.sections if s.section.id == "resources")
    assert resources.score == round(100 * (0.5 * 2 + 1.0) / 3)


def test_a_non_blocking_red_flag_means_prepare_first():
    result = score_run(small_bank(), ready(t_approval="yes"), TODAY)
    assert (result.verdict, result.reason) == ("prepare", "red_flag")
    assert result.flags[0].question.flag == "Every post needs approval."
    assert not result.flags[0].blocking


def test_a_weak_section_means_prepare_first():
    result = score_run(small_bank(), ready(t_approval="partly", t_tour="no"), TODAY)
    assert result.verdict == "prepare"
    assert (result.reason, result.reason_detail) == ("weak_section", "Trust")


def test_a_middling_overall_score_means_prepare_first():
    result = score_run(small_bank(), ready(c_restructuring="partly", c_mood="3", t_approval="partly",
                                           t_tour="partly", r_hours="3", r_share="3"),
                       TODAY)
    assert result.flags == ()
    assert 40 <= result.overall < 70
    assert (result.verdict, result.reason) == ("prepare", "low_overall_prepare")


def test_a_very_low_overall_score_means_wait():
    result = score_run(small_bank(), ready(c_restructuring="partly", c_mood="1", t_approval="partly",
                                           t_tour="no", r_hours="2", r_share="4"), TODAY)
    assert result.overall < 40
    assert (result.verdict, result.reason) == ("wait", "low_overall")


def test_fewer_than_half_answered_cannot_go():
    # both blocking questions answered (else "unanswered_blocking" is the reason), 2 of 6 in all
    values = {"c.restructuring": Answer("c.restructuring", "no"), "r.hours": Answer("r.hours", "8")}
    result = score_run(small_bank(), values, TODAY)
    assert (result.verdict, result.reason) == ("prepare", "too_few_answers")


def test_no_answers_at_all():
    result = score_run(small_bank(), {}, TODAY)
    assert (result.verdict, result.reason, result.overall) == ("prepare", "no_answers", None)


def test_next_steps_blocking_flags_first_then_flags_then_weak_sections():
    result = score_run(small_bank(), ready(t_approval="yes", r_hours="1", c_mood="2", t_tour="no"), TODAY)
    assert [s.because for s in result.steps] == ["blocking", "flag", "section"]
    assert [s.question.id for s in result.steps][:2] == ["r.hours", "t.approval"]


def test_next_steps_take_the_weakest_sections_by_weight_one_each():
    # climate (weight 3) loses less than trust (weight 2) in points, but counts more
    result = score_run(small_bank(), ready(c_mood="1", t_tour="no"), TODAY)
    ids = [s.question.id for s in result.steps]
    assert ids == ["c.mood", "t.tour"]


def test_at_most_three_next_steps():
    result = score_run(small_bank(), {k: Answer(k, v) for k, v in {
        "c.restructuring": "yes", "c.mood": "1", "t.approval": "yes", "t.tour": "no", "r.hours": "0",
        "r.share": "5"}.items()}, TODAY)
    assert len(result.steps) == 3


def test_when_to_check_again():
    assert recheck_for("wait", TODAY).earliest == date(2027, 2, 26)
    prepare = recheck_for("prepare", TODAY)
    assert (prepare.earliest, prepare.latest) == (date(2026, 12, 25), date(2027, 1, 8))
    go = recheck_for("go", TODAY)
    assert go.earliest == date(2027, 5, 28) and go.rule == "go"


def test_majority_and_ties_go_to_the_less_ready_answer():
    bank = small_bank()
    approval = bank.question("t.approval")
    assert majority(approval, {"yes": 3, "no": 7}) == "no"
    assert majority(approval, {"yes": 4, "no": 4, "partly": 1}) == "yes"
    assert majority(approval, {"no": 4, "partly": 4}) == "partly"
    assert majority(approval, {}) is None
    assert majority(bank.question("c.mood"), {"2": 5, "4": 5}) == "2"
    assert majority(bank.question("r.share"), {"2": 5, "4": 5}) == "4"  # reversed scale


# -- properties ---------------------------------------------------------------------------

FULL_EN = builtin_bank("readiness", "en")


def _answer_strategy(question):
    if question.kind == "yes_no":
        values = st.sampled_from(["yes", "no", "partly"])
    elif question.kind == "scale":
        values = st.sampled_from(["1", "2", "3", "4", "5"])
    else:
        values = st.integers(min_value=0, max_value=60).map(str)
    return st.one_of(st.none(), values)


run_answers = st.fixed_dictionaries({q.id: _answer_strategy(q) for q in FULL_EN.questions})


@settings(max_examples=150, deadline=None)
@given(run_answers)
def test_property_a_blocking_flag_always_means_wait(values):
    given_answers = {k: Answer(k, v) for k, v in values.items() if v is not None}
    result = score_run(FULL_EN, given_answers, TODAY)
    if result.blocking_flags:
        assert result.verdict == "wait"
    if result.verdict == "go":
        assert not result.flags
    assert len(result.steps) <= 3
    for section in result.sections:
        assert section.score is None or 0 <= section.score <= 100


@settings(max_examples=100, deadline=None)
@given(run_answers, st.sampled_from([q.id for q in FULL_EN.questions if q.blocking and q.section == "climate"]))
def test_property_any_blocking_climate_answer_forces_wait(values, blocking_id):
    question = FULL_EN.question(blocking_id)
    bad = question.flag_on[0] if question.kind == "yes_no" else "1"
    given_answers = {k: Answer(k, v) for k, v in values.items() if v is not None}
    given_answers[blocking_id] = Answer(blocking_id, bad)
    result = score_run(FULL_EN, given_answers, TODAY)
    assert result.verdict == "wait"
    assert result.steps[0].because == "blocking"


@pytest.mark.parametrize("qid", ["motivation.voluntary", "motivation.pay", "motivation.prizes", "trust.approval"])
def test_the_brief_red_flags_exist_in_the_full_bank(qid):
    question = FULL_EN.question(qid)
    assert question.flag and question.flag_on and not question.blocking
