"""Text folding for diacritic- and case-insensitive matching of Vietnamese names."""

from __future__ import annotations

import re
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


# Characters no field read from an untrusted file may hold: C0 controls but tab and newline,
# DEL, C1 controls (ESC sequences, CSI), and the bidi overrides that make text lie about its order.
_FORBIDDEN = frozenset(
    [
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)


class UnsafeText(ValueError):
    """Text from an untrusted source holds a character no field may hold."""

    def __init__(self, codepoint: int, position: int) -> None:
        super().__init__(f"U+{codepoint:04X} at character {position + 1}")
        self.codepoint = codepoint
        self.position = position


def _char_class(codepoints: frozenset[int]) -> str:
    return "".join(f"\\U{cp:08x}" for cp in sorted(codepoints))


# One search per string (the hub checks millions of strings per import); surrogates by range.
_UNSAFE_ONE_LINE = re.compile(f"[{_char_class(_FORBIDDEN | {0x0A, 0x0D})}\\ud800-\\udfff]")
_UNSAFE_MULTILINE = re.compile(f"[{_char_class(_FORBIDDEN)}\\ud800-\\udfff]")


def check_untrusted(text: str, *, multiline: bool = False) -> str:
    """Return `text` unchanged if it is safe to store, else raise UnsafeText.

    The one gate for text read from packages, key files, CSV and workbooks: lone surrogates
    (unencodable, they crash every later write), NUL and control characters (terminal escapes,
    cut strings) are refused. Tab is allowed; newline and CR only when `multiline` (notes).
    """
    found = (_UNSAFE_MULTILINE if multiline else _UNSAFE_ONE_LINE).search(text)
    if found is not None:
        raise UnsafeText(ord(found.group()), found.start())
    return text


def is_safe(text: str, *, multiline: bool = False) -> bool:
    """Whether `check_untrusted` would accept `text` (for checks that build their own message)."""
    return (_UNSAFE_MULTILINE if multiline else _UNSAFE_ONE_LINE).search(text) is None


def printable(text: str, limit: int = 200) -> str:
    """`text` made safe to print on a terminal or in a one-line message.

    Control characters, lone surrogates and bidi overrides become visible escapes (`\\x1b`,
    `\\n`, `\\ud800`), so an untrusted file name or header field can neither move the cursor
    nor fake an output line; long text is cut with an ellipsis.
    """
    out: list[str] = []
    for char in text[:limit]:
        cp = ord(char)
        if cp in _FORBIDDEN or cp in (0x09, 0x0A, 0x0D) or 0xD800 <= cp <= 0xDFFF:
            out.append(char.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:
            out.append(char)
    return "".join(out) + ("…" if len(text) > limit else "")
