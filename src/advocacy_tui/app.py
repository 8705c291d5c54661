"""The App: sections as modes, global keys, the command palette, themes, errors."""

from __future__ import annotations

import gc
import importlib
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from advocacy_tui import __version__, textual_compat
from advocacy_tui.config import Settings, remember_language, remember_theme
from advocacy_tui.data.store import Store
from advocacy_tui.domain.clock import Clock, SystemClock
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _, current_language, pgettext, set_language
from advocacy_tui.screens.base import SectionScreen
from advocacy_tui.themes import load_themes

if TYPE_CHECKING:
    from advocacy_tui.data.tasks import RoutineAdded, TickResult

STYLES = Path(__file__).parent / "themes"


@dataclass(frozen=True)
class Section:
    mode: str
    title: str
    key: str
    screen_path: str  # "module:Class", imported when the section is first opened
    summary: str

    @property
    def screen(self) -> type[SectionScreen]:
        module, name = self.screen_path.split(":")
        return getattr(importlib.import_module(module), name)

    def build(self) -> SectionScreen:
        return self.screen()


#: seconds after the first paint before the other sections'
#: code is loaded, and between two of them
WARM_UP_AFTER, WARM_UP_STEP = 0.5, 0.1

SECTIONS: tuple[Section, ...] = (
    Section("today", N_("Today"), "1", "advocacy_tui.screens.today:TodayScreen",
            N_("What needs you today, and how the program is doing")),
    Section("roster", N_("Roster"), "2", "advocacy_tui.screens.roster:RosterScreen",
            N_("Ambassadors, owners and managers")),
    Section("calendar", N_("Calendar"), "3", "advocacy_tui.screens.calendar:CalendarScreen",
            N_("Content calendar, mix and library")),
    Section("tasks", N_("Tasks"), "4", "advocacy_tui.screens.tasks:TasksScreen",
            N_("The owner's checklist, routine and weekly load")),
    Section("readiness", N_("Readiness"), "5", "advocacy_tui.screens.readiness:ReadinessScreen",
            N_("Readiness check, workshop and history")),
    Section("goals", N_("Goals"), "6", "advocacy_tui.screens.goals:GoalsScreen",
            N_("What the program is for, and whether it is getting there")),
)


class AdvocacyApp(App):
    CSS_PATH = STYLES / "app.tcss"
    TITLE = "advocacy-tui"
    # Sections are imported when first opened: start-up pays only for the first screen.
    MODES = {section.mode: section.build for section in SECTIONS}
    DEFAULT_MODE = SECTIONS[0].mode
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app.help", tooltip=N_("Help for this screen")),
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", tooltip=N_("Close the app")),
        # Tab moves the focus before the next key is handled (a priority binding is handled
        # where the key arrives; a plain one only after it bubbled up through the widgets), so
        # a fast typist's or a paste's next characters land in the next field.
        Binding("tab", "focus_next", N_("Next field"), show=False, priority=True, id="app.focus_next"),
        Binding("shift+tab", "focus_previous", N_("Previous field"), show=False, priority=True,
                id="app.focus_previous"),
        *(
            Binding(s.key, f"switch_mode('{s.mode}')", s.title, show=False,  # N_ in SECTIONS
                    id=f"app.section.{s.mode}", tooltip=s.summary)
            for s in SECTIONS
        ),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        *,
        clock: Clock | None = None,
        config_path: Path | None = None,
        themes_dir: Path | None = None,
        catch_errors: bool = False,
        log_dir: Path | None = None,
        start_mode: str | None = None,
        wizard: dict | None = None,
    ) -> None:
        if start_mode is not None:
            if start_mode not in self.MODES:
                raise ValueError(f"unknown section {start_mode!r}")
            self.DEFAULT_MODE = start_mode  # type: ignore[misc]  # Textual reads it from the instance when the app starts: the section to open first
        super().__init__()
        textual_compat.install_safe_output()  # no drawn text can act on the terminal
        self.store = store
        # ``advocacy-tui wizard``: {"bank", "language", "workshop"}, consumed by the readiness screen
        self.wizard_request = wizard
        self.settings = settings or Settings()
        self.clock = clock or store.clock or SystemClock()
        self.config_path = config_path
        self._stale_modes: set[str] = set()  # sections shown when the language changed
        # this session's ticks and added routines, newest last: u on Today or Tasks undoes them
        self.task_ticks: list[TickResult | RoutineAdded] = []
        self.catch_errors = catch_errors
        self.log_dir = log_dir
        themes, self.theme_problems = load_themes(themes_dir)
        for theme in themes:
            self.register_theme(theme)
        self._start_with_theme(
            self.settings.theme if self.settings.theme in self.available_themes else "advocacy-dark")
        self.sub_title = store.path.name
        if self.settings.keymap:
            self.set_keymap(dict(self.settings.keymap))

    def use_stylesheet(self, name: str) -> None:
        """Add ``themes/<name>.tcss`` to the app's CSS the first time something needs it.

        Parsing CSS is a large part of start-up, so each section's rules (and the dialogs')
        are read when first used instead of all at once. They join the app's own CSS, as
        app.tcss does, so they weigh exactly as if they had been in it from the start.
        """
        path = str(STYLES / f"{name}.tcss")
        if not self.stylesheet.has_source(path, ""):
            css = Path(path).read_text(encoding="utf-8")
            self.stylesheet.add_source(css, read_from=(path, ""), is_default_css=False)

    def push_screen(self, screen, *args, **kwargs):
        if isinstance(screen, ModalScreen):
            self.use_stylesheet("dialogs")
        return super().push_screen(screen, *args, **kwargs)

    def _start_with_theme(self, name: str) -> None:
        """Choose the theme before any CSS is parsed.

        Setting ``App.theme`` re-parses every stylesheet and marks the CSS of every screen
        stale, which cost a good part of the app's start time. Before the first parse the
        theme only has to be in the stylesheet's variables and in the app's classes, which
        is what the theme watcher does besides re-parsing.
        """
        old = self.theme
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        self.update_classes({f"-theme-{old}": False, f"-theme-{name}": True,
                             "-dark-mode": dark, "-light-mode": not dark}, update=False)
        textual_compat.refresh_ansi_colors(self)
        self.stylesheet.set_variables(self.get_css_variables())

    def run(self, *args, **kwargs):
        """Run the app, without garbage collection until the first screen is painted.

        Building the first screen allocates many objects, and a full collection in the
        middle of it scanned everything Python and Textual had loaded. The objects alive
        once the screen is shown are frozen (never scanned again), which also keeps later
        collections short while the user types.
        """
        self._collect_after_first_paint = gc.isenabled()
        gc.disable()
        try:
            return super().run(*args, **kwargs)
        finally:
            if self._collect_after_first_paint:
                gc.enable()

    def _first_paint_done(self) -> None:
        if getattr(self, "_collect_after_first_paint", False):
            textual_compat.freeze_startup_objects()
            gc.enable()
        self.set_timer(WARM_UP_AFTER, self._warm_up)

    def _warm_up(self) -> None:
        """Load the code of the sections not yet opened, one per idle moment, while the user
        reads the first screen: the first press of 2-5 then only builds the screen."""
        for section in SECTIONS:
            module = section.screen_path.partition(":")[0]
            if module not in sys.modules:
                importlib.import_module(module)
                self.set_timer(WARM_UP_STEP, self._warm_up)
                return

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_paint_done)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.store.read_only:
            self.sub_title = _("{file} (read-only)").format(file=self.store.path.name)
            self.notify(
                _("This file can only be read, so changes cannot be saved. Make the file and "
                  "its folder writable to edit the program."),
                title=_("Read-only"), severity="warning", timeout=15, markup=False,
            )
        if self.settings.theme not in self.available_themes:
            self.notify(_("There is no theme called “{theme}”; using the default.").format(
                theme=self.settings.theme),
                        severity="warning", markup=False)
        for problem in self.theme_problems:
            self.notify(_("Theme file {file} was skipped: {reason}.").format(
                file=problem.path.name, reason=problem.message),
                        severity="warning", markup=False)

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Toasts: text that is not markup is also cleaned of terminal control characters."""
        if not markup:
            message, title = printable(message, single_line=False), printable(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _remember_theme(self, theme) -> None:
        if self.config_path is None:
            return
        try:
            remember_theme(self.config_path, theme.name)
        except OSError as error:
            self.notify(_("The theme could not be saved to {path}: {reason}.").format(
                path=self.config_path, reason=error.strerror),
                        severity="warning", markup=False)

    # -- help and palette -----------------------------------------------------------

    def action_help(self) -> None:
        from advocacy_tui.screens.modals.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        text = (screen.help_text() if isinstance(screen, SectionScreen) else _(getattr(screen, "HELP", ""))) or _(APP_HELP)
        title = screen.sub_title or "advocacy-tui"
        keys = []
        for key, binding in self._bindings_for(screen):
            keys.append((self.get_key_display(binding), _(binding.description) if binding.description else key))
        self.push_screen(HelpScreen(title, text + "\n\n" + _(APP_HELP_FOOTER), keys))

    def get_key_display(self, binding: Binding) -> str:
        """A key as the key bar and F1 show it: the space bar has a name of its own in Polish."""
        shown = super().get_key_display(binding)
        return pgettext("key", "space") if shown == "space" else shown

    def _bindings_for(self, screen: Screen) -> list[tuple[str, Binding]]:
        seen: dict[str, Binding] = {}
        # the focused widget's containers too: a pane's keys are declared on the pane
        focused = screen.focused
        panes = [node for node in focused.ancestors if node is not screen and node is not self] if focused else []
        for node in [*screen.focus_chain, *panes, screen, self]:
            for key, active in textual_compat.bindings_of(node):
                if active.description and active.show and key not in seen:
                    seen[key] = active
        return list(seen.items())

    def action_command_palette(self) -> None:
        """Textual's command palette, its search box in the language in use."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for section in SECTIONS:
            yield SystemCommand(
                _(section.title),
                _("{summary} · key {key}").format(summary=_(section.summary), key=section.key),
                lambda mode=section.mode: self.switch_mode(mode),
            )
        if isinstance(screen, SectionScreen):
            yield from screen.palette_commands()
        yield SystemCommand(_("Help"), _("Help for this screen (F1)"), self.action_help)
        other = "en" if current_language() == "pl" else "pl"
        yield SystemCommand(_("Language: Polski / English"),
                            _("Switch the app to {language}").format(language=LANGUAGE_NAMES[other]),
                            lambda: self.switch_language(other))
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":  # Textual's saves to a downloads folder that may not exist
                yield SystemCommand(_("Screenshot"), _("Save a picture (SVG) of this screen, readable by you only"),
                                    lambda: self.set_timer(0.1, self.save_private_screenshot))
            else:  # Textual's own (theme, quit, keys, maximize) in the language in use
                yield command._replace(title=_(command.title), help=_(command.help))

    # -- language -------------------------------------------------------------------

    def switch_language(self, language: str) -> None:
        """Speak ``language`` from now on, without a restart.

        Every ``_()`` call from here on answers in the new language. The current screen
        counts and writes its texts again (its refresh action) and the footer re-reads the
        keys' descriptions; the other sections that show only their base screen are built
        again when next opened. What was composed once on the current section (headings,
        column titles) and open dialogs change when that section is next opened after
        visiting another one.
        """
        from dataclasses import replace

        if language == current_language():
            return
        set_language(language)
        self.settings = replace(self.settings, language=language, language_set=True)
        if self.config_path is not None:
            try:
                remember_language(self.config_path, language)
            except OSError as error:
                self.notify(_("The language could not be saved to {path}: {reason}.").format(
                    path=self.config_path, reason=error.strerror), severity="warning", markup=False)
        current = self.current_mode
        for section in SECTIONS:
            if section.mode != current:
                self._rebuild_mode(section.mode)
        self._stale_modes.add(current)
        refresh = getattr(self.screen, "action_refresh", None)
        if callable(refresh):
            refresh()
        self.screen.refresh_bindings()
        self.screen.refresh(layout=True)
        for widget in self.screen.walk_children():
            if type(widget).__name__ == "KeyBar":
                widget.refresh()
        self.notify(_("The app now speaks English.") if language == "en" else _("The app now speaks Polish."),
                    markup=False)

    def _rebuild_mode(self, mode: str) -> None:
        """Drop a section's screens so it is built again, in the current language, when next
        opened; a section with a dialog or wizard open on it is left as it is."""
        stacks = getattr(self, "_screen_stacks", {})
        stack = stacks.get(mode)
        if not stack or len(stack) > 1 or mode == self.current_mode:
            return
        section = next(s for s in SECTIONS if s.mode == mode)
        self.remove_mode(mode)
        self.add_mode(mode, section.build)

    def switch_mode(self, mode: str):
        previous = self.current_mode
        done = super().switch_mode(mode)
        if previous in self._stale_modes and previous != mode:
            self._stale_modes.discard(previous)
            self.call_later(self._rebuild_mode, previous)
        return done

    def save_private_screenshot(self) -> Path | None:
        """The screen as an SVG in the data folder's ``screenshots``, owner-only (it may show
        people's names), and a toast that says where it is."""
        from datetime import datetime

        from advocacy_tui import paths
        from advocacy_tui.data.files import FileWriteError, write_private

        folder = paths.data_dir() / "screenshots"
        target = folder / f"advocacy-tui-{datetime.now():%Y%m%d-%H%M%S}.svg"
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(target, self.export_screenshot().encode("utf-8"))
        except (OSError, FileWriteError) as error:
            self.notify(_("The picture could not be saved: {reason}").format(reason=error),
                        severity="error", markup=False)
            return None
        self.notify(_("Saved a picture of this screen to {path}").format(path=target),
                    title=_("Screenshot"), markup=False)
        return target

    # -- errors ---------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        from advocacy_tui.data.store import StoreError

        if isinstance(error, StoreError) and self.is_running:
            # A change that could not be saved (read-only, disk full, busy): nothing was
            # written, the app goes on, and the user is told in words.
            self.notify(str(error), title=_("Not saved"), severity="error", timeout=10, markup=False)
            return
        if not self.catch_errors or not self.is_running:
            super()._handle_exception(error)
            return
        log_path = self._log_error(error)
        try:
            from advocacy_tui.screens.modals.error import ErrorDialog

            summary = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
            self.push_screen(ErrorDialog(summary, str(log_path) if log_path else None))
        except Exception:  # the dialog itself failed: fall back to a clean exit
            super()._handle_exception(error)

    def _log_error(self, error: Exception) -> Path | None:
        if self.log_dir is None:
            return None
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            path = self.log_dir / "errors.log"
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"--- advocacy-tui {__version__} {self.clock.now().isoformat()}\n")
                handle.write("".join(traceback.format_exception(error)))
            return path
        except OSError:
            return None


LANGUAGE_NAMES = {"pl": "Polski", "en": "English"}  # each in its own language

# Textual's own words that the app shows: its palette commands and the palette key.
TEXTUAL_WORDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"), N_("Minimize"),
    N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("palette"),
)

APP_HELP = N_("""\
# advocacy-tui

Run an employee-advocacy program from one local file.
""")

APP_HELP_FOOTER = N_("""\
## Everywhere

* `1` Today, `2` the roster, `3` the content calendar and library, `4` tasks, `5` the readiness check.
* `Ctrl+P` opens the command palette: type what you want ("roster", "theme", "add").
* `F1` shows this help; `Ctrl+Q` quits. Everything is saved as you go.
""")


def roster_life_binding_classes() -> list[type[DOMNode]]:
    """The roster's detail pane, stakeholder map and their dialogs."""
    from advocacy_tui.screens.modals.involvement_form import InvolvementForm
    from advocacy_tui.screens.modals.roster_filter import RosterFilterDialog
    from advocacy_tui.screens.modals.stakeholder_form import StakeholderForm
    from advocacy_tui.screens.roster_detail import Checklist, InvolvementLog
    from advocacy_tui.screens.roster_people import PeoplePane
    from advocacy_tui.screens.stakeholders import StakeholderPane

    return [Checklist, InvolvementLog, PeoplePane, StakeholderPane, InvolvementForm, RosterFilterDialog,
            StakeholderForm]


def binding_classes() -> list[type[DOMNode]]:
    """Every class whose bindings a [keymap] table may remap."""
    from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm
    from advocacy_tui.screens.modals.calendar_dialogs import (
        DateDialog,
        FilterDialog,
        PickPostDialog,
    )
    from advocacy_tui.screens.modals.confirm import ConfirmDialog
    from advocacy_tui.screens.modals.error import ErrorDialog
    from advocacy_tui.screens.modals.help import HelpScreen
    from advocacy_tui.screens.modals.library_form import LibraryForm
    from advocacy_tui.screens.modals.post_form import PostForm
    from advocacy_tui.screens.modals.task_form import (
        AnswerDialog,
        AttendeesDialog,
        RoutineDialog,
        SettingsDialog,
        TaskForm,
    )
    from advocacy_tui.screens.readiness import CompareScreen
    from advocacy_tui.screens.today import Indicator
    from advocacy_tui.screens.wizard import ReportExportDialog, SummaryScreen, WizardScreen
    from advocacy_tui.widgets.month_grid import MonthGrid
    from advocacy_tui.widgets.virtual_table import VirtualTable

    classes: list[type[DOMNode]] = [AdvocacyApp, VirtualTable, AmbassadorForm, ConfirmDialog, ErrorDialog, HelpScreen]
    from advocacy_tui.screens.modals.export_dialog import ExportDialog as RosterExportDialog
    from advocacy_tui.screens.modals.forget_dialog import ForgetDialog
    from advocacy_tui.screens.modals.import_dialog import ImportDialog

    classes += [WizardScreen, SummaryScreen, ReportExportDialog, CompareScreen]
    classes += [PostForm, LibraryForm, FilterDialog, PickPostDialog, DateDialog, MonthGrid]
    classes += [TaskForm, AnswerDialog, SettingsDialog, RoutineDialog, AttendeesDialog, Indicator]
    classes += roster_life_binding_classes()
    classes += [ImportDialog, RosterExportDialog, ForgetDialog]
    classes += [section.screen for section in SECTIONS]
    return classes


def _own_bindings(cls: type[DOMNode]) -> list[Binding]:
    return [binding for binding in cls.BINDINGS if isinstance(binding, Binding) and binding.id]


def known_binding_ids() -> set[str]:
    """Every binding id a [keymap] table may remap."""
    return {binding.id for cls in binding_classes() for binding in _own_bindings(cls) if binding.id}


def binding_scopes() -> list[list[Binding]]:
    """Bindings that are active at the same time: each class's own, with the app's."""
    app_bindings = _own_bindings(AdvocacyApp)
    return [app_bindings + _own_bindings(cls) for cls in binding_classes() if cls is not AdvocacyApp]
