"""One input widget per field type, all with the same small interface (`FieldEditor`).

`raw()` gives what `de06desk.forms.parse_value` expects; `set_value()` shows a stored value;
`changed` fires on every edit so the form can validate as the officer types.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.i18n import DomainError
from de06desk.domain.idnumber import describe_id, parse_id_number
from de06desk.domain.phone import normalize_phone
from de06desk.forms import FieldSpec
from de06desk.store import Store
from de06desk.store.lists import ListQuery, titles

from .dates import to_date
from .list_model import RecordListModel

_BLANK_DATE = QDate(1900, 1, 1)


class FieldEditor(QWidget):
    """Base of all editors: a widget for one field of a form."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def raw(self) -> Any:
        """The input as `parse_value` takes it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored (typed) value; does not count as an edit."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        """Let the value be seen but not changed."""
        self.setEnabled(not read_only)

    def hint(self) -> str:
        """What the input means, shown under it (e.g. what an ID number encodes)."""
        return ""

    def focus_widget(self) -> QWidget:
        """The widget that takes keyboard focus."""
        return self

    def key_widgets(self) -> list[QWidget]:
        """Every widget of the editor that can hold the keyboard focus."""
        return [self.focus_widget()]


class LineEditor(FieldEditor):
    """Text, integer, personal ID and phone fields: a line edit."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length + 20)  # a little slack: the error says why
        if spec.type == "integer":
            # Digits, with the dots or spaces people put between thousands; blank allowed.
            self.edit.setValidator(
                QRegularExpressionValidator(QRegularExpression(r"[0-9][0-9 .]{0,14}"), self.edit)
            )
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.setMaximumWidth(160)
        elif spec.type == "personal_id":
            self.edit.setPlaceholderText(self.tr("12 chữ số, ví dụ 001084012345"))
            self.edit.setMinimumWidth(230)
            self.edit.setMaximumWidth(260)
        elif spec.type == "phone":
            self.edit.setPlaceholderText(self.tr("ví dụ 0912 345 678"))
            self.edit.setMinimumWidth(230)
            self.edit.setMaximumWidth(260)
        self.edit.textChanged.connect(self.changed)
        self.layout_.addWidget(self.edit)
        if spec.type in ("integer", "personal_id", "phone"):
            self.layout_.addStretch(1)

    def raw(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setText("" if value is None else str(value))
        self.edit.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def hint(self) -> str:
        text = self.edit.text().strip()
        if not text:
            return ""
        try:
            if self.spec.type == "personal_id":
                return describe_id(parse_id_number(text, allow_cmnd=self.spec.allow_cmnd))
            if self.spec.type == "phone":
                number = normalize_phone(text)
                if number != text:
                    return self.tr("Số chuẩn hóa: {n}").replace("{n}", number)
        except DomainError:
            return ""
        return ""

    def focus_widget(self) -> QWidget:
        return self.edit


class TextAreaEditor(FieldEditor):
    """Multi-line text (notes, recipients)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit.textChanged.connect(self.changed)
        self.layout_.addWidget(self.edit)

    def raw(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText("" if value is None else str(value))
        self.edit.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def focus_widget(self) -> QWidget:
        return self.edit


class _DateEdit(QDateEdit):
    """A date edit that Tab leaves in one press (Qt's own walks day, month, year first)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateEditor(FieldEditor):
    """A date picker showing dd/mm/yyyy; optional dates have a tick box to leave them blank.

    One Tab stop per date: the tick box while the date is blank (Space ticks it and moves
    into the date), the date itself once ticked (Delete there leaves it blank again).
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check: QCheckBox | None = None
        if not spec.required:
            self.check = QCheckBox(self)
            self.check.setToolTip(
                self.tr("Đánh dấu để nhập ngày; bỏ đánh dấu (hoặc phím Delete) để để trống")
            )
            self.check.toggled.connect(self._toggled)
            self.layout_.addWidget(self.check)
        self.edit = _DateEdit(self)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_BLANK_DATE)
        self.edit.setMaximumDate(QDate(2100, 12, 31))
        self.edit.setDate(QDate.currentDate())
        self.edit.setMinimumWidth(130)
        self.edit.dateChanged.connect(self.changed)
        self.layout_.addWidget(self.edit)
        self.layout_.addStretch(1)
        if self.check is not None:
            self.edit.setEnabled(False)
            self.edit.installEventFilter(self)

    def _toggled(self, on: bool) -> None:
        in_date = self.edit.hasFocus()  # before disabling it sends the focus elsewhere
        self._show_ticked(on)
        if on and self.check is not None and self.check.hasFocus():
            self.edit.setFocus(Qt.FocusReason.TabFocusReason)
        elif not on and in_date and self.check is not None:
            self.check.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _show_ticked(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if self.check is not None:
            # Exactly one Tab stop: the tick box while blank, the date once ticked.
            self.check.setFocusPolicy(
                Qt.FocusPolicy.ClickFocus if on else Qt.FocusPolicy.StrongFocus
            )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.edit
            and self.check is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and not self.edit.isReadOnly()
        ):
            self.check.setChecked(False)
            return True
        return super().eventFilter(obj, event)

    def raw(self) -> Any:
        if self.check is not None and not self.check.isChecked():
            return None
        return to_date(self.edit.date())

    def set_value(self, value: Any) -> None:
        for w in (self.edit, self.check):
            if w is not None:
                w.blockSignals(True)
        if isinstance(value, date):
            self.edit.setDate(QDate(value.year, value.month, value.day))
        else:
            self.edit.setDate(QDate.currentDate())
        if self.check is not None:
            self.check.setChecked(isinstance(value, date))
            self._show_ticked(isinstance(value, date))
        for w in (self.edit, self.check):
            if w is not None:
                w.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        if self.check is not None:
            self.check.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        if self.check is not None and not self.check.isChecked():
            return self.check
        return self.edit

    def key_widgets(self) -> list[QWidget]:
        return [self.edit] if self.check is None else [self.check, self.edit]


class ChoiceEditor(FieldEditor):
    """A drop-down of the field's options, with a blank entry first."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("— Chọn —"), None)
        for option in spec.choices:
            self.combo.addItem(option.label(), option.value)
        self.combo.currentIndexChanged.connect(self.changed)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.layout_.addWidget(self.combo)
        self.layout_.addStretch(1)

    def raw(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(value) if value else 0
        if index < 0 and value:  # a value no longer offered: keep it visible
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)

    def focus_widget(self) -> QWidget:
        return self.combo


class MultiChoiceEditor(FieldEditor):
    """Tick boxes, one per option."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.list = QListWidget(self)
        for option in spec.choices:
            item = QListWidgetItem(option.label(), self.list)
            item.setData(Qt.ItemDataRole.UserRole, option.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(1, self.list.count())
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 8)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.layout_.addWidget(self.list)

    def raw(self) -> Any:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def focus_widget(self) -> QWidget:
        return self.list


class RecordComboEditor(FieldEditor):
    """Village and officer fields: a drop-down of the commune's villages or officers."""

    def __init__(self, spec: FieldSpec, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.store = store
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self.combo.addItem(self.tr("— Chọn —"), None)
        for uuid, title in titles(store, spec.target_form or ""):
            self.combo.addItem(title, uuid)
        self.combo.currentIndexChanged.connect(self.changed)
        self.layout_.addWidget(self.combo)
        self.layout_.addStretch(1)

    def raw(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(value) if value else 0
        if index < 0 and value:  # points to a deleted record: still show its name
            found = titles(self.store, self.spec.target_form or "", [value])
            self.combo.addItem(found[0][1] if found else str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)

    def focus_widget(self) -> QWidget:
        return self.combo


class RecordPicker(QDialog):
    """Find a record (e.g. a citizen by name or ID number) and choose it."""

    def __init__(self, store: Store, form_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = store.forms[form_id]
        self.setWindowTitle(self.tr("Chọn: {form}").replace("{form}", form.label()))
        self.resize(720, 480)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc số định danh (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.model = RecordListModel(store, ListQuery(form_id), parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.search.textChanged.connect(lambda text: self.model.update_query(search=text))

    def chosen(self) -> str | None:
        """UUID of the selected record, if any."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.row_uuid(rows[0].row())
        return self.model.row_uuid(0) if self.model.rowCount() == 1 else None


class ReferenceEditor(FieldEditor):
    """A reference to another record (a citizen…): its name, and a button to choose it."""

    def __init__(self, spec: FieldSpec, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.store = store
        self._uuid: str | None = None
        self.label = QLineEdit(self)
        self.label.setReadOnly(True)
        self.label.setPlaceholderText(self.tr("(chưa chọn)"))
        self.label.setMinimumWidth(150)  # a name, not "(chư…", when the form is narrow
        self.choose = QPushButton(self.tr("Chọn…"), self)
        self.choose.clicked.connect(self.pick)
        self.clear = QPushButton(self.tr("Bỏ chọn"), self)
        self.clear.clicked.connect(lambda: self._set(None, emit=True))
        for w in (self.label, self.choose, self.clear):
            self.layout_.addWidget(w)

    def pick(self) -> None:
        """Open the picker and take the chosen record."""
        dialog = RecordPicker(self.store, self.spec.target_form or "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self._set(dialog.chosen(), emit=True)

    def _set(self, uuid: str | None, *, emit: bool) -> None:
        self._uuid = uuid
        found = titles(self.store, self.spec.target_form or "", [uuid]) if uuid else []
        self.label.setText(found[0][1] if found else "")
        if emit:
            self.changed.emit()

    def raw(self) -> Any:
        return self._uuid

    def set_value(self, value: Any) -> None:
        self._set(value, emit=False)

    def set_read_only(self, read_only: bool) -> None:
        self.choose.setEnabled(not read_only)
        self.clear.setEnabled(not read_only)

    def focus_widget(self) -> QWidget:
        return self.choose


def make_editor(spec: FieldSpec, store: Store, parent: QWidget | None = None) -> FieldEditor:
    """The editor for a field, chosen by its type."""
    if spec.type == "text" and spec.multiline:
        return TextAreaEditor(spec, parent)
    if spec.type in ("text", "integer", "personal_id", "phone"):
        return LineEditor(spec, parent)
    if spec.type == "date":
        return DateEditor(spec, parent)
    if spec.type == "choice":
        return ChoiceEditor(spec, parent)
    if spec.type == "multi_choice":
        return MultiChoiceEditor(spec, parent)
    if spec.type in ("village", "officer"):
        return RecordComboEditor(spec, store, parent)
    if spec.type == "reference":
        return ReferenceEditor(spec, store, parent)
    # A type added to the forms but not yet to the app: still editable as text.
    return LineEditor(spec, parent)


def hint_label(parent: QWidget | None = None) -> QLabel:
    """A small grey label for explanations under a field."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label
