"""The benchmarks themselves; each registers with @benchmark and returns Results."""

from __future__ import annotations

import time
from pathlib import Path

from de06desk.forms import parse_record
from de06desk.store import Store
from tests.bench import generate
from tests.bench.core import Result, benchmark, median_time, p95


@benchmark("save_record")
def save_record(tmp: Path) -> list[Result]:
    """One citizen typed into the form and saved: parse + validate + store + audit."""
    store = Store.open(generate.fresh_copy(generate.commune_db(), tmp))
    try:
        form = store.forms["citizen"]
        village = store.list_records("village", limit=1)[0].uuid
        times = []
        for i in range(200):
            raw = {
                "full_name": f"Nguyễn Thị Hường {i}",
                "id_number": "087184000999",
                "sex": "Nữ",
                "birth_date": "05/01/1984",
                "phone": "0912 345 678",
                "village": village,
                "living_status": "living",
            }
            start = time.perf_counter()
            values, errors = parse_record(form, raw)
            assert not errors, errors
            store.save_record("citizen", values, user="bench")
            times.append(time.perf_counter() - start)
    finally:
        store.close()
    times.sort()
    return [
        Result(
            "save one record through the form path (median of 200)",
            times[len(times) // 2] * 1000,
            20,
            "ms",
        )
    ]


@benchmark("citizen_list")
def citizen_list(tmp: Path) -> list[Result]:
    """The citizens list over 1,000,000 rows: open, and filter as the user types."""
    from de06desk.store.lists import ListQuery, count_rows, fetch_rows

    store = Store.open(generate.million_citizens_db())
    try:

        def open_list() -> None:
            fetch_rows(store, ListQuery("citizen"), 0, 200)
            count_rows(store, ListQuery("citizen"), cap=10_000)

        opened = median_time(open_list)
        keystrokes: list[float] = []
        for text in ("nguyen thi huong", "lo van su", "giang a pao", "dang", "087", "d"):
            for end in range(1, len(text) + 1):
                query = ListQuery("citizen", search=text[:end])
                start = time.perf_counter()
                fetch_rows(store, query, 0, 200)
                count_rows(store, query, cap=10_000)
                keystrokes.append(time.perf_counter() - start)
    finally:
        store.close()
    return [
        Result(
            "citizens list, 1,000,000 rows: open (first page + count)", opened * 1000, 300, "ms"
        ),
        Result(
            f"search keystroke → updated page, p95 of {len(keystrokes)}",
            p95(keystrokes) * 1000,
            100,
            "ms",
        ),
    ]
