"""An entry screen generated from a form definition (`forms/*.toml`).

Every field of the form gets the editor for its type, its label, help, and an error line;
adding a field to a form file adds it here with no code change. The record is checked as the
officer types (`parse_value` for each field, then the store's validation with the form's
rules), Save stays disabled until it is valid, and unsaved changes are never lost silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import records
from de06desk.domain.i18n import DomainError
from de06desk.forms import defaults, parse_value, record_warnings
from de06desk.store import Record, ValidationError

from .context import AppContext
from .dialogs_common import Unsaved, ask_unsaved, show_status
from .editors import FieldEditor, hint_label, make_editor
from .smart_paste import PastePreview, SmartPaste, plan_paste
from .tasks import show_error

ERROR_STYLE = "color: #b00020;"
SAVED_STYLE = "color: #1b5e20;"


class _EnterMovesOn(QObject):
    """Enter in a one-line field moves to the next field, as on paper forms."""

    def __init__(self, form: RecordForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
            # The tick box of an optional date too: Enter there used to stick (or, in a
            # dialog, press the dialog's default button).
            and isinstance(obj, QLineEdit | QComboBox | QAbstractSpinBox | QCheckBox)
        ):
            if isinstance(obj, QComboBox) and obj.view().isVisible():
                return False
            self._form.move_focus_on()
            return True
        return False


class RecordForm(QWidget):
    """Edit one record of `form_id`; `saved(record)` fires after each successful save.

    `hidden` fields are not shown; their values come from the loaded record or the preset
    given to `new_record` (e.g. the drive a roster row belongs to). `read_only` shows a record
    without letting it be changed, whatever the user's role (a commune's record at the hub).
    """

    saved = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        form_id: str,
        parent: QWidget | None = None,
        *,
        hidden: Iterable[str] = (),
        show_buttons: bool = True,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = ctx.store.forms[form_id]
        self.hidden = set(hidden)
        self.uuid: str | None = None
        self._hidden_values: dict[str, Any] = {}
        self._dirty = False
        self._loading = False
        self._touched: set[str] = set()
        self._locked: set[str] = set()
        self._errors: dict[str, list[str]] = {}
        # A screen may adjust values just before saving (drive counts from the roster).
        self.adjust_values: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        # …and save through another action than `records.save_record`.

        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.editors: dict[str, FieldEditor] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._hint_labels: dict[str, QLabel] = {}
        self._row_labels: dict[str, QLabel] = {}

        body = QWidget()
        outer = QVBoxLayout(body)
        grid = QFormLayout()
        outer.addLayout(grid)
        outer.addStretch(1)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        grid.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        enter_filter = _EnterMovesOn(self)
        paste_filter = SmartPaste(self)
        for spec in self.form.fields:
            if spec.name in self.hidden:
                continue
            editor = make_editor(spec, ctx.store, body)
            editor.setObjectName(f"field_{spec.name}")
            editor.changed.connect(lambda name=spec.name: self._edited(name))
            for widget in editor.key_widgets():
                widget.installEventFilter(enter_filter)
                widget.installEventFilter(paste_filter)
            label = QLabel(spec.label() + (" *" if spec.required else ""), body)
            label.setWordWrap(True)
            label.setMinimumWidth(120)
            label.setMaximumWidth(190)
            label.setBuddy(editor.focus_widget())
            if spec.help():
                label.setToolTip(spec.help())
                editor.setToolTip(spec.help())
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            hint = hint_label(body)
            hint.setText(spec.help())
            hint.setVisible(bool(spec.help()))
            error = QLabel(body)
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.setObjectName(f"error_{spec.name}")
            error.hide()
            column.addWidget(hint)
            column.addWidget(error)
            grid.addRow(label, column)
            self.editors[spec.name] = editor
            self._error_labels[spec.name] = error
            self._hint_labels[spec.name] = hint
            self._row_labels[spec.name] = label

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        # Up and down only: the form is never narrower than its fields, so nothing hides to
        # the right behind a sideways scroll bar (the cleanup form's "Bỏ chọn" did).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(
            body.minimumSizeHint().width()
            + scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        )

        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Hủy thay đổi"), self)
        # Never the button Enter presses: in a dialog it would empty the form without a word.
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        if show_buttons:
            layout.addLayout(buttons)
        else:
            self.save_button.hide()
            self.revert_button.hide()
            self.problems.hide()
            layout.addWidget(self.problems)

        # No Ctrl+S of its own: the window holding the form (main window, FormDialog) has one,
        # and two matching shortcuts make Qt call it ambiguous and do nothing.
        self.read_only = read_only or not ctx.allowed(records.save_operation(form_id))
        self.new_record()

    # ---- loading ---------------------------------------------------------------------

    def new_record(self, preset: Mapping[str, Any] | None = None) -> None:
        """Start a blank record (declared defaults, then `preset`)."""
        values = defaults(self.form)
        values.update(preset or {})
        self._load(None, values)

    def load(self, record: Record) -> None:
        """Show a stored record for editing."""
        self._load(record.uuid, dict(record.values))

    def _load(self, uuid: str | None, values: Mapping[str, Any]) -> None:
        self._loading = True
        self.uuid = uuid
        self._hidden_values = {k: values.get(k) for k in self.hidden}
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))
        self._touched = set()
        self._loading = False
        self._set_dirty(False)
        if uuid is None:
            title = self.tr("Thêm mới: {form}")
        elif self.read_only:
            title = self.tr("Xem: {form}")
        else:
            title = self.tr("Sửa: {form}")
        self.title.setText(title.replace("{form}", self.form.label()))
        self._apply_read_only()
        self.validate()

    def set_values(self, values: Mapping[str, Any], *, as_edit: bool = False) -> None:
        """Change some shown values (e.g. totals copied from the roster)."""
        self._loading = not as_edit
        for name, value in values.items():
            if name in self.editors:
                self.editors[name].set_value(value)
            elif name in self.hidden:
                self._hidden_values[name] = value
        self._loading = False
        if as_edit:
            self._set_dirty(True)
        self.validate()

    def lock_fields(self, names: Iterable[str], note: str = "") -> None:
        """Make fields read-only (with `note` under them), or unlock all with an empty list."""
        self._locked = set(names)
        for name, hint in self._hint_labels.items():
            spec = self.form.field(name)
            text = note if name in self._locked and note else spec.help()
            hint.setText(text)
            hint.setVisible(bool(text))
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        for name, editor in self.editors.items():
            editor.set_read_only(self.read_only or name in self._locked)
        self.save_button.setVisible(not self.read_only and self.save_button.isVisibleTo(self))
        self.revert_button.setEnabled(not self.read_only)

    # ---- state -----------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        """True when the shown values differ from what was loaded."""
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self._set_dirty(True)
        self.validate()

    def raw_values(self) -> dict[str, Any]:
        """The editors' inputs plus hidden values, before parsing."""
        raw = dict(self._hidden_values)
        raw.update({name: editor.raw() for name, editor in self.editors.items()})
        return raw

    def collect(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """Parsed values and problems (field name → messages in the active language)."""
        raw = self.raw_values()
        values: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        for spec in self.form.fields:
            try:
                values[spec.name] = parse_value(spec, raw.get(spec.name))
            except DomainError as exc:
                values[spec.name] = None
                errors[spec.name] = [str(exc.message)]
        for name, editor in self.editors.items():
            text = editor.raw()
            if isinstance(text, str) and "\t" in text and not self.form.field(name).multiline:
                # Cells pasted some other way than Ctrl+V (menu, drag): never one long name.
                values[name] = None
                errors[name] = [
                    self.tr(
                        "Ô này chứa nhiều ô của bảng tính (ký tự Tab). Hãy dán bằng Ctrl+V để "
                        "tách vào từng ô, hoặc xóa phần thừa."
                    )
                ]
        if self.adjust_values is not None:
            values = self.adjust_values(values)
        for name, problems in self.ctx.store.validate(self.form.id, values).items():
            errors.setdefault(name, [str(p) for p in problems])
        return values, errors

    def validate(self) -> bool:
        """Check the record now, show the problems, enable Save only when it is valid."""
        values, errors = self.collect()
        self._errors = errors
        existing = self.uuid is not None
        for name, label in self._error_labels.items():
            problems = errors.get(name, [])
            blank = values.get(name) in (None, "", [])
            # A new record does not shout "required" at fields the officer has not reached yet.
            shown = problems if (existing or name in self._touched or not blank) else []
            label.setText("\n".join(shown))
            label.setVisible(bool(shown))
        # Warnings (ID number vs sex/birth year) show where the hint is; Save stays enabled.
        warned: dict[str, str] = {}
        for w in record_warnings(self.form, values):
            warned[w.field] = "\n".join(filter(None, [warned.get(w.field), f"⚠ {w.message}"]))
        for name, hint in self._hint_labels.items():
            editor = self.editors[name]
            decoded = warned.get(name) or (editor.hint() if name not in errors else "")
            text = decoded or (
                hint.text() if name in self._locked else self.form.field(name).help()
            )
            hint.setText(text)
            hint.setVisible(bool(text))
        self.problems.setStyleSheet(ERROR_STYLE)
        names = [self.form.field(n).label() for n in self.form.field_names if n in errors]
        if names:
            self.problems.setText(
                self.tr("Cần sửa hoặc điền: {fields}").replace("{fields}", ", ".join(names))
            )
        else:
            self.problems.setText("")
        valid = not errors
        self.save_button.setEnabled(valid and not self.read_only)
        return valid

    @property
    def errors(self) -> dict[str, list[str]]:
        """The problems found by the last check."""
        return self._errors

    # ---- actions ---------------------------------------------------------------------

    def save(self) -> Record | None:
        """Save the record if it is valid; returns it, or None if nothing was saved."""
        if self.read_only or not self.validate():
            if not self.read_only:
                self._touched = set(self.editors)
                self.validate()
            return None
        values, _ = self.collect()
        try:
            done = records.save_record(
                self.ctx.store, self.ctx.user, self.form.id, values, self.uuid
            )
        except ValidationError as exc:
            self._touched = set(self.editors)
            self.validate()
            show_error(self, exc)
            return None
        except DomainError as exc:
            show_error(self, exc)
            return None
        record = done.value
        self.load(record)
        self._say_saved(record)
        self.ctx.apply(done)
        self.saved.emit(record)
        return record

    def _say_saved(self, record: Record) -> None:
        # Beside the Lưu button (until the next edit) and in the window's status bar.
        text = self.tr("Đã lưu lúc {t}.").replace("{t}", datetime.now().strftime("%H:%M"))
        self.problems.setText(text)
        self.problems.setStyleSheet(SAVED_STYLE)
        title = record.values.get(self.form.title_field)
        spec = self.form.field(self.form.title_field)
        if isinstance(title, str) and not spec.target_form:
            text = (
                self.tr("Đã lưu “{name}” lúc {t}.")
                .replace("{name}", title)
                .replace("{t}", datetime.now().strftime("%H:%M"))
            )
        show_status(self, text)

    def revert(self) -> None:
        """Throw away the edits: back to the stored record (or a blank one)."""
        record = self.ctx.store.get_record(self.form.id, self.uuid) if self.uuid else None
        if record is not None:
            self.load(record)
        else:
            self.new_record(self._hidden_values)

    def confirm_leave(self) -> bool:
        """Before showing something else: True when it is safe to leave this record.

        With unsaved changes, asks Lưu / Không lưu / Hủy.
        """
        if not self._dirty or self.read_only:
            return True
        answer = ask_unsaved(self)
        if answer is Unsaved.SAVE:
            return self.save() is not None
        if answer is Unsaved.DISCARD:
            self.revert()
            return True
        return False

    def paste_row(self, widget: QWidget, text: str) -> bool:
        """Spreadsheet cells pasted into `widget`'s field: preview, then fill; True if filled."""
        start = next((n for n, e in self.editors.items() if widget in e.key_widgets()), None)
        if start is None or self.read_only:
            return False
        plan = plan_paste(self.editors, start, text)
        preview = PastePreview(plan, self)
        if preview.exec() != PastePreview.DialogCode.Accepted or not plan.ok:
            return False
        values = plan.values()
        self.set_values(values, as_edit=True)
        self._touched.update(values)
        self.validate()
        return True

    def move_focus_on(self) -> None:
        """Move the cursor to the next field (what Enter does)."""
        self.focusNextChild()

    def focus_first(self) -> None:
        """Put the cursor in the first field."""
        for editor in self.editors.values():
            if editor.isEnabled():
                editor.focus_widget().setFocus()
                return
