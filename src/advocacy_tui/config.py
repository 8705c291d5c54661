"""config.toml -> a frozen, validated Settings object."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import tomli

from advocacy_tui.domain.today import DEFAULT_STALE_TALK_DAYS
from advocacy_tui.i18n import N_, _

WEEK_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LANGUAGES = ("en", "pl")
DEFAULT_THEME = "advocacy-dark"
# The voices a post can speak in (key -> label); "company" is the one whose share is watched.
class _TranslatedVoices(tuple):
    """The built-in voices: a tuple of (key, label) whose labels answer in the language in
    use at every read (a [voices] table of the user's own is their text and stays as written)."""

    def __iter__(self):
        return ((key, _(label)) for key, label in super().__iter__())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        key, label = super().__getitem__(index)
        return key, _(label)


DEFAULT_VOICES: tuple[tuple[str, str], ...] = _TranslatedVoices((
    ("personal", N_("Personal expertise")),
    ("team", N_("Team and culture")),
    ("company", N_("Company and employer brand")),
    ("industry", N_("Industry news")),
))
COMPANY_VOICE = "company"
DEFAULT_CANCELLED_DAYS = 90
PAGE_SIZES = ("A4", "A5", "A3", "letter", "legal")  # as data/reports.PAGE_SIZES
DEFAULT_COMPANY_SHARE_LIMIT = 1 / 3


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, key and a fix."""


@dataclass(frozen=True)
class Settings:
    theme: str = DEFAULT_THEME
    language: str = "en"
    week_start: str = "monday"
    db: str | None = None
    keymap: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    voices: tuple[tuple[str, str], ...] = DEFAULT_VOICES
    company_share_limit: float = DEFAULT_COMPANY_SHARE_LIMIT
    stale_talk_days: int = DEFAULT_STALE_TALK_DAYS  # a stakeholder talk older than this shows on Today
    timezone: str | None = None  # the zone planned times are in (None: this computer's)
    calendar_cancelled_days: int = DEFAULT_CANCELLED_DAYS  # how long a deleted post stays cancelled
    page_size: str = "A4"  # the paper HTML reports print on
    source: Path | None = None
    language_set: bool = False  # ``language`` was in the file (else LANG decides, then English)

    @property
    def voice_labels(self) -> dict[str, str]:
        """Voice key -> label, in the configured order."""
        return dict(self.voices)

    @property
    def week_start_index(self) -> int:
        """0 for Monday ... 6 for Sunday, as datetime.weekday() counts."""
        return WEEK_DAYS.index(self.week_start)


KNOWN_KEYS = ("theme", "language", "week_start", "db", "keymap", "voices", "company_share_limit",
              "stale_talk_days", "timezone", "calendar_cancelled_days", "page_size")
TEXT_LIMIT = 1000
_VOICE_KEY = re.compile(r"^[a-z][a-z0-9_]{0,30}$")


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    if close:
        return _(" Did you mean “{value}”?").format(value=close[0])
    return _(" Known keys: {value}.").format(value=', '.join(choices))


def _fail(path: Path, key: str, message: str) -> ConfigError:
    shown = key if len(key) <= 60 and key.isprintable() else repr(key[:60])
    return ConfigError(f"{path}: “{shown}”: {message}")


def parse_settings(data: dict[str, Any], path: Path) -> Settings:
    """Validate a parsed TOML document. Raises ConfigError on the first problem."""
    for key in data:
        if key not in KNOWN_KEYS:
            raise _fail(path, key, _("unknown setting.") + _suggest(key, KNOWN_KEYS))
    values: dict[str, Any] = {"source": path}
    for key in ("theme", "language", "week_start", "db"):
        if key in data:
            value = data[key]
            if not isinstance(value, str) or not value.strip():
                raise _fail(path, key, _('must be a non-empty text in quotes, like {key} = "..."').format(key=key))
            if len(value) > TEXT_LIMIT or not value.isprintable():
                raise _fail(path, key, _("must be printable text of at most {text_limit} characters.").format(text_limit=TEXT_LIMIT))
            values[key] = value.strip()
    if values.get("language", "en") not in LANGUAGES:
        raise _fail(path, "language", _("must be one of {value}.").format(value=', '.join(LANGUAGES)))
    values["language_set"] = "language" in values
    week_start = values.get("week_start", "monday").lower()
    if week_start not in WEEK_DAYS:
        raise _fail(
            path, "week_start", _("must be a day name such as monday.") + _suggest(week_start, WEEK_DAYS)
        )
    values["week_start"] = week_start
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        raise _fail(path, "keymap", _('must be a table: [keymap] followed by lines like add = "a".'))
    for binding_id, keys in keymap.items():
        if not isinstance(keys, str) or not keys.strip():
            raise _fail(path, f"keymap.{binding_id}", _('must be key names in quotes, like "ctrl+n".'))
        if len(keys) > 100 or not re.fullmatch(r"[A-Za-z0-9_+,\-]+", keys.replace(" ", "")):
            raise _fail(path, f"keymap.{binding_id}",
                        _('must be key names such as "n", "ctrl+n" or "f5,ctrl+n".'))
    values["keymap"] = MappingProxyType(dict(keymap))
    if "voices" in data:
        values["voices"] = _parse_voices(data["voices"], path)
    if "company_share_limit" in data:
        limit = data["company_share_limit"]
        if isinstance(limit, bool) or not isinstance(limit, int | float) or not 0 < limit < 1:
            raise _fail(path, "company_share_limit",
                        _("must be a share between 0 and 1, like company_share_limit = 0.33."))
        values["company_share_limit"] = float(limit)
    if "stale_talk_days" in data:
        days = data["stale_talk_days"]
        if isinstance(days, bool) or not isinstance(days, int) or not 7 <= days <= 730:
            raise _fail(path, "stale_talk_days",
                        _("must be a whole number of days from 7 to 730, like stale_talk_days = 60."))
        values["stale_talk_days"] = days
    if "timezone" in data:
        values["timezone"] = _parse_zone(data["timezone"], path)
    if "calendar_cancelled_days" in data:
        days = data["calendar_cancelled_days"]
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650:
            raise _fail(path, "calendar_cancelled_days", _(
                "must be a whole number of days from 1 to 3650, like calendar_cancelled_days = 90."))
        values["calendar_cancelled_days"] = days
    if "page_size" in data:
        size = data["page_size"]
        chosen = [p for p in PAGE_SIZES if isinstance(size, str) and p.lower() == size.strip().lower()]
        if not chosen:
            raise _fail(path, "page_size", _("must be one of {sizes}, like page_size = \"A4\".").format(
                sizes=", ".join(PAGE_SIZES)))
        values["page_size"] = chosen[0]
    return Settings(**values)


def _parse_zone(value: Any, path: Path) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if isinstance(value, str) and value.strip() and len(value) <= 100 and value.isprintable():
        try:
            ZoneInfo(value.strip())
            return value.strip()
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise _fail(path, "timezone", _(
        "must be a time zone name such as \"Europe/Warsaw\" or \"UTC\"."))


def _parse_voices(voices: Any, path: Path) -> tuple[tuple[str, str], ...]:
    """``[voices]`` maps a short key to its label; the company voice must stay."""
    example = _(' [voices] followed by lines like personal = "Personal expertise".')
    if not isinstance(voices, dict) or not voices:
        raise _fail(path, "voices", _("must be a table:") + example)
    result = []
    for key, label in voices.items():
        if not _VOICE_KEY.match(key):
            raise _fail(path, f"voices.{key}",
                        _("a voice key is lower-case letters, digits or _ (like team_culture)."))
        if not isinstance(label, str) or not label.strip():
            raise _fail(path, f"voices.{key}", _("must be a label in quotes:") + example)
        result.append((key, label.strip()))
    if COMPANY_VOICE not in dict(result):
        raise _fail(path, "voices", _("must keep the “{company_voice}” voice: its share is what the calendar watches. Change its label instead.").format(company_voice=COMPANY_VOICE))
    return tuple(result)


def load_settings(path: Path) -> Settings:
    """Read config.toml; a missing file gives the defaults."""
    if path.is_dir():
        raise ConfigError(_("{path}: is a folder; the configuration must be a file.").format(path=path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(source=None)
    except OSError as error:
        raise ConfigError(_("{path}: cannot be read ({strerror}).").format(path=path, strerror=error.strerror)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(_("{path}: is not UTF-8 text. Save it as UTF-8.").format(path=path)) from None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise ConfigError(_("{path}: is not valid TOML ({error}).").format(path=path, error=error)) from None
    return parse_settings(data, path)


def check_keymap(settings: Settings, known_ids: set[str], scopes: Iterable[Iterable[Any]] = ()) -> None:
    """Refuse [keymap] entries that name no binding the app has, or that give a binding a
    key another binding uses at the same time (``scopes``: bindings active together, each
    with ``id``, ``key`` and ``description``)."""
    for binding_id in settings.keymap:
        if binding_id not in known_ids:
            raise ConfigError(
                _("{source}: “keymap.{binding_id}”: no key binding has this id.").format(source=settings.source, binding_id=binding_id)
                + _suggest(binding_id, sorted(known_ids))
            )
    for scope in scopes:
        owner: dict[str, Any] = {}
        for binding in scope:
            keys = settings.keymap.get(binding.id, binding.key)
            for key in (k.strip() for k in keys.split(",") if k.strip()):
                other = owner.setdefault(key, binding)
                if other.id != binding.id and settings.keymap.keys() & {binding.id, other.id}:
                    moved, kept = (binding, other) if binding.id in settings.keymap else (other, binding)
                    raise ConfigError(_(
                        "{source}: “keymap.{moved}” gives “{key}” to {moved_what}, but that key "
                        "already does {kept_what} (“{kept}”). Choose another key, or give "
                        "“{kept}” another key too."
                    ).format(source=settings.source, moved=moved.id, key=key,
                             moved_what=moved.description or moved.id,
                             kept_what=kept.description or kept.id, kept=kept.id))


def remember_theme(path: Path, theme: str) -> None:
    """Write ``theme = "..."`` into config.toml, keeping everything else as it was."""
    remember_setting(path, "theme", theme)


def remember_language(path: Path, language: str) -> None:
    """Write ``language = "pl"`` (or "en") into config.toml, keeping everything else."""
    remember_setting(path, "language", language)


def remember_setting(path: Path, key: str, value: str) -> None:
    """Write ``key = "value"`` into config.toml, keeping everything else as it was."""
    import tomlkit

    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    except Exception:  # a file we cannot parse is left alone
        return
    document[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomlkit.dumps(document), encoding="utf-8")
