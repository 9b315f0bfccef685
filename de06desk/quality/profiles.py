"""Saved column mappings: the mapping an officer confirmed for a list is proposed again for
the next file with the same header row (the same source sends the same layout every week).

Profiles live in the database (store/citizen_import.py), so the app and the command line
share them. A profile is saved when an import is applied with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from de06desk.store import Store
from de06desk.store import citizen_import as sql

from .mapping import KINDS, guess_mapping, header_key, parse_map_options


def headers_key(headers: Sequence[str]) -> str:
    """The header row as profiles are keyed: folded texts, in order."""
    return "|".join(header_key(h) for h in headers)


def propose_mapping(store: Store, kind: str, headers: Sequence[str]) -> tuple[dict[str, int], bool]:
    """The saved mapping for these headers if there is a usable one, else the guess; and
    whether it came from a saved profile."""
    saved = sql.find_mapping(store, kind, headers_key(headers))
    if saved and all(f in KINDS[kind] and 0 <= c < len(headers) for f, c in saved.items()):
        return saved, True
    return guess_mapping(headers, kind), False


def remember_mapping(
    store: Store, kind: str, headers: Sequence[str], mapping: Mapping[str, int], user: str
) -> None:
    """Save `mapping` as the profile for these headers."""
    sql.save_mapping(store, kind, headers_key(headers), headers, mapping, user)


def resolve_mapping(
    store: Store,
    kind: str,
    headers: Sequence[str],
    options: Sequence[str],
    field_labels: Mapping[str, str],
) -> tuple[dict[str, int], bool]:
    """The proposed mapping with the command line's `--map "Header=field"` options on top.

    A column named in an option is taken from whatever field the proposal gave it.
    """
    mapping, from_profile = propose_mapping(store, kind, headers)
    overrides = parse_map_options(options, headers, kind, field_labels)
    taken = set(overrides.values())
    mapping = {f: c for f, c in mapping.items() if c not in taken and f not in overrides}
    mapping.update(overrides)
    return mapping, from_profile
