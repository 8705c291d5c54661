"""``advocacy-tui locate config|data|themes``: where the program's files are."""

from __future__ import annotations

import click

from advocacy_tui import paths
from advocacy_tui.commands import output
from advocacy_tui.commands.common import UserError, command, demo_requested, load_config
from advocacy_tui.i18n import N_, _


@command(help=N_("Print where the config file, the database file or the themes folder is."))
@click.argument("what", type=click.Choice(["config", "data", "themes"]))
def locate(what: str) -> None:
    if what == "data" and demo_requested(click.get_current_context()):
        raise UserError(_("The demo program is a throwaway copy with no lasting file; "
                          "leave out --demo to locate your own."))
    if what == "config":
        output.say(str(paths.config_file()))
    elif what == "themes":
        output.say(str(paths.themes_dir()))
    else:
        output.say(str(paths.default_db(load_config().db)))
