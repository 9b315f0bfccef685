"""Form sets from above (docs/SYNC.md §11): what a hub published, what a commune received, and
the text of every form version held. Call the writers inside the caller's transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .database import Store

# The `source` of a set a hub published itself (a received set names the hub that sent it).
PUBLISHED = "published"


@dataclass(frozen=True)
class FormSetRow:
    """One form set: file name → TOML text, the commune settings sent with it, and whence."""

    sha256: str
    set_version: int
    texts: dict[str, str]
    settings: dict[str, Any]
    source: str
    recorded_at: str
    recorded_by: str


def record_form_set(store: Store, row: FormSetRow) -> None:
    """Keep a form set (a set already kept is left as it was)."""
    store.conn.execute(
        "INSERT INTO form_sets(sha256, set_version, texts, settings, source, recorded_at, "
        "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
        (
            row.sha256,
            row.set_version,
            json.dumps(row.texts, ensure_ascii=False, sort_keys=True),
            json.dumps(row.settings, ensure_ascii=False, sort_keys=True),
            row.source,
            row.recorded_at,
            row.recorded_by,
        ),
    )


def latest_form_set(store: Store, *, published: bool) -> FormSetRow | None:
    """The newest set this hub published (`published`), or the newest set received."""
    where = "source = ?" if published else "source <> ?"
    found = store.conn.execute(
        "SELECT sha256, set_version, texts, settings, source, recorded_at, recorded_by "
        f"FROM form_sets WHERE {where} ORDER BY recorded_at DESC, set_version DESC LIMIT 1",
        (PUBLISHED,),
    ).fetchone()
    if found is None:
        return None
    sha, version, texts, settings, source, at, by = found
    return FormSetRow(sha, int(version), json.loads(texts), json.loads(settings), source, at, by)


def keep_form_texts(store: Store, texts: dict[tuple[str, int], str]) -> None:
    """Remember the text of each (form id, version); a version already held keeps its text."""
    store.conn.executemany(
        "INSERT INTO form_texts(form_id, version, text) VALUES (?, ?, ?) "
        "ON CONFLICT(form_id, version) DO NOTHING",
        [(form_id, version, text) for (form_id, version), text in texts.items()],
    )


def held_form_text(store: Store, form_id: str, version: int) -> str | None:
    """The text of a form version this database has held (None: never held)."""
    found = store.conn.execute(
        "SELECT text FROM form_texts WHERE form_id = ? AND version = ?", (form_id, version)
    ).fetchone()
    return None if found is None else str(found[0])
