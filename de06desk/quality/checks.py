"""Data-quality checks ("đúng, đủ, sạch, sống") over citizens and drive rosters.

`run_checks` returns one `Finding` per problem, each with its criterion, the record(s) it is
about, a plain explanation, and the values a cleanup case for it would start with;
`open_cleanup_case` turns a finding into that case. Grouping by ID number and by phone is
done in SQL (store.quality_queries); names are folded once per citizen in Python.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, TypedDict

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.idnumber import check_id_consistency, parse_id_number
from de06desk.domain.phone import MOBILE_PREFIXES, normalize_phone
from de06desk.domain.text import fold
from de06desk.domain.weeks import format_date
from de06desk.store import Record, Store
from de06desk.store import quality_queries as q

Criterion = Literal["dung", "du", "sach", "song"]

# Check id → (criterion, cleanup-case error type), in the order findings are listed.
CHECKS: dict[str, tuple[Criterion, str]] = {
    "id_invalid": ("dung", "other"),
    "id_mismatch": ("dung", "id_inconsistent"),
    "phone_invalid": ("dung", "phone"),
    "missing_fields": ("du", "missing_field"),
    "roster_activated_no_phone": ("du", "missing_field"),
    "id_duplicate": ("sach", "duplicate_person"),
    "probable_duplicate": ("sach", "duplicate_person"),
    "phone_shared": ("sach", "phone"),
    "over_110_living": ("song", "deceased_listed"),
    "approval_not_activated": ("song", "other"),
}
CHECK_LABELS: dict[str, Msg] = {
    "id_invalid": Msg("Số định danh không hợp lệ", "Invalid ID number"),
    "id_mismatch": Msg("Số định danh không khớp năm sinh/giới tính", "ID vs birth year/sex"),
    "phone_invalid": Msg("Số điện thoại sai", "Invalid phone"),
    "missing_fields": Msg("Thiếu thông tin", "Missing information"),
    "roster_activated_no_phone": Msg(
        "Đã kích hoạt nhưng thiếu số điện thoại", "Activated, no phone"
    ),
    "id_duplicate": Msg("Trùng số định danh", "Duplicate ID number"),
    "probable_duplicate": Msg("Có thể trùng nhân khẩu", "Probable duplicate person"),
    "phone_shared": Msg("Một số điện thoại nhiều người dùng", "Phone shared by many"),
    "over_110_living": Msg("Trên 110 tuổi vẫn ghi đang cư trú", "Over 110, listed as living"),
    "approval_not_activated": Msg(
        "Đã phê duyệt lâu chưa kích hoạt", "Approved long ago, not activated"
    ),
}
CRITERION_LABELS: dict[str, Msg] = {
    "dung": Msg("Đúng", "Correct"),
    "du": Msg("Đủ", "Complete"),
    "sach": Msg("Sạch", "Clean"),
    "song": Msg("Sống", "Current"),
}

# A 12-digit ID card is due at 14 (Law on Identification 2023), so adults need an ID number.
ID_CARD_AGE = 14
# "Adults" for shared phones: a SIM must be registered to someone aged 18 or more.
ADULT_AGE = 18
SHARED_PHONE_MIN = 3
MAX_PLAUSIBLE_AGE = 110


@dataclass(frozen=True)
class Finding:
    """One problem found by a check, about one record or a group of records.

    `record_uuids` are records of `form_id` (the first is the main one); `citizen_uuid` is
    the citizen a cleanup case would be about. `error_type`, `description` and
    `current_value` pre-fill that case. `open_case` is the UUID of a cleanup case already
    open for this citizen and error type, if any.
    """

    check: str
    criterion: Criterion
    form_id: str
    record_uuids: tuple[str, ...]
    citizen_uuid: str | None
    village_uuid: str | None
    name: str
    message: Msg
    error_type: str
    description: str
    current_value: str
    open_case: str | None = None

    def as_dict(self) -> dict[str, object]:
        """Stable JSON-ready form (keys never renamed; message in both languages)."""
        return {
            "check": self.check,
            "criterion": self.criterion,
            "form_id": self.form_id,
            "record_uuids": list(self.record_uuids),
            "citizen_uuid": self.citizen_uuid,
            "village_uuid": self.village_uuid,
            "name": self.name,
            "message_vi": self.message.vi,
            "message_en": self.message.en,
            "error_type": self.error_type,
            "description": self.description,
            "current_value": self.current_value,
            "open_case": self.open_case,
        }


def _min_age(birth_date: date | None, birth_year: int | None, today: date) -> int | None:
    """The age the person has certainly reached (year only: assume born on 31 December)."""
    if birth_date is not None:
        had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
        return today.year - birth_date.year - (0 if had_birthday else 1)
    if birth_year is not None:
        return today.year - birth_year - 1
    return None


def _year(row: q.CitizenRow) -> int | None:
    return row.birth_date.year if row.birth_date else row.birth_year


def _birth_text(birth_date: date | None, birth_year: int | None) -> str:
    if birth_date:
        return format_date(birth_date)
    return str(birth_year) if birth_year else ""


_SEX_VI = {"male": "Nam", "female": "Nữ"}


def _family_name(folded_name: str) -> str:
    return folded_name.split(" ", 1)[0] if folded_name else ""


class _About(TypedDict):
    """What every finding on one record says about it (`_Builder.add`'s keywords)."""

    form_id: str
    records: Iterable[str]
    citizen: str | None
    village: str | None
    name: str


class _Builder:
    """Collects findings with the criterion and error type each check id implies."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(
        self,
        check: str,
        *,
        form_id: str,
        records: Iterable[str],
        citizen: str | None,
        village: str | None,
        name: str,
        message: Msg,
        description: str,
        current_value: str = "",
    ) -> None:
        criterion, error_type = CHECKS[check]
        self.findings.append(
            Finding(
                check=check,
                criterion=criterion,
                form_id=form_id,
                record_uuids=tuple(records),
                citizen_uuid=citizen,
                village_uuid=village,
                name=name,
                message=message,
                error_type=error_type,
                description=description[:300],
                current_value=current_value[:200],
            )
        )


# An approval older than this many days never activated is reported; ten years bounds the typing.
MAX_APPROVAL_DAYS = 3650


def check_approval_days(days: int) -> int:
    """`days` if it is a usable "approved but not activated after N days" threshold."""
    if not 1 <= days <= MAX_APPROVAL_DAYS:
        raise DomainError(
            msg(
                "Số ngày phải từ 1 đến {m}.",
                "The number of days must be 1 to {m}.",
                m=MAX_APPROVAL_DAYS,
            )
        )
    return days


def run_checks(
    store: Store, *, today: date | None = None, approval_days: int = 30
) -> list[Finding]:
    """Every data-quality problem in the database, ordered by check then record.

    Checks: ID number invalid or inconsistent with birth year/sex; duplicate ID numbers;
    probable duplicate persons (same folded name and birth in a village, IDs differing or
    missing); missing ID (from age 14), sex or birth; invalid phones; a phone shared by at
    least 3 adults of different family names; people over 110 listed as living; roster rows
    activated without a phone; approvals older than `approval_days` never activated.
    """
    check_approval_days(approval_days)
    today = today or date.today()
    citizens = q.citizen_rows(store)
    by_uuid = {c.uuid: c for c in citizens}
    folded = {c.uuid: fold(c.full_name) for c in citizens}
    out = _Builder()
    _per_citizen_checks(out, citizens, today)
    _duplicate_checks(out, store, citizens, by_uuid, folded)
    _shared_phones(out, store, by_uuid, folded, today)
    _roster_checks(out, store, today, approval_days)
    order = {check: i for i, check in enumerate(CHECKS)}
    findings = sorted(out.findings, key=lambda f: order[f.check])
    open_cases = q.open_case_keys(store)
    return [_with_open_case(f, open_cases) for f in findings]


def _with_open_case(finding: Finding, open_cases: dict[tuple[str, str], str]) -> Finding:
    if finding.citizen_uuid is None:
        return finding
    case = open_cases.get((finding.citizen_uuid, finding.error_type))
    if case is None:
        return finding
    return replace(finding, open_case=case)


@lru_cache(maxsize=4096)
def _id_prefix(prefix: str) -> tuple[str, int] | None:
    """(sex, birth year) that a valid ID number starting with these 6 digits encodes."""
    try:
        info = parse_id_number(prefix + "000000")
    except DomainError:
        return None
    return (info.sex or "", info.birth_year or 0)


def _id_looks_consistent(number: str, year: int | None, sex: str | None) -> bool:
    """Fast path for the usual case: a well-formed ID agreeing with birth year and sex.

    Validity, sex and birth year depend only on the first 6 digits, so they are decoded once
    per prefix; anything else goes through the full (slower, message-making) checks.
    """
    if len(number) != 12 or not number.isdigit():
        return False
    decoded = _id_prefix(number[:6])
    if decoded is None:
        return False
    id_sex, id_year = decoded
    return (year is None or year == id_year) and (sex not in ("male", "female") or sex == id_sex)


def _phone_looks_right(phone: str) -> bool:
    """Fast path: already the 10-digit form with a mobile prefix in use."""
    return len(phone) == 10 and phone.isdigit() and phone[:3] in MOBILE_PREFIXES


def _per_citizen_checks(out: _Builder, citizens: list[q.CitizenRow], today: date) -> None:
    for c in citizens:
        common: _About = {
            "form_id": "citizen",
            "records": (c.uuid,),
            "citizen": c.uuid,
            "village": c.village,
            "name": c.full_name,
        }
        year = _year(c)
        if c.id_number and not _id_looks_consistent(c.id_number, year, c.sex):
            try:
                info = parse_id_number(c.id_number, allow_cmnd=True)
            except DomainError as exc:
                out.add(
                    "id_invalid",
                    **common,
                    message=exc.message,
                    description=f"Số định danh không hợp lệ: {exc.message.vi}",
                    current_value=c.id_number,
                )
            else:
                problems = check_id_consistency(info, birth_year=year, sex=c.sex)
                if problems:
                    joined = Msg(" ".join(p.vi for p in problems), " ".join(p.en for p in problems))
                    out.add(
                        "id_mismatch",
                        **common,
                        message=joined,
                        description=joined.vi,
                        current_value="; ".join(
                            [
                                c.id_number,
                                _birth_text(c.birth_date, c.birth_year),
                                _SEX_VI.get(c.sex or "", ""),
                            ]
                        ),
                    )
        if c.phone and not _phone_looks_right(c.phone):
            try:
                normalized = normalize_phone(c.phone)
            except DomainError as exc:
                out.add(
                    "phone_invalid",
                    **common,
                    message=exc.message,
                    description=f"Số điện thoại sai: {exc.message.vi}",
                    current_value=c.phone,
                )
            else:
                if normalized != c.phone:
                    out.add(
                        "phone_invalid",
                        **common,
                        message=msg(
                            "Số điện thoại {p} đang ghi theo dạng cũ; số đúng là {n}.",
                            "Phone {p} is written in an old form; the current number is {n}.",
                            p=c.phone,
                            n=normalized,
                        ),
                        description=f"Số điện thoại ghi dạng cũ, cần đổi thành {normalized}",
                        current_value=c.phone,
                    )
        living = (c.living_status or "living") == "living"
        age = _min_age(c.birth_date, c.birth_year, today)
        missing_vi: list[str] = []
        missing_en: list[str] = []
        if not c.id_number and living and age is not None and age >= ID_CARD_AGE:
            missing_vi.append("số định danh")
            missing_en.append("ID number")
        if not c.sex:
            missing_vi.append("giới tính")
            missing_en.append("sex")
        if year is None:
            missing_vi.append("ngày/năm sinh")
            missing_en.append("date or year of birth")
        if missing_vi:
            out.add(
                "missing_fields",
                **common,
                message=msg(
                    "Hồ sơ thiếu: {f}. Hãy bổ sung theo giấy tờ của công dân.",
                    "The record lacks: {g}. Fill it in from the citizen's papers.",
                    f=", ".join(missing_vi),
                    g=", ".join(missing_en),
                ),
                description="Thiếu " + ", ".join(missing_vi),
            )
        if living and age is not None and age > MAX_PLAUSIBLE_AGE:
            out.add(
                "over_110_living",
                **common,
                message=msg(
                    "Công dân sinh {b} đã trên {n} tuổi nhưng vẫn ghi đang cư trú. Hãy xác minh "
                    "còn sống hay đã mất.",
                    "Born {b}, over {n} years old, yet listed as living here. Check whether "
                    "the person is alive.",
                    b=_birth_text(c.birth_date, c.birth_year),
                    n=MAX_PLAUSIBLE_AGE,
                ),
                description=f"Trên {MAX_PLAUSIBLE_AGE} tuổi vẫn ghi đang cư trú, cần xác minh",
                current_value=_birth_text(c.birth_date, c.birth_year),
            )


def _duplicate_checks(
    out: _Builder,
    store: Store,
    citizens: list[q.CitizenRow],
    by_uuid: dict[str, q.CitizenRow],
    folded: dict[str, str],
) -> None:
    for group in q.duplicate_id_groups(store):
        first = by_uuid[group[0]]
        names = "; ".join(by_uuid[u].full_name for u in group)
        out.add(
            "id_duplicate",
            form_id="citizen",
            records=group,
            citizen=first.uuid,
            village=first.village,
            name=first.full_name,
            message=msg(
                "Số định danh {n} đang ghi cho {k} hồ sơ: {names}. Một người chỉ có một số "
                "định danh; hãy xác định hồ sơ đúng và xử lý hồ sơ thừa.",
                "ID number {n} is on {k} records: {names}. A person has one ID number; find "
                "the right record and deal with the others.",
                n=first.id_number,
                k=len(group),
                names=names,
            ),
            description=f"Số định danh {first.id_number} trùng ở {len(group)} hồ sơ: {names}",
            current_value=first.id_number or "",
        )
    # Same folded name and birth year in a village; within that, full dates must agree.
    candidates: dict[tuple[str, str, int], list[q.CitizenRow]] = defaultdict(list)
    for c in citizens:
        year = _year(c)
        if c.village and year is not None and folded[c.uuid]:
            candidates[(c.village, folded[c.uuid], year)].append(c)
    for group in candidates.values():
        if len(group) < 2:
            continue
        for cluster in _date_clusters(group):
            ids = {c.id_number for c in cluster}
            # All with one same ID number: already reported as a duplicate ID.
            if len(cluster) < 2 or (len(ids) == 1 and None not in ids):
                continue
            first = cluster[0]
            birth = _birth_text(first.birth_date, first.birth_year)
            ids_text = ", ".join(c.id_number or "(không có)" for c in cluster)
            out.add(
                "probable_duplicate",
                form_id="citizen",
                records=[c.uuid for c in cluster],
                citizen=first.uuid,
                village=first.village,
                name=first.full_name,
                message=msg(
                    "{k} hồ sơ cùng tên “{name}”, cùng sinh {b}, cùng thôn nhưng số định danh "
                    "khác nhau hoặc thiếu ({ids}). Có thể là một người bị ghi hai lần.",
                    "{k} records share the name “{name}”, birth {b} and village but have "
                    "different or missing ID numbers ({ids}). It may be one person entered twice.",
                    k=len(cluster),
                    name=first.full_name,
                    b=birth,
                    ids=ids_text,
                ),
                description=f"Có thể trùng nhân khẩu: {len(cluster)} hồ sơ “{first.full_name}” "
                f"sinh {birth}",
                current_value=ids_text,
            )


def _date_clusters(group: list[q.CitizenRow]) -> list[list[q.CitizenRow]]:
    """Split people of one name/year by full birth date; year-only people join the only
    date there is (with two different dates, it is unknown which one they would match)."""
    dated: dict[date, list[q.CitizenRow]] = defaultdict(list)
    undated: list[q.CitizenRow] = []
    for c in group:
        (dated[c.birth_date] if c.birth_date else undated).append(c)
    if not dated:
        return [undated]
    if len(dated) == 1:
        only = next(iter(dated.values()))
        return [sorted(only + undated, key=group.index)]
    return list(dated.values())


def _shared_phones(
    out: _Builder,
    store: Store,
    by_uuid: dict[str, q.CitizenRow],
    folded: dict[str, str],
    today: date,
) -> None:
    for phone, uuids in q.shared_phone_groups(store, SHARED_PHONE_MIN).items():
        adults = [
            by_uuid[u]
            for u in uuids
            if (age := _min_age(by_uuid[u].birth_date, by_uuid[u].birth_year, today)) is not None
            and age >= ADULT_AGE
        ]
        families = Counter(_family_name(folded[c.uuid]) for c in adults)
        # Different family names stand for "unrelated": a married couple keeps two names and
        # their children share one, so a family alone rarely reaches three.
        if len(families) < SHARED_PHONE_MIN:
            continue
        first = adults[0]
        names = "; ".join(c.full_name for c in adults)
        out.add(
            "phone_shared",
            form_id="citizen",
            records=[c.uuid for c in adults],
            citizen=first.uuid,
            village=first.village,
            name=first.full_name,
            message=msg(
                "Số điện thoại {p} đang ghi cho {k} người lớn khác họ: {names}. Tài khoản định "
                "danh điện tử cần số thuê bao đứng tên chính người dân; hãy hỏi lại số của "
                "từng người.",
                "Phone {p} is on {k} adults with different family names: {names}. An e-ID "
                "account needs a SIM in the citizen's own name; ask each person for their number.",
                p=phone,
                k=len(adults),
                names=names,
            ),
            description=f"Số điện thoại {phone} dùng chung cho {len(adults)} người: {names}",
            current_value=phone,
        )


def _roster_checks(out: _Builder, store: Store, today: date, approval_days: int) -> None:
    for r in q.roster_activated_without_phone(store):
        out.add(
            "roster_activated_no_phone",
            form_id="drive_roster",
            records=(r.uuid,),
            citizen=r.citizen,
            village=r.village,
            name=r.full_name,
            message=msg(
                "Tài khoản của {name} ghi đã kích hoạt nhưng không có số điện thoại kích hoạt. "
                "Hãy bổ sung số thuê bao đã dùng để kích hoạt.",
                "{name}'s account is marked activated but has no activation phone. Add the "
                "number used to activate it.",
                name=r.full_name,
            ),
            description="Đã kích hoạt VNeID nhưng thiếu số điện thoại kích hoạt",
        )
    cutoff = today - timedelta(days=approval_days)
    for r in q.roster_approved_before(store, cutoff):
        days = (today - r.approved_on).days if r.approved_on else approval_days
        approved = format_date(r.approved_on)
        out.add(
            "approval_not_activated",
            form_id="drive_roster",
            records=(r.uuid,),
            citizen=r.citizen,
            village=r.village,
            name=r.full_name,
            message=msg(
                "Tài khoản của {name} được phê duyệt từ {d} ({n} ngày) nhưng chưa kích hoạt. "
                "Hãy liên hệ để hướng dẫn kích hoạt.",
                "{name}'s account was approved on {d} ({n} days ago) but never activated. "
                "Contact them to help activate it.",
                name=r.full_name,
                d=approved,
                n=days,
            ),
            description=f"Phê duyệt ngày {approved}, sau {days} ngày chưa kích hoạt",
            current_value=approved,
        )


def summary_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Check id → number of findings, with every check present (0 when clean)."""
    counts = dict.fromkeys(CHECKS, 0)
    for finding in findings:
        counts[finding.check] += 1
    return counts


class CaseAlreadyOpen(DomainError):
    """A cleanup case for this citizen and error type is still open; `case` is that case."""

    def __init__(self, case: Record) -> None:
        super().__init__(
            msg(
                "Đã có hồ sơ làm sạch đang mở cho công dân này với cùng loại sai sót "
                "(mở ngày {d}).",
                "A cleanup case for this citizen and error type is already open (opened {d}).",
                d=format_date(case.get("opened_on")),
            )
        )
        self.case = case


def open_cleanup_case(
    store: Store, finding: Finding, user: str, *, today: date | None = None
) -> Record:
    """Save a cleanup case pre-filled from `finding` (source "automatic check").

    Raises `CaseAlreadyOpen` when a case for the same citizen and error type is still open
    or verified, and `DomainError` when the finding has no village to file it under.
    """
    if finding.citizen_uuid:
        for case in store.list_records(
            "cleanup_case",
            where={"citizen": finding.citizen_uuid, "error_type": finding.error_type},
        ):
            if case["status"] in ("open", "verified"):
                raise CaseAlreadyOpen(case)
    if not finding.village_uuid:
        raise DomainError(
            msg(
                "Công dân chưa có thôn/xóm nên chưa mở được hồ sơ làm sạch; hãy bổ sung thôn/xóm.",
                "The citizen has no village, so no cleanup case can be opened; add the village.",
            )
        )
    return store.save_record(
        "cleanup_case",
        {
            "citizen": finding.citizen_uuid,
            "village": finding.village_uuid,
            "criterion": finding.criterion,
            "error_type": finding.error_type,
            "description": finding.description,
            "current_value": finding.current_value or None,
            "status": "open",
            "opened_on": today or date.today(),
            "source": "check",
        },
        user=user,
    )
