"""``backup`` and ``restore``: consistent copies of the whole program."""

from __future__ import annotations

from pathlib import Path

import click

from advocacy_tui.commands.common import (
    UserError,
    check_output,
    command,
    db_option,
    open_store,
)
from advocacy_tui.commands.output import say
from advocacy_tui.data.files_written import BACKUP, record_file_written
from advocacy_tui.data.store import StoreError
from advocacy_tui.i18n import N_, _


@command(help=N_("Write a consistent copy of the database to TARGET (safe while the app is "
                 "open).\n\nThe copy appears under its name only when it is complete; an "
                 "existing file is never replaced."))
@click.argument("target", type=click.Path(path_type=Path))
@db_option
@click.pass_context
def backup(ctx: click.Context, target: Path, db_path: Path | None) -> None:
    if target.is_dir():
        target = target / "advocacy-backup.db"
    checked = check_output(ctx, target, db_path)
    assert checked is not None
    target = checked
    if target.exists():
        raise UserError(_("{target} already exists; choose a new file name.").format(target=target))
    store = open_store(ctx, db_path, create=False)
    try:
        written = store.backup_to(target)
        record_file_written(store, written, BACKUP)
    except FileExistsError:
        raise UserError(_("{target} already exists; choose a new file name.").format(target=target)) from None
    finally:
        store.close()
    say(_("Backed up {database} to {copy}.").format(database=store.path, copy=written))


@command(help=N_("Replace the database with the backup SOURCE; the replaced one is kept as a "
                 ".bak file."))
@click.argument("source", type=click.Path(path_type=Path))
@db_option
@click.pass_context
def restore(ctx: click.Context, source: Path, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, demo_ok=False)
    try:
        kept = store.restore_from(source)
    except StoreError as error:
        raise UserError(_("Nothing was restored: {reason}").format(reason=error)) from None
    finally:
        store.close()
    say(_("Restored {database} from {source}. The previous content is kept in {kept}.").format(
        database=store.path, source=source, kept=kept))
