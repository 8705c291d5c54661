"""Theme files (TOML) turned into Textual themes; the bundled ones and the user's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tomli
from textual.theme import Theme

BUNDLED = Path(__file__).parent
_COLOUR_KEYS = (
    "primary", "secondary", "accent", "foreground", "background",
    "surface", "panel", "success", "warning", "error", "boost",
)


@dataclass(frozen=True)
class ThemeProblem:
    path: Path
    message: str


def theme_from_toml(path: Path) -> Theme:
    """Read one theme file; raises ValueError with a sentence on a bad file."""
    try:
        data = tomli.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError) as error:
        raise ValueError(f"cannot be read as TOML ({error})") from None
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", name):
        raise ValueError('needs a name of letters, digits, - _ or . (at most 64), like name = "my-theme"')
    if not isinstance(data.get("primary"), str):
        raise ValueError('needs a primary colour, like primary = "#4FA3E0"')
    unknown = set(data) - {*_COLOUR_KEYS, "name", "dark", "variables"}
    if unknown:
        raise ValueError(f"has unknown keys: {', '.join(sorted(unknown))}")
    from textual.color import Color, ColorParseError

    colours = {}
    for key in _COLOUR_KEYS:
        if key in data:
            try:
                Color.parse(data[key])
            except (ColorParseError, TypeError, ValueError):
                raise ValueError(f"“{key}” is not a colour (use #RRGGBB)") from None
            colours[key] = data[key]
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ValueError("[variables] must hold text values only")
    return Theme(name=name.strip(), dark=bool(data.get("dark", True)), variables=variables, **colours)


def load_themes(user_dir: Path | None) -> tuple[list[Theme], list[ThemeProblem]]:
    """The bundled themes, then the user's (a user theme may replace a bundled one)."""
    themes: list[Theme] = []
    problems: list[ThemeProblem] = []
    folders = [BUNDLED] + ([user_dir] if user_dir and user_dir.is_dir() else [])
    for folder in folders:
        for path in sorted(folder.glob("*.toml")):
            try:
                themes.append(theme_from_toml(path))
            except ValueError as error:
                problems.append(ThemeProblem(path, str(error)))
    return themes, problems
