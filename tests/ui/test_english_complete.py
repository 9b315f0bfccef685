"""The English translation covers every on-screen string in the code (issue 18).

Found: a round of new screens and dialogs (Đã xóa…, list export, the first-step hint, the
status-list import) left 41 strings with no English, and they were not even in the .ts, so
`grep unfinished` said nothing. The check therefore refreshes a copy of the .ts from the
sources with pyside6-lupdate, exactly as a translator would, and reads that copy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QHeaderView, QLabel, QWidget

from de06desk.config import resource_path
from de06desk.ui import i18n
from de06desk.ui.context import AppContext
from de06desk.ui.deleted_view import DeletedDialog
from de06desk.ui.dialogs.citizen_import import CitizenImportDialog
from de06desk.ui.record_form import RecordForm
from de06desk.ui.screens.drives import DrivesScreen
from de06desk.ui.smart_paste import PastePreview, plan_paste

SOURCES = Path(__file__).resolve().parents[2] / "de06desk"
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")
# Entries whose strings left the code: lupdate keeps them, marked, and they are never shown.
GONE = {"obsolete", "vanished"}


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> ElementTree.Element:
    """The committed .ts brought up to date with the sources (new strings come unfinished)."""
    ts = tmp_path_factory.mktemp("ts") / "de06desk_en.ts"
    shutil.copyfile(resource_path("i18n", "de06desk_en.ts"), ts)
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return ElementTree.parse(ts).getroot()


def _live(root: ElementTree.Element) -> list[tuple[str, str, ElementTree.Element]]:
    """(context, source, translation) of every entry still used by the code."""
    out = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in GONE:
                out.append((name, message.findtext("source", ""), translation))
    return out


def test_every_string_in_the_code_has_an_english_translation(
    refreshed: ElementTree.Element,
) -> None:
    live = _live(refreshed)
    assert len(live) > 400  # the sources were read (424 strings when this was written)
    missing = [
        f"{context}: {source}"
        for context, source, translation in live
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert missing == [], "no English yet (run pyside6-lupdate, then translate):\n" + "\n".join(
        missing
    )


def test_translations_keep_the_placeholders(refreshed: ElementTree.Element) -> None:
    """{n}, {file}, %1… filled in by the code must survive in the English text."""
    wrong = [
        f"{context}: {source} → {translation.text}"
        for context, source, translation in _live(refreshed)
        if sorted(PLACEHOLDER.findall(source))
        != sorted(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert wrong == []


def test_the_committed_ts_is_up_to_date(refreshed: ElementTree.Element) -> None:
    """Not one string in the code is missing from the committed .ts (lupdate adds nothing)."""
    committed = ElementTree.parse(resource_path("i18n", "de06desk_en.ts")).getroot()

    def keys(root: ElementTree.Element) -> set[tuple[str, str]]:
        return {(context, source) for context, source, _ in _live(root)}

    assert keys(refreshed) - keys(committed) == set()


VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)


def _words(root: QWidget) -> list[str]:
    """What a person reads on `root`: titles, labels, buttons, tips, headers, choices."""
    words = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        words.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            words.append(widget.text())
        if isinstance(widget, QComboBox):
            words += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            words += [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            ]
    return [w for w in words if w]


def _vietnamese(words: list[str]) -> list[str]:
    return [w for w in words if VIETNAMESE.search(w)]


def test_this_rounds_screens_and_dialogs_speak_english(qtbot, empty_ctx: AppContext) -> None:
    """Found: Đã xóa…, Xuất Excel…, the paste preview and the list-type choice in Vietnamese."""
    i18n.apply_language("en")
    screen = DrivesScreen(empty_ctx)
    qtbot.addWidget(screen)
    assert (screen.deleted_button.text(), screen.export_button.text()) == (
        "Deleted…",
        "Export to Excel…",
    )
    assert _vietnamese(_words(screen.deleted_button) + _words(screen.export_button)) == []

    deleted = DeletedDialog(empty_ctx, "activation_drive", screen)
    qtbot.addWidget(deleted)
    assert _vietnamese(_words(deleted)) == []
    assert "No deleted records." in _words(deleted)

    imported = CitizenImportDialog(empty_ctx, screen)
    qtbot.addWidget(imported)
    assert _vietnamese(_words(imported)) == []
    assert imported.kind_combo.itemText(1) == "VNeID status list (level 1, level 2)"

    form = RecordForm(empty_ctx, "citizen")
    qtbot.addWidget(form)
    for row in ("Lò Văn Sử\t001203000017\tNam", "Lò Văn Sử\t12\tX", "a\nb"):
        preview = PastePreview(plan_paste(form.editors, "full_name", row), form)
        qtbot.addWidget(preview)
        # The pasted values are the person's data; the check column is ours.
        words = _words(preview) + [
            preview.table.item(r, 2).text() for r in range(preview.table.rowCount())
        ]
        assert _vietnamese(words) == [], row
