"""Opening the app itself: ``advocacy-tui`` with no command, and ``advocacy-tui wizard``."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from advocacy_tui import paths
from advocacy_tui.commands import common
from advocacy_tui.commands.common import UserError
from advocacy_tui.config import ConfigError
from advocacy_tui.data.store import StoreError
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import current_language


def run_app(ctx: click.Context, db_path: Path | None, demo: bool, **app_options: Any) -> None:
    from advocacy_tui.web.child import end_with_server, served_user

    end_with_server()  # a copy of the app for a browser tab ends when its server does
    user = served_user()  # the named user signed in to that tab, if the program has users
    settings = replace(common.load_config(), language=current_language())  # --lang wins over the file
    demo_folder = None
    try:
        if demo:
            from advocacy_tui.data.demo import open_demo

            store = open_demo()
            demo_folder = store.path.parent
        else:
            store = common.open_store(ctx, db_path, settings)
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
