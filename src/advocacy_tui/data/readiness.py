"""Readiness banks on disk and readiness runs in the database.

Built-in banks live in ``advocacy_tui/content`` as ``NAME.LANG.toml``; facilitators
add their own as ``*.toml`` in the config directory's ``banks`` folder. A run is
saved answer by answer (one transaction each), so quitting mid-way loses nothing.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path

import tomli

from advocacy_tui.data.store import Store, inserted_id
from advocacy_tui.domain.readiness import (
    LANGUAGES,
    Answer,
    Bank,
    BankError,
    NextStep,
    Result,
    parse_bank,
    score_run,
)
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import _

BUILTIN_BANKS = ("readiness", "readiness-quick")
OWNER_HOURS_QUESTION = "resources.owner_hours"  # its answer can become the owner's weekly capacity
MAX_BANK_BYTES = 1_000_000  # the built-in banks are about 40 kB; anything near 1 MB is not a bank


@dataclass(frozen=True)
class BankProblem:
    path: str
    message: str


def _split_name(file_name: str) -> tuple[str, str | None]:
    """``readiness-quick.pl.toml`` -> ("readiness-quick", "pl"); ``mine.toml`` -> ("mine", None)."""
    stem = file_name[: -len(".toml")] if file_name.endswith(".toml") else file_name
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in LANGUAGES:
        return base, suffix
    return stem, None


def parse_bank_text(text: str, *, file_name: str, source: str) -> Bank:
    """Read one bank from TOML text; BankError names the file, the question and the problem."""
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise BankError(_("{source}: file: is not valid TOML ({error}).").format(source=source, error=error)) from None
    name, language = _split_name(file_name)
    if language is None:
        bank_table = data.get("bank")
        meta: dict[str, object] = bank_table if isinstance(bank_table, dict) else {}
        stated = meta.get("language", "en")
        language = stated if isinstance(stated, str) else "en"
        if language not in LANGUAGES:
            raise BankError(_("{source}: [bank]: language “{language}” is not one of {value}.").format(source=source, language=language, value=', '.join(LANGUAGES)))
    return parse_bank(data, name=name, language=language, source=source)


def builtin_bank(name: str, language: str) -> Bank:
    file_name = f"{name}.{language}.toml"
    text = resources.files("advocacy_tui.content").joinpath(file_name).read_text(encoding="utf-8")
    return parse_bank_text(text, file_name=file_name, source=file_name)


def read_bank_file(path: Path) -> Bank:
    """Read and check one bank file; BankError says in plain words what is wrong.

    Only a regular file of at most 1 MB is read: a folder, a device or a pipe is refused
    before it is opened, so a wrong path can never hang the app.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        raise BankError(_("{path}: file: cannot be read ({strerror}).").format(path=path, strerror=error.strerror)) from None
    if stat.S_ISDIR(info.st_mode):
        raise BankError(_("{path}: file: is a folder, not a bank file. Give the path of a .toml file.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise BankError(_("{path}: file: is not a regular file (a device, a pipe or a socket); give the path of a .toml file.").format(path=path))
    if info.st_size > MAX_BANK_BYTES:
        raise BankError(_("{path}: file: is larger than 1 MB ({st_size} bytes); a question bank is a small text file.").format(path=path, st_size=format_number(info.st_size)))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BANK_BYTES + 1)
    except OSError as error:
        raise BankError(_("{path}: file: cannot be read ({strerror}).").format(path=path, strerror=error.strerror)) from None
    if len(raw) > MAX_BANK_BYTES:
        raise BankError(_("{path}: file: is larger than 1 MB; a question bank is a small text file.").format(path=path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BankError(_("{path}: file: is not UTF-8 text. Save it as UTF-8.").format(path=path)) from None
    return parse_bank_text(text, file_name=path.name, source=str(path))


def banks_folder(config_dir: Path) -> Path:
    return config_dir / "banks"


def available_banks(config_dir: Path | None = None) -> tuple[list[Bank], list[BankProblem]]:
    """Every valid bank (built-in first, then the facilitator's own) and the files refused."""
    banks: list[Bank] = []
    problems: list[BankProblem] = []
    for name in BUILTIN_BANKS:
        for language in LANGUAGES:
            banks.append(builtin_bank(name, language))
    if config_dir is not None:
        folder = banks_folder(config_dir)
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                try:
                    bank = read_bank_file(path)
                except BankError as error:
                    problems.append(BankProblem(str(path), str(error)))
                    continue
                if any(b.name == bank.name and b.language == bank.language for b in banks):
                    problems.append(BankProblem(str(path), _("{path}: file: a bank called “{name}” ({language}) already exists; rename the file.").format(path=path, name=bank.name, language=bank.language)))
                    continue
                banks.append(bank)
    return banks, problems


def find_bank(name: str, language: str, config_dir: Path | None = None) -> Bank:
    """The bank called ``name`` in ``language``. Raises LookupError with a sentence, or BankError."""
    banks, problems = available_banks(config_dir)
    for bank in banks:
        if bank.name == name and bank.language == language:
            return bank
    for problem in problems:
        if _split_name(Path(problem.path).name)[0] == name:
            raise BankError(problem.message)
    names = sorted({bank.name for bank in banks})
    other = sorted({bank.language for bank in banks if bank.name == name})
    if other:
        raise LookupError(_("The bank “{name}” has no {language} version (it exists in {value}).").format(name=name, language=language, value=', '.join(other)))
    raise LookupError(_("There is no question bank called “{name}”. Known banks: {value}.").format(name=name, value=', '.join(names)))


# -- runs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    id: int
    bank: str
    language: str
    workshop: bool
    started_at: str
    finished_at: str | None
    position: int
    verdict: str | None
    title: str

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


RUN_COLUMNS = "id, bank, language, workshop, started_at, finished_at, position, verdict, title"


def _run(row: Sequence) -> Run:
    return Run(row[0], row[1], row[2], bool(row[3]), row[4], row[5], row[6], row[7], row[8])


class ReadinessRepo:
    """Readiness runs and their answers."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _one(self, sql: str, params: Iterable = ()) -> Run | None:
        row = self.store.db.conn.execute(sql, tuple(params)).fetchone()
        return _run(row) if row else None

    def start(self, bank: Bank, *, workshop: bool = False, title: str = "") -> Run:
        with self.store.write():
            cursor = self.store.db.conn.execute(
                "INSERT INTO readiness_runs (bank, language, workshop, started_at, position, title) "
                "VALUES (?, ?, ?, ?, 0, ?)",
                (bank.name, bank.language, int(workshop), self.store.now_text(), title or bank.title),
            )
        run = self.get(inserted_id(cursor))
        assert run is not None
        return run

    def get(self, run_id: int) -> Run | None:
        return self._one(f"SELECT {RUN_COLUMNS} FROM readiness_runs WHERE id = ?", (run_id,))

    def latest_unfinished(self) -> Run | None:
        return self._one(f"SELECT {RUN_COLUMNS} FROM readiness_runs WHERE finished_at IS NULL "
                         "ORDER BY started_at DESC, id DESC LIMIT 1")

    def latest_finished(self) -> Run | None:
        return self._one(f"SELECT {RUN_COLUMNS} FROM readiness_runs WHERE finished_at IS NOT NULL "
                         "ORDER BY finished_at DESC, id DESC LIMIT 1")

    def history(self, limit: int = 200) -> list[Run]:
        rows = self.store.db.conn.execute(
            f"SELECT {RUN_COLUMNS} FROM readiness_runs ORDER BY started_at DESC, id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [_run(row) for row in rows]

    def count(self) -> int:
        return self.store.db.conn.execute("SELECT count(*) FROM readiness_runs").fetchone()[0]

    def answers(self, run_id: int) -> dict[str, Answer]:
        rows = self.store.db.conn.execute(
            "SELECT question_id, answer, skipped, note, votes FROM readiness_answers WHERE run_id = ?",
            (run_id,),
        ).fetchall()
        result = {}
        for question_id, value, skipped, note, votes in rows:
            try:
                tally = {str(k): int(v) for k, v in json.loads(votes).items()} if votes else {}
            except (ValueError, AttributeError, TypeError):
                tally = {}
            result[question_id] = Answer(question_id, value, bool(skipped), note or "", tally)
        return result

    def save_answer(self, run_id: int, answer: Answer, *, position: int | None = None) -> None:
        """Store one answer (and where the run has got to) in one transaction."""
        votes = json.dumps(dict(answer.votes), sort_keys=True) if answer.votes else ""
        with self.store.write():
            self.store.db.conn.execute(
                "INSERT INTO readiness_answers (run_id, question_id, answer, skipped, note, votes, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, question_id) DO UPDATE SET "
                "answer = excluded.answer, skipped = excluded.skipped, note = excluded.note, "
                "votes = excluded.votes, answered_at = excluded.answered_at",
                (run_id, answer.question_id, None if answer.skipped else answer.value, int(answer.skipped),
                 answer.note, votes, self.store.now_text()),
            )
            if position is not None:
                self.store.db.conn.execute("UPDATE readiness_runs SET position = ? WHERE id = ?",
                                           (position, run_id))

    def set_position(self, run_id: int, position: int) -> None:
        with self.store.write():
            self.store.db.conn.execute("UPDATE readiness_runs SET position = ? WHERE id = ?", (position, run_id))

    def finish(self, run_id: int, verdict: str) -> Run:
        with self.store.write():
            self.store.db.conn.execute(
                "UPDATE readiness_runs SET finished_at = coalesce(finished_at, ?), verdict = ? WHERE id = ?",
                (self.store.now_text(), verdict, run_id),
            )
        run = self.get(run_id)
        assert run is not None
        return run

    def delete(self, run_id: int) -> None:
        with self.store.write():
            self.store.db.conn.execute("DELETE FROM readiness_runs WHERE id = ?", (run_id,))

    def owner_hours(self, run_id: int) -> float | None:
        """The run's answer to "how many hours a week can the owner give it?", if any."""
        row = self.store.db.conn.execute(
            "SELECT answer FROM readiness_answers WHERE run_id = ? AND question_id = ? "
            "AND answer IS NOT NULL AND skipped = 0", (run_id, OWNER_HOURS_QUESTION)).fetchone()
        try:
            return float(row[0]) if row else None
        except (TypeError, ValueError):
            return None

    def latest_owner_hours(self) -> float | None:
        """The owner's hours from the latest finished run that answered the question."""
        row = self.store.db.conn.execute(
            "SELECT a.run_id FROM readiness_answers a JOIN readiness_runs r ON r.id = a.run_id "
            "WHERE a.question_id = ? AND a.answer IS NOT NULL AND a.skipped = 0 "
            "AND r.finished_at IS NOT NULL ORDER BY r.finished_at DESC, r.id DESC LIMIT 1",
            (OWNER_HOURS_QUESTION,)).fetchone()
        return self.owner_hours(row[0]) if row else None

    def latest_goal_notes(self) -> tuple[str, dict[str, str]] | None:
        """The day of the latest finished run and the notes it took on the goals questions
        (what the program should achieve, how to measure it, management's patience), by
        question: the words a goal can start from."""
        row = self.store.db.conn.execute(
            "SELECT id, finished_at FROM readiness_runs WHERE finished_at IS NOT NULL "
            "ORDER BY finished_at DESC, id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        notes = dict(self.store.db.conn.execute(
            "SELECT question_id, note FROM readiness_answers WHERE run_id = ? AND question_id LIKE 'goals.%' "
            "AND trim(note) != '' ORDER BY question_id", (row[0],)).fetchall())
        return (row[1][:10], notes) if notes else None

    def result(self, run: Run, bank: Bank) -> Result:
        finished = (run.finished_at or self.store.now_text())[:10]
        return score_run(bank, self.answers(run.id), date.fromisoformat(finished))


# -- next steps become owner tasks -----------------------------------------------------


def add_steps_as_tasks(store: Store, steps: Sequence[NextStep], *, run_id: int | None = None) -> int:
    """Insert one owner task per next step, due one, two and three weeks from today.

    Returns how many tasks were added; a step already open as a task is not added twice.
    """
    today = store.clock.today()
    added = 0
    with store.write():
        conn = store.db.conn
        for index, step in enumerate(steps):
            title = step.text
            exists = conn.execute("SELECT 1 FROM tasks WHERE title = ? AND done_at IS NULL", (title,)).fetchone()
            if exists:
                continue
            due = today + timedelta(weeks=index + 1)
            now = store.now_text()
            note = (_("From readiness run {number}.").format(number=run_id) if run_id is not None
                    else _("From a readiness run."))
            conn.execute(
                "INSERT INTO tasks (title, category, due_on, estimate_minutes, notes, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (title, step.category, due.isoformat(), 60, note, now, now),
            )
            added += 1
    return added


# -- demo ----------------------------------------------------------------------------


def fill_readiness(store: Store, language: str | None = None) -> None:
    """The demo program's earlier readiness run (finished, with notes), from demo_readiness.toml."""
    from advocacy_tui.data.demo_content import demo_text

    content = tomli.loads(demo_text("demo_readiness", language))
    today = store.clock.today()
    with store.write():
        conn = store.db.conn
        for run in content["runs"]:
            bank = builtin_bank(run["bank"], run["language"])
            day = today - timedelta(days=run["days_ago"])
            zone = store.clock.now().tzinfo
            started = datetime.combine(day, time(10, 0), zone).isoformat(timespec="seconds")
            finished = datetime.combine(day, time(10, 40), zone).isoformat(timespec="seconds")
            answers = {}
            for question_id, value in run["answers"].items():
                bank.question(question_id)  # the demo must match the bank
                answers[question_id] = Answer(question_id, str(value), note=run.get("notes", {}).get(question_id, ""))
            result = score_run(bank, answers, day)
            cursor = conn.execute(
                "INSERT INTO readiness_runs (bank, language, workshop, started_at, finished_at, position, "
                "verdict, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (bank.name, bank.language, int(run.get("workshop", False)), started, finished,
                 len(bank.questions), result.verdict, run.get("title", bank.title)),
            )
            for answer in answers.values():
                conn.execute(
                    "INSERT INTO readiness_answers (run_id, question_id, answer, skipped, note, votes, answered_at) "
                    "VALUES (?, ?, ?, 0, ?, '', ?)",
                    (inserted_id(cursor), answer.question_id, answer.value, answer.note, finished),
                )
