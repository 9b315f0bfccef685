"""The two role vocabularies, defined once for every layer.

A database is a commune's or a hub's (`DatabaseRole`; a summary's scope is the same); an
account may only read, enter records, or administer (`AccountRole`). Who may do what with
them is decided in actions/roles.py.
"""

from __future__ import annotations

from typing import Literal, get_args

DatabaseRole = Literal["commune", "hub"]
DATABASE_ROLES: tuple[DatabaseRole, ...] = get_args(DatabaseRole)

# In rising order: an administrator may do everything an officer may, an officer what a viewer may.
AccountRole = Literal["viewer", "officer", "admin"]
ACCOUNT_ROLES: tuple[AccountRole, ...] = get_args(AccountRole)
ROLE_RANK: dict[str, int] = {role: rank for rank, role in enumerate(ACCOUNT_ROLES)}
