"""Lint: the UI and the command line change nothing except through de06desk/actions.

Run by `make lint` (`python -m tests.lint_writes`) and by tests/actions/test_actions.py.
It reads de06desk/ui and de06desk/cli with `ast` and fails on:

- a call of a function that writes (save/delete a record, users, sync, keys, imports,
  backups, encryption, new databases) imported from anywhere but de06desk.actions;
- a call of a Store writing method (`.save_record`, `.delete_record`, `.transaction`,
  `.audit`, `.set_meta`, `.execute…`) or `Store.create` on anything but an actions module.

Reading stays free: queries, `Store.open`, log-in. A new writer in store/, sync/, quality/ or
backup.py that screens must not call belongs in WRITERS below.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("de06desk/ui", "de06desk/cli")

# Functions that change data, keys, accounts or files (outside de06desk.actions).
WRITERS = frozenset(
    {
        "apply_import",
        "backup_database",
        "clone_device",
        "create_keyring",
        "create_user",
        "encrypt_database",
        "ensure_keys",
        "export_package",
        "export_summary",
        "export_to_commune",
        "export_to_devices",
        "import_package",
        "import_packages",
        "import_summaries",
        "init_hub",
        "insert_records",
        "install_forms",
        "mark_clone",
        "open_cleanup_case",
        "public_key_file",
        "publish_forms",
        "record_forms_down",
        "restore_backup",
        "restore_record",
        "send_down",
        "set_active",
        "set_commune_target",
        "set_hub",
        "set_password",
        "set_role",
        "trust_commune",
        "undo_import",
    }
)
# Store methods that write (or open a transaction to write in).
STORE_WRITES = frozenset(
    {"save_record", "delete_record", "transaction", "audit", "set_meta", "execute", "executemany"}
)
ACTIONS = "de06desk.actions"


def _from_actions(module: str | None) -> bool:
    return module is not None and (module == ACTIONS or module.startswith(ACTIONS + "."))


def problems(path: Path, source: str | None = None) -> Iterator[str]:
    """`file:line: what` for every direct write in one file."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    writers: dict[str, str] = {}  # local name → module it came from (not actions)
    action_modules: set[str] = set()  # local names of de06desk.actions modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            for alias in node.names:
                local = alias.asname or alias.name
                if _from_actions(module) or (module == "de06desk" and alias.name == "actions"):
                    action_modules.add(local)
                elif alias.name in WRITERS:
                    writers[local] = module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _from_actions(alias.name):
                    action_modules.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        where = f"{path.relative_to(ROOT) if path.is_absolute() else path}:{node.lineno}"
        if isinstance(func, ast.Name) and func.id in writers:
            yield f"{where}: {func.id}() from {writers[func.id]} writes; call an action instead"
        elif isinstance(func, ast.Attribute):
            receiver = func.value
            base = receiver
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in action_modules:
                continue
            if isinstance(receiver, ast.Name) and receiver.id == "self":
                continue  # a widget's own method (RecordScreen.delete_record asks, then acts)
            if func.attr in STORE_WRITES:
                yield f"{where}: .{func.attr}() writes to the store; call an action instead"
            elif func.attr in WRITERS:
                yield f"{where}: .{func.attr}() writes; call an action instead"
            elif (
                func.attr == "create"
                and isinstance(receiver, ast.Name)
                and receiver.id in ("Store",)
            ):
                yield f"{where}: Store.create() makes a database; call an action instead"


def check(root: Path = ROOT) -> list[str]:
    """Every direct write found under de06desk/ui and de06desk/cli."""
    found: list[str] = []
    for folder in CHECKED:
        for path in sorted((root / folder).rglob("*.py")):
            found.extend(problems(path))
    return found


def main() -> int:
    """Print the direct writes; exit 1 if there is any."""
    found = check()
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(
            f"{len(found)} direct write(s) from ui/ or cli/: go through de06desk/actions "
            "(docs/ARCHITECTURE.md, “Actions”).",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
