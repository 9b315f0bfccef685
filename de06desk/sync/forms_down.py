"""Forms and settings from above (docs/SYNC.md §11).

A hub publishes a form set (every `forms/*.toml` file, checked by the loader) with the commune
settings it decides (report recipients, report code); the set travels in every later hub →
commune package as the member `forms.json`. A commune that takes such a package records the set,
who sent it and what changed, applies the settings to its profile, and installs the files in the
user's data folder (`config.installed_forms_dir`); the next open of the database migrates it
(backup first, then the `tables` step adds the new columns). Only additive changes are
published or installed (forms/changes.py); a package whose forms differ otherwise is refused,
naming the form, both versions and what to do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from de06desk.config import forms_dir, installed_forms_dir, private_folder
from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.text import UnsafeText, check_untrusted
from de06desk.forms import FormError, FormSet, FormSpec, load_form_text, load_forms_from_texts
from de06desk.forms.changes import FormChange, diff_form, diff_sets, set_hash
from de06desk.forms.loader import MAX_FORM_FILE_BYTES, forget_loaded_forms
from de06desk.forms.values import check_field
from de06desk.store import Store
from de06desk.store.database import utc_now
from de06desk.store.form_sets import (
    PUBLISHED,
    FormSetRow,
    held_form_text,
    keep_form_texts,
    latest_form_set,
    record_form_set,
)
from de06desk.store.migrations import create_missing_tables

from .errors import PackageRefused, SyncError
from .export import MemberPlan
from .package import FORMS_NAME, Manifest, refused

# Commune settings a hub may set: fields of the commune profile (forms/commune.toml).
SETTINGS = ("recipients", "report_code")
MAX_FORM_FILES = 40
_FILE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}\.toml$")


@dataclass(frozen=True)
class FormsDown:
    """A form set as published or received: its number, hash, files, settings and changes."""

    set_version: int
    sha256: str
    texts: dict[str, str]
    settings: dict[str, str]
    changes: tuple[FormChange, ...]
    form_set: FormSet
    is_new: bool = True  # False: a commune holds this set already

    @property
    def versions(self) -> dict[str, int]:
        """Form id → version in this set."""
        return self.form_set.versions()

    def describe(self) -> Msg:
        """One line: the set, and each changed form old → new with what was added."""
        changed = "; ".join(c.summary() for c in self.changes) or "không đổi biểu mẫu"
        settings = ", ".join(sorted(self.settings))
        extra_vi = f"; cài đặt: {settings}" if settings else ""
        extra_en = f"; settings: {settings}" if settings else ""
        return msg(
            "Bộ biểu mẫu số {n}: {c}{s}.",
            "Form set {n}: {c}{t}.",
            n=self.set_version,
            c=changed,
            s=extra_vi,
            t=extra_en,
        )


def read_form_folder(directory: Path) -> dict[str, str]:
    """File name → text of every `*.toml` in `directory` (the form set to publish)."""
    if not directory.is_dir():
        raise SyncError(
            msg(
                "Không có thư mục {d}; hãy chọn thư mục chứa các tệp biểu mẫu (*.toml).",
                "No folder {d}; choose the folder holding the form files (*.toml).",
                d=str(directory),
            )
        )
    texts: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        try:
            texts[path.name] = path.read_bytes()[: MAX_FORM_FILE_BYTES + 1].decode("utf-8")
        except (OSError, UnicodeDecodeError):
            raise SyncError(
                msg(
                    "Không đọc được tệp biểu mẫu {f} (UTF-8).",
                    "Cannot read form file {f} (UTF-8).",
                    f=path.name,
                )
            ) from None
    return texts


def _checked_set(texts: dict[str, str]) -> FormSet:
    if not texts or len(texts) > MAX_FORM_FILES or not all(_FILE_NAME.match(n) for n in texts):
        raise SyncError(
            msg(
                "Bộ biểu mẫu phải có 1–{m} tệp tên chữ thường dạng ten_bieu_mau.toml.",
                "A form set holds 1–{m} files named like form_name.toml.",
                m=MAX_FORM_FILES,
            )
        )
    try:
        return load_forms_from_texts(texts)
    except FormError as exc:
        raise SyncError(
            msg("Bộ biểu mẫu bị từ chối: {e}", "Form set refused: {e}", e=str(exc))
        ) from None


def _check_safe(changes: list[FormChange]) -> None:
    """Refuse a change that is not additive, or a changed form whose version did not go up."""
    for change in changes:
        if not change.additive:
            raise SyncError(
                msg(
                    "Biểu mẫu “{f}” (phiên bản {o} → {n}) thay đổi không an toàn: {b}; chỉ được "
                    "thêm trường không bắt buộc hoặc thêm lựa chọn (docs/SYNC.md §11).",
                    "Form “{f}” (version {o} → {n}) changes unsafely: {b}; only new optional "
                    "fields or new choices may be added (docs/SYNC.md §11).",
                    f=change.form_id,
                    o=change.old_version,
                    n=change.new_version,
                    b=change.breaking[0],
                )
            )
        if change.old_version is not None and change.new_version <= change.old_version:
            raise SyncError(
                msg(
                    "Biểu mẫu “{f}” đã đổi nhưng phiên bản vẫn là {n}; hãy tăng `version` "
                    "trong [form] lên {m}.",
                    "Form “{f}” changed but its version is still {n}; raise `version` in "
                    "[form] to {m}.",
                    f=change.form_id,
                    n=change.new_version,
                    m=change.old_version + 1,
                )
            )


def _checked_settings(store: Store, settings: dict[str, str]) -> dict[str, str]:
    profile = store.forms["commune"]
    out: dict[str, str] = {}
    for name, value in settings.items():
        if name not in SETTINGS:
            raise SyncError(msg("Cài đặt “{n}” không có.", "There is no setting “{n}”.", n=name))
        problems = check_field(profile.field(name), value)
        if problems:
            problem = problems[0]
            raise SyncError(
                msg(
                    "Cài đặt “{n}”: {p}",
                    "Setting “{n}”: {q}",
                    n=profile.field(name).label_vi,
                    p=problem.vi,
                    q=problem.en,
                )
            )
        out[name] = value
    return out


def held_texts(forms: FormSet, texts: dict[str, str] | None = None) -> dict[tuple[str, int], str]:
    """(form id, version) → text for the forms in use (read from the forms folder) or, with
    `texts`, for the given files."""
    if texts is None:
        texts = {}
        for spec in forms:
            path = forms_dir() / spec.source.name
            if path.is_file():
                texts[path.name] = path.read_text(encoding="utf-8")
    out: dict[tuple[str, int], str] = {}
    for name, text in texts.items():
        try:
            spec = load_form_text(text, name)
        except FormError:
            continue  # not a form of this set: nothing to remember
        if spec.id in forms and forms[spec.id].version == spec.version:
            out[(spec.id, spec.version)] = text
    return out


def publish_forms(
    store: Store, texts: dict[str, str], settings: dict[str, str], *, user: str
) -> FormsDown:
    """At a hub: check, record and install a form set (call inside a transaction; the files
    are installed when it commits). Refuses a bad set, an unsafe change or nothing new."""
    if store.role != "hub":
        raise SyncError(msg("Chỉ cấp trên mới phát hành biểu mẫu.", "Only a hub publishes forms."))
    new = _checked_set(texts)
    changes = diff_sets(store.forms, new)
    _check_safe(changes)
    clean = _checked_settings(store, settings)
    digest = set_hash(texts)
    last = latest_form_set(store, published=True)
    if last is not None and last.sha256 == digest and last.settings == clean:
        raise SyncError(
            msg(
                "Bộ biểu mẫu này đã được phát hành (số {n}).",
                "This form set was already published (number {n}).",
                n=last.set_version,
            )
        )
    number = (last.set_version if last else 0) + 1
    keep_form_texts(store, held_texts(store.forms))
    keep_form_texts(store, held_texts(new, texts))
    record_form_set(
        store, FormSetRow(digest, number, dict(texts), clean, PUBLISHED, utc_now(), user)
    )
    down = FormsDown(number, digest, dict(texts), clean, tuple(changes), new)
    store.audit("forms_publish", user, detail=_audit_detail(down, None))
    # Installed inside the transaction: a set recorded but not in use here would make this
    # hub refuse the communes' packages made with it. A rollback puts the old files back.
    previous = _installed_texts()
    store.on_rollback(lambda: _put_back(previous))
    try:
        install_forms(texts)
    except OSError as exc:
        raise SyncError(
            msg(
                "Không cài được bộ biểu mẫu vào {d}: {e}; chưa phát hành gì.",
                "Cannot install the form set into {d}: {e}; nothing was published.",
                d=str(installed_forms_dir()),
                e=exc.strerror or str(exc),
            )
        ) from None
    return down


def last_published(store: Store) -> FormSetRow | None:
    """The form set this hub published last (None: none yet)."""
    return latest_form_set(store, published=True)


def forms_member(store: Store, *, published: bool = True) -> MemberPlan | None:
    """The `forms.json` member of a hub → commune package (the newest set published here) or,
    with `published` False, of a commune PC → field devices package (the newest received)."""
    last = latest_form_set(store, published=published)
    if last is None:
        return None
    data = json.dumps(
        {
            "set_version": last.set_version,
            "sha256": last.sha256,
            "published_at": last.recorded_at,
            "forms": last.texts,
            "settings": last.settings,
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    return MemberPlan(name=FORMS_NAME, chunks=lambda: [data])


def _bad_member() -> PackageRefused:
    return refused(
        "Phần biểu mẫu ({m}) của gói không đúng định dạng; gói bị từ chối.",
        "The package's form set ({m}) is malformed; refused.",
        m=FORMS_NAME,
    )


def decode_forms(store: Store, data: bytes) -> FormsDown:
    """At a commune: check a `forms.json` member (`is_new` False: installed already).

    Refuses (PackageRefused) a malformed member, a bad set, or a change that is not additive,
    naming the form, both versions and what to do."""
    try:
        raw: Any = json.loads(data.decode("utf-8"))
        number, digest, texts = raw["set_version"], raw["sha256"], raw["forms"]
        settings = raw["settings"]
        if (
            type(number) is not int
            or not 0 < number < 10**9
            or type(texts) is not dict
            or type(settings) is not dict
            or not all(type(v) is str for v in [*texts.values(), *settings.values()])
            or set_hash(texts) != digest
        ):
            raise ValueError(digest)
        for value in [*texts, *settings]:
            check_untrusted(value)
        for value in [*texts.values(), *settings.values()]:
            check_untrusted(value, multiline=True)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, UnsafeText):
        raise _bad_member() from None
    try:
        new = _checked_set(texts)
        clean = _checked_settings(store, settings)
    except SyncError as exc:
        raise PackageRefused(exc.message) from None
    installed = latest_form_set(store, published=False)
    if (
        installed is not None
        and installed.sha256 == digest
        and installed.settings == settings
        # …and in use here: a copy of the database on another computer (a field device)
        # holds the record of the set but not its files.
        and store.forms.versions() == new.versions()
    ):
        return FormsDown(number, digest, dict(texts), clean, (), new, is_new=False)
    changes = diff_sets(store.forms, new)
    if any(c.old_version is not None and c.new_version < c.old_version for c in changes):
        # This program's own forms are newer (an update came first): they stay in use, and
        # the hub's set is passed over until it publishes versions at least as new.
        return FormsDown(number, digest, dict(texts), clean, (), new, is_new=False)
    for change in changes:
        if change.additive:
            continue
        raise refused(
            "Biểu mẫu “{f}” từ cấp trên (phiên bản {n}) không thay được phiên bản ở đây ({o}): "
            "{b}. Hãy báo cấp trên phát hành lại bộ biểu mẫu chỉ thêm trường hoặc lựa chọn.",
            "Form “{f}” from the hub (version {n}) cannot replace the version here ({o}): {b}. "
            "Ask the hub to publish a set that only adds fields or choices.",
            f=change.form_id,
            n=change.new_version,
            o=change.old_version,
            b=change.breaking[0],
        )
    return FormsDown(number, digest, dict(texts), clean, tuple(changes), new)


def apply_form_set(store: Store, down: FormsDown) -> None:
    """At a commune, inside the package's transaction (the file copied aside before it): use
    the new forms from now on and give the database their shape (the `tables` migration step:
    new tables, new columns), so the package's own rows may hold the new fields. The caller
    puts `store.forms` back if the transaction rolls back."""
    keep_form_texts(store, held_texts(store.forms))
    store.forms = down.form_set
    create_missing_tables(store)
    store.set_meta("form_versions", json.dumps(store.forms.versions()))


def record_forms_down(
    store: Store, down: FormsDown, sender: str, user: str, *, to_profile: bool = True
) -> None:
    """At a commune, inside the package's transaction, after `apply_form_set`: keep the set
    and who sent it, apply the settings to the profile (`to_profile`; a field device gets the
    PC's profile row instead), audit. Install the files with `install_forms` after COMMIT (if
    that fails, the next package carrying the set installs it: the versions in use differ)."""
    keep_form_texts(store, held_texts(down.form_set, down.texts))
    record_form_set(
        store,
        FormSetRow(
            down.sha256, down.set_version, down.texts, down.settings, sender, utc_now(), user
        ),
    )
    store.set_meta("forms_from", json.dumps({"hub": sender, "set": down.set_version}))
    if down.settings:
        store.set_meta("settings_from_hub", json.dumps(down.settings, ensure_ascii=False))
        profiles = store.list_records("commune", where={"unit_code": store.unit_code}, limit=1)
        if profiles and to_profile:
            values = {**profiles[0].values, **down.settings}
            try:
                store.save_record("commune", values, user=user, uuid=profiles[0].uuid)
            except DomainError as exc:
                raise refused(
                    "Hồ sơ đơn vị của xã chưa hợp lệ ({e}); hãy sửa ở Cài đặt rồi nhập lại gói.",
                    "The commune's profile is not valid ({e}); correct it in Settings, then "
                    "import the package again.",
                    e=str(exc),
                ) from None
    store.audit("forms_install", user, detail=_audit_detail(down, sender))


def _audit_detail(down: FormsDown, sender: str | None) -> str:
    return json.dumps(
        {
            "from": sender,
            "set": down.set_version,
            "sha256": down.sha256,
            "changes": [c.summary() for c in down.changes],
            "settings": sorted(down.settings),
        },
        ensure_ascii=False,
    )


def _installed_texts() -> dict[str, str]:
    folder = installed_forms_dir()
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.toml"))}


def _put_back(texts: dict[str, str]) -> None:
    """Restore the installed forms as they were (an empty folder: the program's forms)."""
    if texts:
        install_forms(texts)
        return
    for path in installed_forms_dir().glob("*.toml"):
        path.unlink()
    forget_loaded_forms()


def install_forms(texts: dict[str, str]) -> Path:
    """Write the set into the user's forms folder (replacing what was installed); the next
    load of the forms, and the next open of a database, use it."""
    folder = private_folder(installed_forms_dir())
    for name, text in texts.items():
        with atomic_write(folder / name) as temp:
            temp.write_text(text, encoding="utf-8")
    for old in folder.glob("*.toml"):
        if old.name not in texts:
            old.unlink()
    forget_loaded_forms()
    return folder


def check_older_forms(store: Store, manifest: Manifest) -> None:
    """At a hub: a package made with older versions of some forms is accepted when each of
    ours only adds to the version it used (its rows lack the new fields: blank); otherwise
    it is refused naming the form, both versions and what to do. A version never held here is
    judged row by row (an unknown field refuses the package)."""
    for form_id, version in sorted(manifest.forms.items()):
        ours: FormSpec | None = store.forms.forms.get(form_id)
        if ours is None or version >= ours.version:
            continue
        text = held_form_text(store, form_id, version)
        if text is None:
            continue
        change = diff_form(load_form_text(text, f"{form_id}.toml"), ours)
        if not change.additive:
            raise refused(
                "Gói dùng biểu mẫu “{f}” phiên bản {v}; ở đây là phiên bản {k}, khác không chỉ "
                "thêm ({b}). Xã hãy nhập gói mới nhất của cấp trên để nhận phiên bản {k} rồi "
                "xuất lại.",
                "The package uses form “{f}” version {v}; this one is version {k}, which does "
                "more than add ({b}). The commune should import the hub's latest package to get "
                "version {k}, then export again.",
                f=form_id,
                v=version,
                k=ours.version,
                b=change.breaking[0],
            )
