"""The demo program's goals: two of them, eight months of values, the 6-month review due."""

from __future__ import annotations

from datetime import date

import tomli

from advocacy_tui.data.demo_content import demo_text
from advocacy_tui.data.goals import GoalRepo, Outcome
from advocacy_tui.data.store import Store
from advocacy_tui.domain.goals import Goal, add_months, month_of


def fill_goals(store: Store, language: str | None = None) -> None:
    content = tomli.loads(demo_text("demo_goals", language))
    today = store.clock.today()
    this_month = date(today.year, today.month, 1)
    repo = GoalRepo(store)
    with store.write():
        launch = add_months(this_month, -content["launch_months_ago"])
        repo.set_launch_date(launch)
        for goal in content["goals"]:
            target_on = add_months(launch, goal["target_months_after_launch"])
            repo.add(Goal(None, goal["metric"], goal["title"], float(goal["baseline"]),
                          add_months(this_month, -goal["baseline_months_ago"]), float(goal["target"]),
                          date(target_on.year, target_on.month, 1)))
        for series in content["outcomes"]:
            count = len(series["values"])
            for back, (value, note) in enumerate(zip(series["values"], series["notes"], strict=True)):
                month = month_of(add_months(this_month, back - count))
                repo.add_outcome(Outcome(series["metric"], month, float(value), note, series["source"]))
