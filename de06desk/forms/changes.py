"""What changed between two versions of a form, and whether the change is safe (additive).

A change is *additive* when every record valid under the old form is still valid, unchanged,
under the new one: new optional fields (blank in old records), new choices, new forms, words
(labels, help, messages) reworded. Anything else — a field removed, renamed or of another type, a
choice removed, a field made required, a bound, length or pattern changed, a rule added or
changed — may make an old record wrong, so a hub refuses to publish it and a hub or commune
refuses a package whose forms differ that way (docs/SYNC.md §11).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from .model import FieldSpec, FormSet, FormSpec


@dataclass(frozen=True)
class FormChange:
    """One form, old → new: what was added and what breaks old records."""

    form_id: str
    old_version: int | None  # None: a new form
    new_version: int
    added_fields: tuple[str, ...] = ()
    added_choices: tuple[str, ...] = ()  # "field: value"
    breaking: tuple[str, ...] = ()  # one short English phrase each ("field 'x' removed")

    @property
    def additive(self) -> bool:
        """True when every record valid under the old form stays valid under the new one."""
        return not self.breaking

    def summary(self) -> str:
        """One line: `citizen 1 → 2 (+ field note_2; + choice sex: other)`."""
        old = "mới" if self.old_version is None else str(self.old_version)
        parts = [f"+ trường {f}" for f in self.added_fields]
        parts += [f"+ lựa chọn {c}" for c in self.added_choices]
        parts += list(self.breaking)
        detail = f" ({'; '.join(parts)})" if parts else ""
        return f"{self.form_id} {old} → {self.new_version}{detail}"


def set_hash(texts: dict[str, str]) -> str:
    """SHA-256 of a form set (file name → TOML text), independent of dict order."""
    canonical = json.dumps(texts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def diff_form(old: FormSpec | None, new: FormSpec) -> FormChange:
    """The change from `old` (None: the form is new) to `new`."""
    if old is None:
        return FormChange(new.id, None, new.version, added_fields=new.field_names)
    breaking: list[str] = []
    if old.table != new.table:
        breaking.append(f"table {old.table} → {new.table}")
    before = {f.name: f for f in old.fields}
    after = {f.name: f for f in new.fields}
    breaking += [f"field '{name}' removed" for name in before if name not in after]
    added = tuple(name for name in after if name not in before)
    breaking += [f"new field '{name}' is required" for name in added if after[name].required]
    added_choices: list[str] = []
    for name, was in before.items():
        now = after.get(name)
        if now is None:
            continue
        breaking += _field_breaks(was, now)
        old_values = {c.value for c in was.choices}
        new_values = {c.value for c in now.choices}
        breaking += [f"choice {name}: {v} removed" for v in sorted(old_values - new_values)]
        added_choices += [f"{name}: {c.value}" for c in now.choices if c.value not in old_values]
    old_rules = {r.id: r.expression.source for r in old.rules}
    breaking += [
        f"rule '{r.id}' added or changed"
        for r in new.rules
        if old_rules.get(r.id) != r.expression.source
    ]
    return FormChange(
        new.id,
        old.version,
        new.version,
        added_fields=added,
        added_choices=tuple(added_choices),
        breaking=tuple(breaking),
    )


def _field_breaks(was: FieldSpec, now: FieldSpec) -> list[str]:
    out: list[str] = []
    if was.type != now.type:
        out.append(f"field '{was.name}' type {was.type} → {now.type}")
    if now.required and not was.required:
        out.append(f"field '{was.name}' made required")
    for key in ("min", "max", "max_length", "pattern", "ref", "multiline", "allow_cmnd"):
        if getattr(was, key) != getattr(now, key):
            out.append(f"field '{was.name}' {key} changed")
    return out


def diff_sets(old: FormSet, new: FormSet) -> list[FormChange]:
    """Every form whose version or content differs, in id order; a form that `new` lacks is a
    breaking change of that form."""
    out: list[FormChange] = []
    for form_id in sorted(set(old.forms) | set(new.forms)):
        if form_id not in new:
            was = old[form_id]
            out.append(FormChange(form_id, was.version, was.version, breaking=("form removed",)))
            continue
        change = diff_form(old.forms.get(form_id), new[form_id])
        if (
            change.old_version != change.new_version
            or change.added_fields
            or change.added_choices
            or change.breaking
        ):
            out.append(change)
    return out
