"""Switching the interface language: Qt translators for our strings and Qt's own, domain messages.

Source strings in the code are Vietnamese; `resources/i18n/de06desk_en.qm` (compiled from
`de06desk_en.ts` by `make translations`) turns them into English. Qt ships no Vietnamese
translation of its own dialogs (PySide6 6.12 has qtbase_*.qm for 33 languages, no "vi"), so in
Vietnamese the standard buttons (OK, Cancel, Save…), the wizard's Back/Next and Qt's own file
dialog ("Look in", "File name") would stay English: `QtVietnamese` supplies those words.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

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
    # Qt's own file dialog (used wherever the system has no native one, e.g. Linux without a
    # desktop theme): the labels, tool buttons, the file list's headers and its questions.
    "Look in:": "Tìm trong:",
    "File name:": "Tên tệp:",
    "Files of type:": "Loại tệp:",
    "Directory:": "Thư mục:",
    "Choose": "Chọn",
    "New Folder": "Thư mục mới",
    "Rename": "Đổi tên",
    "Remove": "Bỏ",
    "All Files (*)": "Mọi tệp (*)",
    "Back": "Lùi lại",
    "Forward": "Tiến tới",
    "Parent Directory": "Thư mục cha",
    "Go back": "Quay lại thư mục trước",
    "Go forward": "Tới thư mục sau",
    "Go to the parent directory": "Lên thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Create a New Folder": "Tạo thư mục mới",
    "Change to detail view mode": "Xem dạng chi tiết",
    "Change to list view mode": "Xem dạng danh sách",
    "Detail View": "Chi tiết",
    "List View": "Danh sách",
    "Files": "Tệp",
    "Sidebar": "Thanh bên",
    "List of places and bookmarks": "Các nơi và dấu trang",
    "Show": "Hiện",
    "Show hidden files": "Hiện tệp ẩn",
    "Recent Places": "Nơi mở gần đây",
    "Computer": "Máy tính",
    "My Computer": "Máy tính",
    "Name": "Tên",
    "Size": "Kích thước",
    "Type": "Loại",
    "Date Modified": "Ngày sửa",
    "Drive": "Ổ đĩa",
    "Folder": "Thư mục",
    "File Folder": "Thư mục",
    "Unknown": "Không rõ",
    "%1 already exists.\nDo you want to replace it?": "Đã có tệp %1.\nGhi đè lên tệp đó?",
    "Are you sure you want to delete '%1'?": "Xóa “%1”?",
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp."
    ),
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục."
    ),
    # The print preview (Qt's own on every system) and Qt's print dialog (Linux; Windows shows
    # its own, already in Vietnamese).
    "Print Preview": "Xem trước khi in",
    "Print": "In",
    "Page setup": "Khổ giấy",
    "Page Setup": "Khổ giấy",
    "First page": "Trang đầu",
    "Previous page": "Trang trước",
    "Next page": "Trang sau",
    "Last page": "Trang cuối",
    "Fit page": "Vừa trang",
    "Fit width": "Vừa chiều ngang",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
    "Portrait": "Khổ dọc",
    "Landscape": "Khổ ngang",
    "Reverse portrait": "Khổ dọc ngược",
    "Reverse landscape": "Khổ ngang ngược",
    "Show single page": "Từng trang",
    "Show facing pages": "Hai trang cạnh nhau",
    "Show overview of all pages": "Xem mọi trang",
    "Options >>": "Tùy chọn >>",
    "Options <<": "Tùy chọn <<",
    "Print to File (PDF)": "In ra tệp (PDF)",
    "Write PDF file": "Ghi tệp PDF",
    "Local file": "Tệp trên máy",
    "All Pages": "Mọi trang",
    "Odd Pages": "Trang lẻ",
    "Even Pages": "Trang chẵn",
    "Printer": "Máy in",
    "Name:": "Tên:",
    "Location:": "Vị trí:",
    "Type:": "Loại:",
    "Properties": "Thuộc tính",
    "Output file:": "Tệp ra:",
    "Preview": "Xem trước",
    "Copies": "Số bản",
    "Copies:": "Số bản:",
    "Collate": "In theo bộ",
    "Reverse": "In ngược",
    "Print range": "Phạm vi in",
    "Print all": "In tất cả",
    "Pages from": "Các trang từ",
    "to": "đến",
    "Pages": "Các trang",
    "Current Page": "Trang hiện tại",
    "Selection": "Phần đang chọn",
    "Options": "Tùy chọn",
    "Output Settings": "Thiết lập in",
    "Color Mode": "Màu",
    "Color": "Màu",
    "Grayscale": "Đen trắng",
    "Double Sided Printing": "In hai mặt",
    "Off": "Tắt",
    "Long side binding": "Đóng gáy cạnh dài",
    "Short side binding": "Đóng gáy cạnh ngắn",
    "Page Set:": "Trang:",
    "Paper": "Giấy",
    "Page size:": "Khổ giấy:",
    "Width:": "Rộng:",
    "Height:": "Cao:",
    "Paper source:": "Khay giấy:",
    "Orientation": "Hướng giấy",
    "Margins": "Lề",
    "Page Layout": "Bố cục trang",
    "Pages per sheet:": "Số trang mỗi tờ:",
    "Page order:": "Thứ tự trang:",
    "Custom": "Tùy chỉnh",
    "Millimeters (mm)": "Milimét (mm)",
    "top margin": "lề trên",
    "bottom margin": "lề dưới",
    "left margin": "lề trái",
    "right margin": "lề phải",
    # Right-click menus of scroll bars and date/number boxes.
    "Scroll here": "Cuộn tới đây",
    "Top": "Lên đầu",
    "Bottom": "Xuống cuối",
    "Left edge": "Sang trái hết",
    "Right edge": "Sang phải hết",
    "Page up": "Lên một trang",
    "Page down": "Xuống một trang",
    "Page left": "Sang trái một trang",
    "Page right": "Sang phải một trang",
    "Scroll up": "Cuộn lên",
    "Scroll down": "Cuộn xuống",
    "Scroll left": "Cuộn sang trái",
    "Scroll right": "Cuộn sang phải",
    "Step up": "Tăng",
    "Step down": "Giảm",
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
    "QFileDialog",
    "QFileSystemModel",
    "QAbstractFileIconProvider",
    "QPrintPreviewDialog",
    "QPrintDialog",
    "QPrintWidget",
    "QPrintSettingsOutput",
    "QPageSetupWidget",
    "QScrollBar",
    "QAbstractSpinBox",
}


class QtVietnamese(QTranslator):
    """Vietnamese for the handful of Qt's own words our windows show."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context not in _QT_CONTEXTS:
            return None  # None, not "": Qt then keeps looking (or shows the source)
        key = source.replace("&", "").split("\t")[0].strip()
        return _QT_VI.get(key)

    def isEmpty(self) -> bool:
        return False


class TsTranslator(QTranslator):
    """Our English read straight from the .ts source, when no compiled .qm is at hand.

    The .qm is a build output (`make translations`, or the installer's spec); a checkout run
    without it would otherwise stay Vietnamese with no sign. Unfinished entries are skipped.
    """

    def __init__(self, ts: Path, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.table: dict[tuple[str, str], str] = {}
        root = ElementTree.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or not translation.text:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                self.table[(name, source)] = translation.text

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return not self.table


qm_dir_override: Path | None = None  # tests point this at freshly compiled .qm files
_installed: list[QTranslator] = []


def qm_path(lang: Language) -> Path:
    """Where the compiled translation for `lang` is looked for."""
    folder = qm_dir_override or resource_path("i18n")
    return folder / f"de06desk_{lang}.qm"


def apply_language(lang: str) -> Language:
    """Make `lang` the language of new widgets and domain messages; returns the one applied.

    Unknown values fall back to Vietnamese. English comes from the compiled .qm file, or,
    without it, from the .ts source it is compiled from.
    """
    language: Language = "en" if lang == "en" else "vi"
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        if language == "vi":
            translator = QtVietnamese(app)
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            translator = QTranslator(app)
            if translator.load(str(qm_path("en"))):
                app.installTranslator(translator)
                _installed.append(translator)
            elif resource_path("i18n", "de06desk_en.ts").is_file():
                translator = TsTranslator(resource_path("i18n", "de06desk_en.ts"), app)
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        if language == "vi"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    set_language(language)
    return language
