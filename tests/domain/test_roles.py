"""The role vocabularies are written once (domain/roles.py) and imported everywhere else."""

from __future__ import annotations

import ast
from pathlib import Path

import de06desk
from de06desk.domain.roles import ACCOUNT_ROLES, DATABASE_ROLES, ROLE_RANK

PACKAGE = Path(de06desk.__file__).parent
VOCABULARIES = {frozenset(DATABASE_ROLES), frozenset(ACCOUNT_ROLES)}


def _role_literals(path: Path) -> list[int]:
    """Lines of `Literal[...]` in `path` whose values are one of the role vocabularies."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal"):
            continue
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        values = frozenset(i.value for i in items if isinstance(i, ast.Constant))
        if values in VOCABULARIES:
            lines.append(node.lineno)
    return lines


def test_each_role_literal_is_defined_once() -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _role_literals(path))
    }
    assert list(found) == ["domain/roles.py"] and len(found["domain/roles.py"]) == 2


def test_ranks_rise_from_viewer_to_admin() -> None:
    assert ROLE_RANK == {"viewer": 0, "officer": 1, "admin": 2}
    assert DATABASE_ROLES == ("commune", "hub")
