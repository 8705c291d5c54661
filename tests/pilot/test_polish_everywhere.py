"""With the language set to Polish, no screen of the Polish demo shows an English word
(issue 17): every section and its other tab at 80x24 and 120x40, and their F1 help and dialogs
at 120x40 (a section's own lines change with the width; a dialog's words do not, and a wider
screen shows more of them).

The check reads the screen as text and looks for common English words (brand names, the
keys' own letters and words the two languages share are not in the list)."""

from __future__ import annotations

import re

import pytest

from advocacy_tui import i18n
from advocacy_tui.config import Settings
from tests.screen import screen_text

ENGLISH = {
    "the", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was", "be", "it",
    "this", "that", "you", "your", "no", "not", "yes", "all", "add", "edit", "delete", "new",
    "save", "cancel", "close", "help", "back", "next", "skip", "why", "quit", "search", "filter",
    "today", "tasks", "task", "roster", "calendar", "library", "readiness", "people", "person",
    "week", "month", "day", "days", "due", "done", "open", "name", "email", "role", "department",
    "joined", "notes", "draft", "planned", "published", "idea", "ideas", "kind", "title", "keys",
    "key", "what", "when", "who", "how", "here", "there", "more", "less", "other", "tab", "view",
    "repeats", "every", "none", "nothing", "shown", "show", "hide", "press", "enter", "move",
    "copy", "export", "import", "file", "files", "sample", "posts", "post", "ambassador",
    "ambassadors", "stakeholder", "stakeholders", "owner", "leader", "active", "paused", "left",
    "invited", "onboarding", "quick", "check", "run", "runs", "workshop", "verdict", "go",
    "wait", "prepare", "first", "last", "score", "question", "questions", "answer", "answers",
    "minutes", "hours", "hour", "load", "available", "overdue", "upcoming", "week's", "mix",
    "company", "personal", "expert", "voice", "share", "limit", "use", "used", "item", "items",
}
#: words Polish uses too: "to", "on", "no", "go", "import", "limit", "post"; the field's own loanwords
#: "owner" (programu) and "onboarding"; and what is not prose
ALLOWED = {"to", "on", "no", "go", "import", "limit", "post", "owner", "onboarding", "status",
           "linkedin", "advocacy", "tui", "esc", "enter", "tab", "ctrl"}
ADDRESS = re.compile(r"\S*(?:/|\.com|@)\S*|--\S+")  # addresses, files, options
WORD = re.compile(r"[A-Za-z_][A-Za-z_']+")  # a config key (company_share_limit) is one word
SIZES = [(80, 24), (120, 40)]
SECTIONS = {  # section: its other tab's key, the keys of its dialogs (each closed with Esc)
    "today": (None, ["ctrl+p"]),
    "roster": ("t", ["a", "I", "x", "f"]),
    "calendar": ("l", ["a", "f", "g"]),
    "tasks": (None, ["a", "n"]),
    "readiness": (None, ["enter"]),
    "goals": (None, ["a", "v", "l", "m"]),
}


def english_words(text: str) -> set[str]:
    return {word for word in WORD.findall(ADDRESS.sub(" ", text))
            if word.lower() in ENGLISH and word.lower() not in ALLOWED and not word.isupper()}


def english_lines(text: str) -> list[str]:
    """The lines with an English word. A question bank in English is offered under its own
    title, as a document would be: those titles (whole or cut short) do not count."""
    from advocacy_tui.data.readiness import available_banks

    titles = [bank.title for bank in available_banks()[0] if bank.language == "en"]
    found = []
    for line in text.splitlines():
        for title in titles:
            line = line.replace(title, " ")
            words = title.split()
            for end in range(len(words), 1, -1):
                line = line.replace(" ".join(words[:end - 1]) + " " + words[end - 1][:1], " ")
        if english_words(line):
            found.append(line.strip())
    return found


@pytest.fixture
def polish_program(tmp_path, clock):
    from advocacy_tui.data.demo import open_demo

    i18n.set_language("pl")
    store = open_demo(clock, tmp_path, language="pl")
    yield store
    store.close()
    i18n.set_language("en")


async def look(pilot, seen: dict[str, list[str]], where: str) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    lines = english_lines(screen_text(pilot.app))
    if lines:
        seen[where] = lines


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("section", list(SECTIONS))
async def test_no_english_word_on_the_polish_screens(polish_program, make_app, section, size):
    other_tab, dialogs = SECTIONS[section]
    app = make_app(polish_program, Settings(language="pl", language_set=True), start_mode=section)
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        await look(pilot, seen, section)
        wide = size == SIZES[-1]
        if wide:
            await pilot.press("f1")
            await look(pilot, seen, f"{section} help")
            await pilot.press("escape")
        for key in dialogs if wide else ():
            await pilot.press(key)
            await look(pilot, seen, f"{section} {key}")
            await pilot.press("escape")
            await pilot.pause()
        if other_tab:
            await pilot.press(other_tab)
            await look(pilot, seen, f"{section} other tab")
            if wide:
                await pilot.press("f1")
                await look(pilot, seen, f"{section} other tab help")
                await pilot.press("escape")
    assert seen == {}
