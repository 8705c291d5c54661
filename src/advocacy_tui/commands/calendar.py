"""``export calendar`` (an .ics file) and ``export posts|library`` (CSV or JSON)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from advocacy_tui.commands.common import (
    CONTEXT,
    UserError,
    check_output,
    db_option,
    group,
    headers_option,
    load_config,
    open_store,
)
from advocacy_tui.commands.output import tell, write_data
from advocacy_tui.commands.progress import progress_bar
from advocacy_tui.data.files import FileWriteError, write_private
from advocacy_tui.data.files_written import EXPORT, record_file_written
from advocacy_tui.data.store import Store
from advocacy_tui.domain.dates import DateError, parse_date
from advocacy_tui.i18n import N_, _

export = group("export", N_("Write the program's data to files other programs read."))


def _date_option(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as error:
        raise UserError(f"{name}: {error}") from None


def _write(data: bytes, output: Path | None, store: Store) -> None:
    if output is None or str(output) == "-":
        write_data(data)  # exact into a pipe; on a terminal, escapes are made visible
        return
    try:
        write_private(output, data)
    except FileWriteError as error:
        raise UserError(str(error)) from None
    record_file_written(store, output, EXPORT)  # so that forget can name it
    tell(_("Wrote {file}.").format(file=output))


def _calendar_options(command):
    """The options both calendar files take: format, output file, day range, database."""
    for option in reversed([
        click.option("--format", "fmt", type=click.Choice(["ics"]), default="ics", show_default=True,
                     help=N_("The file format (iCalendar, for Outlook, Google Calendar, Thunderbird).")),
        click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                     help=N_("Write to this file instead of the screen.")),
        click.option("--from", "from_text", default=None, help=N_("First day (dd.mm.yyyy or yyyy-mm-dd).")),
        click.option("--to", "to_text", default=None, help=N_("Last day (dd.mm.yyyy or yyyy-mm-dd).")),
        db_option,
    ]):
        command = option(command)
    return command


@export.command("calendar", context_settings=CONTEXT,
                help=N_("The content calendar as an .ics file. Importing a newer file updates the "
                        "events.\n\nPosts with a time become 30-minute events in the time zone of "
                        "the setting timezone (default: this computer's), written with that zone "
                        "so every calendar places them right; posts without one become all-day "
                        "events. Dropped posts are marked cancelled, and so are posts deleted in "
                        "the last calendar_cancelled_days days (90 by default)."))
@_calendar_options
@click.pass_context
def export_calendar(ctx: click.Context, fmt: str, output: Path | None, from_text: str | None,
                    to_text: str | None, db_path: Path | None) -> None:
    from advocacy_tui.data.calendar_export import build_ics, system_zone_name, zone_named

    first = _date_option(from_text, "--from")
    last = _date_option(to_text, "--to")
    if first and last and last < first:
        raise UserError(_("--to is before --from: give the earlier day first."))
    settings = load_config()
    output = check_output(ctx, output, db_path)
    store = open_store(ctx, db_path, settings, create=False)
    try:
        with progress_bar(_("Writing the calendar")) as update:
            data = build_ics(store, first, last, zone=zone_named(settings.timezone or system_zone_name()),
                             voice_labels=settings.voice_labels, progress=update,
                             cancelled_days=settings.calendar_cancelled_days)
        _write(data, output, store)
    finally:
        store.close()


@export.command("tasks", context_settings=CONTEXT,
                help=N_("Your tasks with a due day, and the readiness \"check again\" day, as "
                        "calendar events with reminders. Importing a newer file updates them; "
                        "skipped tasks are cancelled."))
@_calendar_options
@click.pass_context
def export_tasks(ctx: click.Context, fmt: str, output: Path | None, from_text: str | None,
                 to_text: str | None, db_path: Path | None) -> None:
    from advocacy_tui.data.calendar_export import build_tasks_ics, system_zone_name, zone_named

    first = _date_option(from_text, "--from")
    last = _date_option(to_text, "--to")
    if first and last and last < first:
        raise UserError(_("--to is before --from: give the earlier day first."))
    settings = load_config()
    output = check_output(ctx, output, db_path)
    store = open_store(ctx, db_path, settings, create=False)
    try:
        data = build_tasks_ics(store, first, last, zone=zone_named(settings.timezone or system_zone_name()))
        _write(data, output, store)
    finally:
        store.close()


SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def _export_table(ctx: click.Context, what: str, fmt: str, output: Path | None,
                  db_path: Path | None, separator: str = "comma", headers: str = "en") -> None:
    from advocacy_tui.data import calendar_export as ex
    from advocacy_tui.data.csv_io import export_headers, sheet_title

    output = check_output(ctx, output, db_path)
    if fmt == "xlsx" and (output is None or str(output) == "-"):
        raise UserError(_("An Excel workbook cannot be shown on the screen: give a file with "
                          "-o, for example -o {what}.xlsx.").format(what=what))
    store = open_store(ctx, db_path, create=False)
    try:
        if what == "posts":
            records, fields = ex.post_records(store), ex.POST_FIELDS
        else:
            records, fields = ex.library_records(store), ex.LIBRARY_FIELDS
        if fmt == "xlsx":
            from advocacy_tui.data.csv_io import date_columns
            from advocacy_tui.data.xlsx_io import WorkbookError, write_workbook

            try:
                data, _count = write_workbook(
                    export_headers(fields, headers), ([r[f] for f in fields] for r in records),
                    title=sheet_title(what, headers),
                    date_columns=export_headers(date_columns(fields), headers))
            except WorkbookError as error:
                raise UserError(str(error)) from None
            _write(data, output, store)
            return
        text = (ex.to_csv(records, fields, delimiter=SEPARATORS[separator],
                          headers=export_headers(fields, headers)) if fmt == "csv"
                else ex.to_json(records))
        # utf-8-sig: Excel recognises UTF-8 (Polish letters) only with the byte-order mark.
        _write(text.encode("utf-8-sig" if fmt == "csv" else "utf-8"), output, store)
    finally:
        store.close()


for _what, _summary in (
        ("posts", N_("Every post of the content calendar as CSV, JSON or an Excel workbook. "
                     "No cell ever starts a spreadsheet formula.")),
        ("library", N_("Every item of the content library as CSV, JSON or an Excel workbook. "
                       "No cell ever starts a spreadsheet formula."))):

    def _make(what: str, summary: str) -> None:
        @export.command(what, context_settings=CONTEXT, help=summary)
        @click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default="csv",
                      show_default=True, help=N_("The file format (xlsx needs -o)."))
        @click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                      help=N_("Write to this file instead of the screen."))
        @click.option("--separator", type=click.Choice(sorted(SEPARATORS)), default="comma",
                      show_default=True, help=N_("CSV separator; semicolon suits Excel in a Polish locale."))
        @headers_option
        @db_option
        @click.pass_context
        def _command(ctx: click.Context, fmt: str, output: Path | None, separator: str,
                     headers: str, db_path: Path | None) -> None:
            _export_table(ctx, what, fmt, output, db_path, separator, headers)

    _make(_what, _summary)
