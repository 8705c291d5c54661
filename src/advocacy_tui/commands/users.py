"""``advocacy-tui users``: named people who sign in to a served program with their own token."""

from __future__ import annotations

from pathlib import Path

import click

from advocacy_tui.commands.common import CONTEXT, UserError, db_option, group, open_store
from advocacy_tui.data.users import UserError as BadUser
from advocacy_tui.data.users import UserRepo
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _

users = group("users", N_("Named people who sign in to “advocacy-tui serve”, each with their own "
                          "link, so the program records who changed what."))


@users.command("add", context_settings=CONTEXT,
               help=N_("Add NAME and print their personal sign-in token (shown only this once)."))
@db_option
@click.argument("name")
@click.pass_context
def add(ctx: click.Context, db_path: Path | None, name: str) -> None:
    store = open_store(ctx, db_path)
    try:
        token = UserRepo(store).add(name)
    except BadUser as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    click.echo(_("Added {name}. Their personal sign-in token, shown only this once:").format(
        name=printable(name.strip())))
    click.echo(f"    {token}")
    click.echo(_("They open the address “advocacy-tui serve” prints, with ?token= and this token "
                 "at the end, e.g. http://127.0.0.1:8000/?token={token}. From now on only named "
                 "users' own tokens open the program; give this one to {name} only.").format(
                     token=token, name=printable(name.strip())))


@users.command("list", context_settings=CONTEXT,
               help=N_("List the named users (their tokens are not kept, only a hash of each)."))
@db_option
@click.pass_context
def list_users(ctx: click.Context, db_path: Path | None) -> None:
    store = open_store(ctx, db_path)
    try:
        found = UserRepo(store).all()
    finally:
        store.close()
    if not found:
        click.echo(_("No named users: “advocacy-tui serve” uses one shared link."))
    for user in found:
        click.echo(_("{name}  (added {when})").format(name=printable(user.name),
                                                      when=user.created_at[:10]))


@users.command("remove", context_settings=CONTEXT,
               help=N_("Remove NAME: their link stops opening the program, and a tab they have "
                       "open is closed within seconds, also while the program is being served."))
@db_option
@click.argument("name")
@click.pass_context
def remove(ctx: click.Context, db_path: Path | None, name: str) -> None:
    store = open_store(ctx, db_path)
    try:
        removed = UserRepo(store).remove(name)
    finally:
        store.close()
    if not removed:
        raise UserError(_("There is no user called “{name}”; see “advocacy-tui users list”.").format(
            name=name))
    click.echo(_("Removed {name}. Their changes stay recorded under their name.").format(
        name=printable(name.strip())))
