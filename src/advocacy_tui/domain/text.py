"""Text from users and files: normalising for search and making it safe to print."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters, DEL, and the bidirectional overrides that can
# reorder what a terminal shows. Tabs and newlines are handled by the caller.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


def printable(value: str | None, *, single_line: bool = True) -> str:
    """Return ``value`` with characters a terminal would act on made visible.

    Control characters (escape sequences, bell, backspace, ...) become U+FFFD, so
    nothing a user typed can move the cursor, change colours or ring the bell.
    In single-line mode newlines and tabs become spaces.
    """
    if not value:
        return ""
    if single_line:
        value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    else:
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _UNPRINTABLE.sub("\ufffd", value)


def fold(value: str | None) -> str:
    """A search and sort key: lower case, without diacritics (Łukasz -> lukasz)."""
    if not value:
        return ""
    if value.isascii():  # fast path, same result: nothing to decompose
        return value.lower()
    value = value.translate(_FOLD_EXTRA).casefold()
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
