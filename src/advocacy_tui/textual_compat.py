"""Every place the app reaches into Textual's internals, in one module.

Textual is pinned (``textual==8.2.8`` in pyproject.toml) and each function here was checked
against that version: what it touches is named, and ``tests/unit/test_textual_compat.py``
proves each one still works, so a Textual upgrade that changes one of them fails a test
that names it instead of breaking the app quietly. Nothing here runs at import time: the
app calls :func:`install_safe_output` from its ``__init__``.

Outside this module: tests read ``Screen._compositor`` and ``App._background_screens`` to
capture terminal output, and ``web/server.py`` overrides textual-serve's (pinned) methods.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.strip import Strip

if TYPE_CHECKING:
    from rich.console import Console
    from textual.app import App
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.screen import Screen

CHECKED_ON = "8.2.8"  # the Textual version every function below was checked on

# -- Strip.render: no drawn text can act on the terminal -------------------------------------
#
# Textual turns every line it draws into terminal output in ``Strip.render``. Text that came
# from a user or a file (an input's value, a text area, a notification) may hold control
# characters: ESC sequences that clear the screen, move the cursor, change the window title
# or colours, or the bell. Textual's own styling never travels inside the text of a segment
# (it is added around it), so removing control characters from segment text changes nothing
# that is meant to be seen and stops everything that is not. Control characters take no
# cells, so removing them keeps every line's width.
# Internals used: ``Strip.render``, ``Strip._render_cache``, ``Strip._segments`` (8.2.8).

_CONTROLS = {code: None for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]}
_original_render = Strip.render


def _safe_render(self: Strip, console: Console) -> str:
    if self._render_cache is None:
        segments = self._segments
        if any(not text.isprintable() for text, _, _ in segments):
            self._segments = [
                segment._replace(text=segment.text.translate(_CONTROLS)) for segment in segments
            ]
    return _original_render(self, console)


def install_safe_output() -> None:
    """Filter control characters out of everything the app draws (idempotent)."""
    # Strip has no hook for this: its method is replaced, for every app in the process.
    Strip.render = _safe_render  # type: ignore[method-assign]


def safe_output_installed() -> bool:
    return Strip.render is _safe_render


# -- Screen._css_update_count: a screen built now is styled with the CSS of now ---------------
#
# Textual marks a new screen's CSS as stale (``_css_update_count = -1``) and a stale screen
# makes the app re-parse every stylesheet and restyle every screen when it is shown.


def mark_css_current(screen: Screen, app: App) -> None:
    """Tell Textual that ``screen`` already has the app's current CSS (no restyle on show)."""
    screen._css_update_count = app._css_update_count


def css_is_current(screen: Screen, app: App) -> bool:
    return screen._css_update_count == app._css_update_count


# -- App._refresh_truecolor_filter: choosing the theme before any CSS is parsed --------------


def refresh_ansi_colors(app: App) -> None:
    """Update the ANSI-to-truecolor filter for the app's (new) ANSI theme, as the theme
    watcher does, without the watcher's full re-parse of every stylesheet."""
    app._refresh_truecolor_filter(app.ansi_theme)


# -- DOMNode._bindings: the keys a node answers to, for the help screen ----------------------


def bindings_of(node: DOMNode) -> Iterable[tuple[str, Binding]]:
    """(key, binding) for every binding of ``node``, after the keymap is applied."""
    return node._bindings


# -- gc.freeze: after the first paint ----------------------------------------------------------
#
# Not a Textual internal, but it relies on how Textual builds its objects: the thousands made
# while the first screen is built (widgets, styles, CSS rules) live as long as the app, so
# freezing them after the first paint keeps later collections short while the user types.


def freeze_startup_objects() -> None:
    gc.freeze()


# -- is this a TextArea, without importing it -------------------------------------------------
#
# ``from textual.widgets import TextArea`` loads a large module (about 30 ms); asking whether
# the focus is in one must not pay that on the first key of a screen. A widget can only be a
# TextArea once its module is loaded, so the loaded module is looked up by its name.
# Internal used: the module path ``textual.widgets._text_area`` (8.2.8).
TEXT_AREA_MODULE = "textual.widgets._text_area"


def is_text_area(widget: object) -> bool:
    module = sys.modules.get(TEXT_AREA_MODULE)
    return module is not None and isinstance(widget, module.TextArea)
