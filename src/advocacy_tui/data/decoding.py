"""Bytes of a file from Excel or an HR system -> text, with the encoding decided on evidence.

Polish files come as UTF-8 (with or without a BOM), as Windows-1250 (Excel "CSV" in a
Polish locale), or as UTF-16 with a BOM (Excel "Unicode text"). The decision is made
for the whole file, from the evidence of every line:

* a BOM decides (and the rest must then be valid in that encoding);
* a file that is valid UTF-8 is UTF-8, unless its only non-ASCII letters are the few that
  Windows-1250 capitals also make ("PÓŁNOC" in Windows-1250 reads as "PӣNOC"): then it
  reads both ways and is refused with the line;
* a file that is not valid UTF-8 is Windows-1250, unless some of its lines are clearly
  UTF-8: then it is a mix of both (a row pasted from another program), and it is refused
  with the line where the encodings disagree. Reading such a file either way would turn
  one part of it into garbled letters ("JĂłzef WÄ…s") and write them over the roster.

"Clearly UTF-8" means a line whose UTF-8 reading holds a Latin letter with diacritics
(U+00A0-U+017F: every Polish letter), a character of three or more bytes (punctuation
such as „ ” –, €, emoji), or two non-ASCII characters in a row. Real Windows-1250 text
practically never looks like that in UTF-8: its few byte pairs that are valid UTF-8 are
capitals such as "ÓŁ" or "ĘŻ", which read as single Cyrillic or IPA letters.

No Textual, no Rich: plain functions for the importers and their tests.
"""

from __future__ import annotations

import codecs
import re

from advocacy_tui.i18n import N_, _

UTF8 = "UTF-8"
UTF8_BOM = N_("UTF-8 with BOM")  # shown through _() where a message names it
CP1250 = "Windows-1250"

SAVE_AS_UTF8 = N_("Save it from your spreadsheet as “CSV UTF-8” and try again.")


class DecodeError(ValueError):
    """A file whose text cannot be read safely; the message is one sentence for the user."""


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


# Evidence that a UTF-8 reading is real: a Latin letter with diacritics (every Polish one),
# a character of three or more bytes, or two non-ASCII characters in a row.
_STRONG = re.compile("[\u00a0-\u017f\u0800-\U0010ffff]|[\u0080-\u07ff]{2}")


def _clearly_utf8(text: str) -> bool:
    """Does this UTF-8 reading of a line show evidence that it really is UTF-8?"""
    return _STRONG.search(text) is not None


_WEAK = re.compile("[\u0080-\u07ff]")
_POLISH_CAPITALS = set("ĄĆĘŁŃÓŚŹŻ")


def _refuse_if_it_reads_both_ways(text: str) -> None:
    """Valid UTF-8 whose only non-ASCII letters are ones that Windows-1250 capitals make
    ("PÓŁNOC" in Windows-1250 is valid UTF-8 for "PӣNOC"): nothing tells the two readings
    apart, so the file is refused rather than imported with Cyrillic letters in it."""
    if text.isascii() or _STRONG.search(text):
        return
    weak = _WEAK.findall(text)
    readings = {ch: ch.encode("utf-8").decode("cp1250", errors="replace") for ch in set(weak)}
    if not weak or not all(set(reading) <= _POLISH_CAPITALS for reading in readings.values()):
        return
    first = _WEAK.search(text)
    assert first is not None
    line_start = text.rfind("\n", 0, first.start()) + 1
    line_end = text.find("\n", first.start())
    line = text[line_start:] if line_end < 0 else text[line_start:line_end]
    as_cp1250 = line.encode("utf-8").decode("cp1250", errors="replace")
    number = text.count("\n", 0, first.start()) + 1
    raise DecodeError(_(
        "Line {line} can be read two ways, “{utf8}” (UTF-8) or “{cp1250}” (Windows-1250), and "
        "nothing else in the file tells which. Nothing was imported. {fix}"
    ).format(line=number, utf8=_short(line), cp1250=_short(as_cp1250), fix=_(SAVE_AS_UTF8)))


def _short(line: str) -> str:
    line = line.strip().replace("\r", "")
    shown = line if len(line) <= 40 else line[:39] + "…"
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in shown)


def _first_bad_line(data: bytes, encoding: str) -> int:
    """The 1-based line number of the first line that is not valid in ``encoding``."""
    for number, line in enumerate(_lines(data), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            return number
    return 0


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, the encoding's name for people). Raises DecodeError with a sentence."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), UTF8_BOM
        except UnicodeDecodeError:
            bad_line = _first_bad_line(data[3:], "utf-8")
            raise DecodeError(_(
                "The file says it is UTF-8 (it starts with a byte order mark), but line {line} "
                "is not UTF-8: it was probably pasted from a Windows-1250 file. {fix}"
            ).format(line=bad_line, fix=_(SAVE_AS_UTF8))) from None
    for bom, codec, name in ((codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE")):
        if data.startswith(bom):
            try:
                return data[2:].decode(codec), name
            except UnicodeDecodeError as error:
                bad_line = data[2:2 + error.start].decode(codec, errors="replace").count("\n") + 1
                raise DecodeError(_(
                    "The file says it is {name} (it starts with a byte order mark), but line "
                    "{line} is not. {fix}"
                ).format(name=name, line=bad_line, fix=_(SAVE_AS_UTF8))) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_if_it_reads_both_ways(text)
        return text, UTF8
    # Not UTF-8 as a whole: look at the evidence line by line.
    first_cp1250 = first_utf8 = 0
    for number, line in enumerate(_lines(data), start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            first_cp1250 = first_cp1250 or number
        else:
            if not first_utf8 and _clearly_utf8(text):
                first_utf8 = number
        if first_cp1250 and first_utf8:
            break
    if first_utf8 and first_cp1250:
        raise DecodeError(_(
            "The file mixes two encodings: line {utf8} is UTF-8 but line {cp1250} is "
            "Windows-1250, so one of them would be read as garbled letters. Nothing was "
            "imported. Fix line {cp1250} (or save the whole file again as “CSV UTF-8”) and "
            "try again."
        ).format(utf8=first_utf8, cp1250=first_cp1250))
    try:
        return data.decode("cp1250"), CP1250
    except UnicodeDecodeError:
        bad_line = _first_bad_line(data, "cp1250")
        raise DecodeError(_(
            "The file is neither UTF-8 nor Windows-1250 text (line {line} is neither). {fix}"
        ).format(line=bad_line, fix=_(SAVE_AS_UTF8))) from None


# -- garbled text ("mojibake") ------------------------------------------------------------

# Polish letters written as UTF-8 and read back as Windows-1250, Windows-1252 or Latin-1:
# "ó" -> "Ăł" or "Ã³", "ł" -> "Ĺ‚" or "Å‚", "ą" -> "Ä…". These pairs do not occur in real text.
_POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
_GARBLE_CODECS = ("cp1250", "cp1252", "latin-1")


def _garbled_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for codec in _GARBLE_CODECS:
        for letter in _POLISH:
            garbled = letter.encode("utf-8").decode(codec, errors="ignore")
            if len(garbled) == 2:
                forms[garbled] = codec
    return forms


_GARBLED = _garbled_forms()
_GARBLED_RE = re.compile("|".join(re.escape(form) for form in sorted(_GARBLED, key=len, reverse=True)))


def ungarble(value: str) -> str | None:
    """The text ``value`` was before a program garbled it, or None when it looks fine.

    ``"JĂłzef WÄ…s"`` -> ``"Józef Wąs"``: only when the value holds a garbled Polish letter and
    reading it back gives valid UTF-8, so real text is never taken for garbled.
    """
    if value.isascii():
        return None
    found = _GARBLED_RE.search(value)
    if found is None:
        return None
    codec = _GARBLED[found.group()]
    try:
        return value.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def garbles(original: str | None, value: str) -> bool:
    """Is ``value`` exactly ``original`` written as UTF-8 and read back in another encoding
    ("Müller" -> "MĂĽller")? The surest sign that a file was garbled on its way."""
    if not original or original.isascii() or value == original:
        return False
    data = original.encode("utf-8", errors="surrogatepass")
    for codec in _GARBLE_CODECS:
        try:
            if data.decode(codec) == value:
                return True
        except UnicodeDecodeError:
            continue
    return False
