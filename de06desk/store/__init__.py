"""Storage: the only package that speaks SQL."""

from .database import Record, Store, from_db, to_db, utc_now
from .errors import NotFoundError, StoreError, ValidationError

__all__ = [
    "NotFoundError",
    "Record",
    "Store",
    "StoreError",
    "ValidationError",
    "from_db",
    "to_db",
    "utc_now",
]
