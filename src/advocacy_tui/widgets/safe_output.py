"""The last line of defence: no text drawn by the app can act on the terminal.

Textual turns every line it draws into terminal output in ``Strip.render``. Text that
came from a user or a file (an input's value, a text area, a notification) may hold
control characters: ESC sequences that clear the screen, move the cursor, change the
window title or colours, or the bell. Textual's own styling never travels inside the
text of a segment (it is added around it), so removing control characters from segment
text here changes nothing that is meant to be seen and stops everything that is not.
Control characters take no cells, so removing them keeps every line's width.
"""

from __future__ import annotations

from textual.strip import Strip

_CONTROLS = {code: None for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]}
_original_render = Strip.render


def _safe_render(self: Strip, console) -> str:
    if self._render_cache is None:
        segments = self._segments
        if any(not text.isprintable() for text, _, _ in segments):
            self._segments = [
                segment._replace(text=segment.text.translate(_CONTROLS)) for segment in segments
            ]
    return _original_render(self, console)


def install() -> None:
    """Filter control characters out of everything the app draws (idempotent)."""
    Strip.render = _safe_render  # type: ignore[method-assign]
