"""``advocacy-tui goals``, ``outcomes`` and ``export outcomes``: the program's goals and the
values that show whether it gets there, for scripts and for owners who prefer a terminal."""

from __future__ import annotations

from pathlib import Path

import click

from advocacy_tui.commands.common import (
    CONTEXT,
    UserError,
    check_output,
    db_option,
    group,
    open_store,
)
from advocacy_tui.commands.output import data_stream, say, tell
from advocacy_tui.commands.roster import export_group
from advocacy_tui.data.goals import GoalError, GoalRepo, Outcome
from advocacy_tui.data.store import ChangedMeanwhile
from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.dates import DateError, parse_date
from advocacy_tui.domain.goals import (
    Goal,
    build_goal,
    parse_month,
    parse_period,
    parse_value,
    read_goal,
    reading_line,
    review_due,
)
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_date
from advocacy_tui.i18n import N_, _, ngettext

goals = group("goals", N_("What the program is for: up to five goals, each a metric from a "
                          "baseline to a target, and the launch day its reviews follow."))
outcomes = group("outcomes", N_("The values of each metric, month by month or week by week, typed "
                                "in from LinkedIn, the recruiting team or sales."))

FIELD_NAMES = {"metric": N_("metric"), "title": N_("title"), "baseline": N_("baseline"),
               "baseline_on": N_("baseline date"), "target": N_("target"), "target_on": N_("target date")}


def _metric_key(repo: GoalRepo, text: str) -> str:
    metric = repo.find_metric(text)
    if metric is None:
        names = ", ".join(m.key for m in repo.metrics())
        raise UserError(_("There is no metric called “{name}”. The metrics are: {names} (add your "
                          "own with “advocacy-tui goals metric NAME”).").format(name=printable(text), names=names))
    return metric.key


def _build(repo: GoalRepo, fields: dict[str, str], goal_id: int | None = None) -> Goal:
    try:
        return build_goal(fields, [m.key for m in repo.metrics()], id=goal_id)
    except ValidationError as error:
        raise UserError("; ".join(f"{_(FIELD_NAMES.get(k, k))}: {v}" for k, v in error.problems.items())) from None


def _goal_options(required: bool):
    def apply(command):
        for name, flag, text in reversed([
            ("baseline", "--baseline", N_("The value the program starts from, e.g. 1200.")),
            ("baseline_on", "--baseline-date", N_("The day of the baseline, e.g. 01.03.2026.")),
            ("target", "--target", N_("The value to reach, e.g. 1800.")),
            ("target_on", "--target-date", N_("The day to reach it by, e.g. 30.09.2026.")),
        ]):
            command = click.option(flag, name, required=required, help=text)(command)
        return command
    return apply


@goals.command("list", context_settings=CONTEXT, help=N_("Each goal with where it stands now."))
@db_option
@click.pass_context
def list_goals(ctx: click.Context, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, create=False)
    try:
        repo = GoalRepo(store)
        found = repo.goals()
        today = store.clock.today()
        if not found:
            say(_("No goals yet. Add one with “advocacy-tui goals add METRIC --baseline ... "
                  "--baseline-date ... --target ... --target-date ...”."))
        for goal in found:
            metric = repo.metric(goal.metric)
            if metric is None:
                continue
            reading = read_goal(goal, repo.series(metric, goal.baseline_on.strftime("%Y-%m")), today)
            say(f"{goal.id}. " + printable(reading_line(goal, metric, reading)))
        launch = repo.launch_date()
        if launch is None:
            say(_("No launch day set: “advocacy-tui goals launch DATE” sets it, for the 6- and "
                  "9-month reviews."))
        elif (due := review_due(launch, today)) is not None:
            say(_("The {months}-month review is due (since {day}).").format(months=due[0], day=format_date(due[1])))
    finally:
        store.close()


@goals.command("add", context_settings=CONTEXT, help=N_("Add a goal for METRIC (its key or name)."))
@click.argument("metric")
@click.option("--title", default="", help=N_("A title of your own (default: the metric's name)."))
@_goal_options(required=True)
@db_option
@click.pass_context
def add_goal(ctx: click.Context, metric: str, title: str, db_path: Path | None, **values: str) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = GoalRepo(store)
        goal = _build(repo, {"metric": _metric_key(repo, metric), "title": title, **values})
        try:
            goal_id = repo.add(goal)
        except GoalError as error:
            raise UserError(str(error)) from None
    finally:
        store.close()
    tell(_("Added goal {id}.").format(id=goal_id))


@goals.command("edit", context_settings=CONTEXT, help=N_("Change goal ID: only what you give changes."))
@click.argument("goal_id", type=int)
@click.option("--metric", default=None, help=N_("Another metric (its key or name)."))
@click.option("--title", default=None, help=N_("A title of your own."))
@_goal_options(required=False)
@db_option
@click.pass_context
def edit_goal(ctx: click.Context, goal_id: int, metric: str | None, title: str | None,
              db_path: Path | None, **values: str | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = GoalRepo(store)
        current = repo.get(goal_id)
        if current is None:
            raise UserError(_("There is no goal {id}; see “advocacy-tui goals list”.").format(id=goal_id))
        fields = {"metric": _metric_key(repo, metric) if metric else current.metric,
                  "title": current.title if title is None else title,
                  "baseline": str(current.baseline), "baseline_on": current.baseline_on.strftime("%d.%m.%Y"),
                  "target": str(current.target), "target_on": current.target_on.strftime("%d.%m.%Y")}
        fields.update({k: v for k, v in values.items() if v is not None})
        try:
            repo.update(_build(repo, fields, goal_id), expected=current)
        except ChangedMeanwhile:
            raise UserError(_("Goal {id} was changed elsewhere meanwhile; nothing was saved. Try "
                              "again.").format(id=goal_id)) from None
    finally:
        store.close()
    tell(_("Saved goal {id}.").format(id=goal_id))


@goals.command("delete", context_settings=CONTEXT,
               help=N_("Delete goal ID. The metric's values stay."))
@click.argument("goal_id", type=int)
@db_option
@click.pass_context
def delete_goal(ctx: click.Context, goal_id: int, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = GoalRepo(store)
        if repo.get(goal_id) is None:
            raise UserError(_("There is no goal {id}; see “advocacy-tui goals list”.").format(id=goal_id))
        repo.delete(goal_id)
    finally:
        store.close()
    tell(_("Deleted goal {id}.").format(id=goal_id))


@goals.command("metric", context_settings=CONTEXT,
               help=N_("Add a metric of your own, e.g. “Referrals from posts”."))
@click.argument("name")
@click.option("--percent", is_flag=True, help=N_("The metric is a share in per cent."))
@db_option
@click.pass_context
def add_metric(ctx: click.Context, name: str, percent: bool, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        try:
            metric = GoalRepo(store).add_metric(name, "%" if percent else "")
        except GoalError as error:
            raise UserError(str(error)) from None
    finally:
        store.close()
    tell(_("Added the metric “{name}” (key {key}).").format(name=printable(metric.label), key=metric.key))


@goals.command("launch", context_settings=CONTEXT,
               help=N_("Set the program's launch day (the reviews come 6 and 9 months after it)."))
@click.argument("day")
@db_option
@click.pass_context
def set_launch(ctx: click.Context, day: str, db_path: Path | None) -> None:
    try:
        launch = parse_date(day)
    except DateError as error:
        raise UserError(str(error)) from None
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        GoalRepo(store).set_launch_date(launch)
    finally:
        store.close()
    tell(_("Launch day set to {day}.").format(day=format_date(launch)))


@outcomes.command("add", context_settings=CONTEXT,
                  help=N_("Record METRIC's VALUE for a month or a week (a value typed before for the "
                          "same month or week is replaced)."))
@click.argument("metric")
@click.argument("value")
@click.option("--month", default=None, help=N_("The month, e.g. 2026-03."))
@click.option("--week", default=None, help=N_("Or the week (ISO numbering, Monday to Sunday), e.g. 2026-W14."))
@click.option("--note", default="", help=N_("A note, e.g. what happened that month."))
@click.option("--source", default="", help=N_("Where the figure comes from, e.g. “LinkedIn export”."))
@db_option
@click.pass_context
def add_outcome(ctx: click.Context, metric: str, value: str, month: str | None, week: str | None,
                note: str, source: str, db_path: Path | None) -> None:
    if (month is None) == (week is None):
        raise UserError(_("Give the month (--month 2026-03) or the week (--week 2026-W14) of the value, "
                          "not both."))
    try:
        number = parse_value(value)
        when = parse_month(month) if month is not None else parse_period(week or "")
        if week is not None and "W" not in when:
            raise ValueError(_("“{value}” is not a week: write it as 2026-W14.").format(value=printable(week[:20])))
    except ValueError as error:
        raise UserError(str(error)) from None
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = GoalRepo(store)
        try:
            replaced = repo.add_outcome(Outcome(_metric_key(repo, metric), when, number, note, source))
        except GoalError as error:
            raise UserError(str(error)) from None
    finally:
        store.close()
    tell((_("Replaced the value for {month}.") if replaced else _("Recorded the value for {month}.")).format(
        month=when))


@export_group.command("outcomes", context_settings=CONTEXT,
                      help=N_("Every value typed in (by month or week), and the counted metrics month by month."))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help=N_("Write to this file (readable by you only). Without it, print to the screen."))
@db_option
@click.pass_context
def export_outcomes(ctx: click.Context, fmt: str, output: Path | None, db_path: Path | None) -> None:
    from advocacy_tui.data.csv_io import write_csv, write_json
    from advocacy_tui.data.files import FileWriteError, private_file

    output = check_output(ctx, output, db_path)
    store = open_store(ctx, db_path, create=False)
    try:
        rows = GoalRepo(store).outcome_rows()
        columns = GoalRepo.OUTCOME_COLUMNS
        write = write_csv if fmt == "csv" else write_json
        if output is None or str(output) == "-":
            stream = data_stream()
            write(stream, columns, rows)
            stream.finish()
            return
        if output.is_dir():
            raise UserError(_("{path} is a folder. Give a file name, e.g. {example}.").format(
                path=output, example=output / ("outcomes." + fmt)))
        try:
            with private_file(output, encoding="utf-8-sig" if fmt == "csv" else "utf-8") as handle:
                count = write(handle, columns, rows)
        except FileWriteError as error:
            raise UserError(str(error)) from None
    finally:
        store.close()
    tell(ngettext("Wrote {n} value to {file} (readable by you only).",
                  "Wrote {n} values to {file} (readable by you only).", count).format(n=count, file=output))
