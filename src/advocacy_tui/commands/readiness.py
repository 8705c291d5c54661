"""``advocacy-tui wizard`` and ``advocacy-tui report readiness|program``.

The report commands do not load Textual: they only read the database.
"""

from __future__ import annotations

from pathlib import Path

import click

from advocacy_tui import paths
from advocacy_tui.commands.app import run_app
from advocacy_tui.commands.common import (
    CONTEXT,
    UserError,
    check_output,
    command,
    db_option,
    group,
    load_config,
    open_store,
)
from advocacy_tui.commands.output import tell, write_data
from advocacy_tui.data.files import FileWriteError, write_private
from advocacy_tui.data.files_written import REPORT, record_file_written
from advocacy_tui.data.store import Store
from advocacy_tui.i18n import N_, _, current_language, set_language

report_group = group("report", N_("Write reports: a readiness run, or the state of the program."))


def _write(text: str, output: Path | None, store: Store) -> None:
    if output is None:
        write_data(text)  # exact into a pipe; on a terminal, escapes are made visible
        return
    try:
        write_private(output, text.encode("utf-8"))
    except FileWriteError as error:
        raise UserError(str(error)) from None
    record_file_written(store, output, REPORT)  # so that forget can name it
    tell(_("Report written to {path}.").format(path=output))


@command("wizard",
         help=N_("Open the readiness wizard straight away (resuming an unfinished run of the same "
                 "bank)."))
@click.option("--lang", "language", type=click.Choice(["en", "pl"]), default=None,
              help=N_("The language of the questions and the app (default: --lang, config, then LANG)."))
@click.option("--bank", "bank_name", default="readiness", show_default=True,
              help=N_("The question bank: readiness, readiness-quick, or one of your own."))
@click.option("--workshop", is_flag=True,
              help=N_("Large screens and vote tallies, for a room and a projector."))
@click.option("--demo", is_flag=True, help=N_("Use a fresh copy of the sample program."))
@click.option("--check-bank", "check_bank", type=click.Path(path_type=Path, dir_okay=True), default=None,
              metavar="FILE", help=N_("Check a question bank file you wrote and say what is wrong; opens nothing."))
@db_option
@click.pass_context
def wizard(ctx: click.Context, language: str | None, bank_name: str, workshop: bool, demo: bool,
           check_bank: Path | None, db_path: Path | None) -> None:
    from advocacy_tui.data.readiness import find_bank
    from advocacy_tui.domain.readiness import BankError

    if check_bank is not None:
        _check_bank(check_bank)
        return

    load_config()  # a broken config is reported before the app opens
    # ``wizard --lang pl`` speaks Polish throughout, as ``advocacy-tui --lang pl wizard`` does
    if language:
        set_language(language)
    language = current_language()
    try:
        find_bank(bank_name, language, paths.config_dir())
    except (LookupError, BankError) as error:
        raise UserError(str(error).strip("'\"")) from None
    run_app(ctx, db_path, demo or bool(ctx.find_root().params.get("demo")), start_mode="readiness",
            wizard={"bank": bank_name, "language": language, "workshop": workshop})


def _check_bank(path: Path) -> None:
    """Validate one bank file: one line of what is wrong (exit 1), or what it holds and each rule."""
    from advocacy_tui.data.readiness import read_bank_file
    from advocacy_tui.domain.readiness import BankError
    from advocacy_tui.domain.readiness_texts import describe_rule
    from advocacy_tui.domain.text import printable

    try:
        bank = read_bank_file(path)
    except BankError as error:
        raise UserError(printable(str(error))) from None
    flags = [q for q in bank.questions if q.flag or q.partly_flag]
    blocking = [q for q in bank.questions if q.blocking]
    click.echo(_("{path}: the bank is valid: “{title}” ({language}), {areas} areas, {questions} questions, "
                 "{flags} with a red flag ({blocking} blocking).").format(
        path=path, title=printable(bank.title), language=bank.language, areas=len(bank.sections),
        questions=len(bank.questions), flags=len(flags), blocking=len(blocking)))
    for question in bank.questions:
        click.echo(f"  {printable(question.id)}: {printable(describe_rule(question))}")


def _format(fmt: str | None, output: Path | None) -> str:
    """The format asked for; without one, what the output file's name says (.html, .htm)."""
    if fmt is not None:
        return fmt
    return "html" if output is not None and output.suffix.lower() in (".html", ".htm") else "md"


@report_group.command("readiness", context_settings=CONTEXT,
                      help=N_("A readiness run: verdict, red flags, next steps, every answer and "
                              "note, in the run's language."))
@click.option("--run", "run_id", type=int, default=None,
              help=N_("The run's number (default: the latest finished run)."))
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default=None,
              help=N_("md or html (default: html for an -o file ending in .html, else md)."))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help=N_("Write to this file instead of the screen."))
@db_option
@click.pass_context
def report_readiness(ctx: click.Context, run_id: int | None, fmt: str | None, output: Path | None,
                     db_path: Path | None) -> None:
    from advocacy_tui.data.readiness import ReadinessRepo, find_bank
    from advocacy_tui.data.reports import readiness_report
    from advocacy_tui.domain.readiness import BankError

    output = check_output(ctx, output, db_path)
    store = open_store(ctx, db_path, create=False)
    try:
        repo = ReadinessRepo(store)
        if run_id is None:
            run = repo.latest_finished()
            if run is None:
                raise UserError(_("No readiness run has been finished yet. Run “advocacy-tui wizard” first."))
        else:
            run = repo.get(run_id)
            if run is None:
                raise UserError(_("There is no readiness run number {number}.").format(number=run_id))
        try:
            bank = find_bank(run.bank, run.language, paths.config_dir())
        except (LookupError, BankError) as error:
            raise UserError(_("Run {number} used a question bank that cannot be loaded: {reason}").format(
                number=run.id, reason=str(error).strip(chr(39)))) from None
        text = readiness_report(store, run, bank, _format(fmt, output), page_size=load_config().page_size)
        _write(text, output, store)
    finally:
        store.close()


@report_group.command("program", context_settings=CONTEXT,
                      help=N_("The state of the program: goals, roster, onboarding, content mix, "
                              "this week's load, readiness."))
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default=None,
              help=N_("md or html (default: html for an -o file ending in .html, else md)."))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help=N_("Write to this file instead of the screen."))
@db_option
@click.pass_context
def report_program(ctx: click.Context, fmt: str | None, output: Path | None, db_path: Path | None) -> None:
    from advocacy_tui.data.reports import program_report

    output = check_output(ctx, output, db_path)
    settings = load_config()
    store = open_store(ctx, db_path, settings, create=False)
    try:
        text = program_report(store, _format(fmt, output), settings.voice_labels, page_size=settings.page_size)
        _write(text, output, store)
    finally:
        store.close()
