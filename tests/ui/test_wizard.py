"""First run: the set-up wizard end to end, the demo button, and logging in afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

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
    assert wizard.villages_page.names() == [f"Thôn {i}" for i in range(1, 6)]
    wizard.villages_page.list.item(0).setText("Bản Cát Cát")
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
        assert villages[0] == "Bản Cát Cát" and len(villages) == 5
        assert store.list_records("officer")[0]["full_name"] == "Lò Văn Sử"
        targets = store.list_records("target")
        assert [(t["kind"], t["value"]) for t in targets] == [("level2_accounts", 800)]
        profile = store.list_records("commune")[0]
        assert profile["commune_code"] == commune.code


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
