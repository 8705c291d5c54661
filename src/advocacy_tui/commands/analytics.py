"""``import analytics FILE``: post figures from a LinkedIn analytics export (.xlsx)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from advocacy_tui.commands.common import CONTEXT, UserError, db_option, open_store
from advocacy_tui.commands.output import say, tell
from advocacy_tui.commands.progress import progress_bar
from advocacy_tui.commands.roster import MAX_LISTED, import_group
from advocacy_tui.data.analytics import (
    MEMBER,
    AnalyticsFileError,
    ImportOutcome,
    ParsedExport,
    import_export,
    read_export,
)
from advocacy_tui.data.forget import find_person
from advocacy_tui.data.store import WriteError
from advocacy_tui.formatting import format_date, format_number
from advocacy_tui.i18n import N_, _, ngettext


@import_group.command("analytics", context_settings=CONTEXT,
                      help=N_("Add the figures of published posts from a LinkedIn analytics export "
                              "(.xlsx): a member's post analytics, which an ambassador hands over "
                              "(give whose with --person), or a company page's content export.\n\n"
                              "The layout is found by its sheets and headers, in English or Polish. "
                              "Posts are matched to the calendar by their published address. "
                              "Importing the same export again changes nothing; a newer export of "
                              "the same posts updates their figures. If any row has a problem, "
                              "nothing is imported and every problem is listed."))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--person", metavar="EMAIL", default=None,
              help=N_("For a member's export: the email, in the roster, of the person it belongs to."))
@click.option("--dry-run", is_flag=True,
              help=N_("Check the file and say what would change; write nothing."))
@db_option
@click.pass_context
def import_analytics(ctx: click.Context, file: Path, person: str | None, dry_run: bool,
                     db_path: Path | None) -> None:
    try:
        with progress_bar(_("Reading the workbook")):
            parsed = read_export(file)
    except AnalyticsFileError as error:
        raise UserError(str(error)) from None
    if parsed.source == MEMBER and not person:
        raise UserError(_("This is one member's export: say whose it is with --person EMAIL "
                          "(their email in the roster)."))
    if parsed.source != MEMBER and person:
        raise UserError(_("This is a company page's export, which belongs to no one: leave out --person."))
    if parsed.problems:
        _tell_found(file, parsed)
        tell(ngettext("{n} problem:", "{n} problems:", len(parsed.problems)).format(
            n=format_number(len(parsed.problems))))
        for problem in parsed.problems[:MAX_LISTED]:
            tell(f"  {problem}")
        if len(parsed.problems) > MAX_LISTED:
            tell("  " + _("… and {n} more.").format(n=format_number(len(parsed.problems) - MAX_LISTED)))
        tell(_("Nothing was imported. Fix these rows in the file, or export it from LinkedIn again."))
        sys.exit(1)
    if not parsed.records:
        raise UserError(_("{file} holds no posts: nothing to import.").format(file=file))
    store = open_store(ctx, db_path, demo_ok=dry_run)
    try:
        ambassador_id = None
        if person:
            found = find_person(store, person)
            if found is None:
                raise UserError(_("No one in the roster has the email address {email}.").format(
                    email=person.strip()))
            ambassador_id = found[0]
        _tell_found(file, parsed)
        try:
            with progress_bar(_("Saving")):
                outcome = import_export(store, parsed, ambassador_id=ambassador_id, dry_run=dry_run)
        except AnalyticsFileError as error:
            raise UserError(str(error)) from None
        except WriteError as error:
            raise UserError(_("Nothing was imported. {reason}").format(reason=error)) from None
        tell(ngettext("Matched to calendar posts by address: {matched} of {n} post.",
                      "Matched to calendar posts by address: {matched} of {n} posts.",
                      len(parsed.records)).format(matched=format_number(outcome.matched),
                                                  n=format_number(len(parsed.records))))
        if parsed.period is not None:
            first, last = (format_date(_day(day)) for day in parsed.period)
            tell(_("Published from {first} to {last}.").format(first=first, last=last))
        if dry_run:
            say(_("Dry run, nothing written. Would be: {summary}.").format(summary=_summary(outcome)))
        else:
            say(_("Imported: {summary}.").format(summary=_summary(outcome)))
    finally:
        store.close()


def _tell_found(file: Path, parsed: ParsedExport) -> None:
    """Which layout was found, how many posts, and what was left out."""
    tell(ngettext("Read {n} post from {file}: {layout}.", "Read {n} posts from {file}: {layout}.",
                  len(parsed.records)).format(n=format_number(len(parsed.records)), file=file,
                                               layout=parsed.layout))
    if parsed.skipped:
        tell(ngettext("{n} row of sponsored campaigns or totals was left out: the program counts the "
                      "organic figures.",
                      "{n} rows of sponsored campaigns or totals were left out: the program counts the "
                      "organic figures.", parsed.skipped).format(n=format_number(parsed.skipped)))


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)


def _summary(outcome: ImportOutcome) -> str:
    return _("{added} new, {updated} updated, {unchanged} unchanged").format(
        added=format_number(outcome.added), updated=format_number(outcome.updated),
        unchanged=format_number(outcome.unchanged))
