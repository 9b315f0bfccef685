"""The key box the sync screens share: this unit's fingerprint and its upper hub's, a button
that saves this unit's public-key file and one that sets the upper hub from its key file.

A commune's Đồng bộ sets the hub its packages go to; a hub's Gửi lên sets the upper hub its
summary packages go to; a hub's Các xã only saves the hub's own key file (for its communes).
The confirmation shows the key's unit and fingerprint, and both fingerprints before a key
replaces a different one; every change goes through `actions.sync`, as `keys export` and
`keys set-hub` do on the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from de06desk.actions import Changes
from de06desk.actions import sync as act
from de06desk.actions.core import KEYS
from de06desk.sync import PublicKeyFile
from de06desk.sync.keys import hub_key, load_own_keys, unit_name

from .context import AppContext
from .tasks import show_error


def unbroken(fingerprint: str) -> str:
    """A fingerprint whose groups stay on one line when the label wraps (it is read aloud
    group by group; a group at the start of the next line is easily skipped)."""
    return fingerprint.replace(" ", "\u00a0")


class KeyBox(QGroupBox):
    """This unit's key (and, with `upper`, its upper hub's) with the buttons that hand the
    key out and take the upper hub's in. `row` is the box's button row: a screen may add its
    own buttons to it (Các xã's fingerprint sheet and commune keys)."""

    # The keys shown changed (this box saved or set one, or another screen's action did).
    keys_changed = Signal()

    def __init__(
        self, ctx: AppContext, title: str, parent: QWidget | None = None, *, upper: bool = True
    ) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.upper = upper
        self.row = QHBoxLayout(self)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("key_fingerprints")
        self.fingerprint.setWordWrap(True)  # a long unit name must not widen the window
        # Selectable, so the fingerprint can be copied into a message to the other side.
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row.addWidget(self.fingerprint, 1)
        self.save_button = QPushButton(self.tr("Lưu tệp khóa công khai…"), self)
        self.save_button.setObjectName("save_key")
        self.save_button.clicked.connect(self.save_public_key)
        self.save_button.setEnabled(ctx.allowed("keys.export"))
        self.row.addWidget(self.save_button)
        self.upper_button: QPushButton | None = None
        if upper:
            self.upper_button = QPushButton(self.tr("Nhập khóa cấp trên…"), self)
            self.upper_button.setObjectName("set_upper_key")
            self.upper_button.clicked.connect(self.choose_upper_key)
            self.upper_button.setEnabled(ctx.allowed("keys.set_hub"))
            self.row.addWidget(self.upper_button)
        ctx.signals.changed.connect(self._changed)
        self.refresh()

    # ---- showing -----------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.touches(KEYS):
            self.refresh()
            self.keys_changed.emit()

    def refresh(self) -> None:
        """Re-read the fingerprints (the upper hub's first: it is what this box sets)."""
        store = self.ctx.store
        lines = [self.upper_text()] if self.upper else []
        own = load_own_keys(store)
        lines.append(
            self.tr("Vân tay của {n}: {fp}").format(
                n=unit_name(store), fp=unbroken(own.fingerprint)
            )
            if own
            else self.tr("Chưa tạo khóa (sẽ tạo khi lưu tệp khóa hoặc gửi gói đầu tiên).")
        )
        self.fingerprint.setText("\n".join(lines))

    def upper_text(self) -> str:
        """The upper hub's unit and fingerprint, or what to do when none is set."""
        upper = hub_key(self.ctx.store)
        if upper is not None:
            return self.tr("Cấp trên: {c} {n} — vân tay {fp}").format(
                c=upper.unit_code, n=upper.unit_name, fp=unbroken(upper.fingerprint)
            )
        if self.ctx.store.role == "hub":
            return self.tr(
                "Chưa đặt cấp trên nhận số liệu: hãy nhập tệp khóa công khai của cấp trên."
            )
        return self.tr("Chưa có khóa cấp trên: hãy nhập tệp khóa cấp trên gửi xuống.")

    # ---- this unit's key ---------------------------------------------------------------

    def save_public_key(self) -> Path | None:
        """Write this unit's public-key file where the user chooses; returns the path."""
        name = f"{self.ctx.store.unit_code}.pub"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tệp khóa công khai"), str(Path(QDir.homePath()) / name)
        )
        if not path:
            return None
        try:
            key = self.ctx.apply(act.write_public_key(self.ctx.store, self.ctx.user, Path(path)))
        except (OSError, ValueError) as exc:
            show_error(self, exc)
            return None
        # Who the file is for: the upper hub (Đồng bộ, Gửi lên) or the units below (Các xã).
        note = (
            self.tr(
                "Đưa tệp này cho cấp trên và đọc vân tay cho cấp trên đối chiếu qua điện thoại."
            )
            if self.upper
            else self.tr("Phát tệp này cho các xã và đọc vân tay cho xã đối chiếu qua điện thoại.")
        )
        QMessageBox.information(
            self,
            self.tr("Đã lưu"),
            self.tr("Đã lưu {p}.\nVân tay: {fp}").format(p=path, fp=key.fingerprint) + "\n" + note,
        )
        return Path(path)

    # ---- the upper hub's key -----------------------------------------------------------

    def choose_upper_key(self) -> bool:
        """Ask for the upper hub's key file, show its fingerprint (and the one it replaces),
        and set it if confirmed; True when set."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp khóa công khai của cấp trên"), QDir.homePath(), "*.pub *.json"
        )
        if not path:
            return False
        try:
            key = PublicKeyFile.from_bytes(Path(path).read_bytes(), Path(path).name)
        except (OSError, ValueError) as exc:
            show_error(self, exc)
            return False
        return self.confirm_key(key) and self.register_key(key)

    def key_question(self, key: PublicKeyFile) -> str:
        """What the confirmation asks: the key's unit and fingerprint, and the upper hub key
        it would replace (both fingerprints)."""
        text = self.tr("Đơn vị: {c} {n}\nVân tay: {fp}").format(
            c=key.unit_code, n=key.unit_name, fp=key.fingerprint
        )
        if (old := hub_key(self.ctx.store)) is not None and old.fingerprint != key.fingerprint:
            text += "\n\n" + self.tr(
                "CẢNH BÁO: khóa cấp trên mới sẽ THAY khóa cũ.\n"
                "Vân tay cũ: {old}\nVân tay mới: {new}"
            ).format(old=old.fingerprint, new=key.fingerprint)
        return text + "\n\n" + self.tr("Vân tay có khớp với bên kia đọc cho bạn không?")

    def confirm_key(self, key: PublicKeyFile) -> bool:
        """Ask whether the fingerprint was checked (showing what the key would replace)."""
        answer = QMessageBox.question(self, self.tr("Xác nhận khóa"), self.key_question(key))
        return answer == QMessageBox.StandardButton.Yes

    def register_key(self, key: PublicKeyFile) -> bool:
        """Set the upper hub's checked and confirmed key file (the confirmation covered a
        replacement); True when set."""
        try:
            done = act.set_hub_key(self.ctx.store, self.ctx.user, key)
        except ValueError as exc:
            show_error(self, exc)
            return False
        self.ctx.apply(done)  # the box refreshes on the keys' change (`_changed`)
        return True
