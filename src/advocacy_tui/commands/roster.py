"""``import ambassadors``, ``export ambassadors|stakeholders`` and ``forget EMAIL``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from advocacy_tui.commands.common import (
    CONTEXT,
    UserError,
    check_output,
    command,
    db_option,
    group,
    headers_option,
    open_store,
)
from advocacy_tui.commands.output import data_stream, one_line, say, tell
from advocacy_tui.commands.progress import progress_bar
from advocacy_tui.data.csv_io import (
    EXPORTS,
    ImportFileError,
    ImportSummary,
    apply_import,
    export,
    export_to_file,
    parse_column_map,
    plan_import,
    read_table,
)
from advocacy_tui.data.files_written import files_to_check
from advocacy_tui.data.forget import describe_files, finish_wipe, plan_erasure, wipe_pending
from advocacy_tui.data.forget import forget as forget_person
from advocacy_tui.data.store import WriteError
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext

import_group = group("import", N_("Bring people in from files (CSV from HR systems or Excel), "
                                  "and post figures from LinkedIn's analytics exports."))
export_group = group("export", N_("Write the program's data to files other programs read."))

MAX_LISTED = 50
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


@import_group.command("ambassadors", context_settings=CONTEXT,
                      help=N_("Add or update people from a CSV FILE (UTF-8, Windows-1250 or "
                              "UTF-16; , ; or tab), an Excel workbook (.xlsx; the first sheet or "
                              "--sheet) or a JSON export.\n\nColumns are found by their header, "
                              "in English or Polish: name (or first name and last name; imię i "
                              "nazwisko), email, department (dział), role (rola), status, "
                              "LinkedIn, joined (data dołączenia), notes (uwagi). People are "
                              "matched by email, rows without one by name, so importing the same "
                              "file again changes nothing. A file that mixes UTF-8 and "
                              "Windows-1250, or a cell with garbled letters, is refused with the "
                              "row. If any row has a problem, nothing is imported and every "
                              "problem is listed, unless --skip-invalid is given. A leading ' "
                              "that an export put before = + - @ is taken away again."))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True,
              help=N_("Check the file and say what would change; write nothing."))
@click.option("--skip-invalid", is_flag=True,
              help=N_("Import the good rows and skip the rows with problems."))
@click.option("--map", "mappings", multiple=True, metavar="COLUMN=FIELD",
              help=N_("Say what a column holds (name, first, last, email, email_alt, department, role, "
                      "status, enabled, linkedin, joined, topics, groups, formats, languages, recommended_by, "
                      "invited_on, notes) or ignore it: --map state=ignore. Repeat for more columns."))
@click.option("--dates", "date_order", type=click.Choice(["dmy", "mdy"]), default=None,
              help=N_("How to read dates like 03/04/2022 when the file does not tell: dmy (day first) "
                      "or mdy (month first, as US systems write)."))
@click.option("--sheet", default=None,
              help=N_("For a workbook (.xlsx): the sheet to read (the first by default)."))
@db_option
@click.pass_context
def import_ambassadors(ctx: click.Context, file: Path, dry_run: bool, skip_invalid: bool,
                       mappings: tuple[str, ...], date_order: str | None, sheet: str | None,
                       db_path: Path | None) -> None:
    column_map = _column_map(mappings)
    try:
        table = read_table(file, sheet=sheet)
    except ImportFileError as error:
        raise UserError(str(error)) from None
    store = open_store(ctx, db_path, demo_ok=dry_run)
    try:
        try:
            with progress_bar(_("Checking the rows")) as update:
                plan = plan_import(store, table, path=str(file), progress=update,
                                   column_map=column_map, date_order=date_order)
        except ImportFileError as error:
            raise UserError(str(error)) from None
        tell(ngettext("Read {n} row from {file} ({source}).", "Read {n} rows from {file} ({source}).", plan.rows)
             .format(n=format_number(plan.rows), file=file, source=plan.source))
        if plan.ignored:
            tell(_("Columns not used: {columns}.").format(columns=", ".join(plan.ignored)))
        for notice in plan.notices:
            tell(notice)
        if plan.problems:
            tell(ngettext("{bad} of {n} rows has a problem:", "{bad} of {n} rows have problems:",
                          plan.invalid_rows).format(bad=format_number(plan.invalid_rows),
                                                    n=format_number(plan.rows)))
            for problem in plan.problems[:MAX_LISTED]:
                tell(f"  {problem}")
            if len(plan.problems) > MAX_LISTED:
                tell("  " + _("… and {n} more.").format(n=format_number(len(plan.problems) - MAX_LISTED)))
        would = ImportSummary(len(plan.add), len(plan.update), plan.unchanged,
                              plan.invalid_rows if skip_invalid else 0)
        if plan.problems and not skip_invalid:
            tell(_("Nothing was imported. Fix these rows, or use --skip-invalid to import the rest."))
            sys.exit(1)
        if dry_run:
            say(_("Dry run, nothing written. Would be: {summary}.").format(summary=would))
            return
        with progress_bar(_("Saving")):
            summary = apply_import(store, plan, skip_invalid=skip_invalid)
        say(_("Imported: {summary}.").format(summary=summary))
    finally:
        store.close()


def _column_map(mappings: tuple[str, ...]) -> dict[str, str]:
    """``--map state=ignore`` -> {"state": "ignore"}; a value without ``=`` is refused in words."""
    chosen: dict[str, str] = {}
    for text in mappings:
        try:
            found = parse_column_map(text)
        except ImportFileError as error:
            raise UserError("--map: " + str(error)) from None
        if not found:
            raise UserError(_("--map takes COLUMN=FIELD, for example --map state=ignore."))
        chosen.update(found)
    return chosen


def _export_options(command):
    """The options every roster export takes: format, output file, CSV separator, database."""
    for option in reversed([
        click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default="csv",
                     show_default=True, help=N_("xlsx: an Excel workbook with real dates (needs -o).")),
        click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                     help=N_("Write to this file (readable by you only). Without it, print to the screen.")),
        click.option("--separator", type=click.Choice(sorted(DELIMITERS)), default="comma",
                     show_default=True, help=N_("CSV separator; semicolon suits Excel in a Polish locale.")),
        headers_option,
        db_option,
    ]):
        command = option(command)
    return command


@export_group.command("ambassadors", context_settings=CONTEXT,
                      help=N_("Every person in the roster, every column, ready to import "
                              "again.\n\nCSV cells that a spreadsheet would run as a formula "
                              "(starting with = + - @, a tab or a carriage return) get a leading "
                              "' so they stay text; import removes it again."))
@_export_options
@click.pass_context
def export_ambassadors(ctx: click.Context, fmt: str, output: Path | None, separator: str,
                       headers: str, db_path: Path | None) -> None:
    _export(ctx, "ambassadors", fmt, output, separator, db_path, headers)


@export_group.command("stakeholders", context_settings=CONTEXT,
                      help=N_("The stakeholder map: departments and people, stance, last talk, "
                              "next step, notes."))
@_export_options
@click.pass_context
def export_stakeholders(ctx: click.Context, fmt: str, output: Path | None, separator: str,
                        headers: str, db_path: Path | None) -> None:
    _export(ctx, "stakeholders", fmt, output, separator, db_path, headers)


def _export(ctx: click.Context, what: str, fmt: str, output: Path | None, separator: str,
            db_path: Path | None, headers: str = "en") -> None:
    assert what in EXPORTS
    output = check_output(ctx, output, db_path)
    if fmt == "xlsx" and (output is None or str(output) == "-"):
        raise UserError(_("An Excel workbook cannot be shown on the screen: give a file with "
                          "-o, for example -o people.xlsx."))
    store = open_store(ctx, db_path, create=False)
    try:
        if output is None:
            stream = data_stream()  # exact into a pipe; on a terminal, escapes are made visible
            export(store, what, fmt, stream, delimiter=DELIMITERS[separator], headers=headers)
            stream.finish()
            return
        try:
            count = export_to_file(store, what, fmt, output, delimiter=DELIMITERS[separator],
                                   headers=headers)
        except ImportFileError as error:
            raise UserError(str(error)) from None
        message = (ngettext("Wrote {n} ambassador to {file} (readable by you only).",
                             "Wrote {n} ambassadors to {file} (readable by you only).", count)
                    if what == "ambassadors" else
                    ngettext("Wrote {n} stakeholder to {file} (readable by you only).",
                             "Wrote {n} stakeholders to {file} (readable by you only).", count))
        tell(message.format(n=format_number(count), file=output))
    finally:
        store.close()


@command("forget", help=N_("Erase one person and everything that names them (the right to "
                           "erasure).\n\nWithout --yes nothing changes: the command lists what would be "
                           "removed, what would only be unlinked (posts they wrote stay, without an "
                           "author) and where their name or email appears in free text (it becomes "
                           "[removed]). The freed space in the file is wiped; if another program keeps it "
                           "busy or the disk is full, the command says so, exits with status 1, and "
                           "running it again finishes the wipe. Exports, reports and backups written "
                           "earlier are listed: they are files for you to delete."))
@click.argument("email")
@click.option("--yes", is_flag=True, help=N_("Really erase. Without it, only say what would go."))
@db_option
@click.pass_context
def forget(ctx: click.Context, email: str, yes: bool, db_path: Path | None) -> None:
    store = open_store(ctx, db_path, create=False, demo_ok=not yes)
    try:
        if not yes:
            plan = plan_erasure(store, email)
            if plan is None:
                _finish_earlier_wipe(store, email, yes)
                return
            say(_("Would erase:"))
            for text in plan.lines():
                say("  " + one_line(text))
            _echo_files(files_to_check(store))
            say(_("Nothing was changed. Run again with --yes to erase."))
            return
        try:
            with progress_bar(_("Erasing and wiping the freed space")):
                done = forget_person(store, email)  # plans inside its own transaction
        except WriteError as error:
            raise UserError(_("Nothing was erased. {reason}").format(reason=error)) from None
        if done is None:
            _finish_earlier_wipe(store, email, yes)
            return
        assert done.wipe is not None
        say(_("Erased:"))
        for text in done.lines():
            say("  " + one_line(text))
        _echo_files(done.files)
        if not done.wipe.complete:
            raise UserError(done.wipe.message())
        say(_("The freed space in the file is wiped."))
    finally:
        store.close()


def _echo_files(files: list[Path]) -> None:
    for line in describe_files(files):
        say(one_line(line))


def _finish_earlier_wipe(store, email: str, yes: bool) -> None:
    """No one has ``email``: perhaps they were erased and the wipe did not finish."""
    missing = _("No one in the roster has the email address {email}.").format(email=email.strip())
    if not wipe_pending(store):
        raise UserError(missing)
    if not yes:
        say(missing + " " + _("The wipe of an earlier erasure did not finish; "
                                     "run again with --yes to finish it."))
        return
    wipe = finish_wipe(store)
    assert wipe is not None
    if not wipe.complete:
        raise UserError(wipe.message())
    say(missing + " " + _("The wipe of an earlier erasure is now complete: "
                                 "nothing of the erased person is left in the file."))
