"""Vietnamese alphabetical order, for sorting names and places the way officers read them.

Code-point order puts "Đặng" after "Zơ", "Ánh" after "Yến", and "Bùi A Huy" before "Bùi A
Hùng". Vietnamese dictionaries order letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
u ư v x y (f j w z for foreign words, in their Latin places), compare the letters of the whole
word first, and only then the tones, in the order: none, huyền, sắc, hỏi, ngã, nặng.

People are listed by given name (the last word), then by the rest of the name: "Lò Văn An"
before "Bùi Thị Bình".

The keys are plain ASCII strings, so SQLite can sort them with its own byte comparison: the
store registers them as SQL functions and a list sorts by `vi_name_key(full_name)` with one
Python call per row, not one per comparison.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters in Vietnamese order; the Latin letters Vietnamese does not use sit where Latin has them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # huyền…nặng
_SHAPES = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}  # breve, circumflex, horn
_SEPARATOR = " "  # sorts before every letter and digit: "An" before "An Bình"


def _rank_char(index: int) -> str:
    # Printable ASCII from "0" upward for letters; digits and others come before letters.
    return chr(0x40 + index)


_LETTER_RANK = {letter: _rank_char(i) for i, letter in enumerate(_ALPHABET)}


def _split(char: str) -> tuple[str, int]:
    """A character as (letter with its shape, tone number)."""
    if char in "đĐ":
        return "đ", 0
    parts = unicodedata.normalize("NFD", char.lower())
    tone = 0
    shaped = parts[0]
    for mark in parts[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _SHAPES:
            shaped += mark
    return unicodedata.normalize("NFC", shaped), tone


@lru_cache(maxsize=65536)
def _word_parts(text: str) -> tuple[str, str]:
    """Letter key and tone key of `text` (spaces collapsed)."""
    letters: list[str] = []
    tones: list[str] = []
    for char in " ".join(text.split()):
        if char == " ":
            letters.append(_SEPARATOR)
            continue
        letter, tone = _split(char)
        rank = _LETTER_RANK.get(letter)
        if rank is None:
            # Digits before letters in their own order ("Thôn 2" before "Thôn 10" is not
            # attempted); punctuation before digits; any other letter after "y".
            if letter.isdigit() and letter.isascii():
                letters.append(letter)
            else:
                letters.append("!" if letter.isascii() else "~")
        else:
            letters.append(rank)
        tones.append(str(tone))
    return "".join(letters), "".join(tones)


def sort_key(text: str | None) -> str:
    """A key whose byte order is the Vietnamese alphabetical order of `text`.

    >>> sorted(["Đông", "Dương", "Ánh", "Anh", "Ảnh", "Bình"], key=sort_key)
    ['Anh', 'Ánh', 'Ảnh', 'Bình', 'Dương', 'Đông']
    """
    if not text:
        return ""
    letters, tones = _word_parts(text)
    # Letters decide first; tones only between names spelled with the same letters.
    return f"{letters}\x01{tones}"


def name_sort_key(full_name: str | None) -> str:
    """A key that orders people by given name, then family and middle names.

    >>> sorted(["Bùi A Huy", "Bùi A Hùng", "Lò Văn An"], key=name_sort_key)
    ['Lò Văn An', 'Bùi A Hùng', 'Bùi A Huy']
    """
    if not full_name:
        return ""
    words = full_name.split()
    given, rest = words[-1], " ".join(words[:-1])
    given_letters, given_tones = _word_parts(given)
    rest_letters, rest_tones = _word_parts(rest)
    return f"{given_letters}\x01{rest_letters}\x01{given_tones}\x01{rest_tones}"
