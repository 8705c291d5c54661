"""Demo data for onboarding, involvement and the stakeholder map."""

from __future__ import annotations

import random
from datetime import date, timedelta

import tomli

from advocacy_tui.data.involvement import InvolvementRepo
from advocacy_tui.data.onboarding import OnboardingRepo
from advocacy_tui.data.stakeholders import StakeholderRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.involvement import KINDS, Involvement
from advocacy_tui.domain.onboarding import STEPS
from advocacy_tui.domain.stakeholders import Stakeholder

FINISHED = ("active", "paused", "left")
# How often each kind shows up in a regular rhythm (posts most, questions least).
KIND_WEIGHTS = {"post_published": 5, "content_cocreated": 1, "feedback": 2,
                "helped_colleague": 1, "meeting": 2, "question": 1}


def roster_life_content(language: str | None = None) -> dict:
    from advocacy_tui.data.demo_content import demo_text

    return tomli.loads(demo_text("demo_roster_life", language))


def fill_roster_life(store: Store, language: str | None = None) -> None:
    """Add onboarding steps, involvement and stakeholders to the demo people (deterministic)."""
    content = roster_life_content(language)
    today = store.clock.today()
    conn = store.db.conn
    steps_repo = OnboardingRepo(store)
    log = InvolvementRepo(store)
    rng = random.Random(20261127)
    people = {
        email.lower(): (id_, status, date.fromisoformat(joined) if joined else None)
        for id_, email, status, joined in conn.execute(
            "SELECT id, email, status, joined FROM ambassadors WHERE email IS NOT NULL ORDER BY id")
    }
    weighted = [kind for kind in KINDS for _ in range(KIND_WEIGHTS[kind])]
    notes = content["notes"]
    explicit = {entry["email"].lower(): entry["steps"] for entry in content["onboarding"]}
    with store.write():
        for email, (id_, status, joined) in people.items():
            if email in explicit:
                for step, days_ago in explicit[email].items():
                    steps_repo.tick(id_, step, today - timedelta(days=days_ago))
            elif status in FINISHED and joined is not None:
                for n, step in enumerate(STEPS):
                    steps_repo.tick(id_, step, min(today, joined + timedelta(days=2 + 4 * n)))
        counters = {kind: 0 for kind in KINDS}
        for rhythm in content["rhythm"]:
            id_, _status, joined = people[rhythm["email"].lower()]
            start = (joined or today - timedelta(days=365)) + timedelta(days=22)
            day = today - timedelta(days=rhythm["last_days_ago"])
            while day >= start:
                kind = rng.choice(weighted)
                pool = notes[kind]
                note = pool[counters[kind] % len(pool)]
                counters[kind] += 1
                log.add(Involvement(None, id_, kind, day, note))
                day -= timedelta(days=max(1, rhythm["every_days"] + rng.randint(-2, 2)))
        for entry in content["involvement"]:
            id_ = people[entry["email"].lower()][0]
            log.add(Involvement(None, id_, entry["kind"], today - timedelta(days=entry["days_ago"]),
                                entry.get("note", "")))
        stakeholders = StakeholderRepo(store)
        for item in content["stakeholders"]:
            last = item.get("last_talk_days_ago")
            stakeholders.add(Stakeholder(
                None, item["name"], item.get("kind", "team"), item.get("stance", "not_met"),
                today - timedelta(days=last) if last is not None else None,
                item.get("next_step", ""), item.get("notes", ""),
            ))
