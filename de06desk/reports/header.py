"""Who issues the weekly report: the letterhead, number, place line, signer and recipients.

A commune takes all of it from its profile (the singleton `commune` form). A hub has no
profile form of its own — `hub init` stores only its code and name — so its letterhead is
derived from those, and the profiles the communes sent up.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.text import printable
from de06desk.domain.units import Commune, get_commune
from de06desk.store import Record, Store

# Every official document ends its list of recipients with the file copy (Decree 30, Annex I).
FILE_COPY = "Lưu: VT."
NO_BREAK_SPACE = "\u00a0"
HUB_SIGNER_TITLE = "THỦ TRƯỞNG ĐƠN VỊ"
# "12", "125/2026": a document number is short; a longer one cannot fit the letterhead's column.
MAX_NUMBER_LENGTH = 20
HUB_RECIPIENTS = ("Lãnh đạo đơn vị (để báo cáo);", "Các xã, phường trên địa bàn (để thực hiện);")


@dataclass(frozen=True)
class ReportHeader:
    """The parts of a report that are not figures; printed around the summary."""

    parent_body: str  # "CÔNG AN TỈNH LÀO CAI"; blank when the unit has none above it
    unit_name: str  # "CÔNG AN XÃ TẢ VAN"
    place_name: str  # "Tả Van" on the date line
    report_code: str  # "BC-CAX" → "Số: 12/BC-CAX"
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...] = ()
    number: str = ""  # blank: left for the clerk to write in by hand
    report_date: date = field(default_factory=date.today)
    # The unit the figures are about when it is not the issuer (a hub printing one commune).
    about: str = ""

    @property
    def number_line(self) -> str:
        """ "Số: 12/BC-CAX", or "Số:        /BC-CAX" with room to write the number in."""
        code = self.report_code.strip() or "BC"
        if not code.upper().startswith("BC"):
            code = f"BC-{code}"
        # No-break spaces: a paragraph would fold ordinary ones into one, leaving no room.
        return f"Số: {self.number.strip() or NO_BREAK_SPACE * 8}/{code}"

    @property
    def date_line(self) -> str:
        """ "Tả Van, ngày 05 tháng 3 năm 2026".

        Decree 30 writes a leading zero only on days below 10 and on months 1 and 2.
        """
        d = self.report_date
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        place = self.place_name.strip()
        prefix = f"{place}, ngày" if place else "Ngày"
        return f"{prefix} {d.day:02d} tháng {month} năm {d.year}"

    @property
    def recipient_lines(self) -> list[str]:
        """Recipients as printed, each after a dash, ending with the file copy."""
        lines = [r for r in self.recipients if r.strip()]
        if not any(r.strip().lower().startswith("lưu") for r in lines):
            lines.append(FILE_COPY)
        return [f"- {r.strip()}" for r in lines]


def split_recipients(text: str | None) -> tuple[str, ...]:
    """The profile's recipients (one per line, dashes optional) as a tuple of lines."""
    out = []
    for line in (text or "").splitlines():
        cleaned = line.strip().lstrip("-–•+").strip()
        if cleaned:
            out.append(cleaned)
    return tuple(out)


def report_header(
    store: Store, unit_code: str | None = None, *, number: str = "", today: date | None = None
) -> ReportHeader:
    """The header for a report from this database.

    At a commune: its profile. At a hub: the hub's own letterhead; with `unit_code` (a report
    on one commune) the hub still issues it and the commune is named in the subject.
    """
    number = number.strip()
    if len(number) > MAX_NUMBER_LENGTH or not number.isprintable():
        raise DomainError(
            msg(
                "Số văn bản “{n}” không hợp lệ: tối đa {m} ký tự, không ký tự điều khiển.",
                "Document number “{n}” is invalid: at most {m} characters, no control characters.",
                n=printable(number, 30),
                m=MAX_NUMBER_LENGTH,
            )
        )
    today = today or date.today()
    if store.role == "hub":
        header = _hub_header(store, today)
        if unit_code and unit_code != store.unit_code:
            header = replace(header, about=_commune_display_name(store, unit_code))
    else:
        header = _commune_header(store, today)
    return replace(header, number=number) if number else header


def _profile(store: Store, unit_code: str) -> Record | None:
    profiles = store.list_records("commune", where={"unit_code": unit_code}, limit=1)
    return profiles[0] if profiles else None


def _official(code: str) -> Commune | None:
    try:
        return get_commune(code)
    except DomainError:
        return None


def _commune_header(store: Store, today: date) -> ReportHeader:
    profile = _profile(store, store.unit_code)
    if profile is None:
        # A database made before the profile form existed: fall back to the official names.
        found = store.list_records("commune", limit=1)
        profile = found[0] if found else None
    if profile is not None:
        return ReportHeader(
            parent_body=str(profile.get("parent_body") or "").upper(),
            unit_name=str(profile.get("unit_name") or store.unit_code).upper(),
            place_name=str(profile.get("place_name") or ""),
            report_code=str(profile.get("report_code") or "BC-CAX"),
            signer_title=str(profile.get("signer_title") or "").upper(),
            signer_name=str(profile.get("signer_name") or ""),
            recipients=split_recipients(profile.get("recipients")),
            report_date=today,
        )
    commune = _official(store.unit_code)
    return ReportHeader(
        parent_body=f"CÔNG AN {commune.province_name.upper()}" if commune else "",
        unit_name=f"CÔNG AN {commune.name.upper()}" if commune else store.unit_code,
        place_name=commune.name.split(" ", 1)[-1] if commune else "",
        report_code="BC-CAX",
        signer_title=f"TRƯỞNG CÔNG AN {commune.type.upper()}" if commune else "",
        signer_name="",
        report_date=today,
    )


def _hub_header(store: Store, today: date) -> ReportHeader:
    name = store.get_meta("unit_name") or store.unit_code
    return ReportHeader(
        parent_body="",
        unit_name=name.upper(),
        place_name=_place_in_name(name) or _hub_place(store),
        report_code=f"BC-{_name_code(name)}" if _name_code(name) else "BC",
        signer_title=HUB_SIGNER_TITLE,
        signer_name="",
        recipients=HUB_RECIPIENTS,
        report_date=today,
    )


# Words that end a unit's kind and start its place: "Công an tỉnh | Lào Cai".
_PLACE_STARTS = ("thành phố", "tỉnh", "đặc khu", "phường", "xã", "huyện", "quận", "thị xã")


def _split_name(name: str) -> tuple[str, str]:
    """("Công an tỉnh", "Lào Cai") from "Công an tỉnh Lào Cai"; ("…", "") if no place."""
    words = name.split()
    lowered = [w.lower() for w in words]
    for i in range(len(words)):
        for start in _PLACE_STARTS:
            n = len(start.split())
            if lowered[i : i + n] == start.split() and i + n < len(words):
                return " ".join(words[: i + n]), " ".join(words[i + n :])
    return name.strip(), ""


def _place_in_name(name: str) -> str:
    """The place a hub is named after: "Lào Cai" of "Công an tỉnh Lào Cai"."""
    return _split_name(name)[1]


def _name_code(name: str) -> str:
    """The issuer's abbreviation after "BC-": initials of its kind ("Công an tỉnh" → "CAT")."""
    kind = _split_name(name)[0]
    letters = "".join(w[0] for w in kind.split() if w[0].isalpha())
    return letters.upper()[:6]


def _hub_place(store: Store) -> str:
    """The province the hub's communes share ("Lào Cai"), or blank when they differ."""
    provinces = set()
    for profile in store.list_records("commune", limit=200):
        commune = _official(str(profile.get("commune_code") or profile.unit_code))
        if commune is not None:
            provinces.add(commune.province_name)
    if len(provinces) != 1:
        return ""
    province = provinces.pop()
    for prefix in ("Thành phố ", "Tỉnh "):
        if province.startswith(prefix):
            return province[len(prefix) :]
    return province


def _commune_display_name(store: Store, unit_code: str) -> str:
    profile = _profile(store, unit_code)
    commune = _official(unit_code)
    if commune is not None:
        return commune.name
    if profile is not None and profile.get("unit_name"):
        return str(profile["unit_name"])
    return unit_code
