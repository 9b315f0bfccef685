"""Writes `main_schema4.db.gz`: a small database made by main before the migration register.

Run with PYTHONPATH pointing at a checkout of main at c801a32 (schema 4, no `migrations`
table):

    git archive c801a32 | tar -x -C /tmp/main-src
    PYTHONPATH=/tmp/main-src python tests/store/data/make_main_db.py tests/store/data
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from datetime import date
from pathlib import Path

from de06desk.store import Store


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "main.db"
        with Store.create(path, unit_code="00004") as store:
            village = store.save_record("village", {"name": "Thôn Trung"}, user="admin")
            store.save_record(
                "citizen",
                {
                    "full_name": "Nguyễn Thị Mai",
                    "birth_date": date(1990, 5, 17),
                    "village": village.uuid,
                    "living_status": "living",
                },
                user="admin",
            )
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (out / "main_schema4.db.gz").write_bytes(gzip.compress(path.read_bytes(), mtime=0))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
