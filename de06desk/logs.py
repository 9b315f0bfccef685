"""Logging to a rotating file in the data folder, with personal numbers masked.

Logs are plain text on a shared PC, so an ID number or a phone must never reach them: every
record passes through a filter that masks runs of 9 or more digits (ID numbers, old ID cards,
phones, with or without separators) before it is written — including tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import traceback
from datetime import datetime
from pathlib import Path

from de06desk.config import create_private, data_dir, private_folder

# 9+ digits, allowing the separators people type inside phones and IDs ("091 234 5678").
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:\+?\d[\s.\-]?){8,}\d(?!\d)")


def redact(text: str) -> str:
    """`text` with every ID-number- or phone-like digit run replaced by a mask."""
    return _PERSONAL_NUMBER.sub(
        lambda m: "*" * 6 + m.group(0)[-2:] if len(m.group(0)) > 2 else "*", text
    )


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message and traceback) has personal numbers masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_path(folder: Path | None = None) -> Path:
    """The app's log file: `<data dir>/logs/de06desk.log`."""
    return (folder or data_dir()) / "logs" / "de06desk.log"


def record_crash(exc: BaseException, what: str, folder: Path | None = None) -> Path | None:
    """Append `exc`'s traceback (personal numbers masked) to the log; returns the log's path.

    For the error a person must not see as a traceback: they get one line and this path. None
    when the log itself cannot be written (a full disk, a read-only folder) — never raises.
    """
    details = "".join(traceback.format_exception(exc))
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    try:
        path = log_path(folder)
        private_folder(path.parent)
        create_private(path)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(redact(f"{stamp} ERROR {what}\n{details}"))
    except OSError:
        return None
    return path


class _AppLogFile(logging.handlers.RotatingFileHandler):
    """The app's log file; a later setup_logging replaces it rather than adding another."""


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the app's logs to `<data dir>/logs/de06desk.log` (rotated); returns the file path."""
    path = log_path(folder)
    private_folder(path.parent)
    create_private(path)
    handler = _AppLogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, _AppLogFile)]
    root.addHandler(handler)
    root.setLevel(level)
    return path
