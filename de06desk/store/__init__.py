"""Storage: the only package that speaks SQL."""

import sys
from contextlib import suppress


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite_utils while pandas and numpy are hidden from it.

    sqlite_utils imports both, when installed, only to map their scalar types to column types,
    which the store never hands it; that cost ~0.4 s of every start (more on an old PC, see
    docs/BENCHMARKS.md). Reports still import pandas normally when they need it.
    """
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        # None makes `import name` fail (documented); typeshed's sys.modules omits it.
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            with suppress(KeyError):
                del sys.modules[name]


_import_sqlite_utils_without_pandas()

from .database import Record, Store, utc_now  # noqa: E402
from .errors import NotFoundError, StoreError, ValidationError  # noqa: E402

__all__ = [
    "NotFoundError",
    "Record",
    "Store",
    "StoreError",
    "ValidationError",
    "utc_now",
]
