"""The ``advocacy-tui`` command: it assembles the commands of ``commands/`` and turns
every error into one plain line. What the commands share is in ``commands/common.py``."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from advocacy_tui import __version__, paths
from advocacy_tui.commands import common
from advocacy_tui.commands.common import CONTEXT, UserError, say_error
from advocacy_tui.config import ConfigError, Settings, load_settings
from advocacy_tui.data.store import StoreError
from advocacy_tui.i18n import LANGUAGES, N_, _, choose_language, set_language


class _Commands(click.Group):
    """The feature modules (import, export, report, serve, ...) are loaded on first need:
    opening the app itself does not pay for importing the code of every command. Their
    help is put in the language in use as they are handed out."""

    def _load(self) -> None:
        if not getattr(self, "_loaded", False):
            self._loaded = True
            from advocacy_tui.commands import (  # noqa: F401
                analytics,
                backup,
                calendar,
                digest,
                goals,
                groups,
                locate,
                readiness,
                roster,
                serve,
                users,
            )

            for name, command in common.COMMANDS.items():
                self.add_command(command, name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            common.translate_help(command)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        common.translate_help(self)
        super().format_help(ctx, formatter)


@click.group(cls=_Commands, invoke_without_command=True, context_settings=CONTEXT,
             help=N_("Run an employee-advocacy program: roster, calendar, tasks and readiness.\n\n"
                     "With no command, opens the app."))
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
              help=N_("Open this database file instead of the default one."))
@click.option("--demo", is_flag=True, help=N_("Open a fresh copy of a sample program (your data is not touched)."))
@click.option("--lang", "lang", type=click.Choice(LANGUAGES), default=None,
              help=N_("The language of the app and its messages (default: config, then LANG)."))
@click.version_option(__version__, "--version", "-V", prog_name="advocacy-tui",
                      message="%(prog)s %(version)s", help=N_("Show the version and exit."))
@click.option("--no-saved-settings", "no_saved_settings", is_flag=True, hidden=True,
              help="Never write the config file (the demo served in a browser).")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, demo: bool, no_saved_settings: bool,
        lang: str | None) -> None:
    from advocacy_tui.commands.app import run_app
    from advocacy_tui.data.files import clean_stale_parts

    use_language(lang)

    clean_stale_parts()  # part files of exports and backups killed earlier hold personal data
    if ctx.invoked_subcommand is None:
        run_app(ctx, db_path, demo)


def use_language(given: str | None) -> str:
    """Choose the language before any message is made: ``--lang``, the config's ``language``,
    LANG / LC_MESSAGES, English. A config that cannot be read is reported by the command
    itself (``locate config`` must still work to find it)."""
    try:
        settings = load_settings(paths.config_file())
    except ConfigError:
        settings = Settings()
    language = choose_language(given, settings.language if settings.language_set else None)
    set_language(language)
    return language


def _lang_given(argv: list[str]) -> str | None:
    """``--lang X`` / ``--lang=X`` anywhere on the command line, read before click parses it:
    the help and errors of parsing itself must already be in that language."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word.startswith("--lang="):
            return word.partition("=")[2]
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def main() -> None:
    """Console entry point: clean one-line errors, exit status 1, never a traceback."""
    language = use_language(_lang_given(sys.argv[1:]))
    with common.click_speaks(language):
        _main()


def _main() -> None:
    try:
        cli.main(prog_name="advocacy-tui", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except UserError as error:
        error.show()
        sys.exit(1)
    except click.UsageError as error:
        hint = " " + _("Try “{command} --help”.").format(command=error.ctx.command_path) if error.ctx else ""
        say_error(f"{error.format_message()}{hint}")
        sys.exit(1)
    except click.ClickException as error:
        say_error(error.format_message())
        sys.exit(1)
    except (click.Abort, KeyboardInterrupt):
        say_error(_("Stopped."))
        sys.exit(130)
    except StoreError as error:  # busy, read-only, disk full: nothing was saved, in words
        say_error(str(error))
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        say_error(f"{error.strerror or error}{where}.")
        sys.exit(1)
    except Exception as error:  # last resort: a bug, reported in words with details in a log
        log = _log_unexpected(error)
        say_error(
            _("Something unexpected went wrong ({kind}: {error}).").format(kind=type(error).__name__, error=error)
            + (" " + _("Details are in {log}.").format(log=log) if log else "")
        )
        sys.exit(1)


def _log_unexpected(error: Exception) -> Path | None:
    import traceback

    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "errors.log"
        # Owner-only: a traceback can hold names and emails from the user's data.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            os.fchmod(fd, 0o600)
        with open(fd, "a", encoding="utf-8") as handle:
            handle.write(f"--- advocacy-tui {__version__}\n")
            handle.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return None
