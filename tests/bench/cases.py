"""The benchmarks themselves; each registers with @benchmark and returns Results."""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from de06desk.forms import parse_record
from de06desk.store import Store
from tests.bench import generate, reference
from tests.bench.core import REPEATS, ROOT, Result, benchmark, median_time, p95


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
    from de06desk.store.lists import (
        COUNT_CAP,
        ListQuery,
        count_rows,
        fetch_rows,
        warm_search_index,
    )

    store = Store.open(generate.million_citizens_db())
    try:

        def open_list() -> None:
            fetch_rows(store, ListQuery("citizen"), 0, 200)
            count_rows(store, ListQuery("citizen"), cap=COUNT_CAP)

        opened = median_time(open_list)
        # What the list screen starts in the background as it opens (ui/record_screen.py).
        start = time.perf_counter()
        warm_search_index(store, "citizen")
        warmed = time.perf_counter() - start
        keystrokes: list[float] = []
        for text in ("nguyen thi huong", "lo van su", "giang a pao", "dang", "087", "d"):
            for end in range(1, len(text) + 1):
                query = ListQuery("citizen", search=text[:end])
                start = time.perf_counter()
                fetch_rows(store, query, 0, 200)
                count_rows(store, query, cap=COUNT_CAP)
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
            f"after the list's background read of the search index ({warmed:.2f} s)",
        ),
    ]


@benchmark("startup")
def startup(tmp: Path) -> list[Result]:
    """A fresh process: imports, Qt, open the demo database, log in, first paint of the window."""
    db = generate.demo_db(tmp)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp / "config")}
    times, cpu = [], []
    for _ in range(REPEATS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.time()
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.startup_driver", str(db)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        painted = float(done.stdout.strip().splitlines()[-1])
        times.append(painted - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [
        Result(
            "start-up → first paint of the main window (demo database, offscreen, log-in included)",
            statistics.median(times),
            1.0,
            "s",
            f"runs {', '.join(f'{t:.2f}' for t in sorted(times))} s; CPU time of the whole "
            f"process (to its exit) {statistics.median(cpu):.2f} s",
        )
    ]


def _commune_with_hub(tmp: Path) -> Store:
    """A private copy of the commune at scale that holds a hub's key, ready to export."""
    from de06desk.sync import init_hub, public_key_file, set_hub

    hub = init_hub(tmp / "hub.db", unit_code="01", name="Hub")
    commune = Store.open(generate.fresh_copy(generate.commune_db(), tmp))
    set_hub(commune, public_key_file(hub), user="bench")
    hub.close()
    return commune


def _reference(db: Path, role: str, tmp: Path, modes: tuple[reference.Mode, ...]) -> dict:
    """Median seconds of the sqlite3 shell importing `db`'s rows, per mode; and the row count."""
    files, rows = reference.dump_csv(db, tmp / "csv")
    template = reference.empty_database(tmp / f"empty-{role}.db", role)
    repeats = REPEATS if rows < 200_000 else 1
    seconds = {
        mode: statistics.median(
            reference.import_seconds(template, files, tmp, mode) for _ in range(repeats)
        )
        for mode in modes
    }
    shutil.rmtree(tmp / "csv")
    return {"rows": rows, "seconds": seconds}


def _ratios(measured: float, ref: dict) -> str:
    seconds = ref["seconds"]
    parts = [f"{mode} {seconds[mode]:.2f} s (×{measured / seconds[mode]:.1f})" for mode in seconds]
    return f"{ref['rows']:,} rows; sqlite3 .import: " + ", ".join(parts)


@benchmark("sync_export")
def sync_export(tmp: Path) -> list[Result]:
    """A full export of the commune at scale, against SQLite's own import of the same rows."""
    from de06desk.sync import export_package

    commune = _commune_with_hub(tmp)
    try:
        sizes: list[int] = []

        def export() -> None:
            result = export_package(commune, tmp / "out", full=True)
            assert result is not None
            sizes.append(result.size)
            result.path.unlink()

        seconds = median_time(export)
    finally:
        commune.close()
    ref = _reference(tmp / generate.commune_db().name, "commune", tmp, reference.MODES)
    goal_ref = ref["seconds"]["index-once"]
    return [
        Result(
            "sync export, full commune (30,000 citizens, 2 years): × sqlite3 .import (index-once)",
            seconds / goal_ref,
            3,
            "×",
            f"{seconds:.2f} s, package {sizes[0] / 1e6:.1f} MB; " + _ratios(seconds, ref),
        )
    ]


def _import_child(
    hub: Path, key: bytes | None, packages: list[Path], chunk: int = 0
) -> dict[str, Any]:
    """Run tests/bench/import_child.py on `hub` (a fresh process) and return its figures."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.import_child",
            str(hub),
            key.hex() if key else "-",
            *(["--chunk", str(chunk)] if chunk else []),
            *map(str, packages),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(done.stdout + done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


@benchmark("hub_import")
def hub_import(tmp: Path) -> list[Result]:
    """100 commune packages into an empty hub (a fresh process), then the same 100 again;
    once into a plaintext hub (against the sqlite3 reference) and once into an encrypted one,
    as every real hub is."""
    from de06desk.store.crypto import new_data_key
    from de06desk.store.encryption import write_encrypted_copy

    data = generate.hub_packages()
    hub = generate.fresh_copy(data.hub, tmp)
    figures = _import_child(hub, None, data.packages)
    generate.hub_imported(work=hub)
    ref = _reference(hub, "hub", tmp, ("index-once", "plain"))
    hub.unlink()
    key = new_data_key()
    encrypted = tmp / "hub-encrypted.db"
    write_encrypted_copy(data.hub, encrypted, key)
    sealed = _import_child(encrypted, key, data.packages)
    seconds, sealed_seconds = figures["import_s"], sealed["import_s"]
    rate = figures["rows"] / seconds
    return [
        Result(
            f"hub import of {len(data.packages)} commune packages: × sqlite3 .import (index-once)",
            seconds / ref["seconds"]["index-once"],
            3,
            "×",
            f"{seconds:.0f} s, {rate:,.0f} rows/s, CPU {figures['cpu_s']:.0f} s (one run); "
            + _ratios(seconds, ref),
        ),
        Result(
            "the same into an encrypted hub (SQLCipher): × sqlite3 .import (index-once)",
            sealed_seconds / ref["seconds"]["index-once"],
            # Every real hub is encrypted: this is the figure that counts (issue 17).
            2,
            "×",
            f"{sealed_seconds:.0f} s, CPU {sealed['cpu_s']:.0f} s; "
            f"{sealed_seconds / seconds:.2f} × the plaintext import",
        ),
        Result(
            f"re-import of the {len(data.packages)} already-imported packages, in total",
            figures["reimport_s"],
            1,
            "s",
            f"encrypted hub: {sealed['reimport_s']:.2f} s",
        ),
        Result(
            "peak memory (VmHWM) of the hub import process",
            max(figures["peak_mib"], sealed["peak_mib"]),
            500,
            "MiB",
            f"plaintext {figures['peak_mib']:.0f} MiB, encrypted {sealed['peak_mib']:.0f} MiB",
        ),
    ]


# The hub's growth curve: rates measured with the hub holding this many packages. Communes are
# smaller than the hub_import case's (4,000 citizens, 2 years: ≈ 7,500 rows each) so the
# whole curve, 200 packages (1.5 M rows), runs in a few minutes; their records carry
# time-ordered UUIDs made over two years as the program now makes them, interleaved in time
# across communes (generate.hub_packages(time_ordered=True)).
GROWTH_POINTS = (25, 50, 100, 200)
GROWTH_CITIZENS = 4_000


@benchmark("hub_growth")
def hub_growth(tmp: Path) -> list[Result]:
    """How the hub's import cost grows: 200 commune packages into an empty encrypted hub, 25 per
    call, in one fresh process; the rate over the 25 packages before each point, against the
    first 25 (goal: no slowdown as the hub fills, ≥ 80 % of the first rate at 200)."""
    from de06desk.store.crypto import new_data_key
    from de06desk.store.encryption import write_encrypted_copy

    step = GROWTH_POINTS[0]
    data = generate.hub_packages(GROWTH_POINTS[-1], GROWTH_CITIZENS, time_ordered=True)
    key = new_data_key()
    hub = tmp / "hub-growth.db"
    write_encrypted_copy(data.hub, hub, key)
    figures = _import_child(hub, key, data.packages, chunk=step)
    by_end = {int(c["packages"]): c for c in figures["chunks"]}

    def rate(point: int) -> float:
        return by_end[point]["rows"] / by_end[point]["seconds"]

    def cpu_rate(point: int) -> float:
        return by_end[point]["rows"] / by_end[point]["cpu_s"]

    held = 0
    held_at: dict[int, int] = {}
    for end in sorted(by_end):
        held += int(by_end[end]["rows"])
        held_at[end] = held
    first = GROWTH_POINTS[0]
    results = [
        Result(
            f"hub growth: rows/s importing packages {point - step + 1}–{point} "
            f"÷ packages 1–{first} (encrypted hub)",
            rate(point) / rate(first),
            0.8,
            "×",
            f"{rate(point):,.0f} against {rate(first):,.0f} rows/s (CPU-time rates "
            f"{cpu_rate(point):,.0f} and {cpu_rate(first):,.0f}); hub then holds "
            f"{held_at[point]:,} rows, {by_end[point]['bytes'] / 1e6:,.0f} MB",
            at_least=True,
        )
        for point in GROWTH_POINTS[1:]
    ]
    results.append(
        Result(
            f"hub growth: whole import of {GROWTH_POINTS[-1]} packages "
            f"({GROWTH_CITIZENS:,}-citizen communes)",
            figures["import_s"],
            600,
            "s",
            f"{held:,} rows, {held / figures['import_s']:,.0f} rows/s overall, CPU "
            f"{figures['cpu_s']:.0f} s, peak {figures['peak_mib']:.0f} MiB, hub "
            f"{by_end[max(by_end)]['bytes'] / 1e6:,.0f} MB",
        )
    )
    return results


@benchmark("quality")
def quality(tmp: Path) -> list[Result]:
    """Every data-quality check over the commune at scale."""
    from de06desk.quality.checks import run_checks

    store = Store.open(generate.commune_db())
    try:
        found: list[int] = []
        seconds = median_time(lambda: found.append(len(run_checks(store, today=generate.TODAY))))
    finally:
        store.close()
    return [
        Result(
            "data-quality check, commune at scale (30,000 citizens)",
            seconds,
            2,
            "s",
            f"{found[0]:,} findings",
        )
    ]


def _summary_and_pdf(db: Path, tmp: Path) -> float:
    """Median seconds of the weekly summary (TODAY's week) and its PDF."""
    from de06desk.domain.weeks import week_of
    from de06desk.reports.header import report_header
    from de06desk.reports.pdf import render_pdf
    from de06desk.reports.summary import build_summary

    store = Store.open(db)
    try:

        def report() -> None:
            summary = build_summary(store, week_of(generate.TODAY))
            render_pdf(summary, report_header(store, today=generate.TODAY), tmp / "week.pdf")

        return median_time(report)
    finally:
        store.close()


@benchmark("weekly_report")
def weekly_report(tmp: Path) -> list[Result]:
    """The weekly summary + PDF at a commune at scale and at the hub of 100 communes."""
    return [
        Result(
            "weekly summary + PDF, commune at scale (data-quality section included)",
            _summary_and_pdf(generate.commune_db(), tmp),
            1,
            "s",
        ),
        Result(
            f"weekly summary + PDF, hub of {generate.HUB_COMMUNES} communes",
            _summary_and_pdf(generate.hub_imported(), tmp),
            3,
            "s",
        ),
    ]


def _list_child(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.list_import_child", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(done.stdout + done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


@benchmark("list_import")
def list_import(tmp: Path) -> list[Result]:
    """A 50,000-row, 7-column .xlsx citizen list imported end to end into an empty commune
    (fresh process each run), against pandas + calamine's bare read of the same file; and
    once, a 200,000-row one."""
    path = generate.citizen_list_xlsx()
    bare = [_list_child("bare", str(path)) for _ in range(REPEATS)]
    runs = []
    for n in range(REPEATS):
        db = generate.empty_commune_db(tmp / f"run{n}")
        runs.append(_list_child("import", str(db), str(path)))
    bare_s = statistics.median(r["seconds"] for r in bare)
    import_s = statistics.median(r["seconds"] for r in runs)
    read_s = statistics.median(r["read_s"] for r in runs)
    plan_s = statistics.median(r["plan_s"] for r in runs)
    assert all(r["rows"] == 50_000 for r in runs), runs
    # Real scale for the GUI's progress and Cancel (tested in tests/ui/test_quality_screen.py): one
    # run of a 200,000-row list, against its own bare read.
    big = generate.citizen_list_xlsx(200_000)
    big_bare = _list_child("bare", str(big))
    big_run = _list_child("import", str(generate.empty_commune_db(tmp / "big")), str(big))
    assert big_run["rows"] == 200_000, big_run
    return [
        Result(
            "citizen list import, 50,000-row .xlsx end to end: × pandas+calamine bare read",
            import_s / bare_s,
            2.5,
            "×",
            f"{import_s:.2f} s (read {read_s:.2f} s, preview {plan_s:.2f} s, write "
            f"{import_s - read_s - plan_s:.2f} s); bare read {bare_s:.2f} s",
        ),
        Result(
            "peak memory (VmHWM) of the list import process",
            max(r["peak_mib"] for r in runs),
            300,
            "MiB",
            f"bare read process {max(r['peak_mib'] for r in bare):.0f} MiB",
        ),
        Result(
            "citizen list import, 200,000-row .xlsx end to end (one run): × bare read",
            big_run["seconds"] / big_bare["seconds"],
            2.5,
            "×",
            f"{big_run['seconds']:.1f} s (read {big_run['read_s']:.1f} s, preview "
            f"{big_run['plan_s']:.1f} s); bare read {big_bare['seconds']:.2f} s; peak memory "
            f"{big_run['peak_mib']:.0f} MiB (bare read {big_bare['peak_mib']:.0f} MiB)",
        ),
    ]


@benchmark("rekey")
def rekey(tmp: Path) -> list[Result]:
    """Re-keying the encrypted commune at scale, as a disable or a password reset does."""
    from de06desk.store import dbapi
    from de06desk.store.crypto import keyring_path, new_data_key
    from de06desk.store.rekey import rekey as rekey_now
    from de06desk.store.users import log_in, set_active, set_password

    source = generate.encrypted_commune_db()
    db = generate.fresh_copy(source, tmp)
    shutil.copy2(keyring_path(source), keyring_path(db))
    size = db.stat().st_size
    store, admin = log_in(db, "admin", "demo-06!")
    try:
        rekeys = median_time(lambda: rekey_now(store, by=admin.username, reason="bench"))
        resets: list[float] = []
        for i in range(REPEATS):
            start = time.perf_counter()
            set_password(store, "canbo", f"bench-password-{i}", by=admin.username)
            resets.append(time.perf_counter() - start)
        start = time.perf_counter()
        set_active(store, "canbo", False, by=admin.username)
        disable = time.perf_counter() - start
        # The alternative weighed: a whole new encrypted file (sqlcipher_export) to swap in.
        exports: list[float] = []
        for i in range(REPEATS):
            target = tmp / f"export{i}.db"
            start = time.perf_counter()
            conn = dbapi.connect(db, store.key, isolation_level=None)
            conn.execute(
                f"ATTACH DATABASE ? AS new KEY \"x'{new_data_key().hex()}'\"", (str(target),)
            )
            conn.execute("SELECT sqlcipher_export('new')")
            conn.execute("DETACH DATABASE new")
            conn.close()
            exports.append(time.perf_counter() - start)
            target.unlink()
    finally:
        store.close()
    return [
        Result(
            "re-key of the encrypted commune at scale (30,000 citizens, 2 years)",
            rekeys,
            2,
            "s",
            f"file {size / 1e6:.1f} MB; whole reset-password {statistics.median(resets):.2f} s, "
            f"disable {disable:.2f} s (both with their scrypts); the alternative, "
            f"sqlcipher_export to a new file (before verifying and swapping it in), "
            f"{statistics.median(exports):.2f} s",
        )
    ]


@benchmark("national_rollup")
def national_rollup(tmp: Path) -> list[Result]:
    """3,321 communes × 52 weeks of summaries from 34 provinces into a national hub (a fresh
    process), then its weekly summary + PDF for the last week."""
    from datetime import date, timedelta

    from de06desk.domain.weeks import week_of
    from tests.bench.rollup_data import (
        NATIONAL_COMMUNES,
        NATIONAL_PROVINCES,
        NATIONAL_WEEKS,
        rollup_packages,
    )

    communes = int(os.environ.get("DE06_BENCH_NATIONAL_COMMUNES", NATIONAL_COMMUNES))
    start = time.perf_counter()
    hub, packages = rollup_packages(tmp, communes, NATIONAL_PROVINCES, NATIONAL_WEEKS)
    made = time.perf_counter() - start
    week = week_of(date.today() - timedelta(days=7)).iso_key()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.rollup_child",
            str(hub),
            week,
            str(tmp / "national.pdf"),
            *map(str, packages),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(done.stdout + done.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in packages) / 1e6
    return [
        Result(
            f"national roll-up: import {len(packages)} province summary packages "
            f"({communes:,} communes × {NATIONAL_WEEKS} weeks)",
            figures["import_s"],
            60,
            "s",
            f"{figures['lines']:,} lines, packages {size:.0f} MB (written in {made:.0f} s)",
        ),
        Result(
            f"national weekly summary + PDF ({figures['communes']:,} communes ranked)",
            figures["report_s"],
            5,
            "s",
        ),
        Result(
            "peak memory (VmHWM) of the national import + report process",
            figures["peak_mib"],
            400,
            "MiB",
        ),
    ]
