"""Bilingual messages for rules and errors raised outside the UI.

Domain code cannot use Qt's translator, so every user-facing message carries its Vietnamese
and English text; the active language (Vietnamese unless the user picked English) chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["vi", "en"]
_current: list[Language] = ["vi"]


def set_language(lang: Language) -> None:
    """Choose the language used when a message is turned into text."""
    if lang not in ("vi", "en"):
        raise ValueError(f"unsupported language {lang!r}")
    _current[0] = lang


def current_language() -> Language:
    """The language messages are shown in now."""
    return _current[0]


@dataclass(frozen=True)
class Msg:
    """A message in Vietnamese and English; `str()` gives the active language."""

    vi: str
    en: str

    def text(self, lang: Language | None = None) -> str:
        """The message in `lang` (default: the active language)."""
        return self.en if (lang or current_language()) == "en" else self.vi

    def __str__(self) -> str:
        return self.text()


def msg(vi: str, en: str, **values: object) -> Msg:
    """Build a message, filling `{placeholders}` in both languages."""
    return Msg(vi.format(**values), en.format(**values))


class DomainError(ValueError):
    """A rejected input; `message` says what is wrong and what to do, in both languages."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
