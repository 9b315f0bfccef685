"""Diacritic- and case-insensitive search over a form's records, through its trigram index."""

from __future__ import annotations

from de06desk.domain.text import fold

# Trigrams need three characters. `search_text` has two spaces before every word, so a shorter
# word is found where a word starts: "lo" as " lo", "n" as "  n".
_TRIGRAM = 3


def search_match(query: str) -> str:
    """The full-text MATCH expression for records that contain every word of `query`.

    Words are folded ("Hường" → "huong", "đ" → "d"). A word of three or more characters matches
    anywhere in the record's `search_text` ("0871840" finds an ID number, "uong" finds
    "Trương"); a word of one or two characters matches the start of a word ("uy" finds "Uy"
    and "Uyên", not "Nguyễn"). "" for a blank query.
    """
    phrases = (word.rjust(_TRIGRAM) for word in fold(query).split())
    return " AND ".join('"' + phrase.replace('"', '""') + '"' for phrase in phrases)
