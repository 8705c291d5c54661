"""``advocacy-tui digest``: the message that keeps the ambassadors informed, ready to paste.

No Textual here: it only reads the database (and, with ``--sent``, keeps the digest).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from advocacy_tui.commands.common import (
    UserError,
    check_output,
    command,
    db_option,
    open_store,
)
from advocacy_tui.commands.output import tell, write_data
from advocacy_tui.domain.dates import DateError, format_date, parse_date
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _


def _day(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except DateError as error:
        raise UserError(f"{what}: {error}") from None


@command("digest",
         help=N_("Write the digest for the ambassadors: what is new in the content library, ideas "
                 "to write about, meetings and planned posts of the next two weeks, questions "
                 "answered, and thanks (by name only for people who agreed). In the program's "
                 "language, ready to paste into an email, Teams or Slack."))
@click.option("--since", "since_text", default=None, metavar="DATE",
              help=N_("The first day it covers (default: the day after the last digest sent, or two weeks ago)."))
@click.option("--until", "until_text", default=None, metavar="DATE", help=N_("The last day it covers (default: today)."))
@click.option("--group", "group_name", default=None, metavar="NAME",
              help=N_("Write it for one group: only its people are thanked, and meetings with attendees "
                      "only if some of them attend. The next digest for the group starts after it."))
@click.option("--format", "fmt", type=click.Choice(["md", "html", "text"]), default=None,
              help=N_("md (Teams), html (email) or text (Slack, plain email); default: html for an -o "
                      "file ending in .html, text for .txt, else md."))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help=N_("Write to this file instead of the screen."))
@click.option("--sent", is_flag=True,
              help=N_("Keep this digest as sent: the next one starts the day after it ends."))
@db_option
@click.pass_context
def digest(ctx: click.Context, since_text: str | None, until_text: str | None, group_name: str | None,
           fmt: str | None, output: Path | None, sent: bool, db_path: Path | None) -> None:
    from advocacy_tui.data.digest import DigestRepo, render_digest
    from advocacy_tui.data.files import FileWriteError, write_private
    from advocacy_tui.data.files_written import REPORT, record_file_written

    since, until = _day(since_text, "--since"), _day(until_text, "--until")
    output = check_output(ctx, output, db_path)
    if fmt is None:
        suffix = output.suffix.lower() if output is not None else ""
        fmt = "html" if suffix in (".html", ".htm") else "text" if suffix == ".txt" else "md"
    store = open_store(ctx, db_path, create=False, demo_ok=not sent)
    try:
        repo = DigestRepo(store)
        group = None
        if group_name is not None:
            from advocacy_tui.data.groups import GroupRepo

            group = GroupRepo(store).by_name(group_name.strip())
            if group is None:
                names = ", ".join(printable(g.name) for g in GroupRepo(store).groups()) or _("none yet")
                raise UserError(_("There is no group called “{name}”. Groups: {names}.").format(
                    name=printable(group_name), names=names))
        group_key = group.name if group else ""
        first = since if since is not None else repo.default_since(group_key)
        try:
            found = repo.gather(first, until, group=group)
        except ValueError as error:
            raise UserError(str(error)) from None
        text = render_digest(store, found, fmt)
        if output is None:
            write_data(text)
        else:
            try:
                write_private(output, text.encode("utf-8"))
            except FileWriteError as error:
                raise UserError(str(error)) from None
            record_file_written(store, output, REPORT)  # so that forget can name it
            tell(_("Digest written to {path}.").format(path=output))
        if sent:
            repo.mark_sent(found, fmt, text)
            tell(_("Kept as sent: the next digest starts on {day}.").format(
                day=format_date(repo.default_since(group_key))))
    finally:
        store.close()

