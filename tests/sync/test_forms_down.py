"""Forms and settings from above (docs/SYNC.md §11), end to end on the command line: a hub
publishes a form set with a new optional field and a new choice, `hub send` carries it, the
commune installs it (backup, new column, new choice accepted, sender audited), and the hub
still takes the commune's older packages — but refuses what is not an additive change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.config import installed_forms_dir, program_forms_dir
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.forms import load_forms_from_texts
from de06desk.forms.changes import diff_form
from de06desk.store import Store
from de06desk.store.users import unlock

NEW_FIELD = """[[fields]]
name = "zalo_name"
type = "text"
label_vi = "Tên Zalo"
label_en = "Zalo name"
max_length = 80

"""
NEW_CHOICE = '  { value = "abroad", vi = "Ở nước ngoài", en = "Abroad" },\n'


def _forms(folder: Path, citizen: str | None = None) -> Path:
    """A copy of the program's forms in `folder`, with citizen.toml replaced if given."""
    shutil.copytree(program_forms_dir(), folder)
    if citizen is not None:
        (folder / "citizen.toml").write_text(citizen, encoding="utf-8")
    return folder


def _citizen_text() -> str:
    return (program_forms_dir() / "citizen.toml").read_text(encoding="utf-8")


def additive_citizen() -> str:
    """citizen version 2: a new optional field and a new living-status choice."""
    text = _citizen_text().replace("version = 1", "version = 2", 1)
    text = text.replace("[[rules]]", NEW_FIELD + "[[rules]]", 1)
    moved = text.index('{ value = "moved_away"')
    line_end = text.index("\n", moved) + 1
    return text[:line_end] + NEW_CHOICE + text[line_end:]


def without_notes(version: int) -> str:
    """citizen at `version` with the `notes` field removed (not additive)."""
    text = _citizen_text().replace("version = 1", f"version = {version}", 1)
    start = text.index('[[fields]]\nname = "notes"')
    end = text.index("[[", start + 2)
    return text[:start] + text[end:]


def test_what_is_additive() -> None:
    texts = {"citizen.toml": _citizen_text()}
    old = load_forms_from_texts(
        {**{p.name: p.read_text("utf-8") for p in program_forms_dir().glob("*.toml")}, **texts}
    )["citizen"]
    new = load_forms_from_texts(
        {
            **{p.name: p.read_text("utf-8") for p in program_forms_dir().glob("*.toml")},
            "citizen.toml": additive_citizen(),
        }
    )["citizen"]
    change = diff_form(old, new)
    assert change.additive
    assert change.added_fields == ("zalo_name",)
    assert change.added_choices == ("living_status: abroad",)
    assert diff_form(new, old).breaking == (
        "field 'zalo_name' removed",
        "choice living_status: abroad removed",
    )
    retyped = _citizen_text().replace(
        'name = "notes"\ntype = "text"', 'name = "notes"\ntype = "integer"'
    )
    other = load_forms_from_texts(
        {
            **{p.name: p.read_text("utf-8") for p in program_forms_dir().glob("*.toml")},
            "citizen.toml": retyped,
        }
    )["citizen"]
    assert diff_form(old, other).breaking[0] == "field 'notes' type text → integer"


@pytest.fixture
def chain(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    """A hub (its own data folder) and the demo commune (another), keys exchanged; returns
    (hub db, commune db, use(side) switching the data folder)."""
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)

    def use(side: str) -> None:
        monkeypatch.setenv("DE06_DATA_DIR", str(tmp_path / f"data-{side}"))

    hub, commune = tmp_path / "hub.db", str(demo_path)
    use("hub")
    args = ["hub", "init", "--db", str(hub), "--unit-code", "HN01", "--name", "Công an Hà Nội"]
    assert main([*args, "--key-out", str(tmp_path / "hub.pub")]) == 0
    use("commune")
    assert main(["keys", "export", "--db", commune, "--out", str(tmp_path / "c.pub")]) == 0
    assert main(["keys", "set-hub", "--db", commune, str(tmp_path / "hub.pub")]) == 0
    use("hub")
    assert main(["hub", "trust", "--db", str(hub), str(tmp_path / "c.pub")]) == 0
    capsys.readouterr()
    return hub, commune, use


def _last_line(capsys) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_forms_and_settings_come_down(chain, tmp_path: Path, capsys) -> None:
    hub, commune, use = chain
    use("commune")
    assert main(["sync", "export", "--db", commune, "--out", str(tmp_path / "usb1")]) == 0
    older = Path(_last_line(capsys))  # made with citizen version 1: no zalo_name
    laptop = tmp_path / "laptop.db"
    assert main(["sync", "clone-device", "--db", commune, "--out", str(laptop)]) == 0

    use("hub")
    folder = _forms(tmp_path / "new-forms", additive_citizen())
    args = ["hub", "publish-forms", "--db", str(hub), str(folder)]
    args += ["--recipient", "Công an tỉnh (để báo cáo);", "--recipient", "Lưu: VT."]
    assert main([*args, "--report-code", "BC-CAP"]) == 0
    out = capsys.readouterr().out
    assert "Bộ biểu mẫu số 1: citizen 1 → 2 (+ trường zalo_name; + lựa chọn" in out
    # Published once; the same set again is refused, not numbered 2.
    assert main([*args, "--report-code", "BC-CAP"]) == 1
    assert "đã được phát hành" in capsys.readouterr().err
    # The hub itself now runs version 2 — and still takes the commune's version-1 package.
    assert main(["sync", "import", "--db", str(hub), str(older)]) == 0
    assert "ĐÃ NHẬP" in capsys.readouterr().out
    assert main(["hub", "send", "--db", str(hub), "--to", "00004", "--out", str(tmp_path)]) == 0
    down = Path(_last_line(capsys))

    use("commune")
    assert main(["sync", "import", "--db", commune, str(down)]) == 0
    out = capsys.readouterr().out
    assert "Đã nhận từ HN01 và áp dụng: Bộ biểu mẫu số 1: citizen 1 → 2" in out
    backup = Path(out.split("Bản sao trước khi nâng cấp: ")[1].split(".db")[0] + ".db")
    assert backup.exists() and backup.parent == Path(commune).parent
    installed = tmp_path / "data-commune" / "forms"
    assert (installed / "citizen.toml").read_text("utf-8") == additive_citizen()
    assert not list((Path(commune).parent).glob("forms"))  # not beside the program or the db

    with Store.open(commune) as store:
        assert store.migration_backup is None  # the import gave it the new shape already
        assert "zalo_name" in store.db[store.forms["citizen"].table].columns_dict
        assert store.forms["citizen"].version == 2
        citizen = store.list_records("citizen", limit=1)[0]
        values = {**citizen.values, "living_status": "abroad", "zalo_name": "Lan Zalo"}
        saved = store.save_record("citizen", values, user="admin", uuid=citizen.uuid)
        assert saved.values["living_status"] == "abroad"
        [detail] = store.conn.execute(
            "SELECT detail FROM audit WHERE action = 'forms_install'"
        ).fetchone()
        assert json.loads(detail)["from"] == "HN01"
        assert json.loads(store.get_meta("forms_from") or "{}") == {"hub": "HN01", "set": 1}
        profile = store.list_records("commune", limit=1)[0].values
        assert profile["recipients"] == "Công an tỉnh (để báo cáo);\nLưu: VT."
        assert profile["report_code"] == "BC-CAP"

    # The PC passes the set on to its field device (a laptop with its own data folder).
    assert main(["sync", "export", "--db", commune, "--to-devices", "--out", str(tmp_path)]) == 0
    to_devices = Path(_last_line(capsys))
    use("laptop")
    assert main(["sync", "import", "--db", str(laptop), str(to_devices)]) == 0
    assert "citizen 1 → 2" in capsys.readouterr().out
    assert (tmp_path / "data-laptop" / "forms" / "citizen.toml").exists()
    with Store.open(laptop) as store:
        assert "zalo_name" in store.db[store.forms["citizen"].table].columns_dict
        found = store.list_records("citizen", where={"uuid": citizen.uuid})
        assert found[0].values["zalo_name"] == "Lan Zalo"

    # The same set again (in the next package) changes nothing.
    use("commune")
    use("hub")
    assert main(["hub", "send", "--db", str(hub), "--to", "00004", "--out", str(tmp_path)]) == 0
    again = Path(_last_line(capsys))
    use("commune")
    assert main(["sync", "import", "--db", commune, str(again)]) == 0
    assert "Bộ biểu mẫu" not in capsys.readouterr().out

    # The commune's next package carries the new field; the hub takes it.
    assert main(["sync", "export", "--db", commune, "--out", str(tmp_path / "usb2")]) == 0
    newer = Path(_last_line(capsys))
    use("hub")
    assert main(["sync", "import", "--db", str(hub), str(newer)]) == 0
    with Store.open(hub, key=unlock(hub, DEMO_USER, DEMO_PASSWORD)) as store:
        found = store.list_records("citizen", where={"uuid": citizen.uuid})
        assert found[0].values["zalo_name"] == "Lan Zalo"


def test_unsafe_sets_are_refused_at_publish(chain, tmp_path: Path, capsys) -> None:
    hub, _commune, use = chain
    use("hub")
    removed = _forms(tmp_path / "removed", without_notes(2))
    assert main(["hub", "publish-forms", "--db", str(hub), str(removed)]) == 1
    err = capsys.readouterr().err.strip()
    assert (
        "Biểu mẫu “citizen” (phiên bản 1 → 2) thay đổi không an toàn: field 'notes' removed" in err
    )
    assert len(err.splitlines()) == 1
    same_version = _forms(
        tmp_path / "same", additive_citizen().replace("version = 2", "version = 1")
    )
    assert main(["hub", "publish-forms", "--db", str(hub), str(same_version)]) == 1
    assert "hãy tăng `version`" in capsys.readouterr().err
    broken = _forms(tmp_path / "broken", "[form]\nid = 1\n")
    assert main(["hub", "publish-forms", "--db", str(hub), str(broken)]) == 1
    assert "Bộ biểu mẫu bị từ chối: citizen.toml" in capsys.readouterr().err
    with Store.open(hub, key=unlock(hub, DEMO_USER, DEMO_PASSWORD)) as store:
        assert store.conn.execute("SELECT count(*) FROM form_sets").fetchone()[0] == 0


def test_a_change_that_is_not_additive_refuses_older_packages(
    chain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    hub, commune, use = chain
    use("commune")
    assert main(["sync", "export", "--db", commune, "--out", str(tmp_path / "usb")]) == 0
    older = Path(_last_line(capsys))
    use("hub")
    folder = _forms(tmp_path / "v2", additive_citizen())
    assert main(["hub", "publish-forms", "--db", str(hub), str(folder)]) == 0
    # Later the hub runs forms whose citizen (version 3) dropped a field version 1 had.
    monkeypatch.setenv("DE06_FORMS_DIR", str(_forms(tmp_path / "v3", without_notes(3))))
    capsys.readouterr()
    assert main(["sync", "import", "--db", str(hub), str(older)]) == 1
    out = capsys.readouterr().out
    assert "Gói dùng biểu mẫu “citizen” phiên bản 1; ở đây là phiên bản 3" in out
    assert "field 'notes' removed" in out and "nhập gói mới nhất của cấp trên" in out


def test_installed_forms_win_until_the_program_brings_newer_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from de06desk import config

    assert config.forms_dir() == config.program_forms_dir()  # nothing installed yet
    installed = config.installed_forms_dir()
    _forms(installed, additive_citizen())  # citizen 2 from above
    assert config.forms_dir() == installed
    updated = _forms(tmp_path / "program", without_notes(3))
    monkeypatch.setattr(config, "program_forms_dir", lambda: updated)
    assert config.forms_dir() == updated  # the program's citizen 3 is newer


def test_a_commune_refuses_a_set_that_is_not_additive(
    hub: Store, commune: Store, tmp_path: Path, unchanged
) -> None:
    """A hub whose record of a set was made some other way than `publish-forms` (an older
    version, a hand-edited database) still cannot make a commune drop a field."""
    from de06desk.forms.changes import set_hash
    from de06desk.store.form_sets import PUBLISHED, FormSetRow, record_form_set
    from de06desk.sync import send_down
    from de06desk.sync.errors import PackageRefused
    from de06desk.sync.importer import import_package

    texts = {p.name: p.read_text("utf-8") for p in program_forms_dir().glob("*.toml")}
    texts["citizen.toml"] = without_notes(2)
    with hub.transaction():
        record_form_set(
            hub,
            FormSetRow(set_hash(texts), 1, texts, {}, PUBLISHED, "2026-12-01T00:00:00", "admin"),
        )
    package = send_down(hub, commune.unit_code, tmp_path).path

    def attempt(store: Store) -> None:
        with pytest.raises(PackageRefused) as refused:
            import_package(store, package, user="admin")
        text = str(refused.value)
        assert (
            "Biểu mẫu “citizen” từ cấp trên (phiên bản 2) không thay được phiên bản ở đây (1)"
            in text
        )
        assert "field 'notes' removed" in text

    commune.close()
    unchanged(commune.path, attempt)
    assert not list(installed_forms_dir().glob("*.toml"))
