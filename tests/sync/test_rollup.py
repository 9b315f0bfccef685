"""Figures upward: communes → district hub → province hub → national hub, by real packages.

Two demo communes and a silent one report to a district hub (records); the district sends
summary packages to a province that also trusts a second district that never sends; the
province sends to a national hub. At every tier every declared figure equals the sum of the
tier below, the report ranks hubs and communes and lists the silent ones, and no package
above the district holds a name, an ID number or a phone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from de06desk.domain.i18n import DomainError
from de06desk.domain.weeks import month_period, parse_week
from de06desk.reports import figures as fig
from de06desk.reports.header import report_header
from de06desk.reports.pdf import render_pdf
from de06desk.reports.rollup import export_summary, import_summaries
from de06desk.reports.summary import as_of_day, build_summary, hub_communes
from de06desk.reports.xlsx import write_xlsx
from de06desk.store import Store
from de06desk.store.sync_state import get_peer
from de06desk.sync import (
    export_package,
    import_packages,
    init_hub,
    public_key_file,
    set_hub,
    trust_commune,
)
from de06desk.sync.keys import load_own_keys
from de06desk.sync.package import SUMMARY_NAME, open_package, read_header, recipient_key
from tests.conftest import DEMO_TODAY, connect
from tests.reports.samples import pdf_text

WEEK = parse_week("2026-W47")
PERSONAL = {"citizen": ("full_name", "id_number", "phone"), "officer": ("full_name", "phone")}
SILENT = "00012"


def _login() -> str:
    return "canbo"


@dataclass
class Chain:
    communes: list[Store]
    district: Store
    province: Store
    national: Store
    quiet_district: Store
    packages: list[Path]


def _link(lower: Store, upper: Store) -> None:
    set_hub(lower, public_key_file(upper), user="admin")
    trust_commune(upper, public_key_file(lower), user="admin")


def _send(lower: Store, upper: Store, usb: Path, weeks: int = 3) -> Path:
    done = export_summary(lower, usb, weeks=weeks, today=DEMO_TODAY)
    outcomes = import_summaries(upper, [done.result.path], authorize=_login)
    assert [o.status for o in outcomes] == ["applied"], outcomes[0].message
    return done.result.path


@pytest.fixture
def chain(hub: Store, commune: Store, second_commune: Store, tmp_path: Path) -> Iterator[Chain]:
    silent = Store.create(tmp_path / "silent.db", unit_code=SILENT)
    connect(hub, silent)
    usb = tmp_path / "usb"
    sent = [export_package(c, usb) for c in (commune, second_commune)]
    paths = [s.path for s in sent if s is not None]
    assert all(o.status == "applied" for o in import_packages(hub, paths))
    province = init_hub(tmp_path / "p.db", unit_code="P01", name="Công an tỉnh Thử")
    national = init_hub(tmp_path / "n.db", unit_code="VN", name="Ban chỉ đạo quốc gia")
    quiet = init_hub(tmp_path / "d2.db", unit_code="D02", name="Công an huyện Lặng")
    _link(hub, province)
    _link(quiet, province)
    _link(province, national)
    packages = [_send(hub, province, usb), _send(province, national, usb)]
    yield Chain(
        sorted([commune, second_commune, silent], key=lambda s: s.unit_code),
        hub,
        province,
        national,
        quiet,
        packages,
    )
    for store in (silent, province, national, quiet):
        store.close()


def _area(store: Store) -> fig.UnitFigures:
    """A hub's area figures for the week, from what it holds: its own communes' records and
    what hubs below sent (the report's own code path)."""
    as_of = as_of_day(WEEK, DEMO_TODAY)
    own = hub_communes(store, WEEK, as_of)
    below = [r.figures for r in fig.received(store, WEEK.start)]
    return fig.merge(store.forms, store.unit_code, store.unit_code, [*own, *below])


def test_every_figure_at_every_tier_is_the_sum_of_the_tier_below(chain: Chain) -> None:
    as_of = as_of_day(WEEK, DEMO_TODAY)
    communes = [
        fig.unit_figures(c.forms, fig.gather(c, fig.Span.of(WEEK, as_of), None), c.unit_code, "")
        for c in chain.communes
    ]
    tiers = [_area(s) for s in (chain.district, chain.province, chain.national)]
    for figure in fig.FIGURES:
        expected = fig.merge(chain.district.forms, "x", "x", communes).total(figure.name)
        for tier in tiers:
            assert tier.total(figure.name) == expected, figure.name
    assert tiers[0].eid_total(fig.CUM, fig.ACTIVATED) > 0
    # The national hub holds each commune once, through the province and the district.
    held = fig.received(chain.national, WEEK.start)
    assert sorted(r.figures.unit_code for r in held) == [c.unit_code for c in chain.communes]
    assert {(r.sender, r.via) for r in held} == {("P01", ("HN01",))}


def test_the_upper_reports_rank_hubs_and_communes_and_list_the_silent(
    chain: Chain, tmp_path: Path
) -> None:
    district = build_summary(chain.district, WEEK, today=DEMO_TODAY)
    province = build_summary(chain.province, WEEK, today=DEMO_TODAY)
    national = build_summary(chain.national, WEEK, today=DEMO_TODAY)
    # The area's figures are the district's at every tier.
    for upper in (province, national):
        assert [(h.key, h.value, h.previous, h.target) for h in upper.headlines] == [
            (h.key, h.value, h.previous, h.target) for h in district.headlines
        ]
        for key in ("eid_overview", "eid_drives", "cleanup_overview", "support_by_type"):
            assert upper.table(key).rows == district.table(key).rows, key
        # Communes known only from a hub below are ranked, not laid out one by one.
        assert upper.units == ()
        ranked = {r[1]: r[2:] for r in upper.table("ranking").rows}
        assert ranked == {r[1]: r[2:] for r in district.table("ranking").rows}
    ranking = {row[1]: row for row in province.table("ranking_hubs").rows}
    assert set(ranking) == {"Công an Thành phố Hà Nội", "Công an huyện Lặng"}
    assert ranking["Công an huyện Lặng"][-1] == "Chưa có số liệu"
    assert [r[1] for r in national.table("ranking_hubs").rows] == ["Công an tỉnh Thử"]
    communes = national.table("ranking").rows
    assert len(communes) == 3 and [r for r in communes if r[-1] == "Chưa có số liệu"]
    text = " ".join(province.sections[0].paragraphs)
    assert "chưa gửi số liệu kỳ này: Công an huyện Lặng." in text
    # The official files carry the rankings.
    header = report_header(chain.national, today=DEMO_TODAY)
    pdf = render_pdf(national, header, tmp_path / "n.pdf")
    printed = pdf_text(pdf)
    assert "Xếp hạng các đơn vị cấp dưới" in printed and "Công an tỉnh Thử" in printed
    book = openpyxl.load_workbook(write_xlsx(national, header, tmp_path / "n.xlsx"))
    cells = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert "Công an tỉnh Thử" in cells and any("Xếp hạng các đơn vị cấp dưới" in c for c in cells)
    # A month cannot be reported from weekly figures alone.
    with pytest.raises(DomainError, match="tuần"):
        build_summary(chain.national, month_period(2026, 11), today=DEMO_TODAY)


def _plaintext(store: Store, path: Path) -> bytes:
    data = path.read_bytes()
    header, aad = read_header(data)
    own, signer = load_own_keys(store), get_peer(store, header.sender)
    assert own is not None and signer is not None
    key = recipient_key(header, own.agreement)
    return open_package(data, header, aad, key, signer.signing_key).member(SUMMARY_NAME)


def test_no_personal_data_goes_above_the_district(chain: Chain) -> None:
    secrets: set[str] = set()
    for store in chain.communes:
        for form, fields in PERSONAL.items():
            for record in store.list_records(form):
                secrets |= {str(record.get(f)) for f in fields if record.get(f)}
    assert len(secrets) > 100
    for package, store in zip(chain.packages, (chain.province, chain.national), strict=True):
        plain = _plaintext(store, package)
        text = plain.decode("utf-8")
        assert text.count("\n") >= 3 * 3  # three weeks of three communes at least
        found = sorted(s for s in secrets if s in text)
        assert not found, found[:5]
        # Not even encoded otherwise: every line is figures of a commune.
        for line in text.splitlines():
            assert set(json.loads(line)) == {"week", "as_of", "via", "unit"}


def test_summary_packages_are_refused_where_they_do_not_belong(
    chain: Chain, tmp_path: Path
) -> None:
    package = chain.packages[0]  # district → province
    # Again: already imported, nothing changes.
    again = import_summaries(chain.province, [package], authorize=_login)
    assert again[0].status == "already"
    # At the national hub (encrypted for the province), and at a commune.
    for store in (chain.national, chain.communes[0]):
        outcome = import_summaries(store, [package], authorize=_login)[0]
        assert outcome.status == "refused", outcome.message
    # From a hub the upper hub has not trusted.
    stranger = init_hub(tmp_path / "s.db", unit_code="D09", name="Lạ")
    set_hub(stranger, public_key_file(chain.province), user="admin")
    done = export_summary(stranger, tmp_path / "usb2", weeks=1, today=DEMO_TODAY)
    outcome = import_summaries(chain.province, [done.result.path], authorize=_login)[0]
    assert outcome.status == "refused" and "D09" in outcome.message
    stranger.close()
    # A second hub below the province claiming a commune the first one reports.
    rival = init_hub(tmp_path / "r.db", unit_code="D03", name="Công an huyện Tranh")
    trust_commune(rival, public_key_file(chain.communes[0]), user="admin")
    _link(rival, chain.province)
    before = fig.received(chain.province, WEEK.start)
    done = export_summary(rival, tmp_path / "usb3", weeks=1, today=DEMO_TODAY)
    outcome = import_summaries(chain.province, [done.result.path], authorize=_login)[0]
    assert outcome.status == "refused" and "HN01" in outcome.message
    assert fig.received(chain.province, WEEK.start) == before
    rival.close()
    # A commune whose records the province receives itself cannot come through a district.
    trust_commune(chain.province, public_key_file(chain.communes[1]), user="admin")
    done = export_summary(chain.district, tmp_path / "usb5", weeks=1, today=DEMO_TODAY)
    outcome = import_summaries(chain.province, [done.result.path], authorize=_login)[0]
    assert outcome.status == "refused" and chain.communes[1].unit_code in outcome.message
    assert fig.received(chain.province, WEEK.start) == before


def test_a_damaged_line_refuses_the_whole_package(
    chain: Chain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line that is not figures (here: a hub below writing a name where a count goes) is
    refused whole, naming the line; nothing is written."""
    from de06desk.reports import rollup

    real = rollup.summary_line

    def forged(period, as_of, via, unit):
        line = json.loads(real(period, as_of, via, unit))
        line["unit"]["figures"]["reasons"] = [["x", ["Nguyễn Văn A"]]]
        return json.dumps(line).encode() + b"\n"

    monkeypatch.setattr(rollup, "summary_line", forged)
    done = export_summary(chain.district, tmp_path / "usb4", weeks=1, today=DEMO_TODAY)
    before = fig.received(chain.province, WEEK.start)
    outcome = import_summaries(chain.province, [done.result.path], authorize=_login)[0]
    assert outcome.status == "refused" and "dòng 1" in outcome.message
    assert fig.received(chain.province, WEEK.start) == before


def test_the_commands_of_the_chain(demo_path: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """hub init / keys set-hub on a hub / hub trust of a hub key / sync export on a hub /
    sync import at the upper hub / report weekly there: as docs/SYNC.md §9 shows them."""
    from de06desk.cli import main
    from de06desk.demo import DEMO_PASSWORD, DEMO_USER

    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    c, hub, upper = str(demo_path), str(tmp_path / "hub.db"), str(tmp_path / "upper.db")
    keys = {name: str(tmp_path / f"{name}.pub") for name in ("c", "hub", "upper")}
    for db, code, name in ((hub, "HN01", "Công an Hà Nội"), (upper, "01", "Công an tỉnh")):
        args = ["hub", "init", "--db", db, "--unit-code", code, "--name", name, "--key-out"]
        assert main([*args, keys["hub" if db == hub else "upper"]]) == 0
    assert main(["keys", "export", "--db", c, "--out", keys["c"]]) == 0
    assert main(["keys", "set-hub", "--db", c, keys["hub"]]) == 0
    assert main(["hub", "trust", "--db", hub, keys["c"]]) == 0
    assert main(["sync", "export", "--db", c, "--out", str(tmp_path / "usb")]) == 0
    package = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["sync", "import", "--db", hub, package]) == 0
    # Before its upper hub is set, a hub has nobody to send figures to.
    assert main(["sync", "export", "--db", hub, "--out", str(tmp_path / "up")]) == 1
    assert "keys set-hub" in capsys.readouterr().err
    assert main(["keys", "set-hub", "--db", hub, keys["upper"]]) == 0
    assert main(["hub", "trust", "--db", upper, keys["hub"]]) == 0
    capsys.readouterr()
    assert main(["sync", "export", "--db", hub, "--out", str(tmp_path / "up"), "--weeks", "5"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[0]
    assert "HN01_summary_to_01_" in summary
    assert main(["sync", "import", "--db", upper, summary]) == 0
    assert capsys.readouterr().out.startswith("ĐÃ NHẬP")
    assert main(["sync", "import", "--db", upper, summary]) == 0
    assert capsys.readouterr().out.startswith("ĐÃ CÓ")
    out = tmp_path / "upper.json"
    assert main(["report", "weekly", "--db", upper, "--week", "2026-W47", "--out", str(out)]) == 0
    at_upper = json.loads(out.read_text(encoding="utf-8"))
    out = tmp_path / "hub.json"
    assert main(["report", "weekly", "--db", hub, "--week", "2026-W47", "--out", str(out)]) == 0
    at_hub = json.loads(out.read_text(encoding="utf-8"))
    assert at_upper["headlines"] == at_hub["headlines"]
    assert at_upper["tables"]["ranking_hubs"]["rows"][0][1] == "Công an Hà Nội"
    assert at_upper["units"] == [] and len(at_upper["tables"]["ranking"]["rows"]) == 1
    # hub status at the upper hub lists the hub below and when it last sent figures.
    capsys.readouterr()
    assert main(["hub", "status", "--db", upper]) == 0
    lines = capsys.readouterr().out.splitlines()
    below = lines.index(next(line for line in lines if line.startswith("Cấp dưới")))
    assert lines[0].startswith("Mã xã")
    assert lines[below + 1].startswith("HN01\t1\t") and "Công an Hà Nội" in lines[below + 1]
    # The commune the hub below reports is not listed as one without a key here.
    unregistered = next(line for line in lines if line.startswith("Chưa đăng ký khóa"))
    assert "00004" not in unregistered


def test_a_hub_made_before_figures_upward_gains_their_table(tmp_path: Path) -> None:
    """A schema-4 hub (no `sync_summaries`) migrates on opening, and its report still builds."""
    import sqlite3

    from de06desk.store.migrations import SCHEMA_VERSION

    init_hub(tmp_path / "old.db", unit_code="HN09", name="Cũ").close()
    conn = sqlite3.connect(tmp_path / "old.db")
    with conn:
        conn.execute("DROP TABLE sync_summaries")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.close()
    with Store.open(tmp_path / "old.db") as store:
        assert store.migrated_from == 4 == SCHEMA_VERSION - 1
        assert fig.received(store, WEEK.start) == []
        assert build_summary(store, WEEK, today=DEMO_TODAY).units == ()
