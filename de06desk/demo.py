"""A realistic synthetic commune for trying the app, for tests and as the reports' fixture.

Everything is invented: names are drawn from common Vietnamese names, ID numbers are built
from the official code rules (a few deliberately inconsistent, as real lists are), phones use
real mobile prefixes with random digits. The same seed on the same day gives the same data.
"""

from __future__ import annotations

import random
import uuid as uuidlib
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from de06desk.actions.records import sync_drive_totals
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.units import Commune, communes, get_commune
from de06desk.domain.weeks import current_week
from de06desk.store import Store
from de06desk.store.bulk import insert_records
from de06desk.store.users import create_user

DEMO_USER = "admin"
# Shown on the log-in screen and in README: the demo data is invented, the account is public.
DEMO_PASSWORD = "demo-06!"

_FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Giàng",
    "Sùng",
    "Lò",
    "Vàng",
    "Hà",
    "Triệu",
    "Lục",
]
_MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "A", "Công", "Thành"]
_MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Mỹ", "Thị"]
_GIVEN_M = [
    "Hùng",
    "Dũng",
    "Nam",
    "Tuấn",
    "Sơn",
    "Quân",
    "Hải",
    "Phong",
    "Long",
    "Cường",
    "Chiến",
    "Thắng",
    "Sử",
    "Páo",
    "Dế",
    "Tủa",
    "Khánh",
    "Đạt",
    "Huy",
    "Lộc",
]
_GIVEN_F = [
    "Hường",
    "Lan",
    "Mai",
    "Hoa",
    "Hằng",
    "Thảo",
    "Trang",
    "Linh",
    "Nga",
    "Dung",
    "Mỷ",
    "Chở",
    "Sua",
    "Dợ",
    "Yến",
    "Huyền",
    "Nhung",
    "Phượng",
    "Ánh",
    "Thơm",
]
_VILLAGES = [
    "Thôn Đông",
    "Thôn Tây",
    "Thôn Nam",
    "Thôn Bắc",
    "Thôn Trung",
    "Bản Cát Cát",
    "Bản Lao Chải",
    "Bản Ý Linh Hồ",
    "Xóm Mới",
    "Xóm Chùa",
    "Thôn Bến Đò",
    "Tổ dân phố 1",
    "Tổ dân phố 2",
    "Bản Hầu Thào",
    "Thôn Suối Hồ",
    "Thôn Đồng Tâm",
]
_ETHNIC = [
    ("Kinh", 55),
    ("Tày", 10),
    ("Thái", 8),
    ("Mông", 12),
    ("Dao", 8),
    ("Nùng", 5),
    ("Giáy", 2),
]
_RELIGION = [("Không", 85), ("Phật giáo", 8), ("Công giáo", 5), ("Tin lành", 2)]
_PHONE_PREFIXES = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "056",
    "058",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "088",
    "089",
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
]
_PLACES_BY_KIND = {
    "office": ["Trụ sở Công an xã", "Bộ phận một cửa UBND xã"],
    "village": ["Nhà văn hóa {v}", "Nhà trưởng {v}"],
    "school": ["Trường THCS xã", "Trường THPT số 1", "Trường Tiểu học xã"],
    "workplace": ["Hợp tác xã nông nghiệp", "Công ty TNHH May Hòa Bình", "Trạm y tế xã"],
}
_OFFICERS = [
    ("Trưởng Công an xã", "Đại úy"),
    ("Phó Trưởng Công an xã", "Thượng úy"),
    ("Cán bộ Công an xã", "Trung úy"),
    ("Cán bộ Tư pháp - Hộ tịch", ""),
    ("Tổ trưởng Tổ công nghệ số cộng đồng", ""),
]


def default_profile(commune: Commune, signer_name: str = "") -> dict[str, Any]:
    """The commune profile printed on reports, derived from the official unit names."""
    short = commune.name.split(" ", 1)[1] if " " in commune.name else commune.name
    return {
        "commune_code": commune.code,
        "province_code": commune.province_code,
        "unit_name": f"CÔNG AN {commune.name.upper()}",
        "parent_body": f"CÔNG AN {commune.province_name.upper()}",
        "place_name": short,
        "report_code": "BC-CAX",
        "signer_title": "TRƯỞNG CÔNG AN " + commune.type.upper(),
        "signer_name": signer_name,
        "recipients": f"Công an {_short_province(commune)} (để báo cáo);\n"
        f"Đảng ủy, UBND {commune.type} (để báo cáo);",
    }


def _short_province(commune: Commune) -> str:
    name = commune.province_name
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return ("thành phố " if prefix == "Thành phố " else "tỉnh ") + name[len(prefix) :]
    return name


def make_demo(
    path: Path,
    *,
    seed: int = 6,
    weeks: int = 12,
    citizens: int = 1500,
    commune_code: str | None = None,
    today: date | None = None,
    key: bytes | None = None,
) -> str:
    """Create `path` as a demo commune database; returns a one-line description.

    With `key` the file is encrypted under it; the caller must have started its keyring
    (`store.crypto.create_keyring`) so the demo accounts get their entries.
    """
    rng = random.Random(seed)
    today = today or date.today()
    commune = get_commune(commune_code) if commune_code else _pick_commune(rng)
    store = Store.create(path, unit_code=commune.code, key=key)
    # Seeded random UUIDs, so the same seed makes the same demo (the program's own factory
    # makes time-ordered ones from the clock: store/database.py).
    store.uuid_factory = lambda: str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
    try:
        with store.transaction():
            counts = _fill(store, rng, commune, weeks, citizens, today)
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    store.close()
    parts = ", ".join(f"{n} {name}" for name, n in counts.items())
    return f"{commune.full_name} — {parts}"


def _pick_commune(rng: random.Random) -> Commune:
    rural = [c for c in communes() if c.type == "xã"]
    if not rural:
        raise DomainError(msg("Không có danh mục xã.", "No commune list."))
    return rng.choice(rural)


def _weighted(rng: random.Random, options: list[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _fill(
    store: Store, rng: random.Random, commune: Commune, weeks: int, n_citizens: int, today: date
) -> Counter[str]:
    counts: Counter[str] = Counter()
    user = DEMO_USER
    create_user(
        store, DEMO_USER, DEMO_PASSWORD, role="admin", display_name="Quản trị (mẫu)", by="demo"
    )
    create_user(
        store, "canbo", DEMO_PASSWORD, role="officer", display_name="Cán bộ (mẫu)", by="demo"
    )
    first_day = current_week(today).start - timedelta(weeks=weeks - 1)

    officers = []
    for title, rank in _OFFICERS:
        sex = rng.choice(["male", "female"])
        officers.append(
            store.save_record(
                "officer",
                {
                    "full_name": _name(rng, sex),
                    "position": f"{rank} {title}".strip(),
                    "phone": _phone(rng),
                },
                user=user,
            )
        )
    profile = default_profile(commune, signer_name=officers[0]["full_name"])
    store.save_record("commune", profile, user=user)

    village_names = rng.sample(_VILLAGES, k=min(len(_VILLAGES), rng.randint(8, 12)))
    villages = [
        store.save_record("village", {"name": name, "population": 0}, user=user)
        for name in village_names
    ]
    counts["thôn/xóm"] = len(villages)

    adults_share = 0.75
    targets = {
        "level2_accounts": max(10, int(n_citizens * adults_share * 0.8)),
        "cleanup_cases": max(5, weeks * 4),
        "support_sessions": max(4, weeks * 3),
    }
    year_start = date(first_day.year, 1, 1)
    for kind, value in targets.items():
        store.save_record(
            "target",
            {
                "kind": kind,
                "value": value,
                "start_on": year_start,
                "due_on": date(today.year, 12, 31),
            },
            user=user,
        )

    province_codes = _birth_province_codes(commune)
    shared_phone = _phone(rng)
    citizen_values = [
        _citizen(rng, villages, province_codes, today, shared_phone, i) for i in range(n_citizens)
    ]
    # The bulk path: a commune at benchmark scale (30,000 people) is made in seconds.
    uuids = insert_records(store, "citizen", citizen_values, user=user, detail="demo")
    people = [_Person(uuid, values) for uuid, values in zip(uuids, citizen_values, strict=True)]
    counts["công dân"] = len(people)

    adults = [
        p
        for p in people
        if (p["birth_year"] or p["birth_date"].year) <= today.year - 14
        and p["living_status"] == "living"
    ]
    rng.shuffle(adults)
    queue = iter(adults)
    kinds = [("office", 3), ("village", 5), ("school", 1), ("workplace", 1)]
    first_statuses = ["open", "verified", "corrected", "rejected"]
    for week in range(weeks):
        monday = first_day + timedelta(weeks=week)
        for _ in range(rng.randint(2, 4)):
            held = monday + timedelta(days=rng.randint(0, 6))
            if held > today:
                continue
            kind = _weighted(rng, kinds)
            village = rng.choice(villages)
            place = rng.choice(_PLACES_BY_KIND[kind]).format(v=village["name"])
            with_roster = rng.random() < 0.6
            drive_values: dict[str, Any] = {
                "held_on": held,
                "kind": kind,
                "village": village.uuid,
                "place": place,
                "officer": rng.choice(officers).uuid,
                "level1_count": rng.randint(0, 15),
            }
            if with_roster:
                drive = store.save_record(
                    "activation_drive",
                    drive_values | {"received_count": 0, "approved_count": 0, "activated_count": 0},
                    user=user,
                )
                _roster(store, rng, drive, queue, held, today, user)
                # The same rule the screens and the command line follow: a drive with a
                # roster is counted from it (level-1 count included).
                drive = sync_drive_totals(store, drive.uuid, user) or drive
                counts["dòng danh sách"] += drive["received_count"]
            else:
                received = rng.randint(5, 40)
                approved = (
                    int(received * rng.uniform(0.5, 0.95))
                    if held < today - timedelta(days=5)
                    else 0
                )
                activated = int(approved * rng.uniform(0.4, 0.9))
                store.save_record(
                    "activation_drive",
                    drive_values
                    | {
                        "received_count": received,
                        "approved_count": approved,
                        "activated_count": activated,
                    },
                    user=user,
                )
            counts["đợt kích hoạt"] += 1
        counts["hồ sơ làm sạch"] += _cleanup_week(
            store, rng, monday, today, people, villages, officers, user, first_statuses
        )
        counts["buổi hỗ trợ"] += _support_week(store, rng, monday, today, villages, officers, user)

    # A few deleted records, so tombstones are part of every fixture.
    for record in rng.sample(people, k=max(1, n_citizens // 500)):
        store.delete_record("citizen", record.uuid, user=user)
    return counts


@dataclass(frozen=True)
class _Person:
    """A generated citizen: its UUID and field values (what the rest of the demo needs)."""

    uuid: str
    values: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def _birth_province_codes(commune: Commune) -> list[str]:
    from de06desk.domain.idnumber import province_codes
    from de06desk.domain.units import province_for_old_code

    local = [
        code
        for code in province_codes()
        if province_for_old_code(code).code == commune.province_code
    ]
    return local or [commune.province_code]


def _name(rng: random.Random, sex: str) -> str:
    middle = _MIDDLE_F if sex == "female" else _MIDDLE_M
    given = _GIVEN_F if sex == "female" else _GIVEN_M
    return f"{rng.choice(_FAMILY)} {rng.choice(middle)} {rng.choice(given)}"


def _phone(rng: random.Random) -> str:
    return rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**7):07d}"


def _citizen(
    rng: random.Random,
    villages: list,
    province_codes: list[str],
    today: date,
    shared_phone: str,
    i: int,
) -> dict[str, Any]:
    from de06desk.domain.idnumber import province_codes as all_codes

    sex = rng.choice(["male", "female"])
    age = min(int(rng.expovariate(1 / 32)), 104)
    birth = date(today.year - age, 1, 1) + timedelta(days=rng.randint(0, 364))
    birth = min(birth, today)
    year_only = rng.random() < 0.05
    code = rng.choice(province_codes) if rng.random() < 0.9 else rng.choice(list(all_codes()))
    century_digit = 2 * ((birth.year - 1900) // 100) + (1 if sex == "female" else 0)
    yy = birth.year % 100
    oddity = rng.random()
    if oddity < 0.02:  # sex digit wrong, as on real mistyped records
        century_digit ^= 1
    elif oddity < 0.04:  # birth year off by a few years
        shift = rng.randint(1, 4)
        # Never into the future: no ID card (and no form) can carry a birth year not yet come.
        yy = (yy + shift if birth.year + shift <= today.year else yy - shift) % 100
    id_number: str | None = f"{code}{century_digit}{yy:02d}{rng.randrange(10**6):06d}"
    if age < 6 and rng.random() < 0.3:
        id_number = None
    elif rng.random() < 0.01:
        id_number = f"{rng.randrange(10**9):09d}"  # an old 9-digit CMND
    adult = age >= 16
    phone = None
    if adult and rng.random() < 0.8:
        phone = shared_phone if rng.random() < 0.01 else _phone(rng)
    status = "living"
    roll = rng.random()
    if roll < 0.02:
        status = "moved_away"
    elif roll < 0.035 or age > 100:
        status = "deceased" if rng.random() < 0.7 else "living"
    ethnicity = _weighted(rng, _ETHNIC)
    return {
        "full_name": _name(rng, sex),
        "id_number": id_number,
        "sex": sex,
        "birth_date": None if year_only else birth,
        "birth_year": birth.year if year_only else None,
        "phone": phone,
        "village": rng.choice(villages).uuid,
        "address": None,
        "ethnicity": ethnicity,
        "religion": _weighted(rng, _RELIGION),
        "living_status": status,
        "notes": None,
    }


_REASONS = [
    ("no_smartphone", 30),
    ("sim_not_own", 20),
    ("no_signal", 12),
    ("phone_wrong", 10),
    ("absent", 10),
    ("no_chip_card", 6),
    ("biometric_failed", 6),
    ("other", 6),
]


def _roster(
    store: Store, rng: random.Random, drive, queue, held: date, today: date, user: str
) -> None:
    for _ in range(rng.randint(6, 25)):
        person = next(queue, None)
        if person is None:
            break
        status, approved_on, activated_on, reason = "received", None, None, None
        if rng.random() < 0.05:
            status, reason = "refused", _weighted(rng, _REASONS[4:])
        elif held + timedelta(days=3) <= today and rng.random() < 0.85:
            approved_on = min(today, held + timedelta(days=rng.randint(3, 10)))
            status = "approved"
            if rng.random() < 0.7:
                activated_on = min(today, approved_on + timedelta(days=rng.randint(0, 14)))
                status = "activated"
            else:
                reason = _weighted(rng, _REASONS)
        phone = person["phone"] or (_phone(rng) if status == "activated" else None)
        store.save_record(
            "drive_roster",
            {
                "drive": drive.uuid,
                "citizen": person.uuid,
                "level": "level2",
                "status": status,
                "failure_reason": reason,
                "phone": phone,
                "approved_on": approved_on,
                "activated_on": activated_on,
            },
            user=user,
        )


_ERRORS = [
    ("dung", "birth_date", "Ngày sinh ghi sai so với giấy khai sinh"),
    ("dung", "name", "Họ tên sai chính tả"),
    ("dung", "id_inconsistent", "Số định danh không khớp năm sinh"),
    ("du", "missing_field", "Thiếu quê quán"),
    ("du", "missing_field", "Thiếu số điện thoại"),
    ("sach", "duplicate_person", "Một người có hai bản ghi"),
    ("sach", "phone", "Số điện thoại dùng chung nhiều người"),
    ("song", "deceased_listed", "Người đã mất vẫn còn trong danh sách"),
    ("song", "moved_away", "Đã chuyển đi nơi khác"),
]


def _cleanup_week(
    store, rng, monday, today, people, villages, officers, user, first_statuses
) -> int:
    made = 0
    for _ in range(rng.randint(2, 7)):
        opened = monday + timedelta(days=rng.randint(0, 6))
        if opened > today:
            continue
        criterion, error_type, description = rng.choice(_ERRORS)
        person = rng.choice(people)
        # The first cases take each status in turn so every demo shows all of them.
        status = (
            first_statuses.pop(0)
            if first_statuses and opened <= today - timedelta(days=1)
            else (_weighted(rng, [("open", 3), ("verified", 2), ("corrected", 4), ("rejected", 1)]))
        )
        closed = None
        if status in ("corrected", "rejected"):
            closed = min(today, opened + timedelta(days=rng.randint(0, 20)))
        store.save_record(
            "cleanup_case",
            {
                "citizen": person.uuid,
                "village": person["village"],
                "criterion": criterion,
                "error_type": error_type,
                "description": description,
                "current_value": None,
                "corrected_value": "Đã cập nhật theo giấy tờ" if status == "corrected" else None,
                "status": status,
                "opened_on": opened,
                "closed_on": closed,
                "officer": rng.choice(officers).uuid,
                "source": "manual",
            },
            user=user,
        )
        made += 1
    return made


def _support_week(store, rng, monday, today, villages, officers, user) -> int:
    made = 0
    for _ in range(rng.randint(1, 5)):
        held = monday + timedelta(days=rng.randint(0, 6))
        if held > today:
            continue
        types = rng.sample(
            ["vneid", "documents", "online_service", "cashless"], k=rng.randint(1, 3)
        )
        helped = rng.randint(3, 60)
        village = rng.choice(villages)
        store.save_record(
            "support_session",
            {
                "held_on": held,
                "village": village.uuid,
                "place": f"Nhà văn hóa {village['name']}",
                "officer": rng.choice(officers).uuid,
                "support_types": types,
                "public_service": rng.choice(
                    [
                        "birth_registration",
                        "residence_registration",
                        "birth_residence_health",
                        "death_residence_funeral",
                        "judicial_record",
                    ]
                )
                if "online_service" in types
                else None,
                "citizens_helped": helped,
                "women_helped": rng.randint(0, helped),
                "elderly_helped": rng.randint(0, helped // 3),
                "minority_helped": rng.randint(0, helped // 2),
                "notes": None,
            },
            user=user,
        )
        made += 1
    return made
