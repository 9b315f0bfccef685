"""First run: the set-up wizard end to end, the demo button, and logging in afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWizard

from de06desk.demo import DEMO_PASSWORD
from de06desk.store.users import is_encrypted, log_in, unlock_with_recovery_code
from de06desk.ui import wizard as wizard_module
from de06desk.ui.login import LoginDialog
from de06desk.ui.wizard import SetupWizard


def test_wizard_sets_up_a_commune_found_without_diacritics(qtbot) -> None:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # welcome → commune
    page = wizard.commune_page
    qtbot.keyClicks(page.search, "ta van")
    commune = page.commune()
    assert commune is not None and commune.name == "Xã Tả Van"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.profile_page.edits["unit_name"].text() == "CÔNG AN XÃ TẢ VAN"
    wizard.next()
    villages = wizard.villages_page
    assert villages.names() == []  # no made-up "Thôn 1…5" to forget to change
    for name in ("Bản Cát Cát", "Thôn Tả Van Giáy"):
        _type(villages.input, name)
        qtbot.keyClick(villages.input, Qt.Key.Key_Return)  # adds it; stays on the page
    assert wizard.currentPage() is villages
    assert villages.names() == ["Bản Cát Cát", "Thôn Tả Van Giáy"]
    wizard.next()
    wizard.officers_page.table.setItem(0, 0, _item("Lò Văn Sử"))
    wizard.officers_page.table.setItem(0, 1, _item("Trưởng Công an xã"))
    wizard.next()
    wizard.targets_page.spins["level2_accounts"].setValue(800)
    wizard.next()
    admin = wizard.admin_page
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    # The store's password rule, said on the page: a common password is refused.
    qtbot.keyClicks(admin.password, "12345678")
    qtbot.keyClicks(admin.password2, "12345678")
    assert not admin.isComplete() and "dễ đoán" in admin.problem.text()
    admin.password.setText("mat-khau-06")
    admin.password2.setText("mat-khau-khac")
    assert not admin.isComplete()
    admin.password2.setText("mat-khau-06")
    assert admin.isComplete()
    wizard.next()  # the database is created here
    assert wizard.db_path is not None and wizard.db_path.exists()
    code = wizard.recovery_page.code.text()
    assert len(code) == 29
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.recovery_page.confirm.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert is_encrypted(wizard.db_path)
    assert unlock_with_recovery_code(wizard.db_path, code.lower())
    store, user = log_in(wizard.db_path, "admin", "mat-khau-06")
    with store:
        assert store.unit_code == commune.code
        assert user.role == "admin"
        villages = [v["name"] for v in store.list_records("village")]
        assert villages == ["Bản Cát Cát", "Thôn Tả Van Giáy"]
        assert store.list_records("officer")[0]["full_name"] == "Lò Văn Sử"
        targets = store.list_records("target")
        assert [(t["kind"], t["value"]) for t in targets] == [("level2_accounts", 800)]
        profile = store.list_records("commune")[0]
        assert profile["commune_code"] == commune.code


def _type(widget, text: str) -> None:
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def _to_recovery_page(wizard: SetupWizard) -> None:
    wizard.show()
    wizard.next()
    wizard.commune_page.search.setText("ta van")
    for _ in range(5):  # commune → profile → villages → officers → targets → admin
        wizard.next()
    wizard.admin_page.password.setText("mat-khau-06")
    wizard.admin_page.password2.setText("mat-khau-06")
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page


def test_cancel_on_the_recovery_page_keeps_the_wizard_and_the_database(
    qtbot, monkeypatch, settings
) -> None:
    from de06desk.ui import app as app_module

    told: list[str] = []
    monkeypatch.setattr(
        wizard_module.QMessageBox, "information", lambda parent, title, text: told.append(text)
    )
    made: list[SetupWizard] = []

    def run_wizard(wizard: SetupWizard) -> int:
        made.append(wizard)
        _to_recovery_page(wizard)
        wizard.button(QWizard.WizardButton.CancelButton).click()
        assert wizard.isVisible() and told and "Hoàn tất" in told[0]
        QWizard.reject(wizard)  # then the window is closed anyway (power cut, task manager)
        return wizard.result()

    monkeypatch.setattr(SetupWizard, "exec", run_wizard)
    assert app_module.open_main_window(settings) is None
    path = made[0].db_path
    assert path is not None and path.exists()
    # The next start goes to the log-in of that database, not to the wizard again.
    assert settings.value("last_db") == str(path)


def test_the_demo_log_in_hint_is_shown_every_start(qtbot, monkeypatch, settings, demo_path) -> None:
    from de06desk.ui import app as app_module

    hints: list[str] = []

    def quit_login(dialog: LoginDialog) -> int:
        note = dialog.findChild(QLabel, "login_hint")
        hints.append(note.text() if note is not None else "")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", quit_login)
    settings.setValue("last_db", str(demo_path))
    settings.setValue("demo_db", str(demo_path))
    app_module.open_main_window(settings)
    app_module.open_main_window(settings)
    assert len(hints) == 2 and all(DEMO_PASSWORD in h for h in hints)


def _item(text: str):
    from PySide6.QtWidgets import QTableWidgetItem

    return QTableWidgetItem(text)


def test_demo_button_makes_and_opens_a_demo(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(wizard_module, "DEMO_OPTIONS", {"seed": 1, "weeks": 2, "citizens": 60})
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.welcome_page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    assert wizard.db_path is not None and wizard.db_path.exists()
    assert "admin" in wizard.login_hint and DEMO_PASSWORD in wizard.login_hint
    assert is_encrypted(wizard.db_path)

    login = LoginDialog(wizard.db_path, wizard.login_hint, username=wizard.login_user)
    qtbot.addWidget(login)
    login.password.setText("sai")
    login.try_login()
    assert login.user is None and login.store is None and login.error.text()
    login.password.setText(DEMO_PASSWORD)
    login.try_login()
    assert login.user is not None and login.user.username == "admin"
    assert login.store is not None
    with login.store as store:
        assert 0 < store.count_records("citizen") <= 60


def test_an_empty_dashboard_says_what_to_do_first(qtbot, empty_ctx) -> None:
    from datetime import date

    from de06desk.ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(empty_ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None)
    assert screen.first_steps.isVisible()
    assert "Đợt kích hoạt" in screen.first_steps.text()
    village = empty_ctx.store.list_records("village")[0].uuid
    officer = empty_ctx.store.list_records("officer")[0].uuid
    empty_ctx.store.save_record(
        "activation_drive",
        {
            "held_on": date.today(),
            "kind": "office",
            "village": village,
            "place": "Trụ sở",
            "officer": officer,
        },
        user="admin",
    )
    empty_ctx.signals.data_changed.emit("activation_drive")
    qtbot.waitUntil(lambda: not screen.first_steps.isVisible())


def test_wizard_sets_up_a_province_hub_with_its_key_file_and_fingerprint_sheet(
    qtbot, tmp_path
) -> None:
    from de06desk.sync.keys import PublicKeyFile, load_own_keys

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.welcome_page.hub_mode.setChecked(True)
    wizard.next()  # welcome → the hub's unit, not a commune
    unit = wizard.hub_unit_page
    assert wizard.currentPage() is unit
    unit.province.setCurrentIndex(unit.province.findText("Tỉnh Lào Cai"))
    assert unit.code.isReadOnly() and unit.name.text() == "Công an Tỉnh Lào Cai"
    wizard.next()  # → the first administrator
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    admin.username.setText("tinh")
    admin.password.setText("Song-Hong-Xanh-47")
    admin.password2.setText("Song-Hong-Xanh-47")
    wizard.next()  # the hub database is created here
    assert wizard.db_path is not None and wizard.db_path.name.startswith("de06desk-hub-")
    code = wizard.recovery_page.code.text()
    assert len(code) == 29
    wizard.recovery_page.confirm.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    wizard.next()  # → the key file and the fingerprint sheet
    keys = wizard.hub_key_page
    assert wizard.currentPage() is keys
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    key = wizard.hub_key
    assert key is not None and key.fingerprint in keys.fingerprint.text()
    sheet = keys.sheet()
    assert key.fingerprint in sheet and "Công an Tỉnh Lào Cai" in sheet
    keys.save_to(tmp_path / "hub.pub")
    assert PublicKeyFile.from_bytes((tmp_path / "hub.pub").read_bytes()) == key
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted

    assert unlock_with_recovery_code(wizard.db_path, code.lower())
    store, user = log_in(wizard.db_path, "tinh", "Song-Hong-Xanh-47")
    with store:
        assert store.role == "hub" and user.role == "admin"
        assert store.get_meta("unit_name") == "Công an Tỉnh Lào Cai"
        own = load_own_keys(store)
        assert own is not None and own.fingerprint == key.fingerprint
        from de06desk.sync.hub import hub_province

        province = hub_province(store)
        assert province is not None and province.name == "Tỉnh Lào Cai"
