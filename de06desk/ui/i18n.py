"""Switching the interface language: Qt translators for our strings and Qt's own, domain messages.

Source strings in the code are Vietnamese; `resources/i18n/de06desk_en.qm` (compiled from
`de06desk_en.ts` by `make translations`) turns them into English. Qt ships no Vietnamese
translation of its own dialogs, so in Vietnamese the standard buttons (OK, Cancel, Save…) and
the wizard's Back/Next would stay English: `QtVietnamese` supplies those few words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from de06desk.config import resource_path
from de06desk.domain.i18n import Language, set_language

LANGUAGES: tuple[Language, ...] = ("vi", "en")

# Qt's own button and wizard texts (accelerator '&' removed) → Vietnamese.
_QT_VI = {
    "OK": "Đồng ý",
    "Save": "Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "Yes": "Có",
    "Yes to All": "Có với tất cả",
    "No": "Không",
    "No to All": "Không với tất cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Close": "Đóng",
    "Cancel": "Hủy",
    "Discard": "Không lưu",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng, không lưu",
    "Help": "Trợ giúp",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "< Back": "< Quay lại",
    "Next >": "Tiếp theo >",
    "Finish": "Hoàn tất",
    "Commit": "Xác nhận",
    "Go Back": "Quay lại",
    "Continue": "Tiếp tục",
    "Done": "Xong",
    "Undo": "Hoàn tác",
    "Redo": "Làm lại",
    "Cut": "Cắt",
    "Copy": "Sao chép",
    "Paste": "Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
}
_QT_CONTEXTS = {
    "QPlatformTheme",
    "QDialogButtonBox",
    "QWizard",
    "QMessageBox",
    "QProgressDialog",
    "QLineEdit",
    "QWidgetTextControl",
    "QInputDialog",
}


class QtVietnamese(QTranslator):
    """Vietnamese for the handful of Qt's own words our windows show."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context not in _QT_CONTEXTS:
            return None  # None, not "": Qt then keeps looking (or shows the source)
        key = source.replace("&", "").split("\t")[0].strip()
        return _QT_VI.get(key)

    def isEmpty(self) -> bool:
        return False


qm_dir_override: Path | None = None  # tests point this at freshly compiled .qm files
_installed: list[QTranslator] = []


def qm_path(lang: Language) -> Path:
    """Where the compiled translation for `lang` is looked for."""
    folder = qm_dir_override or resource_path("i18n")
    return folder / f"de06desk_{lang}.qm"


def apply_language(lang: str) -> Language:
    """Make `lang` the language of new widgets and domain messages; returns the one applied.

    Unknown values fall back to Vietnamese. English needs the compiled .qm file; without it
    the interface stays Vietnamese while domain messages still switch.
    """
    language: Language = "en" if lang == "en" else "vi"
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        if language == "vi":
            translator: QTranslator = QtVietnamese(app)
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            translator = QTranslator(app)
            if translator.load(str(qm_path("en"))):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        if language == "vi"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    set_language(language)
    return language
