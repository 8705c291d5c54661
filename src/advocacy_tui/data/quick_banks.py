"""The quick readiness banks are made from the full ones, question by question, by id.

Run ``python -m advocacy_tui.data.quick_banks`` after changing a full bank; a unit test
fails while a quick bank differs from what this module builds.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

# A ten-minute check must still be able to say "wait" (every blocking climate question),
# and asks about the owner, the managers, the tour of the company, approvals, motivation and time.
QUICK_IDS = (
    "climate.restructuring", "climate.change", "climate.discontent", "climate.engagement",
    "onboarding.training", "leaders.owner_posts", "leaders.managers", "personal.purpose",
    "trust.tour", "trust.approval", "motivation.voluntary", "motivation.prizes",
    "resources.owner_hours", "resources.daily_care", "goals.defined",
)

HEAD = {
    "en": ("# The quick check, in English: {n} questions taken from the full check by id (same wording\n"
           "# and rules; readiness.en.toml documents every key). Made by\n"
           "# `python -m advocacy_tui.data.quick_banks`: edit the full check, not this file.\n"),
    "pl": ("# Szybki test po polsku: {n} pytań z pełnego testu, wybranych po identyfikatorach (te same\n"
           "# słowa i reguły; readiness.pl.toml opisuje wszystkie klucze). Plik tworzy polecenie\n"
           "# `python -m advocacy_tui.data.quick_banks`: zmieniaj pełny test, nie ten plik.\n"),
}

BANK = {
    "en": ('[bank]\ntitle = "Quick readiness check"\nlanguage = "en"\nminutes = 10\n'
           'description = "{n} questions for a ten-minute walk-through with a client: the moment, the owner '
           'and managers, trust, motivation and time."\n'),
    "pl": ('[bank]\ntitle = "Szybki test gotowości"\nlanguage = "pl"\nminutes = 10\n'
           'description = "{n} pytań na dziesięciominutową rozmowę z klientem: moment, owner i menedżerowie, '
           'zaufanie, motywacja i czas."\n'),
}


def _blocks(text: str, header: str) -> list[str]:
    """Each ``[[header]]`` table as text, without the comment lines that follow it."""
    chunks = re.split(r"^\[\[" + header + r"\]\]$", text, flags=re.M)[1:]
    return ["[[" + header + "]]" + chunk.split("\n\n#")[0].rstrip("\n") for chunk in chunks]


def quick_bank_text(full_text: str, language: str) -> str:
    """The quick bank's TOML, built from the full bank's text: its sections and the chosen questions."""
    header = re.search(r"^\[bank\]$", full_text, re.M)
    if header is None:
        raise ValueError("the full bank has no [bank] table")
    body = full_text[header.start():]  # after the comment header
    sections = _blocks(re.split(r"^\[\[questions\]\]$", body, flags=re.M)[0], "sections")
    full_text_head = full_text[: len(full_text) - len(body)]
    full_text = body
    questions = {}
    for block in _blocks(full_text, "questions"):
        found = re.search(r'^id = "([^"]+)"$', block, re.M)
        if found:
            questions[found.group(1)] = block
    chosen = [questions[qid] for qid in QUICK_IDS]
    n = len(chosen)
    head = full_text_head[full_text_head.index("# [bank]"):] if "# [bank]" in full_text_head else ""
    parts = [HEAD[language].format(n=n) + "#\n" + head, BANK[language].format(n=n), *sections, *chosen]
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"


def build(language: str) -> str:
    full = resources.files("advocacy_tui.content").joinpath(f"readiness.{language}.toml").read_text(encoding="utf-8")
    return quick_bank_text(full, language)


def main() -> None:  # pragma: no cover - a maintainer's tool
    folder = Path(str(resources.files("advocacy_tui.content")))
    for language in ("en", "pl"):
        (folder / f"readiness-quick.{language}.toml").write_text(build(language), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    main()
