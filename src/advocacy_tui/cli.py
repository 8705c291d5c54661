"""The command line: a bare ``advocacy-tui`` opens the app; subcommands script it.

Only the bare command (and commands that open a screen) load Textual; import,
export and report commands stay fast and scriptable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from advocacy_tui import __version__, paths
from advocacy_tui.commands import output
from advocacy_tui.config import ConfigError, Settings, load_settings
from advocacy_tui.data.store import Store, StoreError
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import LANGUAGES, _, choose_language, current_language, set_language

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def say_error(message: str) -> None:
    """One line on stderr. Paths and values the user typed may hold control characters:
    they are shown as visible escapes (``\\x1b``), never sent to the terminal."""
    output.say_error(message)


class UserError(click.ClickException):
    """A problem the user can fix, printed as one line with exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        say_error(self.format_message())


def db_option(function: Callable) -> Callable:
    """``--db PATH`` on a subcommand (it may also be given before the subcommand)."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(path_type=Path),
        default=None,
        help="The program's database file (default: ADVOCACY_TUI_DB, config, or the data folder).",
    )(function)


def load_config() -> Settings:
    try:
        return load_settings(paths.config_file())
    except ConfigError as error:
        raise UserError(str(error)) from None


def resolve_db(ctx: click.Context, db_path: Path | None, settings: Settings) -> Path:
    given = db_path or (ctx.find_root().params.get("db_path") if ctx.find_root() else None)
    if given:
        return Path(given).expanduser()
    path = paths.default_db(settings.db)
    if not settings.db and "ADVOCACY_TUI_DB" not in os.environ:
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def demo_requested(ctx: click.Context) -> bool:
    """Was ``--demo`` given (before the subcommand)?"""
    return bool(ctx.find_root().params.get("demo"))


def open_store(ctx: click.Context, db_path: Path | None, settings: Settings | None = None, *,
               create: bool = True, demo_ok: bool = True) -> Store:
    """Open the database for a subcommand, turning every problem into one clear line.

    ``create=False`` for commands that only read: a path that does not exist is refused
    rather than created empty. With ``--demo`` a fresh sample program is opened instead
    (removed again when the command ends), or refused where ``demo_ok`` is false: there
    it would change nothing that is kept.
    """
    if demo_requested(ctx):
        if not demo_ok:
            raise UserError(_("--demo works on a throwaway copy of the sample program, so this "
                              "command would change nothing that is kept. Leave out --demo."))
        if db_path is not None or ctx.find_root().params.get("db_path"):
            raise UserError(_("Give either --demo or --db, not both."))
        import shutil

        from advocacy_tui.data.demo import open_demo

        store = open_demo()
        folder = store.path.parent
        ctx.find_root().call_on_close(lambda: shutil.rmtree(folder, ignore_errors=True))
        return store
    settings = settings or load_config()
    try:
        return Store.open(resolve_db(ctx, db_path, settings), create=create)
    except StoreError as error:
        raise UserError(str(error)) from None


def check_output(ctx: click.Context, output: Path | None, db_path: Path | None) -> Path | None:
    """Refuse an output file that is the database, its log, the config file, a device,
    a pipe or a socket, before anything is opened or written."""
    if output is None or str(output) == "-":
        return output
    from advocacy_tui.data.paths_check import check_output_path

    databases = [] if demo_requested(ctx) else [resolve_db(ctx, db_path, load_config())]
    try:
        return check_output_path(output, databases=databases)
    except OSError as error:
        raise UserError(str(error)) from None


class _Commands(click.Group):
    """The feature modules (import, export, report, serve, ...) are loaded on first need:
    opening the app itself does not pay for importing the code of every command."""

    def _load(self) -> None:
        if not getattr(self, "_loaded", False):
            self._loaded = True
            from advocacy_tui.commands import backup, calendar, readiness, roster, serve, users  # noqa: F401

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)


@click.group(cls=_Commands, invoke_without_command=True, context_settings=CONTEXT)
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=None,
              help="Open this database file instead of the default one.")
@click.option("--demo", is_flag=True, help="Open a fresh copy of a sample program (your data is not touched).")
@click.option("--lang", "lang", type=click.Choice(LANGUAGES), default=None,
              help="The language of the app and its messages (default: config, then LANG).")
@click.version_option(__version__, "--version", "-V", prog_name="advocacy-tui",
                      message="%(prog)s %(version)s")
@click.option("--no-saved-settings", "no_saved_settings", is_flag=True, hidden=True,
              help="Never write the config file (the demo served in a browser).")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, demo: bool, no_saved_settings: bool,
        lang: str | None) -> None:
    """Run an employee-advocacy program: roster, calendar, tasks and readiness.

    With no command, opens the app.
    """
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


def run_app(ctx: click.Context, db_path: Path | None, demo: bool, **app_options: Any) -> None:
    from advocacy_tui.web.child import end_with_server, served_user

    end_with_server()  # a copy of the app for a browser tab ends when its server does
    user = served_user()  # the named user signed in to that tab, if the program has users
    settings = replace(load_config(), language=current_language())  # --lang wins over the file
    demo_folder = None
    try:
        if demo:
            from advocacy_tui.data.demo import open_demo

            store = open_demo()
            demo_folder = store.path.parent
        else:
            store = open_store(ctx, db_path, settings)
    except StoreError as error:
        raise UserError(str(error)) from None
    if user and not store.read_only:
        from advocacy_tui.data.users import record_changes_as

        record_changes_as(store, user)  # every change this copy makes is recorded under the name
    try:
        from advocacy_tui.app import AdvocacyApp, binding_scopes, known_binding_ids
        from advocacy_tui.config import check_keymap

        if settings.keymap:  # knowing every binding id means importing every screen
            try:
                check_keymap(settings, known_binding_ids(), binding_scopes())
            except ConfigError as error:
                raise UserError(str(error)) from None
        app = AdvocacyApp(
            store,
            settings,
            # The demo never saves settings (a theme chosen in it) to the user's config.
            config_path=None if demo or ctx.find_root().params.get("no_saved_settings")
            else paths.config_file(),
            themes_dir=paths.themes_dir(),
            catch_errors=True,
            log_dir=paths.log_dir(),
            **app_options,
        )
        if user:
            app.title = f"{app.title} · {printable(user)}"
        app.run()
    finally:
        store.close()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
    if app.return_code:
        sys.exit(app.return_code)


@cli.command(context_settings=CONTEXT)
@click.argument("what", type=click.Choice(["config", "data", "themes"]))
def locate(what: str) -> None:
    """Print where the config file, the database file or the themes folder is."""
    if what == "data" and demo_requested(click.get_current_context()):
        raise UserError(_("The demo program is a throwaway copy with no lasting file; "
                          "leave out --demo to locate your own."))
    if what == "config":
        output.say(str(paths.config_file()))
    elif what == "themes":
        output.say(str(paths.themes_dir()))
    else:
        output.say(str(paths.default_db(load_config().db)))


# Feature modules add their commands here (import, export, report, ...); _Commands loads
# them when a command is asked for. Groups such as ``import`` and ``export`` are created by the first module that needs
# them through ``group(name, help)`` below, so an empty group is never shown.

_groups: dict[str, click.Group] = {}


def group(name: str, help_text: str) -> click.Group:
    """The ``advocacy-tui NAME`` group (created on first use), for feature modules."""
    if name not in _groups:

        @cli.group(name, context_settings=CONTEXT, help=help_text)
        def _group() -> None:
            pass

        _groups[name] = _group
    return _groups[name]


def main() -> None:
    """Console entry point: clean one-line errors, exit status 1, never a traceback."""
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
