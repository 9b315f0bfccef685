"""`de06desk report weekly` on the demo commune and on a hub: files, numbers, refusals."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER, make_demo
from de06desk.domain.weeks import current_week, parse_week
from de06desk.reports.formats import format_cell
from de06desk.reports.summary import build_summary
from de06desk.reports.xlsx import FIRST_SHEET, HEADER_ROW
from de06desk.store import Store
from de06desk.sync import (
    export_package,
    import_packages,
    init_hub,
    public_key_file,
    set_hub,
    trust_commune,
)
from tests.conftest import DEMO_TODAY
from tests.reports.samples import pdf_fonts, pdf_text

WEEK = "2026-W47"  # holds the demo's "today"


@pytest.fixture(autouse=True)
def _logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", "weekly", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_of_the_demo_week_prints_the_summarys_numbers_and_no_personal_data(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "BaoCao.pdf"
    code, stdout, err = _run(capsys, "--db", str(demo_path), "--week", WEEK, "--out", str(out))
    assert (code, err) == (0, "")
    assert stdout.strip() == str(out)
    with Store.open(demo_path) as store:
        summary = build_summary(store, parse_week(WEEK))
        ids = {c["id_number"] for c in store.list_records("citizen") if c["id_number"]}
        phones = {c["phone"] for c in store.list_records("citizen") if c["phone"]}
    text = pdf_text(out)
    flat = _flat(text)
    assert "BÁO CÁO" in text and "Độc lập - Tự do - Hạnh phúc" in text and "Nơi nhận:" in text
    assert "Kết quả thực hiện Đề án 06 tuần 47 (16/11/2026 – 22/11/2026)" in flat
    by_village = summary.table("eid_by_village")
    assert len(by_village.rows) > 3
    for row in by_village.rows:
        printed = " ".join(format_cell(v, k) for v, k in zip(row, by_village.kinds, strict=True))
        assert _flat(printed) in flat, printed
    for h in summary.headlines:
        assert f"{h.label} {format_cell(h.value, h.kind)}" in flat, h.label
    digits = re.sub(r"\D", "", text)
    assert ids and not any(i in digits for i in ids)
    assert phones and not any(p in digits for p in phones)
    assert all("LiberationSerif" in name and emb == "yes" for name, _, emb in pdf_fonts(out))


def test_json_is_the_summary_and_xlsx_holds_the_same_values(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_json, as_xlsx = tmp_path / "r.json", tmp_path / "r.xlsx"
    for out in (as_json, as_xlsx):
        assert _run(capsys, "--db", str(demo_path), "--week", WEEK, "--out", str(out))[0] == 0
    data = json.loads(as_json.read_text(encoding="utf-8"))
    with Store.open(demo_path) as store:
        expected = build_summary(store, parse_week(WEEK)).to_dict()
    assert data == json.loads(json.dumps(expected))
    book = openpyxl.load_workbook(as_xlsx)
    sheets = [s for s in book.worksheets if s.title != FIRST_SHEET]
    for sheet, table in zip(sheets, data["tables"].values(), strict=False):
        rows = [
            [c.value for c in row]
            for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=sheet.max_row)
        ]
        assert [c.value for c in sheet[HEADER_ROW]] == table["columns"]
        assert rows == [[_as_excel(v) for v in r] for r in table["rows"]]


def _as_excel(value: object) -> object:
    # Excel keeps 15 significant digits (a share may come back one float step away) and
    # stores no empty text.
    if isinstance(value, float):
        return pytest.approx(value)
    return None if value == "" else value


def test_month_range_and_default_week(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(demo_path))
    month = tmp_path / "m.json"
    assert _run(capsys, *db, "--month", "2026-11", "--out", str(month))[0] == 0
    assert json.loads(month.read_text(encoding="utf-8"))["period"]["start"] == "2026-11-01"
    span = tmp_path / "r.pdf"
    assert (
        _run(capsys, *db, "--from", "01/11/2026", "--to", "15/11/2026", "--out", str(span))[0] == 0
    )
    assert "từ ngày 01/11/2026 đến ngày 15/11/2026" in _flat(pdf_text(span))
    default = tmp_path / "d.json"
    assert _run(capsys, *db, "--out", str(default))[0] == 0
    period = json.loads(default.read_text(encoding="utf-8"))["period"]
    assert period["start"] == current_week().start.isoformat()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2026-W47", "--out", "r.txt"], "Không ghi được dạng tệp “.txt”"),
        (["--week", "2026-W60", "--out", "r.pdf"], "Năm 2026 không có tuần 60"),
        (["--week", "tuần 47", "--out", "r.pdf"], "Không hiểu tuần"),
        (["--month", "2026-W47", "--out", "r.pdf"], "Không hiểu tháng"),
        (["--from", "01/11/2026", "--out", "r.pdf"], "--from cần đi cùng --to"),
        (["--to", "01/11/2026", "--out", "r.pdf"], "--to cần đi cùng --from"),
        (["--from", "15/11/2026", "--to", "01/11/2026", "--out", "r.pdf"], "đứng trước"),
        (["--out", "no/such/folder/r.pdf"], "không tồn tại"),
        (["--unit", "00008", "--out", "r.pdf"], "--unit chỉ dùng ở cơ sở dữ liệu cấp trên"),
    ],
)
def test_refusals_are_one_vietnamese_line_and_a_non_zero_exit(
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "--db", str(demo_path), *args)
    assert code != 0 and out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]  # nothing half-written


def test_an_unwritable_folder_is_refused(
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import de06desk.domain.files as files

    real_open = files.os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        # Tests run as root here, and root writes anywhere: refuse like a read-only folder.
        if str(path).startswith(str(tmp_path / "ro")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", refuse)
    (tmp_path / "ro").mkdir()
    code, out, err = _run(capsys, "--db", str(demo_path), "--out", str(tmp_path / "ro" / "r.pdf"))
    assert (code, out) == (1, "")
    assert "không có quyền ghi vào thư mục" in err and len(err.strip().splitlines()) == 1


# ---- at a hub ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hub_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hub that imported three small demo communes (made once for this module)."""
    folder = tmp_path_factory.mktemp("hub")
    hub = init_hub(folder / "hub.db", unit_code="HN01", name="Công an Thành phố Hà Nội")
    from de06desk.store.users import create_user

    create_user(hub, DEMO_USER, DEMO_PASSWORD, role="admin", display_name="Quản trị", by="test")
    packages = folder / "packages"
    packages.mkdir()
    for seed, code in ((6, "00004"), (7, "00008"), (8, "00025")):
        path = folder / f"{code}.db"
        make_demo(path, seed=seed, weeks=4, citizens=120, commune_code=code, today=DEMO_TODAY)
        with Store.open(path) as commune:
            set_hub(commune, public_key_file(hub), user="admin")
            trust_commune(hub, public_key_file(commune), user="admin")
            export_package(commune, packages)
    outcomes = import_packages(hub, sorted(packages.glob("*.de06sync")))
    assert {o.status for o in outcomes} == {"applied"}
    hub.close()
    return folder / "hub.db"


@pytest.fixture
def hub_path(hub_template: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the hub."""
    target = tmp_path / "hub.db"
    shutil.copy2(hub_template, target)
    yield target


def test_hub_report_ranks_its_communes_and_can_report_on_one(
    hub_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hub.pdf"
    assert _run(capsys, "--db", str(hub_path), "--week", WEEK, "--out", str(out))[0] == 0
    with Store.open(hub_path) as store:
        summary = build_summary(store, parse_week(WEEK))
        one = build_summary(store, parse_week(WEEK), "00008")
    flat = _flat(pdf_text(out))
    assert summary.scope == "hub"
    assert "CÔNG AN THÀNH PHỐ HÀ NỘI" in flat
    assert "Kết quả thực hiện Đề án 06 của các xã, phường trên địa bàn tuần 47" in flat
    ranking = summary.table("ranking")
    assert len(ranking.rows) == 3
    for row in ranking.rows:
        printed = " ".join(format_cell(v, k) for v, k in zip(row, ranking.kinds, strict=True))
        assert _flat(printed) in flat, printed

    single = tmp_path / "one.pdf"
    code, _, err = _run(
        capsys, "--db", str(hub_path), "--week", WEEK, "--unit", "00008", "--out", str(single)
    )
    assert (code, err) == (0, "")
    flat = _flat(pdf_text(single))
    assert f"Kết quả thực hiện Đề án 06 tại {one.unit_name} tuần 47" in flat
    eid = one.table("eid_overview")
    for row in eid.rows:
        printed = " ".join(format_cell(v, k) for v, k in zip(row, eid.kinds, strict=True))
        assert _flat(printed) in flat

    code, _, err = _run(capsys, "--db", str(hub_path), "--unit", "99999", "--out", str(single))
    assert code == 1 and "chưa đăng ký xã có mã 99999" in err


def test_report_header_of_the_demo_commune_reads_its_profile(demo_path: Path) -> None:
    from de06desk.reports.header import report_header

    with Store.open(demo_path) as store:
        profile = store.list_records("commune")[0]
        header = report_header(store, number="7", today=date(2026, 11, 24))
    assert header.unit_name == profile["unit_name"].upper()
    assert header.parent_body == profile["parent_body"].upper()
    assert header.number_line == f"Số: 7/{profile['report_code']}"
    assert header.date_line == f"{profile['place_name']}, ngày 24 tháng 11 năm 2026"
    assert header.recipient_lines[-1] == "- Lưu: VT."
    assert header.about == ""


def test_hub_status_reads_in_vietnamese_with_local_dates(
    hub_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found: `hub status` printed "ok" and ISO dates (2026-11-18) in a Vietnamese table."""
    assert main(["hub", "status", "--db", str(hub_path)]) == 0
    out = capsys.readouterr().out
    rows = [line.split("\t") for line in out.splitlines()[1:] if line.count("\t") >= 6]
    assert rows and all(r[5] in {"đều đặn", "IM LẶNG"} for r in rows)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out) and "\tok\t" not in out
    assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", r[3]) for r in rows)


@pytest.mark.parametrize("argv", [["--help"], ["report", "weekly", "--help"], ["hub", "-h"]])
def test_help_is_vietnamese_argparse_included(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Found: "usage / options / show this help message and exit" around Vietnamese help."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: de06desk") and "tùy chọn:" in out
    assert "xem hướng dẫn này rồi thoát" in out
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in out


def test_argparse_errors_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", "weekly"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "de06desk report weekly: lỗi: còn thiếu tham số bắt buộc: --out" in err
    # One line (issue 15: every refusal is one line); the usage is one --help away.
    assert len(err.strip().splitlines()) == 1 and "--help" in err
    with pytest.raises(SystemExit):
        main(["report", "weekly", "--help"])
    assert capsys.readouterr().out.startswith("cách dùng:")
    with pytest.raises(SystemExit):
        main(["report", "weekly", "--out", "x.pdf", "--khong-co"])
    assert "không hiểu tham số: --khong-co" in capsys.readouterr().err
