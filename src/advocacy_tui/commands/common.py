"""What every command shares: one-line errors, ``--db``, opening the program, checking an
output path, the registry of commands, and help in the user's language.

Feature modules register their commands here (``command``, ``group``); ``cli.py`` only
assembles them under ``advocacy-tui``. Nothing here imports Textual.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from advocacy_tui import i18n, paths
from advocacy_tui.commands import output
from advocacy_tui.commands.click_words import METAVARS
from advocacy_tui.config import ConfigError, Settings, load_settings
from advocacy_tui.data.store import Store, StoreError
from advocacy_tui.i18n import N_, _

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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
    """``--db PATH`` on a subcommand. It may also be given before the subcommand; either
    way ``resolve_db`` is the one place that turns it into a path."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(path_type=Path),
        default=None,
        help=N_("The program's database file (default: ADVOCACY_TUI_DB, config, or the data folder)."),
    )(function)


def headers_option(function: Callable) -> Callable:
    """``--headers en|pl`` on an export: the language of a CSV's or a workbook's header row."""
    return click.option(
        "--headers",
        type=click.Choice(["en", "pl"]),
        default="en",
        show_default=True,
        help=N_("Column headers of a CSV or Excel file: en (stable names for scripts) or pl "
                "(for a Polish spreadsheet; import reads both). JSON keys stay in English."),
    )(function)


def load_config() -> Settings:
    try:
        return load_settings(paths.config_file())
    except ConfigError as error:
        raise UserError(str(error)) from None


def resolve_db(ctx: click.Context, db_path: Path | None, settings: Settings) -> Path:
    """The database a command works on: its own ``--db``, the one given before the command,
    ADVOCACY_TUI_DB, the config's ``db``, or the data folder's default file."""
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


# -- the registry ----------------------------------------------------------------------
# Top-level commands and groups of the feature modules, in the order they were made;
# cli.py adds them to ``advocacy-tui`` when a command is first asked for.

COMMANDS: dict[str, click.Command] = {}


def command(name: str | None = None, **attrs: Any) -> Callable[[Callable], click.Command]:
    """``@command(help=N_("..."))``: a top-level ``advocacy-tui NAME`` command."""
    def register(function: Callable) -> click.Command:
        made = click.command(name, context_settings=CONTEXT, **attrs)(function)
        COMMANDS[made.name or ""] = made
        return made
    return register


def group(name: str, help_text: str) -> click.Group:
    """The ``advocacy-tui NAME`` group (created on first use, so an empty one is never
    shown) for the modules that add commands to it."""
    made = COMMANDS.get(name)
    if not isinstance(made, click.Group):
        made = click.Group(name, context_settings=CONTEXT, help=help_text)
        COMMANDS[name] = made
    return made


# -- help in the user's language -------------------------------------------------------

def translate_help(command: click.Command) -> None:
    """Put the help of ``command``, its options and its subcommands in the language in use.

    Help texts are written in English and marked ``N_()``; the English is kept beside each
    so a later call in another language translates from the source again."""
    for attribute in ("options_metavar", "subcommand_metavar"):
        _translate_metavar(command, attribute, getattr(command, attribute, None))
    for param in command.params:
        _translate_metavar(param, "metavar", _english_metavar(param))
    for thing in (command, *command.params):
        for attribute in ("help", "short_help"):
            source_name = f"_{attribute}_source"
            if not hasattr(thing, source_name):
                setattr(thing, source_name, getattr(thing, attribute, None))
            source = getattr(thing, source_name)
            if source:
                setattr(thing, attribute, _(source))
    # click makes a command's --help option once and keeps it (``_help_option``, click 8.2):
    # in one interpreter that switches languages (the tests) its text follows the language too
    made = getattr(command, "_help_option", None)
    if isinstance(made, click.Option):
        made.help = _("Show this message and exit.")
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub)


def _english_metavar(param: click.Parameter) -> str | None:
    """What click shows for ``param`` in English. Click names some types through gettext
    ("path" becomes "ścieżka" once, when the type is made), so its own answer may be Polish."""
    if param.metavar is not None or isinstance(param, click.Option) and (param.is_flag or param.count):
        return param.metavar
    if isinstance(param, click.Argument):
        return param.name.upper() if param.name and param.required and param.nargs == 1 \
            and not isinstance(param.type, click.Choice) else None
    kind = param.type
    if isinstance(kind, click.Path):
        return "FILE" if kind.file_okay and not kind.dir_okay else \
            "DIRECTORY" if kind.dir_okay and not kind.file_okay else "PATH"
    if isinstance(kind, click.IntRange):
        return "INTEGER RANGE"
    if isinstance(kind, click.types.IntParamType):
        return "INTEGER"
    if isinstance(kind, click.types.StringParamType):
        return "TEXT"
    return None


def _translate_metavar(thing: object, attribute: str, shown: str | None) -> None:
    """A placeholder of the usage line ("[OPTIONS]", "FILE") in the language in use, when
    ``METAVARS`` has it; choices ("[csv|json]") and anything else stay as click writes them."""
    source_name = f"_{attribute}_source"
    if not hasattr(thing, source_name):
        setattr(thing, source_name, shown)
    source = getattr(thing, source_name)
    if source in METAVARS:
        setattr(thing, attribute, _(source))


@contextmanager
def click_speaks(language: str) -> Iterator[None]:
    """Click's own words ("Usage:", "Options", "No such option") in ``language``.

    Click asks Python's gettext (the default ``messages`` domain and the locale variables);
    for the length of a command the domain points at our compiled catalogue and LANGUAGE
    names the language in use. The environment is put back afterwards."""
    folder = i18n.compiled_locale_dir(language)
    before_dir = gettext.bindtextdomain(gettext.textdomain())
    before_language = os.environ.get("LANGUAGE")
    if folder is not None:
        gettext.bindtextdomain(gettext.textdomain(), str(folder))
        os.environ["LANGUAGE"] = language
    try:
        yield
    finally:
        if folder is not None:
            gettext.bindtextdomain(gettext.textdomain(), before_dir)
            if before_language is None:
                os.environ.pop("LANGUAGE", None)
            else:
                os.environ["LANGUAGE"] = before_language
