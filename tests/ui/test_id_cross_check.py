"""The ID number checked against the sex and birth year typed beside it, while typing: a
warning beside the field, Save still allowed, the override recorded in the audit (without the
number). The roster's "new citizen" form is the same form, so it warns the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from de06desk.ui.context import AppContext
from de06desk.ui.record_form import RecordForm
from de06desk.ui.roster import FormDialog
from de06desk.ui.screens.drives import DrivesScreen


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_id_number_disagreeing_with_sex_and_year_warns_and_may_be_saved(
    qtbot, empty_ctx: AppContext
) -> None:
    form = RecordForm(empty_ctx, "citizen")
    qtbot.addWidget(form)
    form.show()
    _type(form.editors["full_name"].edit, "Trần Văn Nam")
    form.editors["village"].combo.setCurrentIndex(1)
    sex = form.editors["sex"].combo
    sex.setCurrentIndex(sex.findData("male"))
    year = form.editors["birth_year"].edit
    qtbot.keyClicks(year, "1985")
    # A woman born in 1984 by the number (digit 4 = 1, digits 5-6 = 84).
    qtbot.keyClicks(form.editors["id_number"].edit, "087184012345")
    sex_hint = form._hint_labels["sex"]
    year_hint = form._hint_labels["birth_year"]
    assert sex_hint.isVisible() and sex_hint.text().startswith("⚠ Giới tính nam không khớp")
    assert year_hint.isVisible() and "năm sinh theo số định danh là 1984" in year_hint.text()
    assert not form._error_labels["sex"].isVisible()
    assert form.save_button.isEnabled(), "a warning must not block saving"

    # Correcting the year takes its warning away; the sex one stays until the officer decides.
    year.clear()
    qtbot.keyClicks(year, "1984")
    assert "⚠" not in year_hint.text()
    assert sex_hint.text().startswith("⚠")

    record = form.save()
    assert record is not None and record["sex"] == "male"
    audit = [
        r[0]
        for r in empty_ctx.store.conn.execute(
            "SELECT detail FROM audit WHERE action = 'warning_accepted' AND record_uuid = ?",
            (record.uuid,),
        )
    ]
    assert audit == ["id_number~sex"]


def test_agreeing_values_show_the_decoded_number_and_record_nothing(
    qtbot, empty_ctx: AppContext
) -> None:
    form = RecordForm(empty_ctx, "citizen")
    qtbot.addWidget(form)
    form.show()
    _type(form.editors["full_name"].edit, "Trần Thị Hoa")
    form.editors["village"].combo.setCurrentIndex(1)
    sex = form.editors["sex"].combo
    sex.setCurrentIndex(sex.findData("female"))
    qtbot.keyClicks(form.editors["birth_year"].edit, "1984")
    qtbot.keyClicks(form.editors["id_number"].edit, "087184012345")
    assert "⚠" not in form._hint_labels["sex"].text()
    assert form._hint_labels["id_number"].text().startswith("Nữ, sinh năm 1984")
    record = form.save()
    assert record is not None
    count = empty_ctx.store.conn.execute(
        "SELECT count(*) FROM audit WHERE action = 'warning_accepted'"
    ).fetchone()[0]
    assert count == 0


def test_roster_new_citizen_form_warns_when_the_list_year_disagrees(
    qtbot, ctx: AppContext, monkeypatch
) -> None:
    screen = DrivesScreen(ctx)
    qtbot.addWidget(screen)
    drive = ctx.store.list_records("activation_drive", limit=1)[0]
    screen.open_record(drive.uuid)
    seen = {}

    def officer_in_the_dialog(dialog) -> int:
        form = dialog.form
        _type(form.editors["full_name"].edit, "Giàng A Páo")
        form.editors["village"].combo.setCurrentIndex(1)
        # The paper list says 1991; the number says 1990. The officer corrects the year …
        year = form.editors["birth_year"].edit
        year.clear()
        qtbot.keyClicks(year, "1991")
        seen["warning"] = form._hint_labels["birth_year"].text()
        seen["can_save"] = form.save_button.isEnabled()
        form.save()  # … and saves over the warning: the card may be wrong.
        return dialog.result()

    monkeypatch.setattr(FormDialog, "exec", officer_in_the_dialog)
    screen.roster.id_input.setText("010190000777")
    screen.roster.add_from_input()
    assert seen["warning"].startswith("⚠ Năm sinh 1991 không khớp")
    assert seen["can_save"]
    (citizen,) = ctx.store.list_records("citizen", where={"id_number": "010190000777"})
    assert citizen["birth_year"] == 1991
    detail = ctx.store.conn.execute(
        "SELECT detail FROM audit WHERE action = 'warning_accepted' AND record_uuid = ?",
        (citizen.uuid,),
    ).fetchone()[0]
    assert detail == "id_number~birth_year"
