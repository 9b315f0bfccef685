"""Actions: the one place where a change is decided (docs/ARCHITECTURE.md, "Actions").

Every operation that changes data, keys, accounts or files is an action here: it names its
operation in the role table (`roles.ROLE_TABLE`), is refused (and audited) before touching
anything when the logged-in account's role may not do it, runs its database change in one
transaction, and returns `Done(value, changes)` so the screens refresh from one place. The UI
and the command line call actions for every change and read through the store's queries.
"""

from .core import REGISTRY, ActionRefused, Changes, Done, action, require
from .roles import ROLE_TABLE, allowed

__all__ = [
    "REGISTRY",
    "ROLE_TABLE",
    "ActionRefused",
    "Changes",
    "Done",
    "action",
    "allowed",
    "require",
]
