"""``advocacy-tui groups`` and ``campaigns``: groups of people (cohorts, teams, a language)
and campaigns (an open day, a recruitment drive), for scripts and for owners who prefer a
terminal. A group or campaign is named by its name, in any case."""

from __future__ import annotations

from pathlib import Path

import click

from advocacy_tui.commands.common import (
    CONTEXT,
    UserError,
    db_option,
    group,
    load_config,
    open_store,
)
from advocacy_tui.commands.output import say, tell
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.groups import CampaignRepo, GroupError, GroupRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.calendar import content_mix, mix_warning, percent
from advocacy_tui.domain.groups import Campaign, Group, build_campaign
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_date, format_number
from advocacy_tui.i18n import N_, _, ngettext

groups = group("groups", N_("Groups of people (a cohort, a team, “sales ambassadors”, a language): "
                            "they filter the roster and sum outcomes, never rank anyone."))
campaigns = group("campaigns", N_("Campaigns (an open day, a recruitment drive): their dates, "
                                  "posts, people taking part and their own personal/company mix."))

FIELD_NAMES = {"name": N_("name"), "starts_on": N_("start"), "ends_on": N_("end"), "notes": N_("notes")}


def _people(count: int) -> str:
    return ngettext("{n} person", "{n} people", count).format(n=format_number(count))


def _group(repo: GroupRepo, name: str) -> Group:
    found = repo.by_name(name)
    if found is None or found.id is None:
        raise UserError(_("There is no group called “{name}”; see “advocacy-tui groups list”.").format(
            name=printable(name)))
    return found


@groups.command("list", context_settings=CONTEXT, help=N_("Every group with its number of members."))
@db_option
@click.pass_context
def list_groups(ctx: click.Context, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, create=False)
    try:
        found = GroupRepo(store).groups()
    finally:
        store.close()
    if not found:
        say(_("No groups yet. Add one with “advocacy-tui groups add NAME”."))
    for one in found:
        say(f"{one.name} · {_people(one.members)}")


@groups.command("add", context_settings=CONTEXT, help=N_("Add an empty group called NAME."))
@click.argument("name")
@db_option
@click.pass_context
def add_group(ctx: click.Context, name: str, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        GroupRepo(store).add(name)
    except GroupError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    tell(_("Added the group {group}.").format(group=name.strip()))


@groups.command("rename", context_settings=CONTEXT, help=N_("Give the group NAME the name NEW_NAME."))
@click.argument("name")
@click.argument("new_name")
@db_option
@click.pass_context
def rename_group(ctx: click.Context, name: str, new_name: str, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = GroupRepo(store)
        repo.rename(_group(repo, name).id or 0, new_name)
    except GroupError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    tell(_("Renamed the group to {group}.").format(group=new_name.strip()))


@groups.command("delete", context_settings=CONTEXT,
                help=N_("Delete the group NAME. Its people stay on the roster."))
@click.argument("name")
@db_option
@click.pass_context
def delete_group(ctx: click.Context, name: str, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = GroupRepo(store)
        found = _group(repo, name)
        repo.delete(found.id or 0)
    finally:
        store.close()
    tell(_("Deleted the group {group}.").format(group=found.name))


def _person(store: Store, email: str) -> int:
    person = AmbassadorRepo(store).by_email(email)
    if person is None or person.id is None:
        raise UserError(_("No one in the roster has the email {email}.").format(email=printable(email)))
    return person.id


@groups.command("members", context_settings=CONTEXT,
                help=N_("List the members of the group NAME (name and email), or add and remove "
                        "people by their email."))
@click.argument("name")
@click.option("--add", "add", multiple=True, metavar="EMAIL", help=N_("Put this person in the group (repeatable)."))
@click.option("--remove", "remove", multiple=True, metavar="EMAIL",
              help=N_("Take this person out of the group (repeatable)."))
@db_option
@click.pass_context
def group_members(ctx: click.Context, name: str, add: tuple[str, ...], remove: tuple[str, ...],
                  db_path: Path | None) -> None:
    changing = bool(add or remove)
    store = open_store(ctx, db_path, create=changing, demo_ok=not changing)
    try:
        repo = GroupRepo(store)
        found = _group(repo, name)
        group_id = found.id or 0
        if add or remove:
            people = [(_person(store, email), True) for email in add] + \
                     [(_person(store, email), False) for email in remove]
            with store.write():  # every change of the command, or none
                for person_id, putting in people:
                    (repo.add_member if putting else repo.remove_member)(group_id, person_id)
            count = repo.get(group_id)
            tell(_("{group} now has {people}.").format(group=found.name,
                                                        people=_people(count.members if count else 0)))
            return
        offset = 0
        while page := repo.members(group_id, limit=1000, offset=offset):
            for _id, person, email in page:
                say(f"{person} <{email}>" if email else person)
            offset += len(page)
        if not offset:
            tell(_("The group {group} has no members yet.").format(group=found.name))
    finally:
        store.close()


# -- campaigns -------------------------------------------------------------------------------


def _mix_words(repo: CampaignRepo, campaign_id: int) -> str:
    """The campaign's own mix with the calendar's rule and limit (config.toml)."""
    settings = load_config()
    labels = settings.voice_labels
    mix = content_mix(repo.voice_counts(campaign_id), list(labels), settings.company_share_limit)
    if not mix.total:
        return _("no posts yet")
    shares = ", ".join(f"{labels.get(voice, voice).lower()} {percent(n / mix.total)}" for voice, n in mix.counts if n)
    warning = mix_warning(mix, settings.company_share_limit, labels, short=True)
    return shares + (f" · ⚠ {warning}" if warning else "")


@campaigns.command("list", context_settings=CONTEXT,
                   help=N_("Every campaign: dates, posts, people taking part and its mix."))
@db_option
@click.pass_context
def list_campaigns(ctx: click.Context, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, create=False)
    try:
        repo = CampaignRepo(store)
        found = repo.campaigns()
        if not found:
            say(_("No campaigns yet. Add one with “advocacy-tui campaigns add NAME --from DATE --to DATE”."))
        for one in found:
            campaign_id = one.id or 0
            posts = repo.post_count(campaign_id)
            say(" · ".join([one.name, f"{format_date(one.starts_on)} – {format_date(one.ends_on)}",
                            ngettext("{n} post", "{n} posts", posts).format(n=format_number(posts)),
                            _("{people} taking part").format(people=_people(len(repo.people(campaign_id)))),
                            _mix_words(repo, campaign_id)]))
    finally:
        store.close()


@campaigns.command("add", context_settings=CONTEXT, help=N_("Add the campaign NAME from one day to another."))
@click.argument("name")
@click.option("--from", "starts_on", required=True, help=N_("The first day, e.g. 01.12.2026."))
@click.option("--to", "ends_on", required=True, help=N_("The last day, e.g. 12.12.2026."))
@click.option("--notes", default="", help=N_("What the campaign is for."))
@db_option
@click.pass_context
def add_campaign(ctx: click.Context, name: str, starts_on: str, ends_on: str, notes: str,
                 db_path: Path | None) -> None:
    try:
        campaign: Campaign = build_campaign({"name": name, "starts_on": starts_on, "ends_on": ends_on,
                                             "notes": notes})
    except ValidationError as error:
        raise UserError("; ".join(f"{_(FIELD_NAMES.get(k, k))}: {v}" for k, v in error.problems.items())) from None
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        CampaignRepo(store).add(campaign)
    except GroupError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    tell(_("Added the campaign {name}.").format(name=campaign.name))


@campaigns.command("delete", context_settings=CONTEXT,
                   help=N_("Delete the campaign NAME. Its posts and library items stay."))
@click.argument("name")
@db_option
@click.pass_context
def delete_campaign(ctx: click.Context, name: str, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        repo = CampaignRepo(store)
        found = repo.by_name(name)
        if found is None or found.id is None:
            raise UserError(_("There is no campaign called “{name}”; see “advocacy-tui campaigns list”.").format(
                name=printable(name)))
        repo.delete(found.id)
    finally:
        store.close()
    tell(_("Deleted the campaign {name}; its posts stay on the calendar.").format(name=found.name))
