"""Diacritic- and case-insensitive search over a form's records, as a WHERE clause."""

from __future__ import annotations

from typing import Any

from de06desk.domain.text import fold
from de06desk.forms import FormSpec

from .schema import search_table

# Trigrams need three characters; shorter words fall back to LIKE, which is fast for them
# because short words match densely and a page fills after a few rows.
_MIN_INDEXED = 3


def search_clause(form: FormSpec, query: str, alias: str = "") -> tuple[str, list[Any]]:
    """SQL condition (on the form's table) matching records that contain every word of `query`.

    Words are folded ("Hường" → "huong", "đ" → "d") and matched as substrings of the
    record's `search_text`. `alias` names the table in the caller's FROM clause when it
    joins others. Returns ("", []) for a blank query.
    """
    prefix = f"{alias}." if alias else ""
    words = fold(query).split()
    if not words or not form.searchable_fields:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    indexed = [w for w in words if len(w) >= _MIN_INDEXED]
    if indexed:
        fts = search_table(form)
        clauses.append(f'{prefix}rowid IN (SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH ?)')
        params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in indexed))
    for word in words:
        if len(word) < _MIN_INDEXED:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append(f"{prefix}search_text LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
    return " AND ".join(clauses), params
