"""Text folding for diacritic- and case-insensitive matching of Vietnamese names."""

from __future__ import annotations

import unicodedata


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "d"}
    # Latin-1 Supplement, Extended-A/B and Extended Additional hold every precomposed
    # Vietnamese letter; mapping them up front keeps the slow unicodedata path rare.
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(start, end):
            base = "".join(
                c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c)
            )
            if base.isascii() and base.isalpha():
                table[cp] = base.lower()
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Lower-case `text`, drop diacritics (đ → d) and collapse whitespace.

    >>> fold("  Nguyễn   Thị Hường ")
    'nguyen thi huong'
    """
    folded = text.translate(_TABLE)
    if not folded.isascii():
        # Decomposed input or letters outside the table: do it the slow, general way.
        folded = "".join(
            c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c)
        ).translate(_TABLE)
    return " ".join(folded.lower().split())
