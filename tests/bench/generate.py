"""Synthetic data at real scale for the benchmarks, cached under tests/bench/data/."""

from __future__ import annotations

import json
import random
import shutil
import uuid as uuidlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from de06desk.demo import make_demo
from de06desk.store import Store
from de06desk.store.bulk import insert_records

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 11, 18)
COMMUNE_CITIZENS = 30_000
COMMUNE_WEEKS = 104


def commune_db(
    citizens: int = COMMUNE_CITIZENS,
    weeks: int = COMMUNE_WEEKS,
    seed: int = 1,
    commune_code: str = "03037",
) -> Path:
    """A commune at scale: 30,000 citizens and two years of drives, cases and sessions."""
    path = DATA / f"commune_{commune_code}_{citizens}_{weeks}_{seed}.db"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        _remove(tmp)
        make_demo(
            tmp, seed=seed, weeks=weeks, citizens=citizens, commune_code=commune_code, today=TODAY
        )
        tmp.rename(path)
    return path


def encrypted_commune_db(
    citizens: int = COMMUNE_CITIZENS, weeks: int = COMMUNE_WEEKS, seed: int = 1
) -> Path:
    """The commune at scale encrypted as every real one is, with its keyring beside it
    (accounts `admin` and `canbo`, password `demo-06!`, as `de06desk demo` makes them)."""
    from de06desk.actions.admin import new_encrypted_database
    from de06desk.store.crypto import keyring_path

    path = DATA / f"commune_enc_03037_{citizens}_{weeks}_{seed}.db"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        tmp = DATA / "making" / path.name
        tmp.parent.mkdir(exist_ok=True)
        _remove(tmp)
        keyring_path(tmp).unlink(missing_ok=True)
        with new_encrypted_database(tmp) as (key, _):
            make_demo(
                tmp,
                seed=seed,
                weeks=weeks,
                citizens=citizens,
                commune_code="03037",
                today=TODAY,
                key=key,
            )
        keyring_path(tmp).rename(keyring_path(path))
        tmp.rename(path)
    return path


def million_citizens_db(total: int = 1_000_000) -> Path:
    """A commune database whose citizen list has `total` rows (for the list benchmarks)."""
    path = DATA / f"citizens_{total}.db"
    if path.exists():
        return path
    base = commune_db(citizens=20_000, weeks=8, seed=2, commune_code="00004")
    tmp = path.with_suffix(".tmp")
    _remove(tmp)
    shutil.copy2(base, tmp)
    store = Store.open(tmp)
    try:
        rng = random.Random(7)
        existing = store.list_records("citizen", limit=20_000)
        remaining = total - store.count_records("citizen")
        records = (dict(rng.choice(existing).values) for _ in range(remaining))
        insert_records(store, "citizen", records, user="bench", validate=False)
    finally:
        store.close()
    tmp.rename(path)
    return path


def fresh_copy(source: Path, folder: Path) -> Path:
    """A private copy of a cached database, so a writing benchmark starts from the same state."""
    target = folder / source.name
    shutil.copy2(source, target)
    return target


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# ---- a hub of many communes --------------------------------------------------------------------

HUB_CODE = "01"
HUB_COMMUNES = 100
# Distinct generated communes whose rows are reused under other unit codes, UUIDs and keys:
# making 100 communes one by one would take ~15 minutes for no extra realism in the import.
HUB_BASES = 4
# 18,000 citizens and two years of records ≈ 22,000 rows a commune, ≈ 2.2 M rows in 100.
HUB_CITIZENS = 18_000


@dataclass(frozen=True)
class HubData:
    """A hub database (keys made, every commune trusted) and one full package per commune."""

    hub: Path
    packages: list[Path]


def hub_packages(
    communes: int = HUB_COMMUNES, citizens: int = HUB_CITIZENS, *, time_ordered: bool = False
) -> HubData:
    """The hub template and its communes' packages, written by the real package writer.

    Each commune gets its own signing and agreement keys (trusted at the hub), a real unit
    code, and its rows under UUIDs of its own: the first 8 hex digits of every UUID (records,
    references, devices) become the commune's number, so no two communes share a record.
    With `time_ordered` the records get version-7 UUIDs as the program now makes them
    (`_TimeOrderedIds`): each commune's records made over the same two years, so at the hub
    they interleave in time across communes, as real ones do.
    """
    folder = DATA / f"hub_{communes}x{citizens}{'_v7' if time_ordered else ''}"
    done = folder / "complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "packages").mkdir(parents=True)
        _make_hub(folder, communes, citizens, time_ordered)
        done.touch()
    return HubData(folder / "hub.db", sorted((folder / "packages").glob("*.de06sync")))


def _make_hub(folder: Path, count: int, citizens: int, time_ordered: bool) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from de06desk.domain.units import communes
    from de06desk.sync import init_hub, public_key_file, trust_commune
    from de06desk.sync.keys import OwnKeys, PublicKeyFile

    bases = [
        commune_db(citizens=citizens, weeks=COMMUNE_WEEKS, seed=10 + i, commune_code="00004")
        for i in range(HUB_BASES)
    ]
    units = sorted(communes(), key=lambda c: c.code)[:count]
    hub = init_hub(folder / "hub.db", unit_code=HUB_CODE, name="Công an tỉnh (bench)")
    try:
        recipient = public_key_file(hub)
        for number, unit in enumerate(units, start=1):
            signing, agreement = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
            own = OwnKeys(
                signing=signing,
                agreement=agreement,
                signing_public=signing.public_key().public_bytes_raw(),
                agreement_public=agreement.public_key().public_bytes_raw(),
            )
            trust_commune(
                hub,
                PublicKeyFile(
                    unit_code=unit.code,
                    unit_name=unit.full_name,
                    role="commune",
                    signing_key=own.signing_public,
                    agreement_key=own.agreement_public,
                ),
                user="bench",
            )
            base = Store.open(bases[number % len(bases)])
            try:
                _write_package(
                    base, own, recipient, unit.code, unit.full_name, number, folder, time_ordered
                )
            finally:
                base.close()
    finally:
        hub.close()


def _write_package(
    base: Store,
    own: Any,
    recipient: Any,
    code: str,
    name: str,
    number: int,
    folder: Path,
    time_ordered: bool,
) -> None:
    from de06desk import __version__
    from de06desk.store import sync_state as state
    from de06desk.sync.package import PackageWriter, package_file_name
    from de06desk.sync.rows import encode_row

    tag = f"{number:08x}"
    upto = base.current_change_no()
    forms = sorted(base.forms, key=lambda f: f.id)
    ordered = _TimeOrderedIds(base, forms, upto, number) if time_ordered else None

    def own_id(uuid: str) -> str:
        if ordered is not None and uuid in ordered.ids:
            return ordered.ids[uuid]
        # Device IDs stay random (version 4, store/database.py): the commune's number at the
        # end keeps them apart without putting them in order.
        return uuid[:-8] + tag if ordered is not None else tag + uuid[8:]

    device = own_id(base.device_id)
    out = folder / "packages" / f"{code}.partial"
    with out.open("wb") as handle:
        writer = PackageWriter(
            handle,
            kind="up",
            own=own,
            sender=code,
            device_id=device,
            recipient=recipient,
            seq=1,
            created_at="2026-11-18T08:00:00.000+00:00",
        )
        counts = state.count_changed_rows(base, forms, 0, upto)
        for form in (f for f in forms if counts[f.id]):
            refs = [f.name for f in form.fields if f.type in ("village", "officer", "reference")]

            def lines(form: Any = form, refs: list[str] = refs) -> Any:
                for row in state.iter_changed_rows(base, form, 0, upto):
                    if ordered is not None:
                        row["created_at"] = ordered.created_at[row["uuid"]]
                    row["uuid"] = own_id(row["uuid"])
                    for ref in refs:
                        if row[ref]:
                            row[ref] = own_id(row[ref])
                    row["unit_code"] = code
                    row["device_id"] = device
                    row["versions"] = json.dumps(
                        {own_id(d): n for d, n in json.loads(row["versions"]).items()}
                    )
                    if form.id == "commune":
                        row.update(commune_code=code, unit_name=name.upper())
                    yield encode_row(form, row)

            writer.add_member(f"{form.id}.jsonl", lines(), form=form.id)
        written, _ = writer.finish(
            app_version=__version__,
            change_from=1,
            change_to=upto,
            full=True,
            forms=base.forms.versions(),
        )
    out.rename(out.with_name(package_file_name(written.header)))


# The span over which a bench commune's records were made: its two years of weeks.
_SPAN_MS = COMMUNE_WEEKS * 7 * 24 * 3600 * 1000
_END_MS = int(datetime(2026, 11, 18, 8, tzinfo=UTC).timestamp() * 1000)


class _TimeOrderedIds:
    """Version-7 UUIDs (and the matching `created_at`) for one commune's records.

    The generated commune made all its records within a second; a real one makes them over its
    two years. Here its records are taken as made in change-number order, evenly over the two
    years before the bench's day, each at its own point plus a random offset of up to one step
    (seeded by the commune's number): every commune spans the same two years, so at the hub
    their records interleave in time — not one commune after another.
    """

    def __init__(self, base: Store, forms: list[Any], upto: int, number: int) -> None:
        from de06desk.store import sync_state as state

        made = sorted(
            (row["change_no"], row["uuid"])
            for form in forms
            for row in state.iter_changed_rows(base, form, 0, upto)
        )
        rng = random.Random(number)
        step = _SPAN_MS / max(1, len(made))
        start = _END_MS - _SPAN_MS
        self.ids: dict[str, str] = {}
        self.created_at: dict[str, str] = {}
        for i, (_, uuid) in enumerate(made):
            ms = int(start + (i + rng.random()) * step)
            value = ms << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62
            self.ids[uuid] = str(uuidlib.UUID(int=value | rng.getrandbits(62)))
            at = datetime.fromtimestamp(ms / 1000, UTC)
            self.created_at[uuid] = at.isoformat(timespec="milliseconds")


def hub_imported(work: Path | None = None) -> Path:
    """The hub after importing every commune's package (for the hub's report benchmarks).

    `work`, if given, is a hub database the import benchmark has just filled: it is kept as
    the cached copy instead of importing everything a second time.
    """
    data = hub_packages()
    path = data.hub.with_name("hub_imported.db")
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    _remove(tmp)
    if work is not None:
        shutil.copy2(work, tmp)
    else:
        from de06desk.sync import import_packages

        shutil.copy2(data.hub, tmp)
        store = Store.open(tmp)
        try:
            outcomes = import_packages(store, data.packages)
        finally:
            store.close()
        assert all(o.status == "applied" for o in outcomes), outcomes[0].message
    tmp.rename(path)
    return path


def demo_db(folder: Path) -> Path:
    """The demo database as `de06desk demo` makes it (1,500 citizens, 12 weeks, encrypted,
    with its keyring beside it), made in `folder`: the keyring names its database file."""
    from de06desk.actions.admin import new_encrypted_database

    path = folder / "demo.db"
    with new_encrypted_database(path) as (key, _code):
        make_demo(path, key=key, today=TODAY)
    return path


def citizen_list_xlsx(rows: int = 50_000, seed: int = 3) -> Path:
    """A citizen list as communes receive it: a title row, 7 columns (STT, name, ID number as a
    number that lost its leading zeros, birth date, sex, phone, village), `rows` people."""
    from openpyxl import Workbook

    path = DATA / f"citizen_list_{rows}_{seed}.xlsx"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH CÔNG DÂN"])
    sheet.append(["STT", "Họ và tên", "Số CCCD", "Ngày sinh", "Giới tính", "SĐT", "Thôn/Xóm"])
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
    given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hường", "Lan", "Minh", "Tuấn", "Yến"]
    for n in range(rows):
        female = rng.random() < 0.5
        born = date(1940 + rng.randrange(80), 1 + rng.randrange(12), 1 + rng.randrange(28))
        digit = (0 if born.year < 2000 else 2) + female
        number = int(f"001{digit}{born.year % 100:02d}{n:06d}")
        sheet.append(
            [
                n + 1,
                f"{rng.choice(family)} {'Thị' if female else 'Văn'} {rng.choice(given)}",
                number,
                born,
                "Nữ" if female else "Nam",
                int(f"9{rng.randrange(10**8):08d}"),
                f"Thôn {1 + rng.randrange(12)}",
            ]
        )
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    tmp.rename(path)
    return path


def empty_commune_db(folder: Path) -> Path:
    """A new, empty commune database (the list import creates its villages)."""
    path = folder / "empty.db"
    Store.create(path, unit_code="03037").close()
    return path
