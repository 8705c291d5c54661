"""Everything the command line prints goes through here: nothing typed acts on a terminal.

Names, notes and file paths come from users and files, and may hold escape sequences:
``ESC ] 52`` writes the clipboard, ``ESC [ 2 J`` clears the screen, ``ESC ] 0`` retitles
the window, and a lone carriage return lets text overwrite what came before it.

* Standard output is data (exports, reports, paths for scripts). When it is a terminal,
  every control character is shown as a visible escape such as ``\\x1b`` (C0 controls
  except newline and tab, a carriage return not followed by a newline, DEL, C1 controls,
  the bidirectional overrides, and bytes of a file name that are not UTF-8). When it is a
  pipe or a file, the bytes are written exactly, so ``export > people.csv`` or
  ``| jq`` get the data unchanged.
* Standard error carries messages for people, so it is always made visible (and one
  message is one line), whether it is a terminal or captured into a log.

Plain functions, no Click styling (``click.echo`` would strip escape sequences from a
pipe, changing the data) and no Textual or Rich.
"""

from __future__ import annotations

import io
import re
import sys
from typing import IO, BinaryIO, TextIO

# C0 controls but tab and newline; a CR not followed by LF; DEL and C1; bidirectional
# overrides and isolates; lone surrogates (the bytes of a file name that is not UTF-8).
_ACTIVE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)")


def _show(match: re.Match[str]) -> str:
    code = ord(match.group()[0])
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape for a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape:
    ``"\\x1b[2J"`` becomes the seven characters ``\\x1b[2J``. Newlines, tabs and CR LF stay."""
    return _ACTIVE.sub(_show, text)


def one_line(text: str) -> str:
    """A message on one line: line breaks and tabs become spaces."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def is_terminal(stream: IO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _stdout() -> TextIO:
    return sys.stdout


def _emit(stream: TextIO, text: str, *, terminal: bool, flush: bool = True) -> None:
    """Write ``text`` made visible (a terminal) or byte for byte (a pipe or file; a file
    name that is not valid UTF-8 keeps its bytes). A character the terminal's encoding
    lacks becomes ``?`` rather than an error."""
    if terminal:
        text = visible(text)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
    else:
        if flush:
            stream.flush()
        buffer.write(text.encode(stream.encoding or "utf-8", errors="replace" if terminal else "surrogateescape"))
    if flush:
        stream.flush()


def say(message: str, *, nl: bool = True) -> None:
    """A line for standard output: made visible on a terminal, exact into a pipe or file."""
    stream = _stdout()
    _emit(stream, message + ("\n" if nl else ""), terminal=is_terminal(stream))


def tell(message: str) -> None:
    """A message for the person on standard error (progress, results, warnings): one line,
    always made visible."""
    _emit(sys.stderr, one_line(message) + "\n", terminal=True)


def say_error(message: str) -> None:
    """``advocacy-tui: message`` on standard error, one line, always made visible."""
    tell(f"advocacy-tui: {message}")


class DataStream(io.TextIOBase):
    """Standard output as a text stream for exports: exact into a pipe or file, made
    visible on a terminal. A carriage return at the end of one write is held back until
    the next, so a CR LF split across two writes stays a line end while a lone CR is shown.
    Call :meth:`finish` at the end."""

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self.target = target
        self.terminal = is_terminal(target)
        self._held = ""
        target.flush()  # what was written as text before goes first

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        size = len(text)
        if self.terminal:
            text, self._held = self._held + text, ""
            if text.endswith("\r"):
                text, self._held = text[:-1], "\r"
        if text:
            _emit(self.target, text, terminal=self.terminal, flush=False)
        return size

    def finish(self) -> None:
        if self._held:
            _emit(self.target, self._held, terminal=True, flush=False)
            self._held = ""
        buffer = getattr(self.target, "buffer", None)
        (buffer or self.target).flush()


def data_stream() -> DataStream:
    """Where an export or report written "to the screen" goes."""
    return DataStream(_stdout())


def write_data(data: bytes | str) -> None:
    """Write a whole export to standard output: exact into a pipe, visible on a terminal."""
    stream = _stdout()
    if isinstance(data, str):
        out = data_stream()
        out.write(data)
        out.finish()
        return
    if is_terminal(stream):
        _emit(stream, data.decode("utf-8", errors="replace"), terminal=True)
        return
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    stream.flush()
    if buffer is None:
        stream.write(data.decode("utf-8", errors="replace"))
    else:
        buffer.write(data)
        buffer.flush()
