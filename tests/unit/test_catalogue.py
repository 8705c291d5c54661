"""The Polish catalogue is complete: every message the code marks has a real Polish text.

The message ids are extracted from the source the way ``pybabel extract`` does (babel.cfg's
keywords), so a string wrapped in ``_()`` today and not yet in the .po fails here, not on a
Polish owner's screen. docs/translating.md says how to update the catalogue.
"""

from __future__ import annotations

import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from advocacy_tui import i18n

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src"
PO = ROOT / "src" / "advocacy_tui" / "locale" / "pl" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def placeholders(text: str) -> set[str]:
    """The named fields of a str.format template ({name}, {n:,} -> "name", "n")."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def source_messages() -> set[tuple[str | None, str, str | None]]:
    """(context, singular, plural) of every marked string in src/."""
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            SOURCE, method_map=[("**.py", "python")], keywords=KEYWORDS):
        if isinstance(message, tuple):
            found.add((context, message[0], message[1]))
        else:
            found.add((context, message, None))
    return found


def catalogue():
    with PO.open("rb") as file:
        return read_po(file, locale="pl")


def entries():
    return [message for message in catalogue() if message.id]


def test_every_marked_string_is_in_the_polish_catalogue():
    cat = catalogue()
    missing = sorted(singular for context, singular, _plural in source_messages()
                     if cat.get(singular, context) is None)
    assert not missing, ("not in messages.po (run pybabel extract and update, docs/translating.md): "
                         + "; ".join(missing))


def problem(message) -> str | None:
    """What is wrong with one entry's Polish text, or None."""
    if message.fuzzy:
        return "fuzzy: check the Polish text and remove the fuzzy flag"
    if isinstance(message.id, tuple):
        singular, plural = message.id
        forms = message.string
        if not (isinstance(forms, tuple) and len(forms) == 3):
            return "Polish needs three plural forms"
        if not all(form.strip() for form in forms):
            return "a plural form is empty"
        if placeholders(forms[0]) != placeholders(singular) or any(
                placeholders(form) != placeholders(plural) for form in forms[1:]):
            return "the placeholders differ from the English"
        return None
    if not (message.string and message.string.strip()):
        return "no Polish text"
    if placeholders(message.string) != placeholders(message.id):
        return "the placeholders differ from the English"
    return None


def test_every_message_has_a_polish_text_with_the_same_placeholders():
    problems = [f"{message.id!r}: {found}" for message in entries()
                if (found := problem(message)) is not None]
    assert len(entries()) > 1000
    assert not problems, "\n".join(problems)


def test_polish_catalogue_is_used_at_run_time():
    try:
        i18n.set_language("pl")
        assert i18n._("Tasks") == "Zadania"
        months = [i18n.ngettext("{n} month", "{n} months", n).format(n=n) for n in (1, 3, 5, 22)]
        assert months == ["1 miesiąc", "3 miesiące", "5 miesięcy", "22 miesiące"]
    finally:
        i18n.set_language("en")
    assert i18n._("Tasks") == "Tasks"


def test_no_message_is_marked_where_extraction_cannot_see_it():
    """``pybabel extract`` reads neither the inside of an f-string nor a call whose texts are
    not written in it (``ngettext(*words, n)``): such a message never reaches the catalogue,
    and the next update drops its Polish. Every marked call has its texts written out."""
    import ast

    marks = {"_", "N_", "gettext", "ngettext", "pgettext"}

    def name(call: ast.Call) -> str | None:
        func = call.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None

    hidden = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno} inside an f-string" for part in node.values
                           for call in ast.walk(part) if isinstance(call, ast.Call) and name(call) in marks
                           and call.args and isinstance(call.args[0], ast.Constant)]
            elif isinstance(node, ast.Call) and name(node) in marks and node.args and \
                    isinstance(node.args[0], ast.Starred):
                hidden.append(f"{path.name}:{node.lineno} texts not written in the call")
    assert hidden == []
