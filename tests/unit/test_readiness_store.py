"""Readiness runs in the database: saved answer by answer, resumable, turned into tasks."""

from __future__ import annotations

from advocacy_tui.data.readiness import ReadinessRepo, add_steps_as_tasks, builtin_bank
from advocacy_tui.domain.readiness import Answer


def test_a_run_is_saved_answer_by_answer_and_can_be_resumed(store):
    bank = builtin_bank("readiness-quick", "pl")
    repo = ReadinessRepo(store)
    run = repo.start(bank)
    assert (run.bank, run.language, run.finished, run.title) == ("readiness-quick", "pl", False, bank.title)
    repo.save_answer(run.id, Answer("climate.restructuring", "no", note="[b]nic[/b]"), position=1)
    repo.save_answer(run.id, Answer("climate.discontent", None, skipped=True), position=2)
    repo.save_answer(run.id, Answer("climate.restructuring", "partly", note="zmiana"), position=2)
    assert repo.latest_unfinished().position == 2
    saved = repo.answers(run.id)
    assert saved["climate.restructuring"].value == "partly"
    assert saved["climate.restructuring"].note == "zmiana"
    assert saved["climate.discontent"].skipped and saved["climate.discontent"].value is None
    finished = repo.finish(run.id, "prepare")
    assert finished.finished and finished.verdict == "prepare"
    assert repo.latest_unfinished() is None
    assert repo.latest_finished().id == run.id


def test_votes_are_kept_as_json(store):
    bank = builtin_bank("readiness-quick", "en")
    repo = ReadinessRepo(store)
    run = repo.start(bank, workshop=True)
    repo.save_answer(run.id, Answer("climate.restructuring", "no", votes={"no": 9, "yes": 2}))
    row = store.db.conn.execute("SELECT votes FROM readiness_answers").fetchone()
    assert row[0] == '{"no": 9, "yes": 2}'
    assert repo.answers(run.id)["climate.restructuring"].votes == {"no": 9, "yes": 2}
    assert repo.get(run.id).workshop


def test_deleting_a_run_removes_its_answers(store):
    repo = ReadinessRepo(store)
    run = repo.start(builtin_bank("readiness-quick", "en"))
    repo.save_answer(run.id, Answer("climate.restructuring", "no"))
    repo.delete(run.id)
    assert store.db.conn.execute("SELECT count(*) FROM readiness_answers").fetchone()[0] == 0


def test_next_steps_become_owner_tasks_once(store):
    bank = builtin_bank("readiness", "en")
    repo = ReadinessRepo(store)
    run = repo.start(bank)
    for qid, value in {"trust.approval": "yes", "resources.owner_hours": "1", "goals.defined": "no"}.items():
        repo.save_answer(run.id, Answer(qid, value))
    result = repo.result(repo.finish(run.id, "wait"), bank)
    assert add_steps_as_tasks(store, result.steps, run_id=run.id) == 3
    assert add_steps_as_tasks(store, result.steps, run_id=run.id) == 0
    rows = store.db.conn.execute("SELECT title, category, due_on, notes FROM tasks ORDER BY due_on").fetchall()
    assert [row[2] for row in rows] == ["2026-12-04", "2026-12-11", "2026-12-18"]
    assert rows[0][0] == bank.question("resources.owner_hours").step
    assert all(row[3] == f"From readiness run {run.id}." for row in rows)


def test_the_demo_has_a_finished_run(demo_store):
    repo = ReadinessRepo(demo_store)
    run = repo.latest_finished()
    assert run is not None and run.verdict == "prepare"
    assert len(repo.answers(run.id)) == len(builtin_bank("readiness", "en").questions)
    assert repo.latest_unfinished() is None


def test_the_owners_hours_of_the_latest_finished_run(demo_store, store):
    from advocacy_tui.data.readiness import ReadinessRepo

    assert ReadinessRepo(demo_store).latest_owner_hours() == 5.0
    assert ReadinessRepo(store).latest_owner_hours() is None
