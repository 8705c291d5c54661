"""Issue 21: the consent flag, who recommended a person, the invitation day, and the
recruitment funnel built from them."""

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.funnel import funnel
from advocacy_tui.data.settings import SETTING_EMPLOYEES, SettingsRepo
from advocacy_tui.domain.ambassadors import build_ambassador, invitation_day
from advocacy_tui.domain.funnel import STAGES, Funnel, check_employees, parse_employees
from advocacy_tui.domain.today import FIELD_ACTIVE_HIGH, FIELD_ACTIVE_LOW


def add(store, name, status="candidate", **fields):
    return AmbassadorRepo(store).add(build_ambassador({"name": name, "status": status, **fields}))


def test_the_new_fields_are_saved_and_read_back(store):
    repo = AmbassadorRepo(store)
    key = add(store, "Ola", "onboarding", recommended_by="  Anna   Nowak ", invited_on="02.03.2026",
              thanks_by_name="1")
    person = repo.get(key)
    assert (person.thanks_by_name, person.recommended_by, person.invited_on) == (
        True, "Anna Nowak", date(2026, 3, 2))
    repo.update(replace(person, thanks_by_name=False, recommended_by=""), expected=person)
    again = repo.get(key)
    assert (again.thanks_by_name, again.recommended_by) == (False, "")
    assert store.db.conn.execute("SELECT thanks_by_name FROM ambassadors WHERE id = ?", (key,)).fetchone() == (0,)


def test_a_bad_invitation_day_and_a_long_name_are_refused():
    import pytest

    from advocacy_tui.domain.ambassadors import ValidationError

    with pytest.raises(ValidationError) as error:
        build_ambassador({"name": "Ola", "invited_on": "31.02.2026", "recommended_by": "x" * 201})
    assert set(error.value.problems) == {"invited_on", "recommended_by"}


def test_invitation_day_rule():
    today = date(2026, 11, 27)
    assert invitation_day("invited", None, None, today) == today  # a new invited person
    assert invitation_day("invited", None, "candidate", today) == today  # becomes invited now
    assert invitation_day("invited", None, "invited", today) is None  # was already: no guess
    assert invitation_day("invited", date(2026, 1, 5), "candidate", today) == date(2026, 1, 5)
    assert invitation_day("onboarding", None, "invited", today) is None
    assert invitation_day("candidate", None, None, today) is None


def test_the_repo_sets_the_invitation_day_when_the_status_becomes_invited(store, clock):
    repo = AmbassadorRepo(store)
    today = clock.today()
    invited = repo.get(add(store, "Ewa", "invited"))
    assert invited.invited_on == today
    candidate = repo.get(add(store, "Jan"))
    assert candidate.invited_on is None
    repo.update(replace(candidate, status="invited"))
    assert repo.get(candidate.id).invited_on == today
    moved_on = repo.get(candidate.id)
    repo.update(replace(moved_on, status="onboarding"))  # the wave stays theirs
    assert repo.get(candidate.id).invited_on == today


def test_funnel_counts_recommendations_and_waves(store):
    add(store, "A")
    add(store, "B", recommended_by="Anna")
    add(store, "C", recommended_by="Anna")
    add(store, "D", "invited", invited_on="2026-10-01")
    add(store, "E", "onboarding", invited_on="2026-10-01")
    add(store, "F", "active", invited_on="2026-10-01")
    add(store, "G", "active", invited_on="2026-09-01", recommended_by="Piotr")
    add(store, "H", "active")
    add(store, "I", "left", invited_on="2026-09-01")
    add(store, "J", "paused")
    result = funnel(store)
    assert result.counts == {"candidate": 3, "invited": 1, "onboarding": 1, "active": 3}
    assert result.candidates_recommended == 2
    assert [(w.day, w.invited, w.active_now) for w in result.waves] == [
        (date(2026, 10, 1), 3, 1), (date(2026, 9, 1), 2, 1)]
    assert result.older_waves == 0
    assert result.employees is None
    assert "not set" in result.share_words()
    assert "2 of 3 candidates" in result.recommended_words()


def test_only_the_latest_waves_are_listed_and_the_rest_counted(store):
    for day in range(1, 6):
        add(store, f"P{day}", "invited", invited_on=f"2026-05-0{day}")
    result = funnel(store, waves=3)
    assert [w.day.day for w in result.waves] == [5, 4, 3]
    assert result.older_waves == 2


def test_share_against_the_usual_range(store):
    SettingsRepo(store).set_many({SETTING_EMPLOYEES: "40"})
    for n in range(8):
        add(store, f"A{n}", "active")
    result = funnel(store)
    assert result.employees == 40
    assert result.active_share == 0.2
    assert FIELD_ACTIVE_LOW <= result.active_share <= FIELD_ACTIVE_HIGH
    assert "Within the usual" in result.share_words()
    assert result.usual_range() == (6, 10)
    few = Funnel(counts={"active": 2}, employees=40)
    assert "Below the usual" in few.share_words()
    many = Funnel(counts={"active": 20}, employees=40)
    assert "Above the usual" in many.share_words()


def test_an_empty_funnel():
    empty = Funnel(counts={stage: 0 for stage in STAGES}, employees=None)
    assert empty.largest == 0
    assert empty.active_share is None
    assert empty.usual_range() is None and empty.usual_words() == ""


def test_employees_as_typed():
    assert check_employees("") is None
    assert check_employees("1 240") is None and parse_employees("1 240") == 1240
    assert check_employees("0") and check_employees("abc") and check_employees("12.5")
    assert check_employees("99999999999")
    assert parse_employees("") is None and parse_employees("x") is None and parse_employees("0") is None


@given(st.text(max_size=20))
def test_employees_parser_agrees_with_its_check(text):
    problem = check_employees(text)
    parsed = parse_employees(text)
    if problem is None and text.strip():
        assert parsed is not None and parsed >= 1
    if parsed is not None and parsed <= 10_000_000:
        assert problem is None
    if problem is not None:
        assert parsed is None or parsed > 10_000_000


def test_forget_takes_the_name_out_of_who_recommended_others(store):
    from advocacy_tui.data.forget import REMOVED, forget

    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@firma.pl"}))
    ben = repo.add(build_ambassador({"name": "Ben Lee", "recommended_by": "Anna Nowak"}))
    forget(store, "anna@firma.pl")
    assert repo.get(ben).recommended_by == REMOVED


def test_the_demo_thanks_some_by_name_counts_the_others_and_has_a_funnel(demo_store):
    from datetime import timedelta

    from advocacy_tui.data.digest import DigestRepo

    today = demo_store.clock.today()
    digest = DigestRepo(demo_store).gather(today - timedelta(days=14))
    assert digest.thanked and digest.thanked_others  # some agreed, the others are counted
    agreed = {name for (name,) in demo_store.db.conn.execute(
        "SELECT name FROM ambassadors WHERE thanks_by_name = 1")}
    assert set(digest.thanked) <= agreed
    result = funnel(demo_store)
    assert all(result.count(stage) for stage in STAGES)
    assert result.employees and result.candidates_recommended
    assert len(result.waves) >= 3 and any(wave.active_now for wave in result.waves)
