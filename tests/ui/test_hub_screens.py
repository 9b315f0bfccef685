"""The hub operator's desk on a province hub with two imported communes (offscreen Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from de06desk.actions import sync as sync_actions
from de06desk.domain.units import communes
from de06desk.domain.weeks import current_week
from de06desk.reports.summary import build_summary
from de06desk.store import Store
from de06desk.store.lists import ListQuery, fetch_rows
from de06desk.store.users import User
from de06desk.sync import PublicKeyFile, export_package, init_hub, public_key_file
from de06desk.sync.hub import HUB_PROVINCE
from de06desk.sync.keys import peer_key
from de06desk.ui.context import AppContext
from de06desk.ui.main_window import MainWindow
from de06desk.ui.screens.hub import (
    CommunesScreen,
    ReceiveScreen,
    RemindersScreen,
    SendDownScreen,
    SendUpScreen,
)
from de06desk.ui.screens.hub.communes import RecordViewDialog
from de06desk.ui.screens.settings import HubProfilePanel
from de06desk.ui.tasks import stop_running_tasks
from tests.sync.test_rollup import _plaintext

ADMIN = User("admin", "Quản trị tỉnh", "admin", True)
HANOI = "001"


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


@pytest.fixture
def usb(commune: Store, second_commune: Store, hub: Store, tmp_path: Path) -> Path:
    """A stick holding a full package from each of two Hà Nội communes; the hub is Hà Nội's."""
    folder = tmp_path / "usb"
    for store in (commune, second_commune):
        export_package(store, folder, full=True)
    with hub.transaction():
        hub.set_meta(HUB_PROVINCE, HANOI)
    return folder


@pytest.fixture
def hub_ctx(hub: Store) -> Iterator[AppContext]:
    yield AppContext(hub.path, hub, ADMIN)
    stop_running_tasks()  # before the hub fixture closes the database


def _receive(qtbot, ctx: AppContext, folder: Path) -> ReceiveScreen:
    screen = ReceiveScreen(ctx)
    qtbot.addWidget(screen)
    screen.import_folder(folder)
    qtbot.waitUntil(lambda: screen.task is None, timeout=30000)
    return screen


def _built(qtbot, screen: CommunesScreen | RemindersScreen) -> None:
    qtbot.waitUntil(lambda: screen.task is None, timeout=30000)


def test_receiving_a_folder_says_what_happened_to_each_package(
    qtbot, hub_ctx: AppContext, usb: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    screen = ReceiveScreen(hub_ctx)
    qtbot.addWidget(screen)
    assert screen.import_folder(empty) is None
    assert screen.summary.text().startswith("Không có gói nào trong thư mục này")
    assert screen.results.rowCount() == 0

    screen = _receive(qtbot, hub_ctx, usb)
    lines = [
        [screen.results.item(r, c).text() for c in range(4)]
        for r in range(screen.results.rowCount())
    ]
    assert [line[1:3] for line in lines] == [["00004", "Đã nhập"], ["00008", "Đã nhập"]]
    again = _receive(qtbot, hub_ctx, usb)
    assert [again.results.item(r, 2).text() for r in range(2)] == ["Đã có, bỏ qua"] * 2
    assert again.summary.text() == "0 gói đã nhập, 2 đã có, 0 bị từ chối, 0 đã hủy."


def test_communes_lists_every_commune_of_the_province_and_drills_down(
    qtbot, hub_ctx: AppContext, usb: Path, commune: Store
) -> None:
    _receive(qtbot, hub_ctx, usb)
    screen = CommunesScreen(hub_ctx)
    qtbot.addWidget(screen)
    _built(qtbot, screen)
    expected = [c.code for c in communes(HANOI)]
    assert [r.unit_code for r in screen.rows] == expected
    assert screen.table.rowCount() == len(expected)
    assert "126 xã, 2 đã đăng ký khóa, 2 đã gửi tuần này" in screen.title.text()
    by_code = {r.unit_code: i for i, r in enumerate(screen.rows)}
    row = by_code["00004"]
    assert screen.table.item(row, 1).text() == "Phường Ba Đình"
    assert screen.table.item(row, 2).text().startswith("1 · ")
    assert screen.table.item(row, 4).text() == "Đã gửi tuần này"
    assert screen.table.item(row, 7).text() == "Khớp"
    silent = by_code[expected[0]] if expected[0] not in ("00004", "00008") else 2
    assert screen.table.item(silent, 4).text() == "Chưa đăng ký khóa"

    screen.select("00004")
    key = peer_key(hub_ctx.store, "00004")
    assert key is not None and key.fingerprint in screen.detail.text()
    assert screen.records_button.isEnabled() and screen.replace_button.isEnabled()
    dialog = screen.open_records()
    assert dialog is not None
    qtbot.addWidget(dialog)
    citizens = dialog.lists["citizen"]
    # Only that commune's rows, though the hub holds both communes' citizens.
    assert citizens.model.total() == commune.count_records("citizen")
    assert citizens.model.total() < hub_ctx.store.count_records("citizen")
    sheet = screen.fingerprint_sheet()
    assert key.fingerprint in sheet and "Công an Thành phố Hà Nội" in sheet


def test_a_hub_finds_and_sorts_a_communes_citizens_without_identity_indexes(
    qtbot, hub_ctx: AppContext, usb: Path, commune: Store
) -> None:
    # A hub keeps no index on ID numbers, phones and birth dates (store/schema.py,
    # personal_fields); its drill-down still finds a citizen by ID number through the search
    # index and sorts one commune's citizens by it.
    def indexes(store: Store) -> set[str]:
        return {r[1] for r in store.conn.execute("PRAGMA index_list(citizens)")}

    assert {"citizens_id_number", "citizens_phone", "citizens_birth_date"} <= indexes(commune)
    assert not {"citizens_id_number", "citizens_phone", "citizens_birth_date"} & indexes(
        hub_ctx.store
    )
    assert "citizens_village" in indexes(hub_ctx.store)
    _receive(qtbot, hub_ctx, usb)
    rows = fetch_rows(commune, ListQuery("citizen"), 0, 10_000)
    numbered = [r for r in rows if r.values["id_number"]]
    person = numbered[len(numbered) // 2]
    screen = CommunesScreen(hub_ctx)
    qtbot.addWidget(screen)
    _built(qtbot, screen)
    screen.select("00004")
    dialog = screen.open_records()
    assert dialog is not None
    qtbot.addWidget(dialog)
    citizens = dialog.lists["citizen"]
    citizens.search.setText(person.values["id_number"])
    citizens.apply_filters()
    qtbot.waitUntil(lambda: citizens.count_label.text() == "1 bản ghi")
    assert citizens.model.row_uuid(0) == person.uuid
    citizens.search.clear()
    citizens.apply_filters()
    citizens.model.sort(
        citizens.model.column_names().index("id_number"), Qt.SortOrder.DescendingOrder
    )
    shown = [
        commune.get_record("citizen", citizens.model.row_uuid(i)).values["id_number"]
        for i in range(5)
    ]
    assert shown == sorted((r.values["id_number"] for r in numbered), reverse=True)[:5]


def test_a_communes_record_opens_read_only_from_its_list(
    qtbot, hub_ctx: AppContext, usb: Path, commune: Store
) -> None:
    _receive(qtbot, hub_ctx, usb)
    screen = CommunesScreen(hub_ctx)
    qtbot.addWidget(screen)
    _built(qtbot, screen)
    screen.select(commune.unit_code)
    records = screen.open_records()
    assert records is not None
    qtbot.addWidget(records)
    records.show()
    records.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is records)
    citizens = records.lists["citizen"]
    records.tabs.setCurrentWidget(citizens)
    view = citizens.view

    # Enter on a row chosen with the keyboard, as at the commune.
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    uuid = citizens.current_uuid()
    QTest.keyClick(view, Qt.Key.Key_Return)
    [shown] = records.findChildren(RecordViewDialog)
    record = hub_ctx.store.get_record("citizen", uuid)
    assert record is not None and record.unit_code == commune.unit_code
    form = shown.form
    assert form.uuid == uuid and form.title.text() == "Xem: Công dân"
    assert form.editors["full_name"].raw() == record["full_name"]
    # Nothing to change and nothing to save: every editor refuses input, no Lưu.
    assert not form.save_button.isVisible()
    for editor in form.editors.values():
        for widget in editor.key_widgets():
            assert not widget.isEnabled() or getattr(widget, "isReadOnly", lambda: False)()
    name = form.editors["full_name"].edit
    QTest.keyClicks(name, "xyz")
    QTest.keySequence(shown, QKeySequence.StandardKey.Save)
    assert form.editors["full_name"].raw() == record["full_name"] and not form.is_dirty
    shown.reject()
    assert hub_ctx.store.get_record("citizen", uuid) == record

    # A double click on another row opens that one.
    other = next(i for i in range(3) if citizens.model.row_uuid(i) != uuid)
    rect = view.visualRect(citizens.model.index(other, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    second = [d for d in records.findChildren(RecordViewDialog) if d is not shown]
    assert [d.form.uuid for d in second] == [citizens.model.row_uuid(other)]


def test_the_hub_window_wears_the_hubs_name_and_its_own_navigation(
    qtbot, hub_ctx: AppContext, usb: Path, tmp_path: Path
) -> None:
    _receive(qtbot, hub_ctx, usb)
    window = MainWindow(hub_ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.screen_titles() == [
        "Tổng quan",
        "Các xã",
        "Nhận gói",
        "Gửi xuống",
        "Gửi lên",
        "Nhắc việc",
        "Báo cáo",
        "Cài đặt",
    ]
    assert "Công an Thành phố Hà Nội" in window.header.text()
    assert "BA ĐÌNH" not in window.header.text().upper()
    for i in range(len(window.screen_titles())):
        assert window.show_screen(i)
    settings = window.page(7)
    profile = settings.tabs.widget(0)
    assert isinstance(profile, HubProfilePanel)
    assert profile.fields["unit_name"].text() == "Công an Thành phố Hà Nội"
    assert profile.fields["province"].text() == "Thành phố Hà Nội"
    assert profile.fields["communes"].text() == "126"
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert "Thôn/Xóm" not in tabs and "Chỉ tiêu" not in tabs


def test_targets_from_excel_edited_in_the_table_and_sent_down(
    qtbot, hub_ctx: AppContext, usb: Path, tmp_path: Path
) -> None:
    _receive(qtbot, hub_ctx, usb)
    screen = SendDownScreen(hub_ctx)
    qtbot.addWidget(screen)
    assert screen.recipient.count() == 2
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã xã", "Chỉ tiêu", "Từ ngày", "Hạn"])
    sheet.append(["00004", 5000, date(2026, 10, 1), date(2026, 12, 31)])
    sheet.append(["8", 3000, "01/10/2026", "31/12/2026"])
    targets = tmp_path / "chi_tieu.xlsx"
    book.save(targets)
    assert screen.import_targets(targets) == 2
    shown = [
        (screen.target_table.item(r, 0).text(), screen.target_table.item(r, 3).text())
        for r in range(screen.target_table.rowCount())
    ]
    assert ("00004", "5000") in shown and ("00008", "3000") in shown
    # The same sheet again updates, never doubles.
    assert screen.import_targets(targets) == 2
    assert screen.target_table.rowCount() == len(shown)

    row = shown.index(("00008", "3000"))
    screen.target_table.item(row, 3).setText("3500")
    saved = hub_ctx.store.get_record("target", screen.targets[row].uuid)
    assert saved is not None and saved["value"] == 3500 and saved.unit_code == "00008"

    task = screen.send(screen.registered(), tmp_path / "down")
    qtbot.waitUntil(lambda: screen.task is None, timeout=30000)
    assert task is not None
    written = sorted(p.name for p in (tmp_path / "down").glob("*.de06sync"))
    assert len(written) == 2 and all("_to_" in name for name in written)
    assert "Đã ghi 2 gói" in screen.sent.text()


def test_reminders_list_silent_and_behind_communes_to_print_and_export(
    qtbot, hub_ctx: AppContext, usb: Path, tmp_path: Path
) -> None:
    _receive(qtbot, hub_ctx, usb)
    from de06desk.actions import sync as act

    today = date.today()
    act.set_target(
        hub_ctx.store,
        ADMIN,
        "00008",
        {
            "kind": "level2_accounts",
            "value": 1_000_000,
            "start_on": date(today.year, 1, 1),
            "due_on": date(today.year, 12, 31),
        },
    )
    screen = RemindersScreen(hub_ctx)
    qtbot.addWidget(screen)
    _built(qtbot, screen)
    assert screen.list is not None
    silent = [r.unit_code for r in screen.list.silent]
    assert "00004" not in silent and "00008" not in silent and len(silent) == 124
    behind = [r.unit_code for r in screen.list.behind]
    assert "00008" in behind
    assert screen.captions["behind"].text() == f"Chậm so với tiến độ chỉ tiêu: {len(behind)} xã"
    assert screen.tables["behind"].item(len(behind) - 1, 0).text() == "00008"
    page = screen.as_html()
    assert "Công an Thành phố Hà Nội" in page and "Phường Ngọc Hà" in page
    out = tmp_path / "nhac.xlsx"
    assert screen.export_xlsx(out) == 124 + len(behind)
    sheet = load_workbook(out).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Phường Ngọc Hà" in values


def test_a_communes_report_opens_from_cac_xa(
    qtbot, hub_ctx: AppContext, usb: Path, tmp_path: Path
) -> None:
    from de06desk.ui.screens.reports import ReportsScreen

    _receive(qtbot, hub_ctx, usb)
    window = MainWindow(hub_ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_screen(1)
    communes = window.current_screen()
    assert isinstance(communes, CommunesScreen)
    _built(qtbot, communes)
    communes.select("00008")
    assert communes.report_button.isEnabled()
    name = communes.selected().unit_name
    communes.report_button.click()
    reports = window.current_screen()
    assert isinstance(reports, ReportsScreen) and reports.unit_code() == "00008"
    # Named as Các xã names it: the official list's name, not what the commune's key says.
    assert name == "Phường Ngọc Hà"
    assert reports.unit.currentText() == f"00008 – {name}"
    qtbot.waitUntil(
        lambda: reports.summary is not None and reports.summary.unit_code == "00008",
        timeout=30000,
    )
    assert reports.summary.scope == "commune"


def test_a_new_hubs_overview_says_the_hubs_first_steps(qtbot, hub_ctx: AppContext) -> None:
    from de06desk.ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(hub_ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=30000)
    assert screen.first_steps.isVisible()
    assert "“3. Nhận gói” (Alt+3)" in screen.first_steps.text()
    assert "Đợt kích hoạt" not in screen.first_steps.text()


def test_gui_publishes_a_form_set_through_the_action(
    qtbot, hub_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sync.test_forms_down import _forms, additive_citizen, without_notes

    errors: list[str] = []
    monkeypatch.setattr(
        "de06desk.ui.screens.hub.send_down.show_error", lambda _w, exc: errors.append(str(exc))
    )
    screen = SendDownScreen(hub_ctx)
    qtbot.addWidget(screen)
    assert "Chưa phát hành" in screen.forms_state.text()
    assert screen.findChild(QPushButton, "publish_forms").isEnabled()
    assert not screen.publish_forms(_forms(tmp_path / "bad", without_notes(2)))
    assert "field 'notes' removed" in errors[0]
    assert screen.publish_forms(_forms(tmp_path / "good", additive_citizen()))
    assert "Bộ biểu mẫu đã phát hành: số 1" in screen.forms_state.text()
    audit = hub_ctx.store.conn.execute("SELECT username FROM audit WHERE action = 'forms_publish'")
    assert [row[0] for row in audit] == ["admin"]


def _upper_hub_key(tmp_path: Path) -> tuple[Store, Path]:
    """An upper hub (the national steering committee) and its public-key file."""
    upper = init_hub(tmp_path / "upper.db", unit_code="VN06", name="Ban Chỉ đạo Đề án 06")
    path = tmp_path / "VN06.pub"
    path.write_text(public_key_file(upper).to_text(), encoding="utf-8")
    return upper, path


def test_a_hub_sets_its_upper_hub_and_sends_its_figures_up(
    qtbot, hub_ctx: AppContext, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _receive(qtbot, hub_ctx, usb)
    upper, upper_file = _upper_hub_key(tmp_path)
    screen = SendUpScreen(hub_ctx)
    qtbot.addWidget(screen)
    assert "Chưa đặt cấp trên" in screen.keys.fingerprint.text()
    assert not screen.write_button.isEnabled()  # no upper hub yet
    assert "Chưa đặt cấp trên" in screen.write_button.toolTip()

    asked: list[str] = []

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(upper_file), ""))
    assert screen.keys.upper_button is not None
    screen.keys.upper_button.click()
    fingerprint = public_key_file(upper).fingerprint
    assert "VN06 Ban Chỉ đạo Đề án 06" in asked[0] and fingerprint in asked[0]
    # The fingerprint's groups are kept on one line (non-breaking spaces).
    shown = screen.keys.fingerprint.text().replace("\u00a0", " ")
    assert f"Cấp trên: VN06 Ban Chỉ đạo Đề án 06 — vân tay {fingerprint}" in shown
    assert screen.write_button.isEnabled()

    # The lower hub's own key file, for the upper hub, from the same box.
    own_file = tmp_path / "HN01.pub"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(own_file), ""))
    screen.keys.save_button.click()
    out = tmp_path / "up"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    screen.write_button.click()
    qtbot.waitUntil(lambda: screen.task is None, timeout=30000)
    written = sorted(out.glob("*.de06sync"))
    assert len(written) == 1 and screen.last_export is not None
    assert written[0].name in screen.written.text() and str(out) in screen.written.text()

    # The upper hub trusts the lower hub's key file in its Các xã (told it is a hub below)
    # and imports the package: the commune's figures there are the lower hub's.
    asked.clear()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(own_file), ""))
    upper_screen = CommunesScreen(AppContext(upper.path, upper, ADMIN))
    qtbot.addWidget(upper_screen)
    upper_screen.choose_commune_key()
    assert "đơn vị tổng hợp cấp dưới" in asked[0]
    assert peer_key(upper, "HN01") == PublicKeyFile.read(own_file)
    _built(qtbot, upper_screen)
    outcomes = sync_actions.import_sync_packages(upper, ADMIN, written).value
    assert [o.status for o in outcomes] == ["applied"], outcomes[0].message
    week = current_week()
    below = {r[1]: r[2:] for r in build_summary(hub_ctx.store, week).table("ranking").rows}
    above = {r[1]: r[2:] for r in build_summary(upper, week).table("ranking").rows}
    assert "Phường Ba Đình" in below and above == below
    # Figures only: no citizen's ID number reaches the upper hub.
    ids = {str(r["id_number"]) for r in hub_ctx.store.list_records("citizen") if r["id_number"]}
    assert ids and not [i for i in ids if i.encode() in _plaintext(upper, written[0])]
    upper.close()


def test_the_summary_package_waits_for_an_upper_hub_and_a_viewer_writes_none(
    qtbot, hub: Store, hub_ctx: AppContext, tmp_path: Path
) -> None:
    screen = SendUpScreen(hub_ctx)
    qtbot.addWidget(screen)
    assert not screen.write_button.isEnabled()
    upper, _path = _upper_hub_key(tmp_path)
    hub_ctx.apply(sync_actions.set_hub_key(hub, ADMIN, public_key_file(upper)))
    assert screen.write_button.isEnabled()  # the screen follows the keys' change
    upper.close()

    viewer = SendUpScreen(AppContext(hub.path, hub, User("xem", "Người xem", "viewer", True)))
    qtbot.addWidget(viewer)
    buttons = {b.objectName(): b.isEnabled() for b in viewer.findChildren(QPushButton)}
    assert buttons == {"save_key": False, "set_upper_key": False, "write_summary": False}
    assert "không được" in viewer.write_button.toolTip()
    # An officer writes the package; keys stay with the administrator.
    officer = SendUpScreen(AppContext(hub.path, hub, User("cb", "Cán bộ", "officer", True)))
    qtbot.addWidget(officer)
    buttons = {b.objectName(): b.isEnabled() for b in officer.findChildren(QPushButton)}
    assert buttons == {"save_key": False, "set_upper_key": False, "write_summary": True}
