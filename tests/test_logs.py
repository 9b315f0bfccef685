"""Personal numbers never reach the log file."""

from __future__ import annotations

import logging
from pathlib import Path

from de06desk.logs import redact, setup_logging


def test_redact_masks_ids_and_phones_but_not_dates_or_counts() -> None:
    text = "id 087084000999 cmnd 123456789 tel 0912 345 678 +84912345678 on 2026-11-18, 1500 rows"
    out = redact(text)
    for secret in ("087084000999", "123456789", "0912 345 678", "84912345678"):
        assert secret not in out
    assert "2026-11-18" in out and "1500 rows" in out


def test_log_file_has_no_personal_numbers_even_in_tracebacks(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    log = logging.getLogger("de06desk.test")
    log.warning("saved citizen %s phone %s", "001190012345", "0987654321")
    try:
        raise ValueError("bad id 079203001122")
    except ValueError:
        log.exception("import failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = path.read_text(encoding="utf-8")
    assert "import failed" in content and "ValueError" in content
    for secret in ("001190012345", "0987654321", "079203001122"):
        assert secret not in content
